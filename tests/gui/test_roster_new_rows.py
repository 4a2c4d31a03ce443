"""Typing new rows into a roster's empty last row (*) with Tab and Enter only, as in Excel:
Tab keeps the cursor on the row just made, Enter goes to the next row's first typed column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from unionclerk.domain.period import Period
from unionclerk.services import reports, setup

ROWS = [
    ("张建国", "男", "1970-05", "汉族"),
    ("李丽芳", "女", "1985-10", "汉族"),
    ("王强", "男", "1979-01", "回族"),
]


VIEW = []


def focused():
    # Offscreen, the window loses its activation when the first row is made (no other
    # window shows; it does not happen on a desktop): activate it again, as a click would.
    window = VIEW[0].window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QApplication.processEvents()
    assert QApplication.focusWidget() is not None, "the keyboard focus was lost"
    return QApplication.focusWidget()


def press(qtbot, key) -> None:
    qtbot.keyClick(focused(), key)
    QApplication.processEvents()


def type_text(qtbot, text: str) -> None:
    from PySide6.QtGui import QInputMethodEvent

    if text.isascii():
        for ch in text:  # the first key opens the cell's editor, the rest go into it
            qtbot.keyClick(focused(), ch)
        return
    widget = focused()
    # Chinese arrives from the input method as committed text (the first opens the editor)
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_tab_and_enter_type_whole_rows(ws, clerk, qtbot) -> None:
    setup.start_own_report(
        ws, {"division_code": "330782102000", "union_name": "赤岸镇总工会"}, Period(2019)
    )
    w = clerk.window(ws)
    with qtbot.waitActive(w):
        w.activateWindow()
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    view, model = table.view, table.model
    VIEW[:] = [view]
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    keys = ("name", "gender", "birth", "ethnicity")
    view.setCurrentIndex(model.index(0, model.column_of("name")))  # the * row
    for row, texts in enumerate(ROWS):
        for i, text in enumerate(texts):
            assert view.currentIndex().row() == row, (row, keys[i])
            assert view.currentIndex().column() == model.column_of(keys[i])
            type_text(qtbot, text)
            press(qtbot, Qt.Key.Key_Tab if i < len(texts) - 1 else Qt.Key.Key_Return)
    saved = reports.load(ws, w.session.report).rows["cadres"]
    assert [(r.values["name"], r.values["gender"]) for r in saved] == [r[:2] for r in ROWS]
    assert [str(r.values["birth"]) for r in saved] == [r[2] for r in ROWS]
    assert saved[2].values["ethnicity"] == "回族"
    assert view.currentIndex().row() == len(ROWS)  # on the * row, under the first column
    assert view.currentIndex().column() == model.column_of("name")


def test_the_figures_beside_the_roster_follow_what_is_typed(ws, clerk, qtbot) -> None:
    """表二's 名单统计 panel: recomputed after each row typed, each undo, and a new position
    gets its own line under 按职务."""
    setup.start_own_report(
        ws, {"division_code": "330782102000", "union_name": "赤岸镇总工会"}, Period(2019)
    )
    w = clerk.window(ws)
    with qtbot.waitActive(w):
        w.activateWindow()
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    view, model, figures = table.view, table.model, table.figures
    VIEW[:] = [view]
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    assert ("总人数", "0 人") in figures.lines()
    assert ("平均年龄（报告期末）", "—") in figures.lines()
    view.setCurrentIndex(model.index(0, model.column_of("name")))
    for texts in ROWS[:2]:
        for i, text in enumerate(texts):
            type_text(qtbot, text)
            press(qtbot, Qt.Key.Key_Tab if i < len(texts) - 1 else Qt.Key.Key_Return)
    lines = figures.lines()
    assert ("总人数", "2 人") in lines
    assert ("其中：女性", "1 人") in lines
    assert ("平均年龄（报告期末）", "41.5 岁") in lines  # 49 and 34 at the end of 2019
    assert lines[lines.index(("按职务", "")) + 1] == ("—", "")  # nobody holds a position yet

    view.setCurrentIndex(model.index(0, model.column_of("position")))
    type_text(qtbot, "主席")
    press(qtbot, Qt.Key.Key_Return)
    lines = figures.lines()
    assert lines[lines.index(("按职务", "")) + 1] == ("主席", "1 人")

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the position
    QApplication.processEvents()
    assert ("主席", "1 人") not in figures.lines()
    view.setCurrentIndex(model.index(1, model.column_of("name")))  # 李丽芳's row goes
    delete = table.findChild(QPushButton, "delete_row")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    lines = figures.lines()
    assert ("总人数", "1 人") in lines
    assert ("其中：女性", "0 人") in lines
    assert ("平均年龄（报告期末）", "49.0 岁") in lines
