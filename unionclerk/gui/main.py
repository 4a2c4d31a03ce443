"""Start the desktop program: languages, the data folder's lock, first-run wizard, window.

`run()` is what `unionclerk gui` calls. `start()` does everything up to the shown window and
returns it (or None when the program should end), so tests and the start-up benchmark can
drive the same path without entering the event loop.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from unionclerk import APP_NAME, APP_TITLE, logsetup, paths
from unionclerk.domain import i18n
from unionclerk.domain.errors import UserError
from unionclerk.gui import translations
from unionclerk.gui.lock import CannotLock, FolderLock

if TYPE_CHECKING:
    from unionclerk.gui import beacon

EXIT_OK, EXIT_REFUSED, EXIT_LOCKED = 0, 2, 3
log = logging.getLogger(__name__)


class Started:
    """What `start` hands back: keep it alive for as long as the window is open."""

    def __init__(self, app: QApplication, lock: FolderLock, translators: list) -> None:
        self.app, self.lock, self.translators = app, lock, translators
        self.window = None
        self.ws = None
        self.beacon: beacon.Beacon | None = None

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.ws is not None:
            self.ws.close()
        if self.beacon is not None:
            self.beacon.close()
        self.lock.release()
        translations.remove(self.app, self.translators)


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    return app


def start(
    lang: str = "zh", on_shown: Callable[[], None] | None = None
) -> tuple[int, Started | None]:
    """Open the data folder and show the window; (exit code, None) when it must not open.

    The window's frame is shown first (it needs no database), then the data folder is
    opened behind it — SQLAlchemy and the schema check are most of the start-up time — and
    the report appears. `on_shown` is called once the frame is on screen.
    """
    app = application()
    i18n.set_catalogue_dir(paths.resources_dir() / "i18n")  # messages from the services too
    i18n.set_language(lang)
    installed = translations.install(app, lang)
    folder = paths.data_dir()
    lock = FolderLock(folder)
    try:
        acquired = lock.acquire()
    except CannotLock as exc:  # a write-protected stick, a full disk
        QMessageBox.critical(None, APP_TITLE, str(exc))
        translations.remove(app, installed)
        return EXIT_REFUSED, None
    if not acquired:
        from unionclerk.gui import beacon  # QtNetwork: only loaded when needed

        beacon.ask_first_copy_to_show(folder)
        pid = lock.owner_pid()
        QMessageBox.warning(
            None,
            APP_TITLE,
            QCoreApplication.translate(
                "Startup",
                "这个数据文件夹已经被另一个正在运行的工会报表助手打开（进程号 {0}）。\n"
                "请切换到那个窗口继续工作；本程序将退出。\n\n数据文件夹：{1}",
            ).format(pid or "?", folder),
        )
        translations.remove(app, installed)
        return EXIT_LOCKED, None
    started = Started(app, lock, installed)
    from unionclerk.gui.window import MainWindow

    window = started.window = MainWindow()
    window.show()
    app.processEvents()
    if on_shown is not None:
        on_shown()
    from unionclerk.gui import beacon  # after the first paint: QtNetwork costs ~10 ms to load

    started.beacon = beacon.Beacon(folder, lambda: beacon.bring_to_front(window))
    from unionclerk.services import backup, setup, sweep
    from unionclerk.services.workspace import Workspace

    with contextlib.suppress(OSError):
        sweep.at_start(holding_lock=True)  # what a killed copy left behind

    if not _sound_or_restored(window):
        window.close()
        started.close()
        return EXIT_REFUSED, None
    try:
        started.ws = ws = Workspace.open(None)
        backup.make_backup(ws, reason="start")
        from unionclerk.services import (
            scratch,  # light: not the county package (openpyxl, reportlab)
        )

        scratch.sweep(ws.data_dir)  # what a killed merge left (we hold the folder's lock)
    except UserError as exc:
        QMessageBox.critical(window, APP_TITLE, str(exc))
        window.close()
        started.close()
        return EXIT_REFUSED, None
    if setup.needs_setup(ws):
        from unionclerk.gui.wizard import FirstRunWizard

        wizard = FirstRunWizard(ws, window)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            window.close()
            started.close()
            return EXIT_OK, None
    window.attach(ws)
    if setup.role(ws) == setup.COUNTY and window.session is None:
        from unionclerk.gui.county.screen import open_county  # county staff start where they work

        open_county(window)
    return EXIT_OK, started


def _sound_or_restored(parent: QWidget) -> bool:
    """`PRAGMA quick_check` before anything opens the database; if it fails, explain and offer
    the newest backup that passes its own check. False: the program should not go on."""
    from unionclerk.services import recovery

    state = recovery.check_database()
    if state.sound:
        return True
    if state.backup is None:
        QMessageBox.critical(
            parent,
            APP_TITLE,
            QCoreApplication.translate(
                "Startup",
                "数据文件已损坏，而且没有找到可用的备份。\n请不要删除数据文件夹，联系技术支持。\n\n"
                "数据文件：{0}",
            ).format(state.database),
        )
        return False
    answer = QMessageBox.question(
        parent,
        APP_TITLE,
        QCoreApplication.translate(
            "Startup",
            "数据文件检查未通过（可能因断电或磁盘故障损坏）。\n\n"
            "找到最近一次完好的备份：{0}（{1}）。\n"
            "要用它恢复吗？损坏的文件会另存一份，不会删除。",
        ).format(state.backup.name, state.backup_time),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    recovery.restore_latest(state)
    return True


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug: write it to the log file and say so calmly (the window keeps running)."""
    log.error("unexpected error", exc_info=(kind, exc, tb))
    log_file = paths.data_dir() / "logs" / logsetup.LOG_NAME
    if isinstance(exc, UserError):
        QMessageBox.warning(None, APP_TITLE, logsetup.mask_ids(str(exc)))
        return
    QMessageBox.critical(
        None,
        APP_TITLE,
        QCoreApplication.translate(
            "Startup", "程序出错了，已填写的数据都已保存。\n错误详情已写入：{0}\n\n{1}"
        ).format(log_file, logsetup.mask_ids(str(exc))),
    )


def run(lang: str = "zh", *, exit_when_shown: bool = False) -> int:
    """The event loop. `exit_when_shown` (for start-up benchmarks and smoke tests) prints
    "shown" once the window has painted and "ready <period>" once the report is on screen,
    then quits."""
    code, started = start(lang, on_shown=_say_shown if exit_when_shown else None)
    if started is None:
        return code
    sys.excepthook = _excepthook
    try:
        if exit_when_shown:
            started.app.processEvents()
            session = started.window.session if started.window is not None else None
            _say("ready " + (session.report.period.label if session is not None else "-"))
            return EXIT_OK
        return started.app.exec()
    finally:
        started.close()


def _say_shown() -> None:
    _say("shown")


def _say(line: str) -> None:
    if sys.stdout is not None:  # windowed builds have no console
        print(line, flush=True)
