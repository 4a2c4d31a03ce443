"""Start-up check of the database file, and recovery from the newest sound backup.

Runs before anything opens the database: `PRAGMA quick_check` on the file; if it fails, the
newest backup that passes its own integrity check is offered. The damaged file is kept aside
(renamed, never deleted) before the backup is restored over it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError
from unionclerk.services import backup
from unionclerk.storage import backups as store


@dataclass(frozen=True)
class DatabaseState:
    database: Path
    sound: bool
    backup: Path | None = None  # the newest backup that passed its check

    @property
    def backup_time(self) -> str:
        if self.backup is None:
            return ""
        return datetime.fromtimestamp(self.backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def check_database() -> DatabaseState:
    db = paths.database_path()
    if store.quick_check(db):
        return DatabaseState(db, True)
    for candidate in backup.list_backups():  # newest first
        try:
            store.verify(candidate)
        except DatabaseError:
            continue
        return DatabaseState(db, False, candidate)
    return DatabaseState(db, False)


def restore_latest(state: DatabaseState) -> Path:
    """Keep the damaged file aside, then restore the backup into a fresh database file."""
    assert state.backup is not None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    damaged = state.database.with_name(f"damaged-{stamp}-{state.database.name}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(state.database) + suffix)
        if part.exists():
            shutil.move(part, Path(str(damaged) + suffix))
    store.restore_into(state.backup, state.database)
    return damaged
