"""Bring the running copy's window to the front when a second copy is started.

The first copy listens on a local socket named after its data folder; a second copy on the
same folder connects, says "show", and exits. Best effort: if anything fails, the second
copy's own message still tells the clerk where to look.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget


def server_name(folder: Path) -> str:
    digest = hashlib.sha1(str(Path(folder).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"unionclerk-{digest}"


class Beacon:
    """Held by the first copy for as long as its window is open."""

    def __init__(self, folder: Path, on_show: Callable[[], None]) -> None:
        self.server = QLocalServer()
        self._on_show = on_show
        name = server_name(folder)
        QLocalServer.removeServer(name)  # a name left by a crashed copy
        self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.waitForReadyRead(500)
            if bytes(socket.readAll().data()).startswith(b"show"):
                self._on_show()
            socket.disconnectFromServer()

    def close(self) -> None:
        self.server.close()


def ask_first_copy_to_show(folder: Path) -> bool:
    """From the second copy: True if the first one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(500):
        return False
    socket.write(b"show")
    socket.flush()
    socket.waitForBytesWritten(500)
    socket.disconnectFromServer()
    return True


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
