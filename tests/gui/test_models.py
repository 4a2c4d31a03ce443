"""Every Qt model of the window passes pytest-qt's model tester, empty and filled."""

from __future__ import annotations

from unionclerk.gui.models import FormRow, FormsModel, ProblemsModel
from unionclerk.gui.roster.model import RosterModel


def test_forms_model(qtmodeltester, demo_window) -> None:
    qtmodeltester.check(demo_window.forms_model)
    qtmodeltester.check(FormsModel())
    empty = FormsModel()
    empty.set_rows([FormRow("", "概览"), FormRow("cover", "封面", "未填")])
    qtmodeltester.check(empty)


def test_problems_model(qtmodeltester, demo_window, clerk) -> None:
    clerk.fill(demo_window, "organisation", "single_unions", "999")
    model = demo_window.problems.model
    assert model.rowCount() >= 2
    qtmodeltester.check(model)
    qtmodeltester.check(ProblemsModel())


def test_roster_model(qtmodeltester, demo_window, ws) -> None:
    demo_window.select_form("cadres")
    model = demo_window.pages["cadres"].roster.model
    assert model.rowCount() > 10
    qtmodeltester.check(model)
    empty = RosterModel(ws.forms["venues"])
    qtmodeltester.check(empty)


def test_roster_model_follows_inserts_and_removals(demo_window, qtbot) -> None:
    w = demo_window
    w.select_form("venues")
    model = w.pages["venues"].roster.model
    n = model.rowCount()
    with qtbot.waitSignal(model.rowsInserted):
        w.request_add_row("venues", 2)
    assert model.rowCount() == n + 1
    with qtbot.waitSignal(model.rowsRemoved):
        w.undo_stack.undo()
    assert model.rowCount() == n


def test_id_numbers_show_masked(demo_window) -> None:
    w = demo_window
    w.select_form("cadres")
    model = w.pages["cadres"].roster.model
    index = model.index(0, model.column_of("id_number"))
    shown, edited = index.data(), model.data(index, 2)  # DisplayRole, EditRole
    assert "*" in shown and "*" not in edited and len(edited) == 18
