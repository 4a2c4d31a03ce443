"""Offscreen screenshots of the wizard, the dashboard, a form with a warning and the problems
panel. Each is checked for size and for not being blank; set UNIONCLERK_SCREENSHOTS to a folder
(e.g. docs/images) to keep them there as gui-*.png, and UNIONCLERK_SCALE=1.5 with
QT_SCALE_FACTOR=1.5 to see the 150 % layout."""

from __future__ import annotations

from PySide6.QtCore import Qt

from unionclerk.gui.wizard import FirstRunWizard


def test_screenshots(ws, qtbot, clerk, shots, chinese_buttons, save_shot) -> None:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    unit = wizard.unit
    clerk.fill_unit(unit, credit_code="81330782MA0000001X", division_code="3307821020")
    save_shot(wizard, shots / "gui-wizard.png")

    from unionclerk.services import demo

    demo.build_demo(ws)
    window = clerk.window(ws)
    window.resize(1280, 820)
    clerk.fill(window, "rights", "disputes_wages", "60")
    window.select_form("")
    save_shot(window, shots / "gui-dashboard.png")

    clerk.fill(window, "organisation", "members", "26,500")
    members = clerk.row(window, "organisation", "members")
    clerk.type(members.explain, "会员数含本镇退休职工会员 600 人，职工人数未含退休职工")
    clerk.fill(window, "organisation", "women_members", "12,500")
    window.pages["organisation"].record.focus_field("members")
    save_shot(window, shots / "gui-form-warning.png")

    window.select_form("")
    window.problems.view.setCurrentIndex(window.problems.model.index(0, 0))
    window.resizeDocks([window.problems], [360], Qt.Orientation.Vertical)
    save_shot(window.problems, shots / "gui-problems.png")


def test_first_hour_screenshots(
    ws, qtbot, clerk, shots, chinese_buttons, save_shot, dialogs
) -> None:
    """The county's own first page, and 标记完成 asking about empty forms."""
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.start.county.setChecked(True)
    wizard.next()
    clerk.type(wizard.county.name, "义乌市总工会", enter=False)
    clerk.type(wizard.county.code, "330782102000", enter=False)
    save_shot(wizard, shots / "gui-county-start.png")

    from unionclerk.services import demo
    from unionclerk.services.editing import RowsPlan

    demo.build_demo(ws)
    window = clerk.window(ws)
    window.resize(1280, 820)
    s = window.session
    s.apply_rows("services", RowsPlan(delete=[r.uuid for r in s.data.rows["services"]]))
    window.refresh_all()

    def picture(box):
        box.show()
        save_shot(box, shots / "gui-complete-empty.png")
        box.hide()
        return -1

    dialogs.expect("exec", picture)
    window.workflow.complete()
