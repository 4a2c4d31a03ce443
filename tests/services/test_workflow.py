"""The report workflow (issue 2 §6): a new period carries over the cover, cadres and venues;
已完成 only with no errors and every warning explained; reopening needs a logged reason."""

from __future__ import annotations

import pytest

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.domain.records import COMPLETE, DRAFT, EXPORTED, OWN, ReportInfo
from unionclerk.services import demo, reports
from unionclerk.services.workspace import Workspace, database

CODE = demo.DIVISION_CODE
VENUE_REASON = "职工活动中心与文体中心共用场地，面积已计入镇党群服务中心。"
SERVICE_REASON = "金秋助学为一次性发放，不按场次统计。"


def fresh(ws: Workspace, report: ReportInfo) -> ReportInfo:
    with database(ws).read() as tx:
        return tx.get_report_by_id(report.id)


def notes(ws: Workspace, report: ReportInfo) -> list[str]:
    with database(ws).read() as tx:
        return [e.note or "" for e in tx.audit(report.id)]


def explain_demo_warnings(ws: Workspace, report: ReportInfo, venue: str = VENUE_REASON) -> None:
    data = reports.load(ws, report)
    with database(ws).transaction() as tx:
        tx.set_explanation(report.id, f"venues.rows[{data.rows['venues'][1].uuid}].area", venue)
        tx.set_explanation(
            report.id, f"services.rows[{data.rows['services'][7].uuid}].sessions", SERVICE_REASON
        )


# -- a new period ----------------------------------------------------------------------------
def test_new_period_carries_cover_cadres_and_venues(ws: Workspace) -> None:
    old = demo.build_demo(ws)
    explain_demo_warnings(ws, old)
    before = reports.load(ws, old)

    new = reports.create_report(ws, CODE, Period(2019))
    assert (new.period, new.status, new.source, new.unit.division_code) == (
        Period(2019),
        DRAFT,
        OWN,
        CODE,
    )
    data = reports.load(ws, new)

    cover = dict(before.single["cover"])
    del cover["report_date"]  # the new report is sent on a new date
    assert data.single["cover"] == cover
    for form in ("cadres", "venues"):
        assert [r.values for r in data.rows[form]] == [r.values for r in before.rows[form]]
        new_ids = {r.uuid for r in data.rows[form]}
        assert len(new_ids) == len(before.rows[form])
        assert not new_ids & {r.uuid for r in before.rows[form]}  # new rows, not shared ones
    assert data.rows["services"] == []  # services start empty each period
    for form in ("organisation", "support", "rights"):
        assert form not in data.single
    assert "cadres" not in data.single  # the roster summary is a figure of the period
    assert data.explanations == {}  # reasons were for last year's figures
    assert reports.load(ws, old) == before  # the old report is untouched
    assert any("从 2018年度 结转" in n for n in notes(ws, new))

    problems = reports.check(ws, new)
    assert ("cover", "report_date", None) in {
        (p.form, p.field, p.row_index) for p in problems if p.rule == "required"
    }


def test_new_period_takes_the_latest_earlier_report(ws: Workspace) -> None:
    demo.build_demo(ws)
    r2019 = reports.create_report(ws, CODE, Period(2019))
    data = reports.load(ws, r2019)
    with database(ws).transaction() as tx:
        tx.delete_row(r2019.id, data.rows["cadres"][0].uuid)
        tx.set_value(r2019.id, "cover", "head_name", "新主席")
    r2020 = reports.create_report(ws, CODE, Period(2020))
    carried = reports.load(ws, r2020)
    assert len(carried.rows["cadres"]) == 24
    assert carried.single["cover"]["head_name"] == "新主席"


def test_a_period_cannot_be_created_twice(ws: Workspace) -> None:
    demo.build_demo(ws)
    with pytest.raises(UserError, match="2018年度 的报表已经存在"):
        reports.create_report(ws, CODE, Period(2018))


def test_first_report_of_a_new_unit_starts_empty(ws: Workspace) -> None:
    with pytest.raises(UserError, match="单位名称"):
        reports.create_report(ws, "330782102000", Period(2018))
    report = reports.create_report(ws, "330782102000", Period(2018), union_name="赤岸镇总工会")
    assert report.unit.union_name == "赤岸镇总工会" and report.unit.own
    data = reports.load(ws, report)
    assert data.single == {} and all(rows == [] for rows in data.rows.values())


# -- completing ------------------------------------------------------------------------------
def test_complete_refuses_while_warnings_are_unexplained(ws: Workspace) -> None:
    report = demo.build_demo(ws)
    with pytest.raises(UserError) as exc:
        reports.complete(ws, report)
    message = str(exc.value)
    assert "还不能标记完成：还有 0 个错误、2 个警告未说明。" in message
    assert "[警告] 表三 阵地建设情况 第 2 行：" in message
    assert "[警告] 表四 服务职工情况 第 8 行：" in message
    assert fresh(ws, report).status == DRAFT

    explain_demo_warnings(ws, report, venue="   ")  # blank is no explanation
    with pytest.raises(UserError, match="0 个错误、1 个警告未说明"):
        reports.complete(ws, report)
    assert fresh(ws, report).status == DRAFT

    explain_demo_warnings(ws, report)
    reports.complete(ws, report)
    assert fresh(ws, report).status == COMPLETE
    assert notes(ws, report)[0] == "标记完成"


def test_complete_refuses_while_errors_remain_even_if_explained(ws: Workspace) -> None:
    report = demo.build_demo(ws)
    explain_demo_warnings(ws, report)
    data = reports.load(ws, report)
    cadre = data.rows["cadres"][4].uuid
    with database(ws).transaction() as tx:
        tx.set_value(report.id, "organisation", "single_unions", 500)  # part > total
        tx.set_explanation(report.id, "organisation.single_unions", "原文如此")  # not enough
        tx.set_explanation(report.id, "organisation.grassroots_unions", "原文如此")
        tx.set_value(report.id, "cadres", "gender", None, row_uuid=cadre)
    with pytest.raises(UserError) as exc:
        reports.complete(ws, report)
    message = str(exc.value)
    assert "还有 2 个错误、0 个警告未说明" in message
    assert "[错误] 表一 组织建设情况：其中“单独建会”(500)不能大于基层工会数(201)" in message
    assert "[错误] 表二 工会干部队伍情况 第 5 行：“性别”必须填写" in message
    assert fresh(ws, report).status == DRAFT

    left = reports.outstanding(ws, report)
    assert [(p.form, p.field) for p in left.errors] == [
        ("organisation", "single_unions"),
        ("cadres", "gender"),
    ]
    with database(ws).transaction() as tx:
        tx.set_value(report.id, "organisation", "single_unions", 185)
        tx.set_value(
            report.id, "cadres", "gender", data.rows["cadres"][4].values["gender"], row_uuid=cadre
        )
    reports.complete(ws, report)
    assert fresh(ws, report).status == COMPLETE


# -- reopening -------------------------------------------------------------------------------
@pytest.fixture
def completed(ws: Workspace) -> ReportInfo:
    report = demo.build_demo(ws)
    explain_demo_warnings(ws, report)
    reports.complete(ws, report)
    return fresh(ws, report)


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_reopen_needs_a_reason(ws: Workspace, completed: ReportInfo, reason: str) -> None:
    with pytest.raises(UserError, match="需要填写原因"):
        reports.reopen(ws, completed, reason)
    assert fresh(ws, completed).status == COMPLETE


def test_reopen_lands_in_the_audit_log(ws: Workspace, completed: ReportInfo) -> None:
    reports.reopen(ws, completed, "  县总工会要求更正会员人数 ")
    assert fresh(ws, completed).status == DRAFT
    with database(ws).read() as tx:
        entry = tx.audit(completed.id)[0]
    assert entry.note == "重新打开：县总工会要求更正会员人数"
    assert (entry.old, entry.new) == (COMPLETE, DRAFT)


def test_reopen_an_exported_report(ws: Workspace, completed: ReportInfo) -> None:
    reports.mark_exported(ws, completed)
    assert fresh(ws, completed).status == EXPORTED
    with pytest.raises(UserError):
        reports.reopen(ws, completed, "")
    reports.reopen(ws, completed, "补报一名干部")
    assert fresh(ws, completed).status == DRAFT
    assert notes(ws, completed)[:2] == ["重新打开：补报一名干部", "已导出上报文件"]


def test_reopen_and_export_use_the_stored_status(ws: Workspace) -> None:
    """A record read before completing is a snapshot: the stored status decides."""
    report = demo.build_demo(ws)  # status DRAFT in this snapshot
    explain_demo_warnings(ws, report)
    reports.complete(ws, report)
    reports.mark_exported(ws, report)
    assert fresh(ws, report).status == EXPORTED
    with pytest.raises(UserError, match="需要填写原因"):
        reports.reopen(ws, report, "")
    reports.reopen(ws, report, "数据有误")
    assert fresh(ws, report).status == DRAFT


def test_reopening_a_draft_changes_nothing(ws: Workspace) -> None:
    report = demo.build_demo(ws)
    before = notes(ws, report)
    reports.reopen(ws, report, "")
    reports.mark_exported(ws, report)  # only a completed report becomes 已导出
    assert fresh(ws, report).status == DRAFT
    assert notes(ws, report) == before
