"""The whole path, as a clerk walks it on a fresh data folder: wizard → organisation with a
warning and its explanation → an error blocks completion → fix → complete → export."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWizard

from tests.gui.conftest import answer_with
from unionclerk.domain.period import Period
from unionclerk.domain.records import COMPLETE, DRAFT, EXPORTED
from unionclerk.gui.wizard import FirstRunWizard
from unionclerk.services import demo, exporting, importing, reports, setup

Yes = QMessageBox.StandardButton.Yes
DIVISION = "330782102000"


def run_wizard(ws, qtbot, clerk, dialogs) -> FirstRunWizard:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    assert setup.needs_setup(ws)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    unit = wizard.unit
    assert not unit.isComplete()
    clerk.fill_unit(unit)  # the names, the union type and the head's title: no codes yet
    # The codes are checked while they are typed.
    clerk.type(unit.editors["credit_code"].widget, "81330782MA00000010", enter=False)
    assert unit.notes["credit_code"].isVisibleTo(wizard)
    assert "校验" in unit.notes["credit_code"].text() or "代码" in unit.notes["credit_code"].text()
    clerk.type(unit.editors["division_code"].widget, "3307821020", enter=False)
    assert "12" in unit.notes["division_code"].text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # bad codes
    assert wizard.currentPage() is unit
    clerk.type(
        unit.editors["credit_code"].widget, demo.credit_code(DIVISION, "MA0000001"), enter=False
    )
    assert unit.notes["credit_code"].text() == "✓ 格式正确"
    clerk.type(unit.editors["division_code"].widget, DIVISION, enter=False)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.clerk
    clerk.type(wizard.clerk.editors["filler_name"].widget, "李丽芳", enter=False)
    clerk.type(wizard.clerk.editors["filler_phone"].widget, "1381234567", enter=False)
    assert wizard.clerk.notes["filler_phone"].text() != "✓ 格式正确"
    clerk.type(wizard.clerk.editors["filler_phone"].widget, "13812345678", enter=False)
    wizard.year.setValue(2019)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    return wizard


def test_fresh_folder_to_exported_files(ws, qtbot, clerk, dialogs, tmp_path: Path) -> None:
    wizard = run_wizard(ws, qtbot, clerk, dialogs)
    assert wizard.report is not None and wizard.report.period == Period(2019)
    assert not setup.needs_setup(ws)
    window = clerk.window(ws)
    s = window.session
    assert s.value("cover", "union_name") == "赤岸镇总工会"
    assert s.value("cover", "filler_phone") == "13812345678"

    # Organisation: a warning (more members than employees) and its explanation.
    clerk.fill(window, "organisation", "grassroots_unions", "100")
    clerk.fill(window, "organisation", "employees", "1,000")
    clerk.fill(window, "organisation", "members", "1200")
    members = clerk.row(window, "organisation", "members")
    assert members.problem.isVisibleTo(window) and "警告" in members.problem.text()
    assert members.explain.isVisibleTo(window)
    clerk.type(members.explain, "含本镇退休职工会员 200 人")
    assert s.explanation(members.warning) == "含本镇退休职工会员 200 人"
    assert not any(p.field == "members" for p in s.outstanding())
    assert clerk.row(window, "organisation", "membership_rate").editor.text() == "120.0"

    # An error: more single-employer unions than unions.
    clerk.fill(window, "organisation", "single_unions", "120")
    single = clerk.row(window, "organisation", "single_unions")
    assert "错误" in single.problem.text()

    # The rest of what completion needs, through the window.
    clerk.fill(window, "cover", "report_date", "2020-01-15")
    for key in ("lack_staffing", "lack_people", "lack_funds", "lack_premises"):
        clerk.choose(window, "support", key, "部分解决")
    window.select_form("cadres")
    table = window.pages["cadres"].roster
    qtbot.mouseClick(table.buttons[0], Qt.MouseButton.LeftButton)
    model = table.model
    assert len(model.rows) == 1  # (and the empty row for new entries below it)
    for key, text in (
        ("name", "张建国"),
        ("gender", "男"),
        ("position", "主席"),
        ("appointment", "专职"),
    ):
        assert model.setData(model.index(0, model.column_of(key)), text)
    assert s.data.rows["cadres"][0].values["position"] == "主席"

    # Completion first lists the forms left empty (marked 本期无此项 here), then is refused
    # while the error stands, with the list of what is left.
    dialogs.expect("exec", answer_with("本期无此项"))
    dialogs.expect("warning", QMessageBox.StandardButton.Ok)
    window.workflow.complete()
    assert "错误" in dialogs.seen[-1][1]
    assert window.session.report.status == DRAFT
    assert s.data.nothing == {"venues", "services", "rights"}

    # Fix it, complete, and export (answering yes to "export now?" and "open the folder?").
    clerk.fill(window, "organisation", "single_unions", "80")
    assert not single.problem.isVisibleTo(window)
    assert s.outstanding() == []
    out = tmp_path / "上报文件"
    out.mkdir()

    def fill_export(dialog):
        dialog.folder.setText(str(out))
        return QDialog.DialogCode.Accepted

    def open_folder(box):  # the result box: press 打开文件夹
        qtbot.mouseClick(box.findChild(QPushButton, "open_folder"), Qt.MouseButton.LeftButton)
        return 0

    dialogs.expect("exec", answer_with("仍然标记完成"))  # 表一 is not filled in full
    dialogs.expect("question", Yes)
    dialogs.expect("exec", fill_export)
    dialogs.expect("exec", open_folder)
    window.workflow.complete()
    assert window.session.report.status in (COMPLETE, EXPORTED)
    job = window.workflow.job
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    assert job.outcome == "done"
    files = sorted(out.iterdir())
    assert files and all(f.stat().st_size > 0 for f in files)
    assert {f.suffix for f in files} >= set(
        f".{x}" for x in exporting.available_formats() if x != "json"
    )
    assert dialogs.opened_urls == [str(out)]
    assert window.session.report.status == EXPORTED
    assert not any(p.name.startswith(".unionclerk-export") for p in out.iterdir())
    # The exported report reads back with the same figures.
    json_file = next((f for f in files if f.suffix == ".json"), None)
    if json_file is not None:
        parsed = importing.read_file(ws, json_file)
        assert parsed.data.single["organisation"]["members"] == 1200
        assert parsed.division_code == DIVISION
    assert reports.list_reports(ws)[0].status == EXPORTED
    # And the submission's own check calls the workbook intact (when workbooks are built).
    workbook = next((f for f in files if f.suffix == ".xlsx"), None)
    if workbook is not None:
        inspection = importlib.import_module("unionclerk.services.inspection")
        info = inspection.inspect_file(ws.forms, workbook)
        assert info.integrity == "intact", info.messages
        assert info.unit_code == DIVISION and not info.draft
