"""备份与恢复 in the window: pick a backup, confirm, and the window shows the restored data."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from unionclerk.services import backup


def test_restore_from_the_file_menu(demo_window, ws, dialogs, tmp_path):
    saved = backup.make_backup(ws, target=tmp_path / "周一 备份.sqlite3")
    demo_window.session.set_text("organisation", "members", "1")
    dialogs.expect("open1", (str(saved), ""))
    dialogs.expect("question", QMessageBox.StandardButton.Yes)
    dialogs.expect("information", QMessageBox.StandardButton.Ok)
    demo_window.acts["restore"].trigger()
    assert demo_window.session.value("organisation", "members") == 24143
    assert "已从备份恢复" in dialogs.seen[-1][1]


def test_a_bad_backup_is_refused_and_nothing_changes(demo_window, ws, dialogs, tmp_path):
    bad = tmp_path / "坏的.sqlite3"
    bad.write_bytes(b"not a database")
    demo_window.session.set_text("organisation", "members", "7")
    dialogs.expect("open1", (str(bad), ""))
    dialogs.expect("question", QMessageBox.StandardButton.Yes)
    dialogs.expect("warning", QMessageBox.StandardButton.Ok)
    demo_window.acts["restore"].trigger()
    assert demo_window.session.value("organisation", "members") == 7
    assert "不是工会报表助手的备份文件" in dialogs.seen[-1][1]
