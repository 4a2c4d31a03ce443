"""The problems panel jumps to the place; the dashboard's next step; periods carry over;
reopening a completed report asks for a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tests.gui.conftest import answer_with
from unionclerk.domain.period import Period
from unionclerk.domain.records import COMPLETE, DRAFT
from unionclerk.services import reports
from unionclerk.services.workspace import database


def problem_index(panel, predicate):
    model = panel.model
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            if predicate(model.problem(index)):
                return index
    raise AssertionError("no such problem in the panel")


def double_click(qtbot, view, index) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_double_click_goes_to_the_field(demo_window, clerk, qtbot) -> None:
    w = demo_window
    clerk.fill(w, "organisation", "single_unions", "500")
    w.select_form("")
    index = problem_index(w.problems, lambda p: p.field == "single_unions")
    double_click(qtbot, w.problems.view, index)
    assert w.stack.currentWidget() is w.pages["organisation"]
    assert QApplication.focusWidget() is w.pages["organisation"].record.field_widget(
        "single_unions"
    )


def test_double_click_goes_to_the_roster_cell(demo_window, qtbot) -> None:
    w = demo_window
    index = problem_index(w.problems, lambda p: p.form == "services" and p.row)
    problem = w.problems.model.problem(index)
    double_click(qtbot, w.problems.view, index)
    table = w.pages["services"].roster
    assert w.stack.currentWidget() is w.pages["services"]
    current = table.view.currentIndex()
    assert table.model.row_uuid(current.row()) == problem.row
    assert table.model.columns[current.column()].key == problem.field


def test_explanation_written_in_the_panel(demo_window) -> None:
    w = demo_window
    model = w.problems.model
    index = problem_index(w.problems, lambda p: p.form == "venues")
    problem = model.problem(index)
    note = model.index(index.row(), model.NOTE, index.parent())
    assert model.flags(note) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(note, "面积与镇文体中心合并计算")
    assert w.session.explanation(problem) == "面积与镇文体中心合并计算"
    again = problem_index(w.problems, lambda p: p == problem)
    assert model.index(again.row(), model.NOTE, again.parent()).data() == "面积与镇文体中心合并计算"


def test_next_step_leads_to_the_first_error(demo_window, clerk) -> None:
    w = demo_window
    clerk.fill(w, "rights", "disputes_wages", "999999")
    w.select_form("")
    assert "错误" in w.dashboard.step.text()
    first = next(p for p in w.session.outstanding() if p.is_error)
    assert first.form == "rights"
    w.dashboard.step.click()
    assert w.stack.currentWidget() is w.pages["rights"]
    assert QApplication.focusWidget() is w.pages["rights"].record.field_widget(first.field)


def test_new_period_carries_over_and_shows_last_values(
    ws, demo_window, clerk, dialogs, qtbot
) -> None:
    w = demo_window
    old = w.session.data

    def next_year(dialog):
        dialog.year.setValue(2019)
        dialog.part.setCurrentIndex(0)
        return QDialog.DialogCode.Accepted

    dialogs.expect("exec", next_year)
    w.workflow.new_period()
    s = w.session
    assert s.report.period == Period(2019)
    assert w.period_box.currentText() == "2019年度"
    assert len(s.data.rows["cadres"]) == len(old.rows["cadres"])
    assert len(s.data.rows["venues"]) == len(old.rows["venues"])
    assert not s.data.rows.get("services")
    assert s.value("cover", "union_name") == old.single["cover"]["union_name"]
    assert s.value("cover", "report_date") is None
    qtbot.waitUntil(lambda: w.previous is not None)  # loaded just after the window paints
    clerk.fill(w, "organisation", "members", "24,000")
    members = clerk.row(w, "organisation", "members")
    assert members.previous.text() == "上期 24,143"
    assert members.change.text() == "−143"
    # Back to the earlier period through the chooser.
    w.period_box.setCurrentIndex(1)
    w.period_box.activated.emit(1)
    assert w.session.report.period == Period(2018)


def test_reopen_needs_a_reason(ws, demo_window, dialogs) -> None:
    w = demo_window
    for p in w.session.outstanding():
        w.request_explanation(p, "已核实")
    dialogs.expect("exec", answer_with("仍然标记完成"))  # 表六 is not filled in full
    dialogs.expect("question", QMessageBox.StandardButton.No)  # not exporting now
    w.workflow.complete()
    assert w.session.report.status == COMPLETE
    assert not w.acts["complete"].isEnabled() and w.acts["reopen"].isEnabled()
    w.select_form("organisation")
    assert w.pages["organisation"].record.field_widget("members").isReadOnly()
    dialogs.expect("text", ("   ", True))
    dialogs.expect("warning", QMessageBox.StandardButton.Ok)  # an empty reason is refused
    w.workflow.reopen()
    assert w.session.report.status == COMPLETE
    dialogs.expect("text", ("县总工会要求补报女职工数", True))
    w.workflow.reopen()
    assert w.session.report.status == DRAFT
    assert not w.pages["organisation"].record.field_widget("members").isReadOnly()
    with database(ws).read() as tx:
        notes = [e.note for e in tx.audit(w.session.report.id) if e.note]
    assert any("县总工会要求补报女职工数" in n for n in notes)
    assert reports.list_reports(ws)[0].status == DRAFT


def test_frame_says_it_is_opening_then_shows_the_report(ws, qtbot) -> None:
    """Before the data folder is attached the frame says so, with no empty step button."""
    from unionclerk.gui.window import MainWindow
    from unionclerk.services import demo

    demo.build_demo(ws)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.dashboard.title.text() == "正在打开数据……"
    assert window.dashboard.step.isHidden()
    window.attach(ws)
    assert window.dashboard.title.text().startswith("佛堂镇总工会")
    assert not window.dashboard.step.isHidden()
    assert window.dashboard.step.text() == "还有 2 个警告需要填写说明 →"


def test_the_panel_keeps_the_clerks_place_as_problems_come_and_go(demo_window, clerk) -> None:
    """Working down the list: after an edit elsewhere the same problem stays current; once
    it is fixed, the problem that took its place is current, not the top of the list."""
    w = demo_window
    clerk.fill(w, "organisation", "single_unions", "500")  # an error and a warning
    panel, model = w.problems, w.problems.model
    error = problem_index(panel, lambda p: p.field == "single_unions")
    panel.view.setCurrentIndex(error)
    venue = model.problem(problem_index(panel, lambda p: p.form == "venues"))
    w.request_explanation(venue, "与镇文体中心共用，面积另报")  # the list is rebuilt
    assert model.problem(panel.view.currentIndex()).field == "single_unions"
    clerk.fill(w, "organisation", "single_unions", "100")  # the error is fixed
    current = model.problem(panel.view.currentIndex())
    assert current is not None and current.form == "organisation"
    assert current.field == "grassroots_unions" and not current.is_error
