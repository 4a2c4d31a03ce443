"""Long text in PDF tables: broken into page-sized pieces before the table is built.

A reportlab table row cannot be taller than a page (LayoutError), and its own `splitInRow`
mis-draws cells that are vertically centred. So a cell whose text would make its row taller
than `ROW_SHARE` of a page is broken into lines here (the CJK rule of Paragraph's
wordWrap='CJK', `pdf_roster.wrap_cjk`) and the lines are dealt into as many rows as needed;
the callers label the continuation rows 续. Text that fits keeps its single row unchanged.
"""

from __future__ import annotations

from math import ceil

from reportlab.pdfbase.pdfmetrics import stringWidth

from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.pdf.roster import wrap_cjk

ROW_SHARE = 0.45  # the tallest row, as a share of the frame's height: two fit on a page
PADDING = 2.0  # the grid's left and right cell padding (pdf_common.grid_style)
CONTINUED = "（续）"


class _Measure(dict):
    """Character widths at one font size, each measured once."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def __missing__(self, text: str) -> float:
        width = self[text] = stringWidth(text, pdf_fonts.FONT, self.size)
        return width


_MEASURES: dict[float, _Measure] = {}


def lines(text: str, col_width: float, size: float) -> list[str]:
    """`text` as printed in a column `col_width` wide at `size` points."""
    measure = _MEASURES.setdefault(size, _Measure(size))
    # a point to spare: Paragraph's own measure must never wrap a line this one kept whole
    return wrap_cjk(text, col_width - 2 * PADDING - 1, measure)


def most_lines(frame_height: float, size: float) -> int:
    return max(1, int(frame_height * ROW_SHARE // (size * 1.3)))


def pieces(texts: list[tuple[str, float, float]], frame_height: float) -> list[list[str]] | None:
    """For the cells of one row — (text, column width, font size) each — None when the row
    fits on a page; else each cell's text dealt into pieces, one list per continuation row
    (a cell with less text gets "" in the later rows)."""
    broken, rows = [], 1
    for text, width, size in texts:
        # at most: one line per break, plus the text laid end to end (wide glyphs ~ 1 em)
        worst = text.count("\n") + 1 + len(text) * size / max(width - 2 * PADDING - 1, 1.0)
        if worst * size * 1.3 <= frame_height * ROW_SHARE:
            broken.append(None)  # cannot outgrow its share of a page: no need to measure
            continue
        cell = lines(text, width, size)
        most = most_lines(frame_height, size)
        broken.append((cell, most))
        rows = max(rows, ceil(len(cell) / most))
    if rows == 1:
        return None
    out: list[list[str]] = [[] for _ in range(rows)]
    for (text, _, _), cell in zip(texts, broken, strict=True):
        for r in range(rows):
            if cell is None:
                out[r].append(text if r == 0 else "")
            else:
                part, most = cell
                out[r].append("\n".join(part[r * most : (r + 1) * most]))
    return out
