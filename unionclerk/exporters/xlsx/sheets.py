"""The plans of a submission workbook's visible sheets: the cover, each single-record form and
each roster (see xlsx_layout for the cells' vocabulary). Pure: same input, same plans."""

from __future__ import annotations

from typing import Any

from unionclerk.domain.report import COVER
from unionclerk.exporters.headings import heading, widest_line
from unionclerk.exporters.xlsx.layout import (
    DERIVED_TITLE,
    HEADER_ROW,
    IDS_NOTE,
    IDS_NOTE_FULL,
    NOTES_TITLE,
    NOTHING,
    NOTHING_TEXT,
    SINGLE_WIDTHS,
    SUMMARY_TITLE,
    Cell,
    Context,
    RecordColumns,
    SheetPlan,
    clean,
    header_block,
    record_rows,
    section_row,
    sheet_name,
    signature_block,
    text_width,
    value_cell,
)
from unionclerk.formspec.derived import cadre_figures
from unionclerk.formspec.model import FieldDef, FormDef

COVER_SHEET = "封面"
COVER_TITLE = "乡镇(街道)工会工作情况报表"
SINGLE_HEADINGS = ("指标名称", "计量单位", "数值", "说明")
PERIOD_LABEL = "报告期"
WIDTH_SAMPLE = 300  # rows looked at to size roster columns
LANDSCAPE_OVER = 100.0  # total column width beyond which a roster prints landscape


def plan_workbook(ctx: Context) -> list[SheetPlan]:
    plans = [plan_cover(ctx)]
    for form in ctx.forms:
        if form.key == COVER:
            continue
        plans.append(plan_roster(ctx, form) if form.is_roster else plan_single(ctx, form))
    return plans


def _headings(plan: SheetPlan, texts: tuple[str, ...] | list[str]) -> None:
    row = plan.add([Cell(i + 1, t, "colhead") for i, t in enumerate(texts)], 32)
    assert row == HEADER_ROW


def plan_cover(ctx: Context) -> SheetPlan:
    form = ctx.forms[COVER]
    plan = SheetPlan(COVER_SHEET, None, "cover", list(SINGLE_WIDTHS))
    header_block(plan, ctx, COVER_TITLE, "封面", "—", 4)
    _headings(plan, ("项目", "计量单位", "内容", "说明"))
    record_rows(plan, ctx, form, form.fields)  # numbered by the cover form's own sections
    numbers = "一二三四五六七八九十"
    done = len(form.sections)
    section_row(plan, f"{numbers[done]}、报送信息", 1, 4)
    template = ctx.template_rows > 0
    ids = IDS_NOTE_FULL if ctx.full_ids else IDS_NOTE
    facts = [
        (PERIOD_LABEL, ctx.period.label if ctx.period else None, "code" if template else "text"),
        ("报表状态", ctx.status_label, "text"),
        ("导出时间", ctx.exported_at, "text"),
        ("导出编号", ctx.export_id, "code"),
        ("程序版本", ctx.program_version, "text"),
        ("公民身份号码", None if template else ids, "text"),
    ]
    for label, value, style in facts:
        plan.add(
            [
                Cell(1, label, "label0"),
                Cell(2, "", "unit"),
                Cell(3, value or None, style),
                Cell(4, None, "text"),
            ]
        )
    section_row(plan, f"{numbers[done + 1]}、目录", 1, 4)
    for other in ctx.forms:
        if other.key == COVER:
            continue
        row = plan.add(
            [
                Cell(1, f"{other.table_no} {other.title}".strip(), "toc"),
                Cell(2, "", "unit"),
                Cell(3, None if template else _extent(ctx, other), "text"),
                Cell(4, None, "text"),
            ]
        )
        plan.links.append((row, 1, sheet_name(other)))
    signature_block(plan, ctx, 4)
    return plan


def _extent(ctx: Context, form: FormDef) -> str:
    if form.key in ctx.data.nothing:
        return NOTHING
    if form.is_roster:
        return f"{len(ctx.data.rows.get(form.key, []))} 行"
    values = ctx.data.single.get(form.key, {})
    fields = [f for f in form.fields if not f.type.computed and not f.companion_of]
    return f"已填 {sum(values.get(f.key) is not None for f in fields)}/{len(fields)} 项"


def plan_single(ctx: Context, form: FormDef) -> SheetPlan:
    plan = SheetPlan(sheet_name(form), form.key, "single", list(SINGLE_WIDTHS))
    header_block(plan, ctx, form.title, form.table_no or "", form.unit_label or "", 4)
    _headings(plan, SINGLE_HEADINGS)
    _nothing_row(plan, ctx, form, 4)
    record_rows(plan, ctx, form, form.fields)
    signature_block(plan, ctx, 4)
    return plan


def _nothing_row(plan: SheetPlan, ctx: Context, form: FormDef, ncols: int) -> None:
    """The form was marked 本期无此项: one row across the table says so."""
    if form.key in ctx.data.nothing:
        row = plan.add(
            [Cell(1, NOTHING_TEXT, "nothing")]
            + [Cell(c, None, "nothing") for c in range(2, ncols + 1)],
            30,
        )
        plan.merge(row, 1, ncols)


def column_label(f: FieldDef) -> str:
    if f.unit and f.unit not in f.label:
        return f"{f.label}({f.unit})"
    return f.label


def _widths(form: FormDef, rows: list[dict[str, Any]], full_ids: bool) -> list[float]:
    widths = [6.0]
    for f in form.fields:
        need = max(8.0, widest_line(heading(column_label(f))) + 2)
        for values in rows[:WIDTH_SAMPLE]:
            shown, _ = value_cell(f, values.get(f.key), full_ids)
            if shown is not None:
                need = max(need, text_width(shown if isinstance(shown, str) else f"{shown:,}") + 2)
        widths.append(min(need, 40.0 if f.type.name not in ("text", "longtext") else 30.0))
    return widths


def plan_roster(ctx: Context, form: FormDef) -> SheetPlan:
    rows = ctx.data.rows.get(form.key, [])
    fields = form.fields
    ncols = len(fields) + 1
    widths = _widths(form, [r.values for r in rows], ctx.full_ids)
    plan = SheetPlan(
        sheet_name(form), form.key, "roster", widths, landscape=sum(widths) > LANDSCAPE_OVER
    )
    header_block(plan, ctx, form.title, form.table_no or "", form.unit_label or "", ncols)
    # headings broken between words (是否一线 / 职工), as in the PDF
    _headings(plan, ["序号"] + [heading(column_label(f)) for f in fields])
    plan.header_row = HEADER_ROW
    plan.choice_columns = [
        (i + 2, f) for i, f in enumerate(fields) if f.type.name in ("choice", "bool")
    ]
    full_ids, add = ctx.full_ids, plan.rows.append
    for n, row in enumerate(rows, start=1):
        values = row.values
        cells = [Cell(1, n, "seq")]
        for col, f in enumerate(fields, start=2):
            shown, style = value_cell(f, values.get(f.key), full_ids)
            cells.append(Cell(col, shown, style))
        add(cells)
    blank = [Cell(1, None, "seq")] + [
        Cell(c, *value_cell(f, None, False)) for c, f in enumerate(fields, start=2)
    ]
    for _ in range(ctx.template_rows):
        add(list(blank))
    plan.table_end = len(plan.rows)
    _nothing_row(plan, ctx, form, ncols)
    cols = _record_columns(widths)
    if form.summary:
        plan.add([])
        section_row(plan, SUMMARY_TITLE, 1, cols.last)
        record_rows(plan, ctx, form, form.summary, cols, numbered=False)
    if form.derived_figures and not ctx.template_rows:
        _derived(plan, ctx, form, cols)
    _row_notes(plan, ctx, form, ncols)
    signature_block(plan, ctx, ncols)
    return plan


def _record_columns(widths: list[float]) -> RecordColumns:
    """Label columns wide enough for a label, then unit, value and a 说明 of a few columns."""
    last, total = 1, widths[0]
    while total < 30 and last < len(widths) - 3:
        last += 1
        total += widths[last - 1]
    note_end = min(len(widths), last + 5)
    return RecordColumns((1, last), last + 1, last + 2, (last + 3, max(last + 3, note_end)))


def _derived(plan: SheetPlan, ctx: Context, form: FormDef, cols: RecordColumns) -> None:
    end = ctx.period.end if ctx.period else None
    if end is None:
        return
    fig = cadre_figures(
        (r.values for r in ctx.data.rows.get(form.key, [])),
        end,
        form.field("position").choices,
        form.field("appointment").choices,
    )
    plan.add([])
    section_row(plan, DERIVED_TITLE, 1, cols.last)
    for _key, label, value, unit in fig.lines():
        style = "rate" if unit in ("%", "岁") else "int"
        cells = [Cell(cols.label[0], label, "label1" if label.startswith("其中") else "label0")]
        cells += [Cell(c, None, "label0") for c in range(cols.label[0] + 1, cols.label[1] + 1)]
        cells += [Cell(cols.unit, unit, "unit"), Cell(cols.value, value, style)]
        row = plan.add(cells)
        plan.merge(row, *cols.label)


def _row_notes(plan: SheetPlan, ctx: Context, form: FormDef, ncols: int) -> None:
    prefix = f"{form.key}.rows["
    index = {r.uuid: i for i, r in enumerate(ctx.data.rows.get(form.key, []))}
    notes = []
    for key, text in ctx.data.explanations.items():
        if not key.startswith(prefix) or not text.strip():
            continue
        uuid, _, fkey = key[len(prefix) :].partition("].")
        if uuid in index and form.has_field(fkey):
            notes.append((index[uuid], form.field(fkey).label, text))
    if not notes:
        return
    plan.add([])
    section_row(plan, NOTES_TITLE, 1, ncols)
    for i, label, text in sorted(notes):
        line = clean(f"第 {i + 1} 行 {label}：{text}")
        lines = int(text_width(line) / sum(plan.widths)) + 1
        row = plan.add(
            [Cell(1, line, "text")] + [Cell(c, None, "text") for c in range(2, ncols + 1)],
            15.0 * lines if lines > 1 else None,
        )
        plan.merge(row, 1, ncols)
