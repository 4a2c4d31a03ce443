"""Roster pages of the PDF: the table split into page-sized tables, each with the header row.

One big reportlab Table re-measures every remaining row each time it splits at a page end,
which grows with the square of the length (thousands of rows took seconds). Here each row's
height is known up front, rows are packed into pages, and each page gets its own table with
fixed row heights. Cells are plain strings (cheap to draw; no markup, so nothing to
escape); text longer than its column is broken into lines by `wrap_cjk`, the CJK rule of
Paragraph's wordWrap='CJK'. Column headings are Paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from unionclerk.exporters import headings
from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.pdf.common import GlyphCheck, grid_style, para, shown
from unionclerk.exporters.xlsx.layout import roster_columns
from unionclerk.formspec.model import FieldDef, FormDef

SIZE = 7.5
LEADING = SIZE * 1.3
PAD = 2.0
SAMPLE = 300
MIN_TEXT = 3 * SIZE + 2 * PAD + 1  # a text column shows at least three characters
NUMERIC = ("int", "money", "area", "rate", "yearmonth", "date")


def cell_text(form: FormDef, f: FieldDef, values: dict[str, Any], full_ids: bool) -> str:
    text = shown(f, values.get(f.key), full_ids)
    if f.has_other:
        other = values.get(f.other_key)
        if other:
            text = f"{text}（{other}）" if text else str(other)
    return text


def _label(f: FieldDef) -> str:
    return f"{f.label}({f.unit})" if f.unit and f.unit not in f.label else f.label


def heading(label: str, measure: _Widths | None = None) -> str:
    """A column heading with a fixed line break at a word boundary (工会/职务, not 工会职/务)."""
    measure = measure if measure is not None else _Widths()
    return headings.heading(label, measure.__getitem__)


def heading_width(text: str, measure: _Widths) -> float:
    """The width a heading needs: its widest line."""
    return headings.widest_line(text, measure.__getitem__)


class _Widths(dict):
    """Text widths at the roster size, each distinct text measured once (choices, dates and
    units repeat down a roster)."""

    def __missing__(self, text: str) -> float:
        width = self[text] = stringWidth(text, pdf_fonts.FONT, SIZE)
        return width


NO_LINE_START = set("，。、；：？！）》」』】〕〉”’,.;:?!)]}%")


def wrap_cjk(text: str, avail: float, measure: _Widths) -> list[str]:
    """Break text into lines of at most `avail` points, anywhere between characters (as
    Paragraph's wordWrap='CJK' does), never starting a line with closing punctuation: the
    character before it moves down with it."""
    lines: list[str] = []
    line, used = "", 0.0
    for ch in text:
        if ch == "\n":
            lines.append(line)
            line, used = "", 0.0
            continue
        width = measure[ch]
        if used + width > avail and line:
            if ch in NO_LINE_START and len(line) > 1:
                lines.append(line[:-1])
                line = line[-1]
                used = measure[line]
            else:
                lines.append(line)
                line, used = "", 0.0
        line += ch
        used += width
    lines.append(line)
    return lines


def col_widths(
    headers: list[str], rows: list[list[str]], total: float, measure: _Widths, wrappable: list[bool]
) -> list[float]:
    """Widths filling `total`: numbers, dates and codes keep their natural width (they must
    not wrap); text columns share what is left, none narrower than a few characters."""
    natural, floors = [], []
    for i, header in enumerate(headers):
        head = heading_width(header, measure)  # headings carry their own line breaks
        floors.append(max(MIN_TEXT, head + 2 * PAD + 1))
        need = max(head, 2 * SIZE + 1)
        for row in rows[:SAMPLE]:
            need = max(need, measure[row[i]])
        natural.append(max(min(need, 110.0), head) + 2 * PAD + 1)
    if sum(natural) <= total:
        return [w * total / sum(natural) for w in natural]
    out = list(natural)
    squeezable = {i for i, flex in enumerate(wrappable) if flex}
    for _ in range(len(out)):  # text columns hitting their minimum drop out of the squeeze
        rest = total - sum(w for i, w in enumerate(out) if i not in squeezable)
        share = sum(natural[i] for i in squeezable)
        if not squeezable or share <= 0:
            break
        factor = max(rest, 0.0) / share
        floor = {i for i in squeezable if natural[i] * factor < floors[i]}
        for i in squeezable:
            out[i] = floors[i] if i in floor else natural[i] * factor
        if not floor:
            break
        squeezable -= floor
    return [w * min(1.0, total / sum(out)) for w in out]


@dataclass
class RosterCells:
    headers: list[str]
    body: list[list[str]]  # printed cell texts, long ones already broken into lines
    widths: list[float]
    heights: list[float]  # of each body row
    right: list[int]  # columns of numbers, right-aligned


def roster_cells(
    form: FormDef,
    rows: list[dict[str, Any]],
    full_ids: bool,
    width: float,
    glyphs: GlyphCheck | None = None,
    where: str = "",
) -> RosterCells:
    """What the roster's table prints, cell by cell, and how tall each row is."""
    fields = roster_columns(form)  # a `<key>_other` text joins its choice's cell
    measure = _Widths()
    headers = ["序号"] + [heading(_label(f), measure) for f in fields]
    texts = []
    for n, values in enumerate(rows, start=1):
        row = [str(n)]
        for f in fields:
            text = cell_text(form, f, values, full_ids)
            if glyphs and text and f.type.name not in NUMERIC:
                glyphs.check(text, f"{where} 第 {n} 行 ", f.label)
            row.append(text)
        texts.append(row)
    wrappable = [False] + [f.type.name in ("text", "longtext", "choice") for f in fields]
    widths = col_widths(headers, texts, width, measure, wrappable)
    body, heights = [], []
    for row in texts:
        cells: list[str] = []
        lines = 1
        for text, w in zip(row, widths, strict=True):
            if text and measure[text] > w - 2 * PAD:
                # Long text becomes plain pre-broken lines: drawing a Paragraph per cell
                # cost more than everything else in a 2,000-row export together.
                broken = wrap_cjk(text, w - 2 * PAD, measure)
                lines = max(lines, len(broken))
                cells.append("\n".join(broken))
            else:
                cells.append(text)
        body.append(cells)
        heights.append(lines * LEADING + 2 * PAD)
    right = [i for i, f in enumerate(fields, start=1) if f.type.name in NUMERIC[:4]]
    return RosterCells(headers, body, widths, heights, right)


def roster_story(
    form: FormDef,
    rows: list[dict[str, Any]],
    full_ids: bool,
    width: float,
    first_page_room: float,
    page_room: float,
    glyphs: GlyphCheck,
    where: str,
) -> list[Any]:
    """Page tables for a roster; `first_page_room` is what is left on the first page."""
    cells = roster_cells(form, rows, full_ids, width, glyphs, where)
    body, heights, widths = cells.body, cells.heights, cells.widths
    head_cells = [para(h, SIZE, TA_CENTER) for h in cells.headers]
    header_height = (
        max(p.wrap(w - 2 * PAD, 1000)[1] for p, w in zip(head_cells, widths, strict=True)) + 2 * PAD
    )
    most = max(1, int((page_room - header_height - 2 - 2 * PAD) // LEADING))
    body, heights = split_tall_rows(body, heights, most)
    story: list[Any] = []
    room = first_page_room
    start = 0
    while True:
        used, end = header_height, start
        while end < len(body) and used + heights[end] <= room - 2:
            used += heights[end]
            end += 1
        if end == start and end < len(body):  # the next row needs a whole page: start one
            if room < page_room:
                story.append(PageBreak())
                room = page_room
                continue
            end += 1
        story.append(
            _table(
                head_cells, body[start:end], widths, header_height, cells.right, heights[start:end]
            )
        )
        if end >= len(body):
            break
        story.append(PageBreak())
        start, room = end, page_room
    story.append(Spacer(1, 4))
    return story


def split_tall_rows(
    body: list[list[str]], heights: list[float], most: int
) -> tuple[list[list[str]], list[float]]:
    """Rows of more than `most` lines (taller than a page) as several rows of at most `most`
    lines each, the 序号 cell saying "续" on the continuations; other rows unchanged."""
    out_body, out_heights = [], []
    for cells, height in zip(body, heights, strict=True):
        lines = [c.split("\n") for c in cells]
        tall = max(len(c) for c in lines)
        if tall <= most:
            out_body.append(cells)
            out_heights.append(height)
            continue
        for part, first in enumerate(range(0, tall, most)):
            piece = ["\n".join(c[first : first + most]) for c in lines]
            if part:
                piece[0] = f"{cells[0]}\n（续）"
            out_body.append(piece)
            out_heights.append(max(len(p.split("\n")) for p in piece) * LEADING + 2 * PAD)
    return out_body, out_heights


def _table(
    head: list[Any],
    body: list[list[Any]],
    widths: list[float],
    head_height: float,
    right: list[int],
    heights: list[float],
) -> Table:
    table = Table([head] + body, colWidths=widths, rowHeights=[head_height] + heights, repeatRows=1)
    style = grid_style(SIZE) + [("ALIGN", (0, 1), (0, -1), "CENTER")]
    style += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in right]
    table.setStyle(TableStyle(style))
    return table
