"""Reading a filled fill-in template: its visible cells become a report, field by field.

Values go through each field's `parse_text`, exactly as if typed; a value a field cannot hold
is refused naming the sheet, the row and the field. Record fields are found by their label in
the label column, roster columns by their header text (so inserted rows and moved columns do
not matter), and a roster ends at the first row that starts the blocks below the table.
An ID number that Excel has turned into a number has lost digits: refused, naming the row.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from unionclerk.domain.errors import UserError, ValueRefused
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.report import ReportData, RosterRow
from unionclerk.exporters import xlsx_safe
from unionclerk.exporters.json_report import ParsedReport
from unionclerk.exporters.roster_columns import find_header_row, match_columns
from unionclerk.exporters.xlsx_layout import CODE_TYPES, TABLE_END_MARKERS, SheetPlan
from unionclerk.exporters.xlsx_report import template_plans
from unionclerk.exporters.xlsx_sheets import PERIOD_LABEL
from unionclerk.formspec.model import FieldDef, FormDef, FormSet


def cell_text(f: FieldDef, value: Any, where: str) -> str:
    """What a cell holds, as the text a clerk would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        if f.sensitive or (f.type.name in CODE_TYPES and abs(value) >= 1e15):
            raise UserError(tr("“{label}”是数字单元格（{value:.0f}）：Excel 只保留 15 位有效数字，号码"
                               "的后几位已经丢失。请把该列设为“文本”格式后重新输入号码",
                               label=f.label, value=value), where=where)
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(round(value, 9))
        return str(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.year}-{value.month:02d}" if f.type.name == "yearmonth" else value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def parse_cell(f: FieldDef, value: Any, where: str) -> Any:
    text = cell_text(f, value, where)
    try:
        return f.parse_text(text)
    except ValueRefused as exc:
        raise UserError(tr("“{label}”的值“{value}”无法接受：{reason}", label=f.label,
                           value=text[:30], reason=exc.message), where=where) from None


def read_template(wb: Any, forms: FormSet, manifest: dict[str, Any]) -> ParsedReport:
    data = ReportData()
    period: Period | None = None
    for plan in template_plans(forms):
        if plan.name not in wb.sheetnames:
            raise UserError(tr("模板缺少工作表“{sheet}”", sheet=plan.name))
        rows = list(xlsx_safe.sheet_rows(wb[plan.name]))
        form = forms[plan.form or "cover"]
        if plan.kind == "roster":
            end = _read_roster(form, plan, rows, data)
            if form.summary:
                data.single[form.key] = _read_record(form, form.summary, plan, rows, end)
            continue
        data.single[form.key] = _read_record(form, form.fields, plan, rows, 0)
        if plan.kind == "cover":
            period = _period(plan, rows, manifest)
    assert period is not None
    return ParsedReport(period, data, dict(forms.versions))


def _labels(plan: SheetPlan, rows: list[tuple[Any, ...]], start: int) -> dict[str, int]:
    assert plan.record_columns is not None
    col = plan.record_columns.label[0] - 1
    found: dict[str, int] = {}
    for i in range(start, len(rows)):
        row = rows[i]
        if len(row) > col and isinstance(row[col], str):
            found.setdefault(row[col].strip(), i)
    return found


def _read_record(form: FormDef, fields: list[FieldDef], plan: SheetPlan,
                 rows: list[tuple[Any, ...]], start: int) -> dict[str, Any]:
    assert plan.record_columns is not None
    labels, col = _labels(plan, rows, start), plan.record_columns.value - 1
    values: dict[str, Any] = {}
    for f in fields:
        if f.type.computed:
            continue
        index = labels.get(f.label)
        if index is None:
            raise UserError(tr("找不到“{label}”一行：模板的结构被改动过，请使用新的空白模板",
                               label=f.label), where=plan.name)
        row = rows[index]
        raw = row[col] if len(row) > col else None
        value = parse_cell(f, raw, tr("{sheet} 第 {row} 行", sheet=plan.name, row=index + 1))
        if value is not None:
            values[f.key] = value
    return values


def _read_roster(form: FormDef, plan: SheetPlan, rows: list[tuple[Any, ...]],
                 data: ReportData) -> int:
    """Read the table's rows into `data`; returns the index of the first row after it."""
    header = find_header_row(form, rows)
    if header is None:
        raise UserError(tr("找不到名单的表头行"), where=plan.name)
    match = match_columns(form, list(rows[header]))
    if match.unmatched:
        names = "、".join(f"{h}" for _, h in match.unmatched[:10])
        raise UserError(tr("以下列无法对应到“{title}”的项目：{names}", title=form.title,
                           names=names), where=plan.name)
    out = data.roster(form.key)
    i = header + 1
    while i < len(rows):
        row = rows[i]
        first = row[0] if row else None
        if isinstance(first, str) and first.strip().startswith(TABLE_END_MARKERS):
            break
        values: dict[str, Any] = {}
        for col, f in match.columns.items():
            raw = row[col - 1] if len(row) >= col else None
            where = tr("{sheet} 第 {row} 行", sheet=plan.name, row=i + 1)
            value = parse_cell(f, raw, where)
            if value is not None:
                values[f.key] = value
        if values:
            out.append(RosterRow(values))
        i += 1
    return i


def _period(plan: SheetPlan, rows: list[tuple[Any, ...]], manifest: dict[str, Any]) -> Period:
    labels = _labels(plan, rows, 0)
    index = labels.get(PERIOD_LABEL)
    assert plan.record_columns is not None
    col = plan.record_columns.value - 1
    raw = rows[index][col] if index is not None and len(rows[index]) > col else None
    if raw is None or str(raw).strip() == "":
        if manifest.get("period"):
            return Period.from_json(manifest["period"])
        raise UserError(tr("请在封面“报告期”一栏填写报告期，如 2018年度 或 2018上半年"),
                        where=plan.name)
    text = str(int(raw)) if isinstance(raw, int | float) else str(raw)
    return Period.parse(text)
