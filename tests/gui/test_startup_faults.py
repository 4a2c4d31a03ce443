"""The window on a data folder whose lock file cannot be made (issue 14): a write-protected
stick or a full disk is named as such, not blamed on another window."""

from __future__ import annotations

import errno
import os

from PySide6.QtWidgets import QMessageBox

from unionclerk import folderlock
from unionclerk.gui import main


def test_a_lock_file_that_cannot_be_made_is_named_not_blamed_on_a_window(
    qtbot, data_dir, dialogs, monkeypatch
) -> None:
    real_open = os.open

    def read_only(path, flags, *a):
        if str(path).endswith(folderlock.LOCK_NAME):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *a)

    monkeypatch.setattr(folderlock.os, "open", read_only)
    dialogs.expect("critical", QMessageBox.StandardButton.Ok)
    code, started = main.start("zh")
    assert (code, started) == (main.EXIT_REFUSED, None)
    text = dialogs.seen[-1][1]
    assert "锁文件" in text and "只读" in text
    assert "另一个正在运行" not in text and "进程号" not in text
