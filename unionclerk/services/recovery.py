"""Start-up check of the database file, and recovery from the newest sound backup.

Runs before anything opens the database: `PRAGMA quick_check` on the file; if it fails, the
newest backup that passes its own integrity check is offered. The damaged file is kept aside
(renamed, never deleted) before the backup is restored over it.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError
from unionclerk.formspec import FormSet
from unionclerk.services import backup
from unionclerk.services.workspace import Workspace
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
    damaged = keep_aside(state.database)
    store.restore_into(state.backup, state.database)
    return damaged


def keep_aside(database: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm) to `damaged-<stamp>-<name>`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    damaged = database.with_name(f"damaged-{stamp}-{database.name}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(database) + suffix)
        if part.exists():
            shutil.move(part, Path(str(damaged) + suffix))
    return damaged


@dataclass(frozen=True)
class Restored:
    safety: Path | None = None  # the sound database saved before it was replaced
    damaged: Path | None = None  # the damaged one, kept aside


def restore_file(source: Path, forms: FormSet) -> Restored:
    """Restore backup `source` into the data folder, whatever state the current file is in.

    The backup is proven first (`backup.checked_copy`); nothing changes if it is refused. A
    sound current database is backed up before it is replaced; a damaged one (or one this
    program cannot open) is kept aside — the very case restore exists for.
    """
    db = paths.database_path()
    with tempfile.TemporaryDirectory(prefix="unionclerk-restore-") as tmp:
        checked = backup.checked_copy(Path(source), Path(tmp), forms)
        ws = None
        if store.quick_check(db):
            try:
                ws = Workspace.open(None)
            except DatabaseError:
                ws = None
        if ws is not None:
            with ws:
                safety = backup.make_backup(ws, reason="before-restore")
            store.restore_into(checked, db)
            return Restored(safety=safety)
        damaged = keep_aside(db)
        store.restore_into(checked, db)
        return Restored(damaged=damaged)
