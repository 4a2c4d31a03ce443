"""A form marked 本期无此项 (nothing to report this period): kept in the database without a
schema change, carried by the JSON report and the workbook's machine data (only when there
is a mark: older files read as before), printed on the form's sheet and PDF page, and its
empty-form problems gone; typing into the form takes the mark away."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone

import openpyxl
import pytest

from unionclerk.domain.errors import UserError
from unionclerk.exporters import json_report
from unionclerk.exporters.xlsx.layout import NOTHING_TEXT
from unionclerk.services import demo, exporting, importing, inspection, reports
from unionclerk.services.editing import EditSession, RowsPlan
from unionclerk.services.workspace import Workspace

CLOCK = datetime(2018, 12, 20, 10, 31, tzinfo=timezone(timedelta(hours=8)))


def emptied(ws, form: str = "services") -> EditSession:
    """The demo report with one roster emptied."""
    session = EditSession(ws, demo.build_demo(ws))
    session.apply_rows(form, RowsPlan(delete=[r.uuid for r in session.data.rows[form]]))
    return session


def test_mark_is_stored_and_read_back(ws) -> None:
    session = emptied(ws)
    assert [f.key for f in session.empty_forms()] == ["services"]
    session.mark_nothing(["services"])
    again = reports.load(ws, session.report)
    assert again.nothing == {"services"}
    assert session.form_state(ws.forms["services"]).label == "本期无此项"
    assert session.empty_forms() == []
    session.insert_row("services")  # something to report after all: the mark goes
    assert reports.load(ws, session.report).nothing == set()


def test_mark_clears_the_empty_forms_problems(ws) -> None:
    session = EditSession(ws, demo.build_demo(ws))
    for key in list(session.data.single.get("support", {})):
        session.set_value("support", key, None)
    session.reveal_all()
    assert any(p.form == "support" and p.is_error for p in session.problems())
    session.mark_nothing(["support"])
    assert not any(p.form == "support" for p in session.problems())
    assert not any(p.form == "support" for p in reports.check(ws, session.report))


def test_untouched_forms_show_no_problems_until_revealed(ws) -> None:
    session = EditSession(ws, demo.build_demo(ws))
    for key in list(session.data.single.get("support", {})):
        session.set_value("support", key, None)
    session = EditSession(ws, session.report)  # opened afresh: support has nothing in it
    assert not session.started("support")
    assert not any(p.form == "support" for p in session.problems())
    assert session.form_state(ws.forms["support"]).label == "未填"
    session.reveal_all()
    assert any(p.form == "support" and p.is_error for p in session.problems())


def test_json_carries_the_mark_only_when_there_is_one(ws, tmp_path) -> None:
    session = emptied(ws)
    doc = json_report.build_document(ws.forms, session.report.period, session.data)
    assert "nothing_to_report" not in doc  # unchanged for a report without marks
    session.mark_nothing(["services"])
    doc = json_report.build_document(ws.forms, session.report.period, session.data)
    assert doc["nothing_to_report"] == ["services"]
    assert json_report.parse_document(doc, ws.forms).data.nothing == {"services"}
    done = exporting.export_report(ws, session.report, tmp_path, ["json"], clock=lambda: CLOCK)
    other = Workspace.open(tmp_path / "其他")
    try:
        imported = importing.import_file(other, done.files[0])
        assert reports.load(other, imported.report).nothing == {"services"}
    finally:
        other.close()


@pytest.mark.parametrize("bad", ["services", [1], ["nope"], ["cover"], {"services": True}])
def test_bad_marks_are_refused_by_name(ws, bad) -> None:
    session = EditSession(ws, demo.build_demo(ws))
    doc = json_report.build_document(ws.forms, session.report.period, session.data)
    doc["nothing_to_report"] = bad
    with pytest.raises(UserError) as caught:
        json_report.parse_document(doc, ws.forms)
    assert caught.value.where == "nothing_to_report"


def test_workbook_and_pdf_say_nothing_to_report(ws, tmp_path) -> None:
    session = emptied(ws)
    session.mark_nothing(["services"])
    done = exporting.export_report(
        ws, session.report, tmp_path, ["xlsx", "pdf"], clock=lambda: CLOCK
    )
    workbook = next(f for f in done.files if f.suffix == ".xlsx")
    book = openpyxl.load_workbook(workbook)
    sheets = {ws_.title: [c.value for row in ws_.iter_rows() for c in row] for ws_ in book}
    services = next(v for name, v in sheets.items() if "服务职工" in name)
    assert NOTHING_TEXT in services
    cover = next(v for name, v in sheets.items() if name == "封面")
    assert "本期无此项" in cover  # the 目录 says it too
    others = [v for name, v in sheets.items() if "服务职工" not in name and name != "封面"]
    assert not any(NOTHING_TEXT in v for v in others)
    info = inspection.inspect_file(ws.forms, workbook)
    assert info.integrity == "intact", info.messages
    pdf = next(f for f in done.files if f.suffix == ".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "本期无此项" in text
