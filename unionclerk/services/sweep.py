"""What a killed program leaves behind, swept away at the next start.

* `backups/`: a safety backup interrupted half-way leaves its `-journal` (or `-wal`/`-shm`)
  beside an unfinished copy. Opening the copy lets SQLite roll it back and remove its side
  files; a copy that is still not sound afterwards is deleted (it could never be restored).
  Only the holder of the folder lock does this, so a backup being written is never touched.
* Staging folders (`.unionclerk-export-<pid>-…`, `.unionclerk-summary-<pid>-…`) in the output
  folders the program wrote into: each output folder is remembered in the data folder
  (`exporters.staging`), and at start every staging folder whose process has gone is removed —
  not only at the next export into that folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError
from unionclerk.exporters import staging
from unionclerk.storage import backups as store

_SIDE_FILES = ("-journal", "-wal", "-shm")
log = logging.getLogger(__name__)


def sweep_backups(folder: Path) -> list[Path]:
    """Settle or remove the copies an interrupted backup left in `folder`; returns what was
    deleted. Call only while holding the folder lock."""
    removed: list[Path] = []
    bases = set()
    for suffix in _SIDE_FILES:
        for side in folder.glob(f"*{suffix}"):
            bases.add(side.with_name(side.name[: -len(suffix)]))
    for base in sorted(bases):
        if base.exists() and not _complete(base):
            removed += _delete(base)
        for suffix in _SIDE_FILES:  # orphans, or what SQLite did not remove
            removed += _delete(Path(f"{base}{suffix}"))
    return removed


def _complete(backup: Path) -> bool:
    """Settle `backup`; True when it is then a sound copy of a unionclerk database (an
    interrupted copy rolls back to nothing, or to a broken file)."""
    if not store.settle(backup):
        return False
    try:
        store.verify(backup)
    except DatabaseError:
        return False
    return True


def _delete(file: Path) -> list[Path]:
    try:
        file.unlink()
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("could not remove %s: %s", file.name, exc)
        return []
    log.info("swept %s", file.name)
    return [file]


def at_start(holding_lock: bool) -> None:
    """The start-up sweep: staging folders always, `backups/` only under the folder lock."""
    folder = paths.data_dir(create=False)
    for out_dir in staging.remembered_outputs():
        staging.sweep_staging(Path(out_dir))
    if holding_lock and (folder / "backups").is_dir():
        sweep_backups(folder / "backups")
