"""Files dropped on the main window are imported, as 文件 → 导入报表文件 would (a report file,
or the county's return file `*_退回通知.json`).

`DropImport` knows nothing of the window but the widget it watches and whether files are
wanted now (a data folder is open); it hands the files on through its `dropped` signal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

SUFFIXES = (".json", ".xlsx")


def _files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [
        u.toLocalFile()
        for u in urls
        if u.isLocalFile() and u.toLocalFile().lower().endswith(SUFFIXES)
    ]


class DropImport(QObject):
    """An event filter on the main window: accepts report files while `wanted()` and emits
    them as `dropped`."""

    dropped = Signal(list)  # the files' paths (str)

    def __init__(self, window: QWidget, wanted: Callable[[], bool]) -> None:
        super().__init__(window)
        self.wanted = wanted
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, (QDragEnterEvent, QDropEvent)
        ):
            if _files(event) and self.wanted():
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = _files(event)
            if files and self.wanted():
                event.acceptProposedAction()
                self.dropped.emit(files)
                return True
        return super().eventFilter(watched, event)
