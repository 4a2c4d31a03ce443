"""Long work (export, import, backup) in a worker thread, with a progress dialog and Cancel.

`start_job(parent, label, work, on_done)` runs `work(progress, cancelled)` in a `QThread`
while a window-modal `QProgressDialog` shows how far it got. Cancel sets a flag that `work`
polls (`cancelled()`); the work raises `domain.progress.Cancelled` (or returns) and the window is
told. Results and errors come back to the GUI thread through queued signals, never by
touching widgets from the worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from unionclerk.domain.errors import UserError
from unionclerk.domain.progress import Progress
from unionclerk.gui import dialogs

log = logging.getLogger(__name__)
Work = Callable[[Progress, Callable[[], bool]], Any]


class Worker(QObject):
    progressed = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.stop = threading.Event()

    @Slot()
    def run(self) -> None:
        from unionclerk.domain.progress import Cancelled

        try:
            result = self.work(self.progressed.emit, self.stop.is_set)
        except Cancelled:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception:  # a bug: log it, tell the window calmly
            log.exception("background job failed")
            self.failed.emit(self.tr("后台任务意外出错，详情已写入日志文件。"))
        else:
            if self.stop.is_set():
                self.cancelled.emit()
            else:
                self.done.emit(result)


class Job(QObject):
    """One running job: its thread, its progress dialog and where its outcome goes."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Work,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        on_cancelled: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.on_done, self.on_failed, self.on_cancelled = on_done, on_failed, on_cancelled
        self.dialog = QProgressDialog(label, self.tr("取消"), 0, 0, parent)
        self.dialog.setObjectName("job_progress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.thread = QThread(self)
        self.worker = Worker(work)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.dialog.canceled.connect(self.cancel)
        self.outcome: str | None = None

    def start(self) -> None:
        self.thread.start()

    @Slot()
    def cancel(self) -> None:
        self.worker.stop.set()
        self.dialog.setLabelText(self.tr("正在取消……"))

    @Slot(int, int, str)
    def _progressed(self, step: int, total: int, what: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(step)
        if what:
            self.dialog.setLabelText(self.tr("正在处理：{0}").format(what))

    def _end(self, outcome: str) -> None:
        self.outcome = outcome
        # reset() stops the dialog's show timer (setValue(0) started it): hide() alone
        # leaves it running, and a job quicker than the minimum duration would have its
        # progress box pop up over the result box, looking like a freeze.
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()
        self.dialog.deleteLater()

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._end("done")
        self.on_done(result)
        self.finished.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end("failed")
        self.on_failed(message)
        self.finished.emit()

    @Slot()
    def _cancelled(self) -> None:
        self._end("cancelled")
        self.on_cancelled()
        self.finished.emit()

    @property
    def running(self) -> bool:
        return self.outcome is None


def start_job(
    parent: QWidget,
    label: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_cancelled: Callable[[], None] | None = None,
) -> Job:
    """Start `work` in a `Job` whose failure is shown to the clerk as a calm message."""
    job = Job(
        parent,
        label,
        work,
        on_done,
        lambda message: dialogs.show_error(parent, message),
        on_cancelled or (lambda: None),
    )
    job.start()
    return job
