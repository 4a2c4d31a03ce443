"""An unexpected error in the window: a calm Chinese dialog saying the data is safe and
where the log is, and the error in the log file."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from unionclerk import logsetup
from unionclerk.domain.errors import UserError
from unionclerk.gui import main


def test_a_bug_is_logged_and_explained(dialogs, data_dir):
    log = logsetup.setup(data_dir)
    try:
        dialogs.expect("critical", QMessageBox.StandardButton.Ok)
        try:
            raise RuntimeError("模拟的程序错误")
        except RuntimeError as exc:
            main._excepthook(RuntimeError, exc, exc.__traceback__)
    finally:
        logsetup.close()
    text = dialogs.seen[-1][1]
    assert "已填写的数据都已保存" in text and str(log) in text
    assert "模拟的程序错误" in log.read_text(encoding="utf-8")


def test_a_refusal_is_a_warning_not_a_crash(dialogs):
    dialogs.expect("warning", QMessageBox.StandardButton.Ok)
    error = UserError("磁盘已满，刚才的修改没有保存。")
    main._excepthook(UserError, error, None)
    assert "磁盘已满" in dialogs.seen[-1][1]
