"""Exporting a report that is not marked complete says it writes a draft — in the question,
the export box and the result — and a draft's files carry 草稿 in their names, so they
cannot be mistaken for (or overwrite) the final files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from unionclerk.domain.records import DRAFT

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def test_draft_export_says_so_and_names_files_draft(demo_window, qtbot, dialogs, tmp_path) -> None:
    w = demo_window
    assert w.session.report.status == DRAFT
    out = tmp_path / "上报"
    out.mkdir()
    seen = {}

    def fill(dialog) -> QDialog.DialogCode:
        seen["title"], seen["note"] = dialog.windowTitle(), dialog.draft_note.text()
        seen["note_shown"] = dialog.draft_note.isVisibleTo(dialog)
        dialog.folder.setText(str(out))
        return QDialog.DialogCode.Accepted

    dialogs.expect("question", Yes)
    dialogs.expect("exec", fill)
    result_text: list[str] = []

    def close_result(box) -> int:  # the result box: read it, press 关闭
        result_text.append(box.text())
        qtbot.mouseClick(box.findChild(QPushButton, "close"), Qt.MouseButton.LeftButton)
        return 0

    dialogs.expect("exec", close_result)
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    job = w.workflow.job
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    asked, result = dialogs.seen[0][1], result_text[0]
    assert "草稿" in asked and "不能作为正式上报文件" in asked
    assert seen["title"] == "导出草稿" and seen["note_shown"] and "草稿" in seen["note"]
    assert "已导出草稿" in result
    names = sorted(p.name for p in out.iterdir())
    assert names and all(n.split(".")[0].endswith("_工会工作报表_草稿") for n in names)
    assert w.session.report.status == DRAFT
