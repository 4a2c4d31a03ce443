"""A job that ends before its progress box is due (a fast PC: backup, export, import in
well under 300 ms) never brings that box back over the result box (issue 11, item 4)."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog


def visible_progress() -> list[QProgressDialog]:
    return [
        w for w in QApplication.allWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_quick_backup_leaves_only_the_result_box(demo_window, qtbot, dialogs, tmp_path) -> None:
    seen: list[int] = []

    def result_box() -> QMessageBox.StandardButton:
        # The result box is modal: the clerk reads it for a while, in its own event loop.
        loop = QEventLoop()
        QTimer.singleShot(700, loop.quit)
        loop.exec()
        seen.append(len(visible_progress()))
        return QMessageBox.StandardButton.Ok

    target = tmp_path / "备份.sqlite3"
    dialogs.expect("save", (str(target), ""))
    dialogs.expect("information", result_box)
    menu = demo_window.menuBar().actions()[0].menu()
    next(a for a in menu.actions() if a.objectName() == "action_backup").trigger()
    job = demo_window.workflow.job
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert job.outcome == "done" and target.exists()
    assert seen == [0], "the progress box came back over the result box"
    assert "已备份到" in dialogs.seen[-1][1]
