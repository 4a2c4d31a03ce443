"""The summary workbook's cells and sheets: its styles, a write-only `Sheet` whose rows are
styled, formula-proof cells (widths measured from what the rows hold, print set-up for A4), and
`shown`, how one JSON value becomes a summary cell.

`summary_sheets` fills sheets of this kind; `summary_xlsx` makes the workbook that holds them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell as XlCell
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.worksheet.properties import PageSetupProperties

from unionclerk.exporters.xlsx import measure as xlsx_measure
from unionclerk.exporters.xlsx.layout import (
    CODE_TYPES,
    FORMULA_START,
    NUMBER_STYLES,
    clean,
    col_letter,
    text_width,
)
from unionclerk.exporters.xlsx.styles import SPECS as BASE
from unionclerk.exporters.xlsx.styles import StyleCache, spec
from unionclerk.exporters.xlsx.writer import page_margins
from unionclerk.formspec.model import FieldDef

HEADER_ROW = 3
_TOTAL = PatternFill("solid", fgColor="FFF2CC")
# The submission workbook's styles, with a smaller title and the 合计 rows highlighted.
SPECS: dict[str, dict[str, Any]] = {
    **{
        name: BASE[name]
        for name in (
            "head",
            "colhead",
            "code",
            "center",
            "int",
            "money",
            "area",
            "rate",
            "section",
            "machine",
            "sign",
        )
    },
    "title": spec(15, bold=True, box=False),
    "text": spec(fmt="@"),  # no wrapping: a unit's row stays one line high
    "t_text": spec(bold=True, fill=_TOTAL, fmt="@"),
    "text_wrap": spec(wrap=True, fmt="@"),  # a text longer than the widest column
    "t_text_wrap": spec(bold=True, fill=_TOTAL, fmt="@", wrap=True),
    # a streamed roster cell too long for its column (the rest have the default style)
    "wrap": {
        "font": Font(name="Calibri", size=11),
        "border": Border(),
        "alignment": Alignment(wrap_text=True, vertical="center"),
        "number_format": "General",
        "fill": PatternFill(),
    },
    "t_int": spec(bold=True, h="right", fmt="#,##0", fill=_TOTAL),
    "t_money": spec(bold=True, h="right", fmt="#,##0.00", fill=_TOTAL),
    "t_area": spec(bold=True, h="right", fmt="#,##0.0", fill=_TOTAL),
    "t_rate": spec(bold=True, h="right", fmt="0.0", fill=_TOTAL),
}


class Sheet:
    """A write-only sheet with styled, formula-proof cells.

    Rows wait in memory until `flush` (called by `finish`, or by the first streamed roster
    row): a write-only sheet must have its column widths before its first row, and the widths
    come from what the rows hold, measured with the font (`xlsx_measure`), so that codes,
    phones, 合计 texts and file names print whole. Streamed roster sheets keep the widths
    their heading gives by field type.
    """

    def __init__(self, wb: Workbook, name: str, styles: StyleCache, draft: bool = False) -> None:
        self.ws = wb.create_sheet(name)
        self.name = name
        self.draft = draft
        self._styles = styles
        self.rows = 0
        self.ws._values_to_row = _cells_to_row
        self._pending: list[list[tuple[Any, str]]] = []
        self._setup: dict[str, Any] | None = None
        self._flushed = False

    def _array(self, style: str) -> Any:
        return self._styles.array(self.ws, style)

    def append(self, cells: Iterable[tuple[Any, str]]) -> int:
        """Append (value, style) cells as the next row; returns its number."""
        cells = [(clean(v) if isinstance(v, str) else v, style) for v, style in cells]
        self.rows += 1
        if self._flushed:
            self._write(cells)
        else:
            self._pending.append(cells)
        return self.rows

    def _write(self, cells: list[tuple[Any, str]]) -> None:
        row = []
        for col, (value, style) in enumerate(cells, start=1):
            if isinstance(value, str) and value.startswith(FORMULA_START):
                style = f"{style}:q"  # shows as typed, stays text when edited
            cell = XlCell(self.ws, row=1, column=col, value=value, style_array=self._array(style))
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            row.append(cell)
        self.ws.append(row)

    def append_plain(self, values: list[Any], wrap: Iterable[int] = ()) -> None:
        """Append values with the default style; text stays text (never a formula). A text
        too long for its column (0-based `wrap` indexes name the columns that may wrap) is
        wrapped and the row made tall enough for it."""
        if not self._flushed:
            self.flush()
        wrapped, height = self._wrapped(values, wrap)
        if height:
            self.ws.row_dimensions[self.rows + 1].height = height
        row = []
        for col, value in enumerate(values, start=1):
            if value is None:
                continue
            if isinstance(value, str):
                value = clean(value)
            if col - 1 in wrapped:
                cell = XlCell(
                    self.ws, row=1, column=col, value=value, style_array=self._array("wrap")
                )
            else:
                cell = XlCell(self.ws, row=1, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
                if value.startswith(FORMULA_START):
                    cell.quotePrefix = True
            row.append(cell)
        self.ws.append(row)
        self.rows += 1

    def _wrapped(self, values: list[Any], wrap: Iterable[int]) -> tuple[set[int], float]:
        """Which cells of a streamed row must wrap, and the row height they need (0: none).
        Cheap for the usual row: a text with fewer characters than fit is not measured."""
        widths = self._setup["widths"] if self._setup else []
        out, lines = set(), 1
        for i in wrap:
            value = values[i] if i < len(values) else None
            if not isinstance(value, str) or i >= len(widths):
                continue
            inner = xlsx_measure.column_points(widths[i]) - 2 * xlsx_measure.PAD
            if len(value) * PLAIN_SIZE <= inner and "\n" not in value:
                continue
            if xlsx_measure.text_points(value, PLAIN_SIZE) <= inner and "\n" not in value:
                continue
            out.add(i)
            lines = max(lines, xlsx_measure.line_count(value, inner, PLAIN_SIZE))
        if not out:
            return out, 0.0
        return out, round(xlsx_measure.lines_height(lines, PLAIN_SIZE) + 0.5, 1)

    def heading(
        self,
        title: str,
        subtitle: str,
        headers: list[str],
        widths: list[float] | None = None,
        landscape: bool = True,
        freeze: str | None = "D4",
    ) -> None:
        """Title, subtitle and the column headings (row 3); print set-up at `flush`. The
        headings stay one text each (no fixed line breaks: county staff filter and look
        columns up by them); they wrap in their cells, the row as tall as they need."""
        self._setup = {
            "headers": headers,
            "landscape": landscape,
            "freeze": freeze,
            "widths": [widths[i] if widths else _width(h, i + 1) for i, h in enumerate(headers)],
        }
        self.append([(title, "title")])
        self.append([(subtitle, "head")])
        self.append([(h, "colhead") for h in headers])

    def flush(self) -> None:
        """Set widths, row heights and print set-up, then write the rows kept so far."""
        if self._flushed:
            return
        self._flushed = True
        setup = self._setup
        if setup is not None:
            self._page_setup(setup)
        for row, cells in enumerate(self._pending, start=1):
            if setup is not None and row in (1, HEADER_ROW):
                self.ws.row_dimensions[row].height = self._height(cells, setup["widths"], row)
            elif setup is not None:
                cells = self._wrap_long(cells, setup["widths"], row)
            self._write(cells)
        self._pending = []

    def _page_setup(self, setup: dict[str, Any]) -> None:
        ws, headers, freeze = self.ws, setup["headers"], setup["freeze"]
        sizes = setup["widths"]
        for cells in self._pending[HEADER_ROW:]:  # the rows under the headings
            for i, (value, style) in enumerate(cells[: len(sizes)]):
                sizes[i] = max(sizes[i], self._need(value, style))
        for i, width in enumerate(sizes, start=1):
            ws.column_dimensions[col_letter(i)].width = round(width, 1)
        n = max(1, len(headers))
        if freeze:
            ws.freeze_panes = freeze
        ws.page_setup.paperSize = 9
        ws.page_setup.orientation = "landscape" if setup["landscape"] else "portrait"
        ws.page_setup.fitToWidth = _pages_wide(sizes, freeze) if setup["landscape"] else 1
        if ws.page_setup.fitToWidth > 1:  # every page repeats the columns naming the unit
            ws.print_title_cols = f"A:{col_letter(_frozen_columns(freeze))}"
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        page_margins(ws)
        ws.HeaderFooter.oddFooter.center.text = "第 &P 页 共 &N 页"
        ws.HeaderFooter.oddHeader.left.text = self.name
        if self.draft:  # every printed page says so, as a township's draft does
            ws.HeaderFooter.oddHeader.right.text = "草稿"
            ws.HeaderFooter.oddHeader.right.color = "C00000"
            ws.HeaderFooter.oddHeader.right.size = 14
        if n > 1:
            ws.merged_cells.add(f"A1:{col_letter(n)}1")
            ws.merged_cells.add(f"A2:{col_letter(n)}2")

    def _wrap_long(
        self, cells: list[tuple[Any, str]], widths: list[float], row: int
    ) -> list[tuple[Any, str]]:
        """A text longer than the widest column wraps, and its row grows to show it."""
        out, need = [], 0.0
        for i, (value, style) in enumerate(cells):
            if (
                style in WRAPS
                and isinstance(value, str)
                and i < len(widths)
                and self._need(value, style) >= MAX_WIDTH
            ):
                style = WRAPS[style]
                font = SPECS[style]["font"]
                inner = xlsx_measure.column_points(widths[i]) - 2 * xlsx_measure.PAD
                lines = xlsx_measure.line_count(value, inner, font.sz, bool(font.b))
                need = max(need, xlsx_measure.lines_height(lines, font.sz))
            out.append((value, style))
        if need > xlsx_measure.DEFAULT_HEIGHT:
            self.ws.row_dimensions[row].height = round(need + 0.5, 1)
        return out

    def _need(self, value: Any, style: str) -> float:
        """The column width (units) that shows `value` on one line in `style`."""
        if value is None or value == "":
            return 0.0
        font, fmt = SPECS[style]["font"], SPECS[style]["number_format"]
        text = xlsx_measure.shown_text(value, fmt)
        return min(
            MAX_WIDTH,
            xlsx_measure.units_for(
                xlsx_measure.text_points(text, font.sz, bool(font.b)) + 2 * xlsx_measure.PAD
            ),
        )

    def _height(self, cells: list[tuple[Any, str]], widths: list[float], row: int) -> float:
        """Row 1 (the title) and the headings' row: tall enough for their (wrapped) text."""
        need = xlsx_measure.DEFAULT_HEIGHT
        for i, (value, style) in enumerate(cells):
            if value in (None, ""):
                continue
            font = SPECS[style]["font"]
            width = sum(widths) if row == 1 else widths[i] if i < len(widths) else 0
            inner = xlsx_measure.column_points(width) - 2 * xlsx_measure.PAD
            lines = xlsx_measure.line_count(str(value), inner, font.sz, bool(font.b))
            need = max(need, xlsx_measure.lines_height(lines, font.sz))
        return round(need + 0.5, 1)


# Column-width units that fit across an A4 landscape page printed at about 85 % (the print
# area is about 26 cm; one unit of 宋体 10.5 pt is about 1.9 mm at 100 %). A sheet up to
# ONE_PAGE wide still prints on one page width (at 70 % or more).
PAGE_WIDTH = 160
ONE_PAGE = 200
PLAIN_SIZE = 11.0  # points: the default font of the streamed roster cells
MAX_WIDTH = 80.0  # a column never grows wider than this from its contents
WRAPS = {"text": "text_wrap", "t_text": "t_text_wrap"}


def _frozen_columns(freeze: str | None) -> int:
    """How many columns the frozen pane holds ("D4": A to C, the unit's number and name)."""
    letters = "".join(c for c in (freeze or "") if c.isalpha())
    return max(0, ord(letters[0].upper()) - ord("A")) if len(letters) == 1 else 0


def _pages_wide(sizes: list[float], freeze: str | None) -> int:
    """Pages across for a sheet: one while it prints at a readable size, else as many as its
    columns need, each page repeating the frozen columns so that every row names its unit."""
    total = sum(sizes)
    if total <= ONE_PAGE:
        return 1
    ident = sum(sizes[: _frozen_columns(freeze)])
    room = PAGE_WIDTH - ident
    if room < PAGE_WIDTH / 2:  # the naming columns alone fill half a page: shrink instead
        return 1
    return math.ceil((total - ident) / room)


def _width(header: str, column: int) -> float:
    """Column width by what the column holds (never measured over all rows)."""
    if column == 1:
        return 7.0
    if column == 2:
        return 15.0
    if column == 3:
        return 22.0
    return max(9.0, min(30.0, text_width(header) * 0.7 + 2))


def _cells_to_row(cells: list[XlCell], row_idx: int) -> Iterator[XlCell]:
    """Our rows are ready-made cells: skip openpyxl's per-value conversion."""
    for cell in cells:
        cell.row = row_idx
        yield cell


def shown(f: FieldDef, values: Mapping[str, Any]) -> tuple[Any, str]:
    """A JSON value as a summary cell: numbers stay numbers, 其他 carries its text."""
    value = values.get(f.key)
    kind = f.type.name
    if kind in NUMBER_STYLES:
        return (value if not isinstance(value, str) else float(value)), NUMBER_STYLES[kind]
    if value is None:
        return None, "text"
    if kind == "bool":
        return ("是" if value else "否"), "center"
    if kind == "choice" and f.has_other and value == "其他" and values.get(f.other_key):
        return f"其他({values[f.other_key]})", "text"
    if kind in CODE_TYPES:
        return str(value), "code"
    return str(value), "text"
