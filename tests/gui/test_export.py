"""Export runs in a worker thread with a progress dialog; Cancel leaves no partial file."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from unionclerk.services import exporting

Yes = QMessageBox.StandardButton.Yes


def test_cancelled_export_leaves_nothing(demo_window, dialogs, qtbot, tmp_path, monkeypatch):
    w = demo_window
    out = tmp_path / "out"
    out.mkdir()
    started, release = threading.Event(), threading.Event()
    real = exporting._write_one

    def slow(*args, **kwargs):
        result = real(*args, **kwargs)  # a file is already in the staging folder…
        started.set()
        release.wait(10)
        return result

    monkeypatch.setattr(exporting, "_write_one", slow)

    def fill(dialog):
        dialog.folder.setText(str(out))
        return QDialog.DialogCode.Accepted

    dialogs.expect("question", Yes)  # export a draft anyway
    dialogs.expect("exec", fill)
    dialogs.expect("information", QMessageBox.StandardButton.Ok)  # "cancelled, nothing written"
    job = w.workflow.export()
    assert job is not None
    qtbot.waitUntil(started.is_set, timeout=10000)
    job.dialog.findChild(QPushButton).click()  # the Cancel button
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert job.outcome == "cancelled"
    assert list(out.iterdir()) == []
    assert w.session.report.status == "draft"


def test_export_of_a_draft_can_be_declined(demo_window, dialogs) -> None:
    dialogs.expect("question", QMessageBox.StandardButton.No)
    assert demo_window.workflow.export() is None


def test_backup_runs_in_the_background(demo_window, dialogs, qtbot, tmp_path) -> None:
    target = tmp_path / "备份.sqlite3"
    dialogs.expect("save", (str(target), ""))
    dialogs.expect("information", QMessageBox.StandardButton.Ok)
    job = demo_window.workflow.backup()
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert job.outcome == "done" and target.stat().st_size > 0


def test_import_runs_in_the_background(demo_window, dialogs, qtbot, tmp_path, ws) -> None:
    from unionclerk.services import exporting

    exported = exporting.export_report(ws, demo_window.session.report, tmp_path, ["json"]).files[0]
    bad = tmp_path / "坏文件.json"
    bad.write_text("{not json", encoding="utf-8")
    dialogs.expect("open", ([str(exported), str(bad)], ""))
    dialogs.expect("information", QMessageBox.StandardButton.Ok)
    job = demo_window.workflow.import_files()
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    text = dialogs.seen[-1][1]
    assert "✗" in text and "坏文件.json" in text  # the existing report is not overwritten
