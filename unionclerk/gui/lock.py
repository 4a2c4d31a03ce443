"""One copy of the program per data folder: a Qt lock file holding the owner's process id.

Two copies writing the same database would fight over it (and a clerk would not know which
window holds the latest figures), so the second copy says so and exits. A lock left behind by
a crashed copy is recognised (its process is gone) and taken over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "unionclerk.lock"


class FolderLock:
    """Holds the data folder's lock for as long as the object lives (or until `release`)."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        # Never treat a live owner's lock as stale, however long the program has been open;
        # a dead owner's lock is still detected by its process id.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """Take the lock; False when another running copy holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(100):
            return True
        # The owner may have crashed: Qt checks its pid before giving up.
        if self._lock.removeStaleLockFile():
            return self._lock.tryLock(100)
        return False

    def owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()  # PySide6: (pid, host, app), or a bool when none
        return info[0] if isinstance(info, tuple) and info and info[0] else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
