"""The report workflow: create (with carry-over), load, check, complete, reopen.

Status runs 填报中 → 已完成 (only with no errors and every warning explained) → 已导出;
reopening a completed or exported report needs a reason, which the audit log keeps.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.problems import Problem
from unionclerk.domain.records import COMPLETE, DRAFT, EXPORTED, OWN, ReportInfo, StoredData
from unionclerk.domain.report import COVER, ReportData
from unionclerk.formspec import Checker
from unionclerk.formspec.checker import iter_unexplained
from unionclerk.formspec.codec import decode
from unionclerk.services.workspace import Workspace, database

NOT_CARRIED_COVER = ("report_date",)


def create_report(
    ws: Workspace, division_code: str, period: Period, *, union_name: str = "", source: str = OWN
) -> ReportInfo:
    """A new report for a period, carrying over the cover and the rosters declared
    `carry_over` (cadres, venues) from the unit's latest earlier report."""
    with database(ws).transaction() as tx:
        unit = tx.get_unit(division_code)
        if unit is None:
            if not union_name:
                raise UserError(tr("请先填写单位名称"))
            tx.upsert_unit(
                division_code,
                union_name,
                own=source == OWN and not any(u.own for u in tx.list_units()),
            )
        if tx.get_report(division_code, period) is not None:
            raise UserError(tr("{period} 的报表已经存在", period=period.label))
        earlier = [r for r in tx.list_reports(division_code) if r.period < period]
        report = tx.create_report(division_code, period, source=source)
        if earlier:
            previous = max(earlier, key=lambda r: r.period)
            old = tx.load_data(previous.id)
            carried = StoredData()
            cover = {
                k: v for k, v in old.single.get(COVER, {}).items() if k not in NOT_CARRIED_COVER
            }
            if cover:
                carried.single[COVER] = cover
            for form in (f.key for f in ws.forms if f.carry_over):  # declared in the YAML
                if old.rows.get(form):
                    carried.rows[form] = [(str(uuid.uuid4()), dict(v)) for _, v in old.rows[form]]
            tx.replace_data(
                report.id,
                carried,
                note=tr("从 {period} 结转封面、干部和阵地名单", period=previous.period.label),
            )
        return report


def list_reports(ws: Workspace, division_code: str | None = None) -> list[ReportInfo]:
    """Reports of the folder, newest period first."""
    with database(ws).read() as tx:
        return tx.list_reports(division_code)


def periods(ws: Workspace) -> list[Period]:
    """The periods the folder has reports for, newest first."""
    with database(ws).read() as tx:
        return tx.list_periods()


def find(ws: Workspace, division_code: str, period: Period) -> ReportInfo | None:
    """The unit's report for the period, or None when there is none."""
    with database(ws).read() as tx:
        return tx.get_report(division_code, period)


def previous(ws: Workspace, report: ReportInfo) -> ReportInfo | None:
    """The unit's latest report before this one (for last period's figures)."""
    earlier = [r for r in list_reports(ws, report.unit.division_code) if r.period < report.period]
    return max(earlier, key=lambda r: r.period) if earlier else None


def load(ws: Workspace, report: ReportInfo) -> ReportData:
    with database(ws).read() as tx:
        return decode(ws.forms, tx.load_data(report.id))


def check(ws: Workspace, report: ReportInfo, data: ReportData | None = None) -> list[Problem]:
    data = data if data is not None else load(ws, report)
    return Checker(ws.forms, report.period).check(data).problems(data, ws.forms)


@dataclass
class Outstanding:
    errors: list[Problem]
    unexplained: list[Problem]


def outstanding(ws: Workspace, report: ReportInfo) -> Outstanding:
    """Errors, unexplained warnings, and the county's comments (上级意见) not yet answered."""
    from unionclerk.services import review_township

    data = load(ws, report)
    left = list(iter_unexplained(check(ws, report, data), data.explanations))
    left += review_township.comment_problems(ws, report, data)
    return Outstanding([p for p in left if p.is_error], [p for p in left if not p.is_error])


def complete(ws: Workspace, report: ReportInfo) -> None:
    """Mark 已完成, or refuse with what is left."""
    left = outstanding(ws, report)
    if left.errors or left.unexplained:
        lines = [describe(ws, p) for p in (left.errors + left.unexplained)[:20]]
        raise UserError(
            tr(
                "还不能标记完成：还有 {e} 个错误、{w} 个警告未说明。\n{lines}",
                e=len(left.errors),
                w=len(left.unexplained),
                lines="\n".join(lines),
            )
        )
    with database(ws).transaction() as tx:
        tx.set_status(report.id, COMPLETE, note=tr("标记完成"))


def mark_exported(ws: Workspace, report: ReportInfo) -> None:
    with database(ws).transaction() as tx:  # the stored status: `report` may be an older snapshot
        if tx.get_report_by_id(report.id).status == COMPLETE:
            tx.set_status(report.id, EXPORTED, note=tr("已导出上报文件"))


def reopen(ws: Workspace, report: ReportInfo, reason: str) -> None:
    with database(ws).transaction() as tx:  # the stored status: `report` may be an older snapshot
        if tx.get_report_by_id(report.id).status == DRAFT:
            return
        if not reason.strip():
            raise UserError(tr("重新打开已完成的报表需要填写原因"))
        tx.set_status(report.id, DRAFT, note=tr("重新打开：{reason}", reason=reason.strip()))


def describe(ws: Workspace, p: Problem) -> str:
    """One line for a problem: form, row, field, message."""
    form = ws.forms[p.form]
    where = form.display_title
    if p.row_index is not None:
        where += tr(" 第 {n} 行", n=p.row_index + 1)
    level = tr("错误") if p.is_error else tr("警告")
    return f"[{level}] {where}：{p.message}"
