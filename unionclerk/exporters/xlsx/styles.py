"""Cell styles of the workbooks (submission here; the summary adds its own), built once per
workbook and copied onto cells.

Assigning openpyxl Font/Border objects cell by cell hashes them every time; a big roster
would spend most of its export doing that. Instead each named style is registered once and
its StyleArray (a few integers) is copied onto every cell that uses it.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import Cell as XlCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from unionclerk.exporters.xlsx.layout import FORMULA_START

FONT = "宋体"
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE6F2")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")


def spec(
    size: float = 10.5,
    bold: bool = False,
    color: str | None = None,
    box: bool = True,
    h: str = "left",
    v: str = "center",
    wrap: bool = False,
    indent: int = 0,
    fmt: str = "General",
    fill: PatternFill | None = None,
    underline: str | None = None,
) -> dict[str, Any]:
    return {
        "font": Font(name=FONT, size=size, bold=bold, color=color, underline=underline),
        "border": _BOX if box else Border(),
        "alignment": Alignment(horizontal=h, vertical=v, wrap_text=wrap, indent=indent),
        "number_format": fmt,
        "fill": fill or PatternFill(),
    }


SPECS: dict[str, dict[str, Any]] = {
    "title": spec(16, bold=True, box=False, h="center"),
    "title_draft": spec(16, bold=True, box=False, h="center", color="C00000"),
    "nothing": spec(12, bold=True, h="center", wrap=True),
    "head": spec(box=False, fmt="@"),
    "head_right": spec(box=False, h="right", fmt="@"),
    "colhead": spec(bold=True, h="center", wrap=True, fill=HEAD_FILL),
    "section": spec(bold=True, fill=SECTION_FILL),
    "label0": spec(wrap=True),
    "label1": spec(wrap=True, indent=2),
    "label2": spec(wrap=True, indent=4),
    "unit": spec(h="center"),
    "seq": spec(h="center"),
    "int": spec(h="right", fmt="#,##0"),
    "money": spec(h="right", fmt="#,##0.00"),
    "area": spec(h="right", fmt="#,##0.0"),
    "rate": spec(h="right", fmt="0.0"),
    "text": spec(wrap=True, fmt="@"),
    "center": spec(h="center", fmt="@"),
    "longtext": spec(wrap=True, v="top", fmt="@"),
    "code": spec(fmt="@"),
    "sign": spec(box=False, fmt="@"),
    "toc": spec(color="0563C1", underline="single"),
    "machine": spec(box=False, fmt="@"),
}


class StyleCache:
    """Makes styled cells for one workbook, from `specs` (name → `spec(...)`)."""

    def __init__(self, specs: dict[str, dict[str, Any]] | None = None) -> None:
        self._specs = SPECS if specs is None else specs
        self._arrays: dict[str, Any] = {}
        self._ids: dict[str, int] = {}

    def array(self, ws: Any, name: str) -> Any:
        """The StyleArray of a named style ("name:q" adds Excel's quote prefix)."""
        array = self._arrays.get(name)
        if array is None:
            base, _, quoted = name.partition(":")
            probe = XlCell(ws)
            for attr, value in self._specs[base].items():
                setattr(probe, attr, value)
            if quoted:
                # Text starting with = + - @ shows as typed and stays text when edited.
                probe.quotePrefix = True
            array = self._arrays[name] = probe._style
        return array

    def style_id(self, ws: Any, style: str) -> int:
        """The workbook's index of a named style (what a cell's `s` attribute holds)."""
        sid = self._ids.get(style)
        if sid is None:
            sid = self._ids[style] = ws.parent._cell_styles.add(self.array(ws, style))
        return sid

    def cell(self, ws: Any, value: Any, style: str, column: int = 1) -> XlCell:
        if isinstance(value, str) and value.startswith(FORMULA_START):
            style = f"{style}:q"
        cell = XlCell(ws, row=1, column=column, value=value, style_array=self.array(ws, style))
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
        return cell
