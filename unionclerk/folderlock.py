"""One writer per data folder: a lock file holding its owner's process id and what it is.

The window holds it for as long as it is open; commands that change data (`demo`, `import`,
`restore`, `merge`) hold it while they run, so they never write under an open window (which
would not see the change) or under each other. The file says who holds it — a window or a
command, and which — so the one refused is told the right thing. A lock left behind by a
crashed program is recognised (its process is gone) and taken over.

Plain Python (no Qt): the command line takes the same lock as the window without starting Qt,
and a lock file that cannot be made (a write-protected stick, a full disk) is told apart from
one held by somebody else.
"""

from __future__ import annotations

import contextlib
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr

LOCK_NAME = "unionclerk.lock"
WINDOW = "window"


class CannotLock(UserError):
    """The lock file cannot be made: the folder is read-only or the disk is full."""


@dataclass(frozen=True)
class Owner:
    pid: int
    kind: str  # WINDOW, or the command's name
    host: str

    @property
    def alive(self) -> bool:
        if self.host and self.host != socket.gethostname():
            return True  # another PC on a shared folder: we cannot tell, so we assume so
        return pid_alive(self.pid)


def pid_alive(pid: int) -> bool:
    """True while a process with this id runs (on this PC)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class FolderLock:
    """Holds the data folder's lock from `acquire` until `release`."""

    def __init__(self, folder: Path, kind: str = WINDOW) -> None:
        self.path = Path(folder) / LOCK_NAME
        self.kind = kind
        self._held = False

    def acquire(self) -> bool:
        """Take the lock; False when a running program holds it (see `owner`). Raises
        `CannotLock` when the lock file cannot be made at all."""
        for _attempt in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                owner = self.owner()
                if owner is not None and owner.alive:
                    return False
                self._remove_stale()
                continue
            except OSError as exc:
                raise self._cannot(exc) from None
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(f"{os.getpid()}\n{self.kind}\n{socket.gethostname()}\n")
            except OSError as exc:  # a full disk: the file exists but says nothing
                self.path.unlink(missing_ok=True)
                raise self._cannot(exc) from None
            self._held = True
            return True
        return False

    def owner(self) -> Owner | None:
        """Who holds the lock, or None when nobody does (or the file is unreadable: a
        half-written lock of a program that died at once)."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
            return Owner(
                int(lines[0]),
                lines[1] if len(lines) > 1 else WINDOW,
                lines[2] if len(lines) > 2 else "",
            )
        except (OSError, ValueError, IndexError, UnicodeDecodeError):
            return None

    def owner_pid(self) -> int | None:
        owner = self.owner()
        return owner.pid if owner else None

    def release(self) -> None:
        if self._held:
            self._held = False
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _remove_stale(self) -> None:
        # Renamed first, so two programs taking over the same stale lock cannot remove the
        # one the other has just made.
        aside = self.path.with_name(f"{LOCK_NAME}.stale-{os.getpid()}")
        with contextlib.suppress(OSError):
            os.replace(self.path, aside)
            aside.unlink()

    def _cannot(self, exc: OSError) -> CannotLock:
        return CannotLock(
            tr(
                "无法在数据文件夹中建立锁文件：{reason}。只改动数据的命令不能使用；"
                "查看、检查和导出（check、export、inspect）仍然可以使用。",
                reason=os_reason(exc),
            ),
            where=str(self.path.parent),
        )
