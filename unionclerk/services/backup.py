"""Consistent backups of the database (SQLite backup API, never a file copy)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from unionclerk import paths
from unionclerk.services.workspace import Workspace


def make_backup(ws: Workspace, *, reason: str = "manual", target: Path | None = None) -> Path:
    """Copy the live database to the backups folder (or `target`) and verify the copy."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target or paths.backups_dir() / f"{reason}-{stamp}.sqlite3"
    ws.db.backup_to(target)
    return target
