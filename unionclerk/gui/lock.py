"""One copy of the program per data folder: the window's hold on the folder lock.

Two copies writing the same database would fight over it (and a clerk would not know which
window holds the latest figures), so the second copy says so and exits. The lock itself is
plain Python (`services.folderlock`), shared with the commands that change data.
"""

from __future__ import annotations

from pathlib import Path

from unionclerk.folderlock import LOCK_NAME, WINDOW, CannotLock
from unionclerk.folderlock import FolderLock as _FolderLock

__all__ = ["LOCK_NAME", "CannotLock", "FolderLock"]


class FolderLock(_FolderLock):
    """The lock as the window holds it."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, WINDOW)
