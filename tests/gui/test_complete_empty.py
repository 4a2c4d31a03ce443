"""标记完成 with forms left empty (issue 11, item 5): the empty and unfinished forms are
listed and the clerk is asked; 返回填写 goes to the first of them and shows every problem, a
form with nothing to report is marked 本期无此项 and says so in the navigation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import answer_with
from unionclerk.domain.records import COMPLETE, DRAFT
from unionclerk.services import reports
from unionclerk.services.editing import RowsPlan

No = QMessageBox.StandardButton.No


def press_complete(qtbot, window) -> None:
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def demo_with_empty_services(window) -> None:
    s = window.session
    s.apply_rows("services", RowsPlan(delete=[r.uuid for r in s.data.rows["services"]]))
    for p in list(s.outstanding()):  # the demo's two warnings, explained
        s.set_explanation(p, "已核实")
    window.refresh_all()


def test_empty_form_is_listed_and_marked(demo_window, qtbot, dialogs, ws) -> None:
    w = demo_window
    demo_with_empty_services(w)
    asked = []

    def look(box):
        asked.append(box.text() + "\n" + box.informativeText())
        return answer_with("本期无此项")(box)

    dialogs.expect("exec", look)
    dialogs.expect("question", No)  # export now? not yet
    press_complete(qtbot, w)
    assert "表四 服务职工情况" in asked[0] and "本期无此项" in asked[0]
    assert w.session.report.status == COMPLETE
    assert reports.load(ws, w.session.report).nothing == {"services"}
    row = w.forms_model.rows[w.forms_model.row_of("services")]
    assert row.state == "本期无此项" and row.kind == "nothing"


def test_back_to_filling_shows_the_empty_form_and_its_problems(demo_window, qtbot, dialogs) -> None:
    w = demo_window
    s = w.session
    for key in list(s.data.single.get("support", {})):
        s.set_value("support", key, None)
    w.open_report(w.session.report)  # opened afresh: 表五 is untouched
    assert not any(p.form == "support" for p in w.session.problems())
    assert w.forms_model.rows[w.forms_model.row_of("support")].state == "未填"
    dialogs.expect("exec", answer_with("返回填写"))
    press_complete(qtbot, w)
    assert w.session.report.status == DRAFT
    assert w.stack.currentWidget() is w.pages["support"]
    assert any(p.form == "support" and p.is_error for p in w.session.problems())
    assert "错误" in w.forms_model.rows[w.forms_model.row_of("support")].state


def test_the_page_marks_nothing_to_report_and_undo_takes_it_back(demo_window, qtbot, ws) -> None:
    w = demo_window
    s = w.session
    s.apply_rows("services", RowsPlan(delete=[r.uuid for r in s.data.rows["services"]]))
    w.refresh_all()
    w.select_form("services")
    page = w.pages["services"]
    box = page.nothing
    assert box.isVisibleTo(w) and box.isEnabled() and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert reports.load(ws, s.report).nothing == {"services"}
    assert w.forms_model.rows[w.forms_model.row_of("services")].state == "本期无此项"
    w.activateWindow()
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reports.load(ws, s.report).nothing == set() and not box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert box.isChecked()
    # Something to report after all: a row typed in takes the mark away.
    page.roster.model.setData(page.roster.model.index(0, 0), "健康讲座")
    assert reports.load(ws, s.report).nothing == set()
    assert not box.isChecked() and not box.isEnabled()
    w.select_form("organisation")  # a form with figures in it cannot be marked
    assert not w.pages["organisation"].nothing.isEnabled()
