"""Reading a filled fill-in template: its visible cells become a report, field by field.

Values go through each field's `parse_text`, exactly as if typed; a value a field cannot hold
is refused naming the sheet, the row and the field. Record fields are found by their label in
the label column, roster columns by their header text (so inserted rows and moved columns do
not matter), and a roster ends at the first row that starts the blocks below the table.
Text in a record's 说明 column arrives as that field's explanation.

Every cell a person filled either arrives or is named: a value outside the fill-in columns
(typed into 计量单位, beside the table, on a section title), a formula whose result the file
does not hold, and a year-month that a spreadsheet stored as the number 1980.1 (1980年1月 or
1980年10月?) are refused with the sheet and cell named. An ID number that Excel has turned
into a number has lost digits: refused, naming the row. What was typed in the header block or
the signature rows (which repeat the cover and are not imported) and differs from the imported
report is named in a warning of the result (template_margins), not refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from unionclerk.domain.errors import UserError, ValueRefused
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.report import COVER, ReportData, RosterRow
from unionclerk.exporters.json_report import ParsedReport
from unionclerk.exporters.reading import safe as xlsx_safe
from unionclerk.exporters.reading import template_margins
from unionclerk.exporters.xlsx.layout import (
    CODE_TYPES,
    HEADER_ROW,
    SIGN_PREFIX,
    TABLE_END_MARKERS,
    SheetPlan,
    col_letter,
)
from unionclerk.exporters.xlsx.report import template_plans
from unionclerk.exporters.xlsx.sheets import PERIOD_LABEL
from unionclerk.formspec import door
from unionclerk.formspec.headers import guess_header_row, match_columns
from unionclerk.formspec.model import FieldDef, FormDef, FormSet

SIGN_ROWS = (SIGN_PREFIX, "联系电话：")  # the signature block repeats the cover's values
_AMBIGUOUS_MONTH = re.compile(r"\d{4}\.[1-9]")
STRAYS_SHOWN = 5


def cell_text(f: FieldDef, value: Any, where: str) -> str:
    """What a cell holds, as the text a clerk would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        if f.sensitive or (f.type.name in CODE_TYPES and abs(value) >= 1e15):
            raise UserError(
                tr(
                    "“{label}”是数字单元格（{value:.0f}）：Excel 只保留 15 位有效数字，号码"
                    "的后几位已经丢失。请把该列设为“文本”格式后重新输入号码",
                    label=f.label,
                    value=value,
                ),
                where=where,
            )
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise UserError(tr("“{label}”的值不是数字", label=f.label), where=where)
            if f.type.name == "yearmonth" and _AMBIGUOUS_MONTH.fullmatch(repr(value)):
                year, month = repr(value).split(".")
                raise UserError(
                    tr(
                        "“{label}”是数字 {value}：表格软件把“{year}.{month}0”也存成 {value}，无法确定是 "
                        "{year}年{month}月还是{year}年{month}0月。请把这一格改成文本，写成 {year}-0{month} "
                        "或 {year}-{month}0",
                        label=f.label,
                        value=repr(value),
                        year=year,
                        month=month,
                    ),
                    where=where,
                )
            return str(int(value)) if value.is_integer() else repr(round(value, 9))
        return str(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return (
            f"{value.year}-{value.month:02d}" if f.type.name == "yearmonth" else value.isoformat()
        )
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def parse_cell(f: FieldDef, value: Any, where: str) -> Any:
    text = cell_text(f, value, where)
    try:
        return f.parse_text(text)
    except ValueRefused as exc:
        raise UserError(
            tr(
                "“{label}”的值“{value}”无法接受：{reason}",
                label=f.label,
                value=door.printable(text[:30]),
                reason=exc.message,
            ),
            where=where,
        ) from None


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


@dataclass
class _Sheet:
    """One sheet's rows and the cells the reader has accounted for (0-based row, 1-based col)."""

    plan: SheetPlan
    rows: list[tuple[Any, ...]]
    formulas: set[tuple[int, int]]
    used: set[tuple[int, int]] = field(default_factory=set)
    ignored_rows: set[int] = field(default_factory=set)  # column headings matched by text
    margin: dict[int, str] = field(default_factory=dict)  # header/signature rows: their area

    def get(self, i: int, col: int) -> Any:
        row = self.rows[i]
        return row[col - 1] if len(row) >= col else None

    def where(self, i: int, col: int | None = None) -> str:
        cell = f"{col_letter(col)}{i + 1}" if col else ""
        return tr("{sheet} 第 {row} 行", sheet=self.plan.name, row=i + 1) + (
            f"（{cell}）" if cell else ""
        )

    def value(self, i: int, col: int, f: FieldDef) -> Any:
        """A fill-in cell read by its field (or a refusal naming it)."""
        self.used.add((i, col))
        raw = self.get(i, col)
        if raw is None and (i + 1, col) in self.formulas:
            raise UserError(_formula_message(f.label), where=self.where(i, col))
        return parse_cell(f, raw, self.where(i, col))

    def mark(self, i: int, cols: Iterable[int]) -> None:
        self.used.update((i, c) for c in cols)

    def strays(self, template_texts: set[str]) -> list[str]:
        """Cells with content the reader did not take, as "D12“text”"."""
        out = []
        for i, row in enumerate(self.rows):
            if i in self.ignored_rows or i in self.margin:
                continue
            for col, value in enumerate(row, start=1):
                if (i, col) in self.used or not _filled(value):
                    continue
                if isinstance(value, str) and value.strip() in template_texts:
                    continue
                out.append(f"{col_letter(col)}{i + 1}“{_shown(value)}”")
        return out

    def margin_cells(self) -> list[tuple[str, str, Any]]:
        """(area, where, value) of each filled cell of the header and signature rows, except
        what the blank template has in that column of those rows."""
        blank = {
            (c.col, c.value.strip())
            for i, row in enumerate(self.plan.rows)
            for c in row
            if (i < HEADER_ROW or _is_signature(row[0].value if row else None))
            and isinstance(c.value, str)
        }
        return [
            (area, self.where(i, col), value)
            for i, area in sorted(self.margin.items())
            if i not in self.ignored_rows
            for col, value in enumerate(self.rows[i], start=1)
            if (i, col) not in self.used
            and _filled(value)
            and (col, str(value).strip()) not in blank
        ]


def _shown(value: Any) -> str:
    text = door.printable(" ".join(str(value).split()))
    return text if len(text) <= 20 else text[:20] + "…"


def _formula_message(label: str) -> str:
    return tr(
        "“{label}”是公式，文件里没有它的计算结果：请在 Excel 或 WPS 中打开并保存一次，或把公式"
        "改成数值（复制 → 选择性粘贴 → 数值）后再导入",
        label=label,
    )


def read_template(
    wb: Any,
    forms: FormSet,
    manifest: dict[str, Any],
    formulas: dict[str, set[tuple[int, int]]] | None = None,
) -> ParsedReport:
    """The report in a filled template; `formulas` holds, per sheet, the (row, col) of cells
    that hold a formula (read from the file without their results)."""
    data = ReportData()
    period: Period | None = None
    plans = template_plans(forms)
    texts = {
        c.value.strip()
        for plan in plans
        for row in plan.rows
        for c in row
        if isinstance(c.value, str) and c.value.strip()
    }
    margin_cells: list[tuple[str, str, Any]] = []
    for plan in plans:
        if plan.name not in wb.sheetnames:
            raise UserError(tr("模板缺少工作表“{sheet}”", sheet=plan.name))
        sheet = _Sheet(
            plan, list(xlsx_safe.sheet_rows(wb[plan.name])), (formulas or {}).get(plan.name, set())
        )
        form = forms[plan.form or COVER]
        if plan.kind == "roster":
            end = _read_roster(form, sheet, data)
            if form.summary:
                data.single[form.key] = _read_record(form, form.summary, sheet, end, data)
        else:  # title, header block and column headings
            sheet.margin.update(dict.fromkeys(range(HEADER_ROW), template_margins.HEADER))
            data.single[form.key] = _read_record(form, form.fields, sheet, 0, data)
        if plan.kind == "cover":
            period = _period(sheet, manifest)
        _signature(sheet)
        margin_cells += sheet.margin_cells()
        strays = sheet.strays(texts)
        if strays:
            more = tr("等 {n} 处", n=len(strays)) if len(strays) > STRAYS_SHOWN else ""
            raise UserError(
                tr(
                    "{cells}{more}不在填写栏内，这些内容不会被导入。请把数值填到“数值”"
                    "（名单填到对应的列）中，说明填到“说明”栏，或删除后再导入",
                    cells="、".join(strays[:STRAYS_SHOWN]),
                    more=more,
                ),
                where=plan.name,
            )
    assert period is not None
    margins = template_margins.Margins(forms, data.cover, period, manifest)
    return ParsedReport(
        period,
        data,
        dict(forms.versions),
        warnings=template_margins.warnings(margins, margin_cells),
    )


def _is_signature(first: Any) -> bool:
    return isinstance(first, str) and first.strip().startswith(SIGN_ROWS)


def _signature(sheet: _Sheet) -> None:
    for i, row in enumerate(sheet.rows):
        if _is_signature(row[0] if row else None):
            sheet.margin[i] = template_margins.SIGNATURE


def _labels(sheet: _Sheet, start: int) -> dict[str, int]:
    plan = sheet.plan
    assert plan.record_columns is not None
    col = plan.record_columns.label[0]
    found: dict[str, int] = {}
    for i in range(start, len(sheet.rows)):
        label = sheet.get(i, col)
        if isinstance(label, str):
            found.setdefault(label.strip(), i)
    return found


def _read_record(
    form: FormDef, fields: list[FieldDef], sheet: _Sheet, start: int, data: ReportData
) -> dict[str, Any]:
    cols = sheet.plan.record_columns
    assert cols is not None
    labels = _labels(sheet, start)
    values: dict[str, Any] = {}
    for f in fields:
        index = labels.get(f.label)
        if index is None:
            if f.type.computed:
                continue
            raise UserError(
                tr("找不到“{label}”一行：模板的结构被改动过，请使用新的空白模板", label=f.label),
                where=sheet.plan.name,
            )
        sheet.mark(index, range(cols.label[0], cols.label[1] + 1))
        unit = sheet.get(index, cols.unit)
        if not _filled(unit) or str(unit).strip() == (f.unit or ""):
            sheet.mark(index, [cols.unit])
        if f.type.computed:  # a rate: the program computes it; its own value is not read
            sheet.mark(index, [cols.value])
        else:
            value = sheet.value(index, cols.value, f)
            if value is not None:
                values[f.key] = value
        _read_note(form, f, sheet, index, data)
    return values


def _read_note(form: FormDef, f: FieldDef, sheet: _Sheet, index: int, data: ReportData) -> None:
    """Text in the 说明 column: the field's written explanation."""
    cols = sheet.plan.record_columns
    assert cols is not None
    span = range(cols.note[0], cols.note[1] + 1)
    sheet.mark(index, span)
    parts = [str(sheet.get(index, c)) for c in span if _filled(sheet.get(index, c))]
    if not parts:
        return
    try:
        text = door.clean_explanation("\n".join(parts))
    except ValueRefused as exc:
        raise UserError(
            tr("“{label}”的说明无法接受：{reason}", label=f.label, reason=exc.message),
            where=sheet.where(index, cols.note[0]),
        ) from None
    data.explanations[f"{form.key}.{f.key}"] = text


def _read_roster(form: FormDef, sheet: _Sheet, data: ReportData) -> int:
    """Read the table's rows into `data`; returns the index of the first row after it."""
    rows, plan = sheet.rows, sheet.plan
    header = guess_header_row(form, rows)
    if header is None:
        raise UserError(tr("找不到名单的表头行"), where=plan.name)
    match = match_columns(form, list(rows[header]))
    if match.unmatched:
        names = "、".join(f"{h}" for _, h in match.unmatched[:10])
        raise UserError(
            tr("以下列无法对应到“{title}”的项目：{names}", title=form.title, names=names),
            where=plan.name,
        )
    sheet.margin.update(dict.fromkeys(range(header), template_margins.HEADER))  # title, header
    sheet.ignored_rows.add(header)  # column headings: matched above, unmatched ones refused
    out = data.roster(form.key)
    i = header + 1
    while i < len(rows):
        row = rows[i]
        first = row[0] if row else None
        if isinstance(first, str) and first.strip().startswith(TABLE_END_MARKERS):
            break
        sheet.mark(i, [1])  # 序号
        values: dict[str, Any] = {}
        for col, f in match.columns.items():
            value = sheet.value(i, col, f)
            if value is not None:
                values[f.key] = value
        if values:
            out.append(RosterRow(values))
        i += 1
    return i


def _period(sheet: _Sheet, manifest: dict[str, Any]) -> Period:
    labels = _labels(sheet, 0)
    index = labels.get(PERIOD_LABEL)
    cols = sheet.plan.record_columns
    assert cols is not None
    raw = sheet.get(index, cols.value) if index is not None else None
    if index is not None:
        sheet.mark(index, [cols.label[0], cols.value])
    if raw is None or str(raw).strip() == "":
        if manifest.get("period"):
            return Period.from_json(manifest["period"])
        raise UserError(
            tr("请在封面“报告期”一栏填写报告期，如 2018年度 或 2018上半年"), where=sheet.plan.name
        )
    text = str(int(raw)) if isinstance(raw, int | float) else str(raw)
    return Period.parse(text)
