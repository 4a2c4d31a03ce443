"""Files dropped on the main window are imported, as 文件 → 导入报表文件 would (a report file,
or the county's return file `*_退回通知.json`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent

if TYPE_CHECKING:
    from unionclerk.gui.window import MainWindow

SUFFIXES = (".json", ".xlsx")


def _files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [u.toLocalFile() for u in urls
            if u.isLocalFile() and u.toLocalFile().lower().endswith(SUFFIXES)]


class DropImport(QObject):
    """An event filter on the main window: accepts report files and imports them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, (QDragEnterEvent, QDropEvent)):
            if _files(event) and self.window.ws is not None:
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = _files(event)
            if files and self.window.ws is not None:
                event.acceptProposedAction()
                self.window.workflow.import_files(files)
                return True
        return super().eventFilter(watched, event)
