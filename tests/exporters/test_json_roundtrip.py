"""The JSON report round trip (interchange.md §1–2): export → import into an empty folder →
export gives the same bytes; ID numbers stay masked; explanations on roster rows survive."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from unionclerk.domain.period import Period
from unionclerk.domain.records import ReportInfo
from unionclerk.formspec import explanation_key, idmask, validators
from unionclerk.services import demo, exporting, importing, reports
from unionclerk.services.workspace import Workspace, database

MASKED = re.compile(r"^\d{6}\*{12}$")  # region only; 12 "*": valid when exported
VENUE_REASON = "职工活动中心与文体中心共用场地，面积已计入镇党群服务中心。"
SERVICE_REASON = "金秋助学为一次性发放，不按场次统计。"


@pytest.fixture
def source(ws: Workspace) -> ReportInfo:
    """The demo report, with the clerk's reasons for its two roster warnings."""
    report = demo.build_demo(ws)
    data = reports.load(ws, report)
    with database(ws).transaction() as tx:
        tx.set_explanation(
            report.id, f"venues.rows[{data.rows['venues'][1].uuid}].area", VENUE_REASON
        )
        tx.set_explanation(
            report.id, f"services.rows[{data.rows['services'][7].uuid}].sessions", SERVICE_REASON
        )
    return report


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "empty")
    yield workspace
    workspace.close()


def export(ws: Workspace, report: ReportInfo, folder: Path, *, full_ids: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return exporting.export_report(ws, report, folder, ["json"], full_ids=full_ids).files[0]


def _only_report(ws: Workspace) -> ReportInfo:
    with database(ws).read() as tx:
        found = tx.list_reports()
    assert len(found) == 1
    return found[0]


def test_export_import_export_is_byte_identical(ws, source, empty, tmp_path: Path) -> None:
    first = export(ws, source, tmp_path / "一")
    outcome = importing.import_file(empty, first)
    assert not outcome.replaced and outcome.report.unit.own
    second = export(empty, _only_report(empty), tmp_path / "二")
    assert first.name == second.name == "330782101000_佛堂镇总工会_2018年度_工会工作报表_草稿.json"
    assert first.read_bytes() == second.read_bytes()

    doc = json.loads(first.read_text(encoding="utf-8"))
    assert len(doc["forms"]["cadres"]["rows"]) == 25
    assert len(doc["forms"]["services"]["rows"]) == 8
    assert doc["form_versions"] == empty.forms.versions
    # the same data in the database too, not only in the files
    assert reports.load(empty, outcome.report).single == reports.load(ws, source).single


def test_ids_leave_masked_and_stay_masked(ws, source, empty, tmp_path: Path) -> None:
    full = [r["id_number"] for r in demo.document()["forms"]["cadres"]["rows"]]
    file = export(ws, source, tmp_path / "out")
    text = file.read_text(encoding="utf-8")
    ids = [r["id_number"] for r in json.loads(text)["forms"]["cadres"]["rows"]]
    assert all(MASKED.match(i) for i in ids), ids
    assert [idmask.mask(n) for n in full] == ids
    assert not any(n in text for n in full)

    outcome = importing.import_file(empty, file)
    stored = reports.load(empty, outcome.report)
    assert [r.values["id_number"] for r in stored.rows["cadres"]] == ids
    # masked numbers are not re-checked: no check digit, gender or birth complaints
    assert not [p for p in outcome.problems if p.form == "cadres" and p.is_error]
    assert len(outcome.problems) == 2

    # and cannot be revealed: --full-ids of an imported masked report is still masked
    again = export(empty, outcome.report, tmp_path / "again", full_ids=True)
    assert [
        r["id_number"] for r in json.loads(again.read_text("utf-8"))["forms"]["cadres"]["rows"]
    ] == ids


def test_full_ids_gives_full_numbers(ws, source, empty, tmp_path: Path) -> None:
    full = [r["id_number"] for r in demo.document()["forms"]["cadres"]["rows"]]
    file = export(ws, source, tmp_path / "out", full_ids=True)
    ids = [r["id_number"] for r in json.loads(file.read_text("utf-8"))["forms"]["cadres"]["rows"]]
    assert ids == full
    assert all(validators.id_number_problem(n) is None for n in ids)
    # full numbers are checked again on import: still valid, still full after another export
    outcome = importing.import_file(empty, file)
    assert len(outcome.problems) == 2
    again = export(empty, outcome.report, tmp_path / "again", full_ids=True)
    assert again.read_bytes() == file.read_bytes()


def test_a_masked_number_is_not_checked_but_a_full_wrong_one_is(
    ws, source, empty, tmp_path: Path
) -> None:
    file = export(ws, source, tmp_path / "out")
    doc = json.loads(file.read_text("utf-8"))
    rows = doc["forms"]["cadres"]["rows"]
    rows[0]["id_number"] = "330782********0000"  # masked: whatever it hides is not checked
    wrong = demo.document()["forms"]["cadres"]["rows"][1]["id_number"]
    rows[1]["id_number"] = wrong[:-1] + ("0" if wrong[-1] != "0" else "1")  # bad check char
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    problems = importing.import_file(empty, file).problems
    id_problems = [(p.row_index, p.is_error) for p in problems if p.field == "id_number"]
    assert id_problems == [(1, True)]


def test_explanations_on_rows_survive_by_index(ws, source, empty, tmp_path: Path) -> None:
    file = export(ws, source, tmp_path / "out")
    doc = json.loads(file.read_text("utf-8"))
    assert doc["explanations"] == {
        "organisation.star_3": "原文为“推动规上企业创建三星级工会40余家”，按40家填报。",
        "services.rows[7].sessions": SERVICE_REASON,
        "venues.rows[1].area": VENUE_REASON,
    }
    outcome = importing.import_file(empty, file)
    data = reports.load(empty, outcome.report)
    venue, service = data.rows["venues"][1], data.rows["services"][7]
    assert data.explanations[f"venues.rows[{venue.uuid}].area"] == VENUE_REASON
    assert data.explanations[f"services.rows[{service.uuid}].sessions"] == SERVICE_REASON
    # the imported reasons really explain the imported warnings
    assert {data.explanations.get(explanation_key(p)) for p in outcome.problems} == {
        VENUE_REASON,
        SERVICE_REASON,
    }
    left = reports.outstanding(empty, outcome.report)
    assert left.errors == [] and left.unexplained == []


def test_explanation_follows_its_row_when_rows_move(ws, source, tmp_path: Path) -> None:
    data = reports.load(ws, source)
    with database(ws).transaction() as tx:
        tx.move_row(source.id, data.rows["venues"][1].uuid, 4)
    file = export(ws, source, tmp_path / "out")
    explanations = json.loads(file.read_text("utf-8"))["explanations"]
    assert explanations["venues.rows[4].area"] == VENUE_REASON
    assert "venues.rows[1].area" not in explanations


def test_money_as_decimal_string_and_empty_as_null(ws, source, empty, tmp_path: Path) -> None:
    file = export(ws, source, tmp_path / "out")
    doc = json.loads(file.read_text("utf-8"))
    doc["forms"]["support"]["budget"] = "1200000.50"
    doc["forms"]["support"]["notes"] = None
    doc["forms"]["rights"]["legal_aid_cases"] = None
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    outcome = importing.import_file(empty, file)
    again = json.loads(export(empty, outcome.report, tmp_path / "2").read_text("utf-8"))
    assert again["forms"]["support"]["budget"] == 1200000.5
    assert "notes" not in again["forms"]["support"]
    assert "legal_aid_cases" not in again["forms"]["rights"]  # empty stays empty, never 0


def test_a_draft_with_errors_round_trips(ws, empty, tmp_path: Path) -> None:
    report = demo.build_demo(ws)
    data = reports.load(ws, report)
    with database(ws).transaction() as tx:
        tx.set_value(report.id, "cadres", "name", None, row_uuid=data.rows["cadres"][2].uuid)
        tx.set_value(report.id, "organisation", "members", None)
    assert [p for p in reports.check(ws, report) if p.is_error]
    first = export(ws, report, tmp_path / "1")
    outcome = importing.import_file(empty, first)
    errors = [(p.form, p.field, p.row_index) for p in outcome.problems if p.is_error]
    assert ("cadres", "name", 2) in errors and ("organisation", "members", None) in errors
    second = export(empty, outcome.report, tmp_path / "2")
    assert first.read_bytes() == second.read_bytes()


def test_half_year_period_round_trips(ws, empty, tmp_path: Path) -> None:
    report = demo.build_demo(ws)
    doc = json.loads(export(ws, report, tmp_path / "out").read_text("utf-8"))
    doc["period"] = {"year": 2018, "part": "h2"}
    file = tmp_path / "h2.json"
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    outcome = importing.import_file(empty, file)
    assert outcome.report.period == Period(2018, "h2")
    again = export(empty, outcome.report, tmp_path / "again")
    assert again.name.endswith("_2018下半年_工会工作报表_草稿.json")
    assert json.loads(again.read_text("utf-8"))["period"] == {"year": 2018, "part": "h2"}
