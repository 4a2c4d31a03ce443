"""The edit session: saved at once, re-checked incrementally, guarded when complete."""

from __future__ import annotations

import pytest

from unionclerk.domain.errors import UserError, ValueRefused
from unionclerk.services import demo, reports
from unionclerk.services.editing import EditSession
from unionclerk.services.workspace import database


@pytest.fixture
def session(ws):
    report = demo.build_demo(ws)
    return EditSession(ws, report)


def reload(ws, session):
    return reports.load(ws, session.report)


def test_edit_is_saved_at_once_and_audited(ws, session):
    session.set_text("organisation", "members", "24,000")
    assert reload(ws, session).single["organisation"]["members"] == 24000
    with database(ws).read() as tx:
        entry = tx.audit(session.report.id, limit=1)[0]
    assert (entry.field, entry.old, entry.new) == ("members", 24143, 24000)


def test_bad_text_is_refused_and_nothing_saved(ws, session):
    with pytest.raises(ValueRefused):
        session.set_text("organisation", "members", "约两万")
    assert reload(ws, session).single["organisation"]["members"] == 24143


def test_problems_follow_edits(session):
    assert not any(p.rule == "organisation.single_le_total" for p in session.problems())
    session.set_text("organisation", "single_unions", "300")
    assert any(p.rule == "organisation.single_le_total" for p in session.problems())
    session.set_value("organisation", "single_unions", None)
    assert not any(p.rule == "organisation.single_le_total" for p in session.problems())


def test_rows_insert_delete_restore(ws, session):
    n = len(session.data.rows["services"])
    uuid = session.insert_row("services", 0, {"name": "技能比武"})
    assert reload(ws, session).rows["services"][0].values["name"] == "技能比武"
    assert any(p.row == uuid and p.field == "category" for p in session.problems())
    position, values = session.delete_row("services", uuid)
    assert len(reload(ws, session).rows["services"]) == n
    assert not any(p.row == uuid for p in session.problems())
    session.restore_row("services", position, values, uuid)
    assert reload(ws, session).rows["services"][0].uuid == uuid


def test_new_row_starts_with_defaults(session):
    uuid = session.insert_row("cadres")
    assert session.value("cadres", "ethnicity", uuid) == "汉族"


def test_explanation_clears_a_warning_from_outstanding(session):
    warning = next(p for p in session.outstanding() if not p.is_error)
    session.set_explanation(warning, "该中心与镇文体中心共用场地，面积另报")
    assert warning.rule not in {p.rule for p in session.outstanding() if p.row == warning.row}


def test_complete_report_cannot_be_edited_until_reopened(session):
    for p in session.outstanding():
        session.set_explanation(p, "已核实")
    session.complete()
    with pytest.raises(UserError):
        session.set_text("organisation", "members", "1")
    with pytest.raises(UserError):
        session.reopen("  ")
    session.reopen("县总工会要求补报数据")
    session.set_text("organisation", "members", "24000")


def test_form_state(session, forms):
    state = session.form_state(forms["venues"])
    assert state.warnings >= 1 and "警告" in state.label
    assert session.form_state(forms["rights"]).progress < 100
