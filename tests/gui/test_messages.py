"""Messages and states a new clerk meets (issue 11, item 9): the roster's message line goes
once the cell is fixed, a choice that is not in the list names the choices, letters left in
a number field are named as what is wrong on screen (not saved), and an ID number shows as
typed on the row the clerk is on, masked on the others."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from unionclerk.formspec.idmask import mask

Click = Qt.MouseButton.LeftButton


def roster(w, qtbot, form: str = "cadres"):
    with qtbot.waitActive(w):
        w.activateWindow()
    w.select_form(form)
    table = w.pages[form].roster
    table.view.setFocus()
    return table


def type_into(qtbot, table, row: int, key: str, text: str) -> None:
    """Put the cursor on a cell, press F2, type, Enter — as a clerk does."""
    from PySide6.QtGui import QInputMethodEvent

    view = table.view
    if QApplication.activeWindow() is not view.window():  # offscreen loses it after a save
        view.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window())
    view.setFocus()
    view.setCurrentIndex(table.model.index(row, table.model.column_of(key)))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    line = editor.lineEdit() if hasattr(editor, "lineEdit") else editor
    line.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(line, event)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_wrong_choice_names_the_choices_and_the_message_goes_once_fixed(demo_window, qtbot) -> None:
    w = demo_window
    table = roster(w, qtbot)
    type_into(qtbot, table, 0, "political", "党员同志")
    message = table.message.text()
    assert "无法识别“党员同志”" in message and "中共党员" in message and "可选" in message
    listed = [p.message for p in w.session.problems() if p.field == "political"]
    assert listed and "中共党员" in listed[0]  # the problems list names them too
    type_into(qtbot, table, 0, "political", "中共党员")
    assert table.message.text() == ""  # not a stale message about a cell now right


def test_letters_in_a_number_field_say_they_were_not_saved(demo_window, clerk) -> None:
    w = demo_window
    clerk.fill(w, "rights", "disputes", "")  # empty: its saved problem is 必须填写-like
    clerk.fill(w, "rights", "disputes", "十二件")
    row = clerk.row(w, "rights", "disputes")
    assert "没有保存" in row.problem.text()
    clerk.fill(w, "rights", "disputes_wages", "3")  # another field saved: a refresh
    assert row.editor.text() in ("十二件", "")  # whatever is on screen …
    if row.editor.text() == "十二件":  # … its message is about that text
        assert "没有保存" in row.problem.text()


def test_id_shows_as_typed_on_the_row_being_edited(demo_window, qtbot) -> None:
    w = demo_window
    table = roster(w, qtbot)
    model, view = table.model, table.view
    column = model.column_of("id_number")
    full = w.session.data.rows["cadres"][0].values["id_number"]
    view.setCurrentIndex(model.index(5, column))
    shown = model.index(0, column).data()
    assert shown == mask(full)  # another row: masked
    view.setCurrentIndex(model.index(0, 1))  # the cursor on row 1 (any column)
    assert model.index(0, column).data() == full
    qtbot.keyClick(view, Qt.Key.Key_Down)  # moving on masks it again
    assert model.index(0, column).data() == mask(full)
