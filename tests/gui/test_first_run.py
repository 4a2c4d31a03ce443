"""The first run as a new clerk meets it (issue 11): the demo path of the wizard, 取消 that
asks before it quits, 下一步 that waits for right codes, and county staff's own first run
that lands on the county screen with 汇总单位 filled in."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard

from unionclerk.gui import main
from unionclerk.gui.county.screen import CountyWindow
from unionclerk.gui.wizard import FirstRunWizard
from unionclerk.services import demo, setup
from unionclerk.services.county import identity

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
Click = Qt.MouseButton.LeftButton


def wizard_for(ws, qtbot) -> FirstRunWizard:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def tick(qtbot, radio) -> None:
    """Click a radio button on its circle, as a clerk does."""
    qtbot.mouseClick(radio, Click, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def button(wizard: QWizard, which: QWizard.WizardButton):
    return wizard.button(which)


def test_demo_path_shows_finish_and_loads_the_demo(ws, qtbot) -> None:
    wizard = wizard_for(ws, qtbot)
    next_, finish = (
        button(wizard, QWizard.WizardButton.NextButton),
        button(wizard, QWizard.WizardButton.FinishButton),
    )
    assert next_.isVisible() and not finish.isVisible()
    tick(qtbot, wizard.start.demo)
    qtbot.mouseClick(next_, Click)
    # The demo's page says what it is; 完成 loads it.
    assert "佛堂镇总工会" in wizard.currentPage().subTitle()
    assert finish.isVisible() and finish.isEnabled() and not next_.isVisible()
    qtbot.mouseClick(finish, Click)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.report is not None and wizard.report.unit.union_name == "佛堂镇总工会"
    assert not setup.needs_setup(ws)


def test_cancel_asks_before_it_quits(ws, qtbot, dialogs) -> None:
    wizard = wizard_for(ws, qtbot)
    dialogs.expect("question", No)
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CancelButton), Click)
    assert "退出" in dialogs.seen[-1][1] and wizard.isVisible()
    dialogs.expect("question", Yes)
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CancelButton), Click)
    assert wizard.result() == QDialog.DialogCode.Rejected and not wizard.isVisible()


def test_next_waits_for_right_codes(ws, qtbot, clerk) -> None:
    wizard = wizard_for(ws, qtbot)
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.NextButton), Click)
    unit, next_ = wizard.unit, button(wizard, QWizard.WizardButton.NextButton)
    clerk.fill_unit(unit, division_code="330782102000")
    assert next_.isEnabled()  # the credit code is optional
    clerk.type(unit.editors["credit_code"].widget, "81330782MA00000010", enter=False)
    assert not next_.isEnabled()  # a wrong check character: the reason is under the field
    assert unit.notes["credit_code"].isVisibleTo(wizard)
    clerk.type(
        unit.editors["credit_code"].widget,
        demo.credit_code("330782102000", "MA0000001"),
        enter=False,
    )
    assert next_.isEnabled()
    clerk.type(unit.editors["division_code"].widget, "3307821020", enter=False)
    assert not next_.isEnabled()


def test_wizard_words_match_the_settings_menu(ws, qtbot, demo_window) -> None:
    wizard = wizard_for(ws, qtbot)
    subtitle = wizard.start.subTitle()
    assert "设置" in subtitle and "单位信息" in subtitle
    entries = [a.text() for a in demo_window.menuBar().actions() if a.text().startswith("设置")][0]
    menu = next(a.menu() for a in demo_window.menuBar().actions() if a.text() == entries)
    info = next(a for a in menu.actions() if a.text().startswith("单位信息"))
    info.trigger()
    assert demo_window.stack.currentWidget() is demo_window.pages["cover"]


def test_county_first_run_lands_on_the_county_screen(ws, qtbot, clerk, dialogs) -> None:
    def county_path(wizard: FirstRunWizard) -> QDialog.DialogCode:
        qtbot.addWidget(wizard)
        wizard.show()
        tick(qtbot, wizard.start.county)
        qtbot.mouseClick(button(wizard, QWizard.WizardButton.NextButton), Click)
        assert wizard.currentPage() is wizard.county  # not a township's cover
        finish = button(wizard, QWizard.WizardButton.FinishButton)
        clerk.type(wizard.county.name, "义乌市总工会", enter=False)
        clerk.type(wizard.county.code, "330782102000", enter=False)  # a township's code
        assert "000000" in wizard.county.note.text() and not finish.isEnabled()
        clerk.type(wizard.county.code, "330782000000", enter=False)
        assert finish.isEnabled() and not wizard.county.note.text()
        qtbot.mouseClick(finish, Click)
        return wizard.result()

    dialogs.expect("exec", county_path)
    code, started = main.start("zh")
    assert code == main.EXIT_OK and started is not None
    try:
        qtbot.addWidget(started.window)
        assert setup.role(ws) == setup.COUNTY
        screen = started.window.findChild(CountyWindow, "county_window")
        assert screen is not None and screen.isVisible()
        assert screen.name_edit.text() == "义乌市总工会"
        assert screen.code_edit.text() == "330782000000"
        assert identity.kept(ws) == {"union_name": "义乌市总工会", "division_code": "330782000000"}
        # No township report with red errors: the window says where the work is.
        assert started.window.session is None
        assert started.window.problems.model.rowCount() == 0
        assert started.window.dashboard.title.text() == "县级汇总"
        assert started.window.dashboard.step.text() == "打开县级汇总 →"
        screen.close()
    finally:
        started.close()
