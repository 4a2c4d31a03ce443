"""Ctrl+Z / Ctrl+Y pressed inside a form field (where the cursor nearly always is) undo and
redo the saved changes of the whole window; typed, unsaved text in the field goes first."""

from __future__ import annotations

from PySide6.QtCore import Qt

from unionclerk.services import reports

Ctrl = Qt.KeyboardModifier.ControlModifier


def saved(ws, window, form, key):
    return reports.load(ws, window.session.report).single[form].get(key)


def test_ctrl_z_and_ctrl_y_inside_a_field(ws, demo_window, clerk, qtbot) -> None:
    w = demo_window
    clerk.fill(w, "rights", "disputes", "40")  # Enter saves and moves to the next field
    here = w.focusWidget()
    assert here is not None and here.objectName().startswith("field_")
    qtbot.keyClick(here, Qt.Key.Key_Z, Ctrl)
    assert saved(ws, w, "rights", "disputes") != 40
    assert clerk.row(w, "rights", "disputes").editor.text() != "40"
    qtbot.keyClick(w.focusWidget(), Qt.Key.Key_Y, Ctrl)
    assert saved(ws, w, "rights", "disputes") == 40
    assert clerk.row(w, "rights", "disputes").editor.text() == "40"


def test_ctrl_z_in_the_field_just_saved(ws, demo_window, clerk, qtbot) -> None:
    w = demo_window
    before = saved(ws, w, "organisation", "members")
    clerk.fill(w, "organisation", "members", "24000")
    field = clerk.row(w, "organisation", "members").editor.widget
    field.setFocus()  # back in the field whose typing was saved
    qtbot.keyClick(field, Qt.Key.Key_Z, Ctrl)
    assert saved(ws, w, "organisation", "members") == before
    assert field.text() == f"{before:,}"  # shown with its thousands separator


def test_unsaved_typing_is_undone_first(ws, demo_window, clerk, qtbot) -> None:
    w = demo_window
    clerk.fill(w, "rights", "disputes", "40")
    field = clerk.row(w, "rights", "disputes_wages").editor.widget
    old = field.text()
    clerk.type(field, "999", enter=False)  # typed, not saved
    qtbot.keyClick(field, Qt.Key.Key_Z, Ctrl)
    assert field.text() == old  # the field's own typing went first
    assert saved(ws, w, "rights", "disputes") == 40
    qtbot.keyClick(field, Qt.Key.Key_Z, Ctrl)  # then the last saved change
    assert saved(ws, w, "rights", "disputes") != 40


def test_ctrl_z_in_a_saved_explanation_undoes_it(ws, demo_window, clerk, qtbot) -> None:
    w = demo_window
    clerk.fill(w, "organisation", "members", "26500")  # more members than employees
    row = clerk.row(w, "organisation", "members")
    clerk.type(row.explain, "含退休职工会员")
    assert w.session.explanation(row.warning) == "含退休职工会员"
    row.explain.setFocus()
    qtbot.keyClick(row.explain, Qt.Key.Key_Z, Ctrl)  # the 说明 was saved: the window undoes it
    assert w.session.explanation(row.warning) == ""
    qtbot.keyClick(w.focusWidget(), Qt.Key.Key_Y, Ctrl)
    assert w.session.explanation(row.warning) == "含退休职工会员"
