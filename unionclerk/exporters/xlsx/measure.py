"""Does every cell's text fit its printed box? Measured with the embedded font's metrics.

Excel and LibreOffice print a cell cut off (text under the next cell, `###` for a number,
a wrapped line below the row's bottom) when its text is bigger than the box. Here the box is
worked out as they do — a column `w` units wide is `7w + 5` pixels (0.75 pt each), a row as
tall as its height or 15 pt — and the text is measured with WenQuanYi Micro Hei, the font
the PDF embeds (so no office suite is needed to check): wrapped text breaks between
characters as CJK text does, a number shows as its number format shows it.

`fit_plan` raises a submission sheet's row heights and widens its columns until everything
fits before the sheet is written; `overflows` checks a written workbook, cell by cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from reportlab.pdfbase.pdfmetrics import stringWidth

from unionclerk import paths
from unionclerk.exporters.pdf import fonts as pdf_fonts

DEFAULT_HEIGHT = 15.0  # points: a row without a height of its own
DEFAULT_WIDTH = 8.43  # units: a column without a width of its own
LINE = 1.25  # a printed line is 1.25 × the font size
PAD = 2.5  # points of inner margin on each side of a cell
INDENT = 7.0  # points per indent level
BOLD = 1.06  # bold text is drawn a little wider


def _font() -> str:
    if pdf_fonts.FONT not in pdf_fonts._registered:  # found and read once
        pdf_fonts.register(paths.font_path())
    return pdf_fonts.FONT


def column_points(units: float | None) -> float:
    """The printed width of a column `units` wide (Excel's width units)."""
    units = DEFAULT_WIDTH if units is None else units
    return int(7 * units + 5) * 0.75


def units_for(points: float) -> float:
    """The narrowest column width (units) whose printed width is at least `points`."""
    return round((points / 0.75 - 5 + 1) / 7 + 0.05, 1)


def text_points(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of `text` at `size` points."""
    return stringWidth(text, _font(), size) * (BOLD if bold else 1.0)


def line_count(text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines that wrapped `text` takes in a box `width` points wide (breaks between
    characters, as Excel and LibreOffice break CJK text)."""
    font, scale = _font(), BOLD if bold else 1.0
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0.0
        for ch in paragraph:
            w = stringWidth(ch, font, size) * scale
            if used + w > width and used > 0:
                lines += 1
                used = 0.0
            used += w
    return lines


def lines_height(lines: int, size: float) -> float:
    """The row height that shows `lines` lines at `size` points."""
    return lines * size * LINE + 1


def shown_text(value: Any, number_format: str) -> str:
    """The text a cell shows for `value` under its number format."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return "" if value is None else str(value)
    fmt = number_format or "General"
    decimals = len(fmt.split(".")[1].rstrip("%")) if "." in fmt else 0
    if fmt == "General":
        return f"{value:.10g}" if isinstance(value, float) else str(value)
    grouped = "," if "," in fmt else ""
    return format(float(value), f"{grouped}.{decimals}f")


@dataclass(frozen=True)
class Box:
    """A cell's printed box and how its text is drawn."""

    width: float  # points inside the margins
    height: float  # points
    size: float
    bold: bool
    wrap: bool


@dataclass(frozen=True)
class Overflow:
    sheet: str
    cell: str
    text: str
    why: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}“{self.text}”：{self.why}"


def overflow(text: str, box: Box) -> str | None:
    """Why `text` does not fit `box`, or None when it fits."""
    if not text:
        return None
    if box.wrap:
        one_line = "\n" not in text and _points(text, box.size, box.bold) <= box.width
        lines = 1 if one_line else line_count(text, box.width, box.size, box.bold)
        need = lines_height(lines, box.size)
        return (
            None
            if need <= box.height + 0.01
            else (f"{lines} 行需高 {need:.1f} 磅，行高只有 {box.height:.1f} 磅")
        )
    widest = max(_points(line, box.size, box.bold) for line in text.split("\n"))
    lines = text.count("\n") + 1
    if widest > box.width + 0.01:
        return f"需宽 {widest:.1f} 磅，格子只有 {box.width:.1f} 磅"
    if lines_height(lines, box.size) > box.height + 0.01:
        return (
            f"{lines} 行需高 {lines_height(lines, box.size):.1f} 磅，行高只有 {box.height:.1f} 磅"
        )
    return None


def overflows(path: Path) -> list[Overflow]:
    """Every visible cell of a saved workbook whose text does not fit its printed box.
    A cell without a border whose text is not wrapped may run on over empty cells beside
    it, as a spreadsheet prints it."""
    wb = load_workbook(path)
    out: list[Overflow] = []
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            spans: dict[tuple[int, int], tuple[int, int]] = {}
            for rng in ws.merged_cells.ranges:
                for r in range(rng.min_row, rng.max_row + 1):
                    spans[(r, rng.min_col)] = (rng.max_col, rng.max_row)
            widths = {k: v.width for k, v in ws.column_dimensions.items()}
            end = ws.max_column
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is None or cell.value == "" or not hasattr(cell, "column"):
                        continue
                    last_col, last_row = spans.get((cell.row, cell.column), (cell.column, cell.row))
                    width = sum(
                        column_points(_width(widths, c)) for c in range(cell.column, last_col + 1)
                    )
                    height = sum(
                        ws.row_dimensions[r].height or DEFAULT_HEIGHT
                        for r in range(cell.row, last_row + 1)
                    )
                    align = cell.alignment
                    if (
                        not align.wrap_text
                        and not (cell.border.left and cell.border.left.style)
                        and align.horizontal in (None, "general", "left")
                    ):
                        col = last_col + 1  # runs on over the empty cells to its right
                        while col <= end and _empty(ws, cell.row, col):
                            width += column_points(_width(widths, col))
                            col += 1
                    inner = width - 2 * PAD - INDENT * (align.indent or 0)
                    box = Box(
                        inner, height, cell.font.sz or 11, bool(cell.font.b), bool(align.wrap_text)
                    )
                    text = shown_text(cell.value, cell.number_format)
                    why = overflow(text, box)
                    if why:
                        out.append(Overflow(ws.title, cell.coordinate, text[:40], why))
    finally:
        wb.close()
    return out


def _empty(ws: Any, row: int, col: int) -> bool:
    cell = ws._cells.get((row, col))  # ws.cell() would make the cell
    return cell is None or cell.value in (None, "")


def _width(widths: dict[str, Any], col: int) -> float | None:
    return widths.get(get_column_letter(col))


_WIDTHS: dict[tuple[str, float, bool], float] = {}


def _points(text: str, size: float, bold: bool) -> float:
    key = (text, size, bold)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) > 50_000:
            _WIDTHS.clear()
        width = _WIDTHS[key] = text_points(text, size, bold)
    return width


@dataclass(frozen=True)
class _Style:
    """What fitting needs to know of a cell style, worked out once per style."""

    size: float
    bold: bool
    wrap: bool
    boxed: bool  # a bordered cell keeps to its box; an unbordered heading may run on
    number_format: str
    indent: float
    one_line: float  # the row height one line needs


def _style(spec: dict[str, Any]) -> _Style:
    font, align, border = spec["font"], spec["alignment"], spec["border"]
    return _Style(
        font.sz,
        bool(font.b),
        bool(align.wrap_text),
        bool(border.left and border.left.style),
        spec["number_format"],
        INDENT * (align.indent or 0),
        lines_height(1, font.sz),
    )


def fit_plan(plan: Any, specs: dict[str, dict[str, Any]]) -> None:
    """Widen a sheet plan's columns for codes and numbers that must stay on one line, then
    raise its row heights for wrapped text, so that every cell prints whole. Fast for the
    usual cell: a text with fewer characters than its box holds at 1 em each is not
    measured at all."""
    spans: dict[tuple[int, int], int] = {}
    for ref in plan.merges:
        first, last = ref.split(":")
        row = int("".join(c for c in first if c.isdigit()))
        spans[(row, _col(first))] = _col(last)
    widths: list[float] = plan.widths
    styles: dict[str, _Style] = {}
    heights = plan.heights
    wrapped: list[tuple[int, int, int, str, _Style]] = []
    for row, cells in enumerate(plan.rows, start=1):
        for cell in cells:
            value = cell.value
            if value is None or value == "":
                continue
            st = styles.get(cell.style)
            if st is None:
                st = styles[cell.style] = _style(specs[cell.style.partition(":")[0]])
            last = spans.get((row, cell.col), cell.col)
            if st.wrap:
                wrapped.append((row, cell.col, last, str(value), st))
                continue
            if st.one_line > heights.get(row, DEFAULT_HEIGHT):
                heights[row] = round(st.one_line + 0.5, 1)
            if not st.boxed or last > len(widths):
                continue
            text = shown_text(value, st.number_format)
            have = sum(column_points(widths[c - 1]) for c in range(cell.col, last + 1))
            if len(text) * st.size * (BOLD if st.bold else 1) + 2 * PAD <= have:
                continue  # fits even if every character were a full em wide
            need = _points(text, st.size, st.bold) + 2 * PAD
            if need > have + 0.01:
                widths[last - 1] = max(
                    widths[last - 1], units_for(column_points(widths[last - 1]) + need - have)
                )
    for row, first, last, text, st in wrapped:
        inner = (
            sum(column_points(widths[c - 1]) for c in range(first, last + 1)) - 2 * PAD - st.indent
        )
        if "\n" not in text and (
            len(text) * st.size * (BOLD if st.bold else 1) <= inner
            or _points(text, st.size, st.bold) <= inner
        ):
            lines = 1
        else:
            lines = line_count(text, inner, st.size, st.bold)
        need = lines_height(lines, st.size)
        if need > heights.get(row, DEFAULT_HEIGHT) + 0.01:
            heights[row] = round(need + 0.5, 1)


def _col(ref: str) -> int:
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + ord(ch.upper()) - 64
    return n
