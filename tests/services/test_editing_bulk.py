"""Many rows at once (`EditSession.apply_rows`) and text kept as entered (`Raw`).

A bulk change is one transaction and one re-check, gives back the plan that undoes it, and
leaves the session, the database and a full check agreeing. Unreadable text is stored in the
row, reported as an error naming the field, and never exported.
"""

from __future__ import annotations

import zipfile

import pytest

from unionclerk.domain.errors import UserError
from unionclerk.domain.report import YearMonth
from unionclerk.exporters import json_report
from unionclerk.formspec import Checker
from unionclerk.formspec.rawcells import RAW_KEY, Raw
from unionclerk.services import demo, exporting, reports
from unionclerk.services.editing import EditSession, RowsPlan
from unionclerk.services.workspace import database


@pytest.fixture
def session(ws):
    return EditSession(ws, demo.build_demo(ws))


def stored(ws, session, form):
    return [(r.uuid, r.values) for r in reports.load(ws, session.report).rows[form]]


def in_memory(session, form):
    return [(r.uuid, r.values) for r in session.data.rows[form]]


def full_check(session):
    return session.checker.check(session.data).problems(session.data, session.forms)


def test_apply_rows_inserts_updates_deletes_and_undoes(ws, session):
    before = in_memory(session, "services")
    first, second, third = (r.uuid for r in session.data.rows["services"][:3])
    changed = dict(session.data.rows["services"][0].values, name="职工运动会")
    plan = RowsPlan(
        update={first: changed},
        delete=[second],
        insert=[
            (1, "new-1", {"name": "技能比武", "category": "技能培训"}),
            (len(before) + 5, "new-2", {"name": "送清凉"}),
        ],
    )
    undo = session.apply_rows("services", plan)
    rows = in_memory(session, "services")
    assert [u for u, _ in rows][:3] == [first, "new-1", third]
    assert rows[-1][0] == "new-2" and len(rows) == len(before) + 1
    assert rows[0][1]["name"] == "职工运动会"
    assert stored(ws, session, "services") == rows
    assert session.problems() == full_check(session)
    assert any(p.row == "new-2" and p.field == "category" for p in session.problems())
    redo = session.apply_rows("services", undo)
    assert in_memory(session, "services") == before
    assert stored(ws, session, "services") == before
    assert session.problems() == full_check(session)
    session.apply_rows("services", redo)
    assert in_memory(session, "services") == rows


def test_a_bulk_change_is_all_or_nothing(ws, session):
    before = stored(ws, session, "services")
    bad = RowsPlan(insert=[(0, "x", {"name": "甲"})], delete=["no-such-row"])
    with pytest.raises(UserError):
        session.apply_rows("services", bad)
    assert in_memory(session, "services") == before == stored(ws, session, "services")


def test_bulk_change_is_audited_per_row(ws, session):
    session.apply_rows("venues", RowsPlan(insert=[(0, "v-new", {"name": "职工书屋"})]))
    with database(ws).read() as tx:
        entry = tx.audit(session.report.id, limit=1)[0]
    assert (entry.row_uuid, entry.note) == ("v-new", "row added")


def test_replace_a_whole_roster_in_one_step(ws, session):
    old = in_memory(session, "cadres")
    plan = RowsPlan(
        delete=[u for u, _ in old],
        insert=[
            (
                i,
                f"c{i}",
                {"name": f"干部{i}", "gender": "女", "position": "委员", "appointment": "兼职"},
            )
            for i in range(50)
        ],
    )
    undo = session.apply_rows("cadres", plan)
    assert [u for u, _ in stored(ws, session, "cadres")] == [f"c{i}" for i in range(50)]
    assert session.problems() == full_check(session)
    session.apply_rows("cadres", undo)
    assert stored(ws, session, "cadres") == old


def test_kept_text_is_stored_marked_and_cleared(ws, session):
    row = session.data.rows["cadres"][0].uuid
    session.set_value("cadres", "birth", Raw("1980年13月"), row)
    assert session.cell("cadres", "birth", row) == Raw("1980年13月")
    assert session.value("cadres", "birth", row) is None
    again = reports.load(ws, session.report).rows["cadres"][0].values
    assert again[RAW_KEY] == {"birth": "1980年13月"} and "birth" not in again
    problem = next(p for p in session.problems() if p.row == row and p.field == "birth")
    assert problem.is_error and problem.rule == "unparsed"
    assert "出生年月" in problem.message and "1980年13月" in problem.message
    assert "不存在" in problem.message and "改正" in problem.message
    assert session.problems() == full_check(session)
    session.set_value("cadres", "birth", YearMonth(1980, 3), row)
    assert RAW_KEY not in reports.load(ws, session.report).rows["cadres"][0].values
    assert not any(p.row == row and p.rule == "unparsed" for p in session.problems())


def test_kept_text_on_a_required_cell_replaces_the_required_error(session):
    row = session.data.rows["cadres"][0].uuid
    session.set_value("cadres", "position", Raw("付主席"), row)
    found = [p for p in session.problems() if p.row == row and p.field == "position"]
    assert [p.rule for p in found] == ["unparsed"]
    assert "其他" in found[0].message  # the fix: choose 其他 and say what


def test_kept_text_is_never_exported(ws, session, tmp_path):
    row = session.data.rows["cadres"][0].uuid
    session.set_value("cadres", "birth", Raw("八零年三月"), row)
    data = reports.load(ws, session.report)
    doc = json_report.build_document(ws.forms, session.report.period, data, full_ids=True)
    text = json_report.dumps(doc)
    assert "八零年三月" not in text and RAW_KEY not in text
    assert "birth" not in doc["forms"]["cadres"]["rows"][0]
    out = tmp_path / "out"
    out.mkdir()
    exported = exporting.export_report(ws, session.report, out, ["json", "xlsx"])
    for file in exported.files:
        content = file.read_bytes()
        if file.suffix == ".xlsx":  # every part, unzipped
            with zipfile.ZipFile(file) as zf:
                content = b"".join(zf.read(name) for name in zf.namelist())
        assert "八零年三月".encode() not in content and RAW_KEY.encode() not in content


def test_kept_text_survives_reload_and_full_check(ws, session):
    row = session.data.rows["services"][2].uuid
    session.set_value("services", "sessions", Raw("约20场"), row)
    fresh = EditSession(ws, session.report)
    assert fresh.cell("services", "sessions", row) == Raw("约20场")
    assert any(p.row == row and p.rule == "unparsed" for p in fresh.problems())
    result = Checker(ws.forms, session.report.period).check(fresh.data)
    assert fresh.problems() == result.problems(fresh.data, ws.forms)


def test_kept_text_cannot_go_into_a_single_record(session):
    with pytest.raises(UserError):
        session.set_value("organisation", "members", Raw("约两万"))
