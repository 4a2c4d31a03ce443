"""The contents of the summary workbook's sheets (see `summary_xlsx` for the order and why).

Works on the sheets (`summary_cells.Sheet`), the forms and the summary's head; the workbook that
holds the sheets is `summary_xlsx`'s business.

Per single-record form: a row per unit, then 合计 (sums; rates recomputed from the summed
parts; yes-counts and counts per choice) and 填报单位数 (how many units reported each field).
The cadres' summary part also carries the derived figures, per unit and recomputed over all
rows. Rosters end with a 合计 row of their numeric columns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from unionclerk.domain.i18n import tr
from unionclerk.domain.report import COVER
from unionclerk.exporters.summary.cells import Sheet, shown
from unionclerk.exporters.summary.model import SummaryHead, group, kind_label
from unionclerk.exporters.xlsx.layout import (
    NUMBER_STYLES,
    ordered_fields,
    roster_columns,
    sheet_name,
    text_width,
)
from unionclerk.formspec.derived import CadreFigures
from unionclerk.formspec.model import FieldDef, FormDef, FormSet
from unionclerk.formspec.rollup import Rollup, UnitLine

_IN_FRONT = ("division_code", "union_name")


def record_columns(form: FormDef) -> list[FieldDef]:
    """The per-unit columns of a single form (or a roster's summary part)."""
    return [
        f
        for _, f in ordered_fields(form, form.record_fields)
        if not f.companion_of and f.key not in _IN_FRONT
    ]


def derived_columns(forms_cadres: FormDef) -> list[tuple[str, str]]:
    """(key, heading) of the cadre figures shown beside the cadres' summary part."""
    cols = [
        ("committee_size", tr("名单人数")),
        ("women", tr("其中：女性")),
        ("party_members", tr("其中：中共党员")),
        ("frontline", tr("其中：一线职工")),
        ("frontline_share", tr("一线职工占比 %")),
        ("average_age", tr("平均年龄")),
    ]
    appointment = forms_cadres.field("appointment")
    return cols + [(f"appointment:{c}", tr("任职方式：{c}", c=c)) for c in appointment.choices]


def single_name(form: FormDef) -> str:
    if form.key == COVER:
        return tr("单位信息")
    return sheet_name(form, tr("(汇总项)") if form.is_roster else "")


# What a roster cell of each type needs at most (its rows stream by: none is measured).
_TYPE_WIDTHS = {
    "idnumber": 22.0,
    "phone": 15.0,
    "date": 11.0,
    "yearmonth": 9.0,
    "bool": 6.0,
    "int": 9.0,
    "money": 13.0,
    "area": 10.0,
    "rate": 7.0,
    "text": 20.0,
    "longtext": 24.0,
}


def _roster_width(f: FieldDef) -> float:
    """A roster column wide enough for its title and for what its type can hold (the longest
    choice, an ID number, a date), so that cells are not cut off in print."""
    need = text_width(f.plain_label) * 0.7 + 2
    if f.choices:
        need = max(need, max(text_width(c) for c in f.choices) + 1)
    need = max(need, _TYPE_WIDTHS.get(f.type.name, 9.0))
    return min(30.0, need)


def _roster_name(form: FormDef) -> str:
    return sheet_name(form, tr(" 名单") if form.derived_figures else "")


def sheet_keys(forms: FormSet) -> list[str]:
    """The workbook's sheets in their order. Their names follow the language of whoever
    merged; a received summary's sheets are found by this order instead."""
    keys = ["overview"]
    for form in forms:
        if form.record_fields:
            keys.append(f"single:{form.key}")
        if form.is_roster:
            keys.append(f"roster:{form.key}")
    return [*keys, "counts", "status", "problems", "machine"]


def subtitle(head: SummaryHead) -> str:
    """The line under every sheet's title: who merged, which period, when."""
    return tr(
        "汇总单位：{name}（{code}）　报告期：{period}　生成时间：{at}",
        name=head.made_by.get("union_name", ""),
        code=head.made_by.get("division_code", ""),
        period=head.period.label,
        at=head.generated_at.strftime("%Y-%m-%d %H:%M"),
    )


def create_sheets(
    forms: FormSet, head: SummaryHead, new_sheet: Callable[[str], Sheet]
) -> dict[str, Sheet]:
    """Every sheet in its place (`new_sheet` adds one, named, to the workbook); the rosters
    get their headings now (their rows stream)."""
    names = {
        "overview": tr("汇总说明"),
        "counts": tr("分类统计"),
        "status": tr("报送情况"),
        "problems": tr("问题清单"),
        "machine": "_unionclerk",
    }
    sheets: dict[str, Sheet] = {}
    for key in sheet_keys(forms):
        kind, _, form_key = key.partition(":")
        form = forms[form_key] if form_key else None
        if kind == "single" and form is not None:
            sheets[key] = new_sheet(single_name(form))
        elif kind == "roster" and form is not None:
            sheet = sheets[key] = new_sheet(_roster_name(form))
            columns = roster_columns(form)
            heads = [tr("序号"), tr("行政区划代码"), tr("单位名称")]
            heads += [f.plain_label for f in columns]
            widths = [7.0, 15.0, 22.0] + [_roster_width(f) for f in columns]
            sheet.heading(
                f"{form.display_title}（{tr('汇总名单')}）", subtitle(head), heads, widths=widths
            )
        else:
            sheets[key] = new_sheet(names[key])
    return sheets


def fill(
    sheets: dict[str, Sheet],
    forms: FormSet,
    head: SummaryHead,
    rollup: Rollup,
    lines: list[UnitLine],
) -> None:
    """Every sheet but the streamed roster rows and the machine data."""
    sub = subtitle(head)
    _overview(sheets, forms, head, sub, rollup)
    for form in forms:
        if form.record_fields:
            single_rows(sheets[f"single:{form.key}"], form, rollup, lines, sub)
        if form.is_roster:
            _roster_total(sheets[f"roster:{form.key}"], form, rollup)
    _counts(sheets["counts"], forms, sub, rollup)
    _status(sheets["status"], head, sub)
    _problems(sheets["problems"], head, sub)


def total_cell(f: FieldDef, total: Any) -> tuple[Any, str]:
    """A 合计 cell: a number, a yes-count, or counts per choice."""
    if total is None:
        return None, "t_text"
    if isinstance(total, Counter):
        return "，".join(f"{k} {n}" for k, n in total.most_common()), "t_text"
    if f.type.name == "bool":
        return tr("是 {n}", n=total), "t_text"
    return total, f"t_{NUMBER_STYLES.get(f.type.name, 'text')}"


def single_rows(
    sheet: Sheet, form: FormDef, rollup: Rollup, lines: list[UnitLine], subtitle: str = ""
) -> None:
    """A single-record form's 汇总表: a row per unit, then 合计 and 填报单位数 (also replayed
    by `summary_integrity` to check a received summary's visible figures)."""
    columns = record_columns(form)
    derived = derived_columns(form) if form.derived_figures else []
    heads = [tr("序号"), tr("行政区划代码"), tr("单位名称")]
    heads += [
        f.plain_label + (f"（{f.unit}）" if f.unit and f.unit not in f.plain_label else "")
        for f in columns
    ] + [h for _, h in derived]
    sheet.heading(
        f"{form.display_title}（{tr('汇总表')}）", subtitle, heads, landscape=len(heads) > 8
    )
    for i, line in enumerate(lines, start=1):
        values = line.values.get(form.key, {})
        cells = [(i, "int"), (line.division_code, "code"), (line.union_name, "text")]
        cells += [shown(f, values) for f in columns]
        cells += [_figure(line.cadres, key) for key, _ in derived]
        sheet.append(cells)
    if form.key == COVER:
        sheet.append(
            [(None, "t_text"), (None, "t_text"), (tr("合计：{n} 个单位", n=len(lines)), "t_text")]
        )
        return
    totals = rollup.record_totals(form.key)
    figures = rollup.cadre_figures() if derived else None
    cells = [(None, "t_text"), (None, "t_text"), (tr("合计"), "t_text")]
    cells += [total_cell(f, totals.get(f.key, (None, 0))[0]) for f in columns]
    cells += [_figure(figures, key, total=True) for key, _ in derived]
    sheet.append(cells)
    cells = [(None, "text"), (None, "text"), (tr("填报单位数"), "text")]
    cells += [(totals[f.key][1] if f.key in totals else 0, "int") for f in columns]
    cells += [(len(lines), "int") for _ in derived]
    sheet.append(cells)


def _figure(fig: CadreFigures | None, key: str, total: bool = False) -> tuple[Any, str]:
    prefix = "t_" if total else ""
    if fig is None:
        return None, f"{prefix}text"
    if key.startswith("appointment:"):
        return fig.by_appointment.get(key.split(":", 1)[1], 0), f"{prefix}int"
    value = getattr(fig, key)
    return value, f"{prefix}{'rate' if key in ('frontline_share', 'average_age') else 'int'}"


def _roster_total(sheet: Sheet, form: FormDef, rollup: Rollup) -> None:
    sums = rollup.roster_sums(form.key)
    cells: list[tuple[Any, str]] = [
        (None, "t_text"),
        (None, "t_text"),
        (tr("合计：{n} 行", n=rollup.roster_rows(form.key)), "t_text"),
    ]
    for f in roster_columns(form):
        value = sums[f.key][0] if f.key in sums else None
        cells.append(
            (value, f"t_{NUMBER_STYLES[f.type.name]}") if value is not None else (None, "t_text")
        )
    sheet.append(cells)


def _counts(sheet: Sheet, forms: FormSet, subtitle: str, rollup: Rollup) -> None:
    sheet.heading(
        tr("名单分类统计"),
        subtitle,
        [tr("表"), tr("项目"), tr("类别"), tr("行数"), tr("占比 %")],
        widths=[26, 18, 34, 10, 10],
        landscape=False,
        freeze="A4",
    )
    for form in forms:
        if not form.is_roster:
            continue
        rows = rollup.roster_rows(form.key)
        for key, counts in rollup.roster_counts(form.key).items():
            label = form.field(key).plain_label
            for choice, n in counts.items():
                share = round(n * 100 / rows, 1) if rows else None
                sheet.append(
                    [
                        (form.display_title, "text"),
                        (label, "text"),
                        (choice, "text"),
                        (n, "int"),
                        (share, "rate"),
                    ]
                )


def _status(sheet: Sheet, head: SummaryHead, subtitle: str) -> None:
    heads = [
        tr("序号"),
        tr("行政区划代码"),
        tr("单位名称"),
        tr("报送情况"),
        tr("报表状态"),
        tr("来源文件"),
        tr("导出时间"),
        tr("导出编号"),
        tr("问题与备注"),
    ]
    if head.expected is None:
        subtitle += tr("　（未提供应报单位名单）")
    sheet.heading(tr("报送情况"), subtitle, heads, widths=[6, 15, 24, 10, 12, 40, 17, 38, 60])
    units = {u.division_code: u for u in head.units}
    for i, entry in enumerate(head.reporting, start=1):
        unit = units.get(entry.division_code)
        sheet.append(
            [
                (i, "int"),
                (entry.division_code, "code"),
                (entry.name, "text"),
                (entry.state, "center"),
                (unit.status if unit else "", "center"),
                ("；".join(entry.files), "text"),
                (entry.exported_at, "text"),
                (entry.export_id, "code"),
                ("；".join(entry.notes), "text"),
            ]
        )


def _problems(sheet: Sheet, head: SummaryHead, subtitle: str) -> None:
    heads = [tr("序号"), tr("文件"), tr("单位"), tr("问题类型"), tr("说明"), tr("处理")]
    sheet.heading(tr("问题清单"), subtitle, heads, widths=[6, 44, 30, 16, 70, 12])
    for i, p in enumerate(head.problems, start=1):
        sheet.append(
            [
                (i, "int"),
                (p.file, "text"),
                (p.unit, "text"),
                (kind_label(p.kind), "text"),
                (p.detail, "text"),
                (tr("已计入汇总") if p.used else tr("未使用"), "center"),
            ]
        )


def key_figures(forms: Any, rollup: Rollup) -> list[tuple[str, Any, str, str]]:
    """(label, value, style, units reporting) for the overview and the PDF's first page."""
    out: list[tuple[str, Any, str, str]] = []
    for form in forms:  # each form's `key_figures` (forms/*.yaml), in report order
        if not form.key_figures:
            continue
        totals = rollup.record_totals(form.key)
        for key in form.key_figures:
            f = form.field(key)
            value, n = totals.get(key, (None, 0))
            out.append(
                (
                    f.plain_label,
                    value,
                    NUMBER_STYLES.get(f.type.name, "text"),
                    tr("{n} 个单位", n=n),
                )
            )
    for form in forms:
        if form.is_roster:
            out.append(
                (tr("{title}：名单行数", title=form.title), rollup.roster_rows(form.key), "int", "")
            )
    return out


def _overview(
    sheets: dict[str, Sheet], forms: FormSet, head: SummaryHead, subtitle: str, rollup: Rollup
) -> None:
    sheet = sheets["overview"]
    sheet.heading(
        head.title,
        subtitle,
        [tr("项目"), tr("内容"), tr("填报单位数")],
        widths=[36, 44, 16],
        landscape=False,
        freeze=None,
    )
    states = Counter(group(e.state) for e in head.expected or [])
    facts: list[tuple[str, Any, str, str]] = [
        (tr("汇总单位"), head.made_by.get("union_name", ""), "text", ""),
        (tr("行政区划代码"), head.made_by.get("division_code", ""), "code", ""),
        (tr("报告期"), head.period.label, "text", ""),
        (tr("纳入汇总的单位数"), len(head.units), "int", ""),
    ]
    if head.expected is not None:
        facts += [
            (tr("应报单位数"), len(head.expected), "int", ""),
            (tr("已报"), states.get("已报", 0), "int", ""),
            (tr("未报"), states.get("未报", 0), "int", ""),
            (tr("有问题"), states.get("有问题", 0), "int", ""),
        ]
    facts.append((tr("问题清单条数"), len(head.problems), "int", ""))
    for label, value, style, note in facts + key_figures(forms, rollup):
        sheet.append([(label, "text"), (value, style), (note, "text")])
    sheet.append([(tr("本工作簿的工作表"), "section"), (None, "section"), (None, "section")])
    for s in sheets.values():
        if s.name != "_unionclerk":
            sheet.append([(s.name, "text"), (None, "text"), (None, "text")])
    sheet.append([(None, "sign")])  # where the printed summary is signed and sealed
    for label in (
        tr("单位负责人："),
        tr("填表人："),
        tr("联系电话："),
        tr("报出日期：______年____月____日"),
        tr("（单位盖章）"),
    ):
        sheet.append([(label, "sign"), (None, "sign"), (None, "sign")])
