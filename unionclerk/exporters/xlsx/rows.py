"""Fast row writing for the write-only worksheets of a submission workbook.

openpyxl builds an ElementTree element per cell and serialises it; for a 2,000-row report
that is most of the export time. Our rows are already plain (text, numbers, a style name), so
each row's XML is formatted directly — the same markup openpyxl writes (inline strings, style
ids from the workbook's own style table). If openpyxl's internals ever differ from what this
expects, `install` returns False and the writer takes openpyxl's ordinary path instead.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from unionclerk.exporters.xlsx.layout import FORMULA_START, Cell, col_letter
from unionclerk.exporters.xlsx.styles import StyleCache

_LETTERS = [""] + [col_letter(i) for i in range(1, 200)]


def _number(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return repr(value) if isinstance(value, float) else str(value)


class RowWriter:
    """Stands in for openpyxl's per-row writer on one write-only worksheet."""

    def __init__(self, ws: Any, styles: StyleCache, heights: dict[int, float]) -> None:
        self.ws, self.styles, self.heights = ws, styles, heights
        self.ids: dict[str, int] = {}

    def _sid(self, style: str) -> int:
        sid = self.ids.get(style)
        if sid is None:
            sid = self.ids[style] = self.styles.style_id(self.ws, style)
        return sid

    def write_row(self, xf: Any, cells: list[Cell], row_idx: int) -> None:
        height = self.heights.get(row_idx)
        parts = [
            f'<row r="{row_idx}" ht="{height}" customHeight="1">'
            if height
            else f'<row r="{row_idx}">'
        ]
        sid = self._sid
        for c in cells:
            value = c.value
            ref = f"{_LETTERS[c.col]}{row_idx}"
            if value is None or value == "":
                parts.append(f'<c r="{ref}" s="{sid(c.style)}"/>')
            elif isinstance(value, str):
                style = f"{c.style}:q" if value.startswith(FORMULA_START) else c.style
                space = ' xml:space="preserve"' if value != value.strip() else ""
                parts.append(
                    f'<c r="{ref}" s="{sid(style)}" t="inlineStr"><is><t{space}>'
                    f"{escape(value)}</t></is></c>"
                )
            else:
                parts.append(f'<c r="{ref}" s="{sid(c.style)}" t="n"><v>{_number(value)}</v></c>')
        parts.append("</row>")
        xf._file("".join(parts))


def install(ws: Any, styles: StyleCache, heights: dict[int, float]) -> bool:
    """Route `ws.append(cells)` through a RowWriter; False when openpyxl is not as expected."""
    try:
        ws._get_writer()
        writer = ws._writer
        if not hasattr(writer, "write_row") or not hasattr(ws, "_values_to_row"):
            return False
    except AttributeError:
        return False
    rows = RowWriter(ws, styles, heights)
    writer.write_row = rows.write_row
    ws._values_to_row = lambda cells, _row_idx: cells
    return True
