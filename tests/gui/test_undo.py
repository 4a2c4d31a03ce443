"""Undo / redo across the report: values, merged edits, rows and explanations."""

from __future__ import annotations

from PySide6.QtCore import Qt

from unionclerk.services import reports


def saved(ws, window, form, key):
    return reports.load(ws, window.session.report).single[form].get(key)


def test_undo_and_redo_a_value(ws, demo_window, clerk, qtbot) -> None:
    w = demo_window
    clerk.fill(w, "organisation", "members", "24000")
    assert saved(ws, w, "organisation", "members") == 24000
    assert w.acts["undo"].isEnabled()
    assert "会员人数" in w.acts["undo"].text()
    w.acts["undo"].trigger()
    assert saved(ws, w, "organisation", "members") == 24143
    assert clerk.row(w, "organisation", "members").editor.text() == "24,143"
    w.acts["redo"].trigger()
    assert saved(ws, w, "organisation", "members") == 24000


def test_keyboard_shortcuts_undo_and_redo(ws, demo_window, clerk, qtbot) -> None:
    w = demo_window
    clerk.fill(w, "rights", "disputes", "40")
    w.select_form("")  # focus away from any line edit, which has its own Ctrl+Z
    w.dashboard.table.setFocus()
    qtbot.keyClick(w.dashboard.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(ws, w, "rights", "disputes") != 40
    assert w.stack.currentWidget() is w.pages["rights"]  # undo shows where it happened
    w.dashboard.table.setFocus()
    qtbot.keyClick(w.dashboard.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert saved(ws, w, "rights", "disputes") == 40


def test_consecutive_edits_of_one_field_merge(ws, demo_window, clerk) -> None:
    w = demo_window
    clerk.fill(w, "organisation", "members", "2400")
    clerk.fill(w, "organisation", "members", "24001")
    assert w.undo_stack.count() == 1
    w.undo_stack.undo()
    assert saved(ws, w, "organisation", "members") == 24143
    clerk.fill(w, "organisation", "employees", "30000")
    clerk.fill(w, "organisation", "members", "1")
    assert w.undo_stack.count() == 2  # different fields stay separate steps


def test_edit_back_to_the_start_leaves_no_step(ws, demo_window, clerk) -> None:
    w = demo_window
    clerk.fill(w, "organisation", "members", "1")
    clerk.fill(w, "organisation", "members", "24143")
    assert w.undo_stack.count() == 0


def test_undo_row_insert_and_delete(ws, demo_window, clerk, qtbot) -> None:
    w = demo_window
    w.select_form("services")
    table = w.pages["services"].roster
    n = len(table.model.rows)  # rowCount() also counts the empty row for new entries
    table.view.setCurrentIndex(table.model.index(0, 0))
    qtbot.mouseClick(table.buttons[0], Qt.MouseButton.LeftButton)
    assert len(table.model.rows) == n + 1
    added = table.model.row_uuid(1)
    table.model.setData(table.model.index(1, table.model.column_of("name")), "职工运动会")
    assert w.session.value("services", "name", added) == "职工运动会"
    w.undo_stack.undo()  # the name
    w.undo_stack.undo()  # the row
    assert len(table.model.rows) == n
    assert len(reports.load(ws, w.session.report).rows["services"]) == n
    w.undo_stack.redo()
    assert table.model.row_uuid(1) == added  # back under the same identity
    first = table.model.row_uuid(0)
    values = dict(w.session.data.rows["services"][0].values)
    table.view.setCurrentIndex(table.model.index(0, 0))
    qtbot.mouseClick(table.buttons[1], Qt.MouseButton.LeftButton)
    assert table.model.row_of(first) is None
    w.undo_stack.undo()
    assert table.model.row_uuid(0) == first
    assert reports.load(ws, w.session.report).rows["services"][0].values == values


def test_undo_an_explanation(ws, demo_window) -> None:
    w = demo_window
    warning = next(p for p in w.session.outstanding() if not p.is_error)
    w.request_explanation(warning, "该阵地与镇文体中心共用，面积另报")
    assert warning not in w.session.outstanding()
    w.undo_stack.undo()
    assert warning in w.session.outstanding()
