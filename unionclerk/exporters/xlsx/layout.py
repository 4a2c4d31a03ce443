"""What each visible sheet of a submission workbook shows, cell by cell (pure, no I/O).

The writer styles and writes these plans; the reader renders the same plans from a workbook's
machine data and compares them with the cells it finds, so a visible cell that differs from
the plan was edited after export. Anything that changes what a plan contains changes
`LAYOUT_VERSION`, which the manifest records.

Single-record sheets (and the cover) use four columns: 指标名称 | 计量单位 | 数值 | 说明.
Rosters are tables: 序号 then one column per field, the header row repeated on every printed
page; the summary part, the derived figures and the signature block follow the table.

The sheets are the official Chinese forms whatever the interface language, so their texts are
plain literals here (like form labels), not `tr()` messages: a workbook exported under
`--lang en` must still compare equal when inspected in Chinese.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from unionclerk.domain.period import Period
from unionclerk.domain.report import ReportData
from unionclerk.formspec import idmask
from unionclerk.formspec.model import FieldDef, FormDef, FormSet

LAYOUT_VERSION = 1
# The cover's note on ID numbers. Files of the first masking carry IDS_NOTE_V1; the reader
# accepts it where IDS_NOTE is expected (the note changed, the layout did not).
IDS_NOTE = "已遮盖（只显示地区码）"
IDS_NOTE_V1 = "已遮盖（前6位和后4位可见）"
IDS_NOTE_FULL = "完整号码（按填报单位要求）"
HEADER_ROW = 6  # column headings of every sheet
NUMBER_STYLES = {"int": "int", "money": "money", "area": "area", "rate": "rate"}
CODE_TYPES = {"phone", "idnumber", "creditcode", "divisioncode"}
FORMULA_START = ("=", "+", "-", "@")
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_CHINESE_NUMBERS = "一二三四五六七八九十"
SINGLE_WIDTHS = [46.0, 12.0, 20.0, 36.0]
SIGN_PREFIX = "单位负责人"
SUMMARY_TITLE = "补充指标"
DERIVED_TITLE = "由名单自动计算的统计（不需填写）"
NOTES_TITLE = "说明"
TABLE_END_MARKERS = (SUMMARY_TITLE, DERIVED_TITLE, NOTES_TITLE, SIGN_PREFIX)


@dataclass(frozen=True)
class RecordColumns:
    """Where a record's rows go: label span, unit, value, and 说明 span (1-based columns)."""

    label: tuple[int, int] = (1, 1)
    unit: int = 2
    value: int = 3
    note: tuple[int, int] = (4, 4)

    @property
    def last(self) -> int:
        return self.note[1]


SINGLE_COLUMNS = RecordColumns()


@dataclass(slots=True)
class Cell:
    col: int
    value: Any
    style: str


@dataclass
class SheetPlan:
    name: str
    form: str | None  # form key; None for the cover
    kind: str  # "cover", "single" or "roster"
    widths: list[float]
    rows: list[list[Cell]] = field(default_factory=list)  # rows[0] is row 1
    merges: list[str] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)
    header_row: int | None = None  # roster column headings (print titles, frozen above)
    table_end: int = 0  # roster: last row of the table
    landscape: bool = False
    links: list[tuple[int, int, str]] = field(default_factory=list)  # (row, col, sheet name)
    choice_columns: list[tuple[int, FieldDef]] = field(default_factory=list)
    field_cells: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (row, col)
    record_columns: RecordColumns | None = None  # where record (summary) fields sit

    def add(self, cells: list[Cell], height: float | None = None) -> int:
        self.rows.append(cells)
        if height:
            self.heights[len(self.rows)] = height
        return len(self.rows)

    def merge(self, row: int, first: int, last: int) -> None:
        if last > first:
            self.merges.append(f"{col_letter(first)}{row}:{col_letter(last)}{row}")


@dataclass
class Context:
    """Everything a plan shows besides the form values."""

    forms: FormSet
    period: Period | None
    data: ReportData
    draft: bool = True
    status_label: str = ""
    exported_at: str = ""  # shown as text, e.g. 2018-12-20 10:31
    export_id: str = ""
    program_version: str = ""
    full_ids: bool = False
    template_rows: int = 0  # > 0: a blank fill-in template with this many roster rows

    @property
    def cover(self) -> dict[str, Any]:
        return self.data.cover


# A form marked 本期无此项: said at the top of its sheet and page (and in the cover's 目录).
NOTHING = "本期无此项"
NOTHING_TEXT = "本期无此项（填报单位确认：本报告期没有需要填报的内容，不是漏填）"


def col_letter(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def clean(text: str) -> str:
    """Characters a worksheet cannot hold are shown as U+FFFD (writer and reader alike)."""
    return _ILLEGAL.sub("\ufffd", text)


def text_width(text: str) -> float:
    """Column width units a text needs: CJK characters count double."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def sheet_name(form: FormDef, suffix: str = "") -> str:
    """`表号 title` + suffix, without the characters Excel refuses, cut to Excel's 31."""
    name = f"{form.table_no} {form.title}" if form.table_no else form.title
    return re.sub(r"[\\*?:/\[\]]", "", name + suffix)[:31]


def roster_columns(form: FormDef) -> list[FieldDef]:
    """A roster's printed columns: every field but the `<key>_other` companions (shown inside
    their choice's cell)."""
    return [f for f in form.fields if not f.companion_of]


def value_cell(f: FieldDef, value: Any, full_ids: bool) -> tuple[Any, str]:
    """(cell value, style name) of a field value: numbers stay numbers, codes are text."""
    kind = f.type.name
    if kind in NUMBER_STYLES:
        return value, NUMBER_STYLES[kind]
    if kind in CODE_TYPES:
        if value is None:
            return None, "code"
        text = str(value)
        if f.sensitive and not full_ids and not idmask.is_masked(text):
            text = idmask.mask(text)
        return clean(text), "code"
    if value is None:
        return None, "longtext" if kind == "longtext" else "text"
    text = clean(f.display(value))
    return text, ("longtext" if kind == "longtext" else "center" if kind == "bool" else "text")


def header_block(
    plan: SheetPlan, ctx: Context, title: str, table_no: str, unit_label: str, ncols: int
) -> None:
    """Title row, then 表号 / 填报单位 / 统一社会信用代码 with 计量单位 / 报告期 / 区划代码."""
    cover, mid = ctx.cover, max(1, ncols // 2)
    draft = "（草稿）" if ctx.draft else ""
    plan.add([Cell(1, f"{title}{draft}", "title_draft" if ctx.draft else "title")], 30)
    plan.merge(1, 1, ncols)
    period = ctx.period.label if ctx.period else ""
    pairs = [
        (f"表号：{table_no}", f"计量单位：{unit_label}"),
        (f"填报单位：{cover.get('union_name', '')}", f"报告期：{period}"),
        (
            f"统一社会信用代码：{cover.get('credit_code', '')}",
            f"行政区划代码：{cover.get('division_code', '')}",
        ),
    ]
    for left, right in pairs:
        row = plan.add([Cell(1, clean(left), "head"), Cell(mid + 1, clean(right), "head_right")])
        plan.merge(row, 1, mid)
        plan.merge(row, mid + 1, ncols)
    plan.add([])


def signature_block(plan: SheetPlan, ctx: Context, ncols: int) -> None:
    cover, mid = ctx.cover, max(1, ncols // 2)
    date = cover.get("report_date")
    day = f"{date.year}年{date.month}月{date.day}日" if date else ""
    pairs = [
        (f"{SIGN_PREFIX}：{cover.get('head_name', '')}", f"填表人：{cover.get('filler_name', '')}"),
        (f"联系电话：{cover.get('filler_phone', '')}", f"报出日期：{day}"),
    ]
    plan.add([])
    for left, right in pairs:
        row = plan.add([Cell(1, clean(left), "sign"), Cell(mid + 1, clean(right), "sign")])
        plan.merge(row, 1, mid)
        plan.merge(row, mid + 1, ncols)


def ordered_fields(form: FormDef, fields: list[FieldDef]) -> list[tuple[str | None, FieldDef]]:
    """(section title or None, field) in layout order; a `<key>_other` follows its choice."""
    companions = {f.companion_of: f for f in fields if f.companion_of}
    keys = {f.key for f in fields}
    groups: list[tuple[str | None, list[str]]] = (
        [(s.title, s.fields) for s in form.sections]
        if form.sections and fields is form.fields
        else [(None, [f.key for f in fields if not f.companion_of])]
    )
    out: list[tuple[str | None, FieldDef]] = []
    for title, group in groups:
        for key in group:
            if key not in keys:
                continue
            out.append((title, form.field(key)))
            if key in companions:
                out.append((title, companions[key]))
    return out


def _span(plan: SheetPlan, first: int, last: int) -> float:
    return sum(plan.widths[first - 1 : last])


def record_rows(
    plan: SheetPlan,
    ctx: Context,
    form: FormDef,
    fields: list[FieldDef],
    cols: RecordColumns = SINGLE_COLUMNS,
    numbered: bool = True,
) -> None:
    """Label / unit / value / 说明 rows of a record's fields, sections as headed rows."""
    values = ctx.data.single.get(form.key, {})
    computed = form.computed(values)
    current: str | None = None
    number = 0
    note_w = _span(plan, *cols.note)
    long_w = _span(plan, cols.value, cols.note[1])
    for title, f in ordered_fields(form, fields):
        if title and title != current:
            current, number = title, number + 1
            prefix = f"{_CHINESE_NUMBERS[number - 1]}、" if numbered else ""
            section_row(plan, f"{prefix}{title}", cols.label[0], cols.last)
        value = computed.get(f.key) if f.type.computed else values.get(f.key)
        shown, style = value_cell(f, value, ctx.full_ids)
        note = ctx.data.explanations.get(f"{form.key}.{f.key}")
        cells = [Cell(cols.label[0], clean(f.label), f"label{min(f.depth, 2)}")]
        cells += [Cell(c, None, "label0") for c in range(cols.label[0] + 1, cols.label[1] + 1)]
        cells += [Cell(cols.unit, f.unit or "", "unit"), Cell(cols.value, shown, style)]
        if f.type.name == "longtext":
            cells += [Cell(c, None, style) for c in range(cols.value + 1, cols.last + 1)]
            lines = max(2, int(text_width(shown or "") / long_w) + 1)
            row = plan.add(cells, min(400.0, 15.0 * lines))
            plan.merge(row, cols.value, cols.last)
        else:
            cells.append(Cell(cols.note[0], clean(note) if note else None, "text"))
            cells += [Cell(c, None, "text") for c in range(cols.note[0] + 1, cols.note[1] + 1)]
            lines = int(text_width(note) / note_w) + 1 if note else 1
            row = plan.add(cells, min(400.0, 15.0 * lines) if lines > 1 else None)
            plan.merge(row, *cols.note)
        plan.merge(row, *cols.label)
        plan.field_cells[f.key] = (row, cols.value)
        plan.record_columns = cols


def section_row(plan: SheetPlan, title: str, first: int, last: int) -> int:
    row = plan.add(
        [Cell(first, title, "section")]
        + [Cell(c, None, "section") for c in range(first + 1, last + 1)]
    )
    plan.merge(row, first, last)
    return row
