"""What a killed program leaves behind, swept away at the next start.

* `backups/`: a safety backup interrupted half-way leaves its `-journal` (or `-wal`/`-shm`)
  beside an unfinished copy. Opening the copy lets SQLite roll it back and remove its side
  files; a copy that is still not sound afterwards is deleted (it could never be restored).
  Only the holder of the folder lock does this, so a backup being written is never touched.
* Staging folders (`.unionclerk-export-<pid>-…`, `.unionclerk-summary-<pid>-…`) in the output
  folders the program wrote into: each output folder is remembered in the data folder, and at
  start every staging folder whose process has gone is removed — not only at the next export
  into that folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError
from unionclerk.folderlock import pid_alive
from unionclerk.storage import backups as store

OUTPUTS_FILE = "output-folders.txt"  # in the data folder: one output folder per line
KEEP_OUTPUTS = 20
PREFIXES = (".unionclerk-export-", ".unionclerk-summary-")
_SIDE_FILES = ("-journal", "-wal", "-shm")
_PID = re.compile(r"^(\d+)-")
log = logging.getLogger(__name__)


def staging_prefix(prefix: str) -> str:
    """The name start of a staging folder made by this process."""
    return f"{prefix}{os.getpid()}-"


def stale(folder: Path, prefix: str) -> bool:
    """True for a staging folder whose process is no longer running (or of unknown owner)."""
    m = _PID.match(folder.name[len(prefix):])
    return m is None or (int(m.group(1)) != os.getpid() and not pid_alive(int(m.group(1))))


def sweep_staging(out_dir: Path) -> list[Path]:
    """Remove the stale staging folders in `out_dir`; returns them."""
    removed = []
    for prefix in PREFIXES:
        with contextlib.suppress(OSError):
            for folder in Path(out_dir).glob(f"{prefix}*"):
                if folder.is_dir() and stale(folder, prefix):
                    shutil.rmtree(folder, ignore_errors=True)
                    removed.append(folder)
    return removed


def remember_output(out_dir: Path) -> None:
    """Note `out_dir` in the data folder, so its staging folders can be swept at start.
    Quietly skipped when the data folder cannot be written (a write-protected stick)."""
    with contextlib.suppress(OSError):
        record = paths.data_dir(create=False) / OUTPUTS_FILE
        known = _outputs(record)
        folder = str(Path(out_dir).resolve())
        if folder in known:
            return
        known = [*known, folder][-KEEP_OUTPUTS:]
        record.write_text("\n".join(known) + "\n", encoding="utf-8")


def _outputs(record: Path) -> list[str]:
    try:
        return [line for line in record.read_text(encoding="utf-8").splitlines() if line]
    except (OSError, UnicodeDecodeError):
        return []


def sweep_backups(folder: Path) -> list[Path]:
    """Settle or remove the copies an interrupted backup left in `folder`; returns what was
    deleted. Call only while holding the folder lock."""
    removed: list[Path] = []
    bases = set()
    for suffix in _SIDE_FILES:
        for side in folder.glob(f"*{suffix}"):
            bases.add(side.with_name(side.name[:-len(suffix)]))
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
    for out_dir in _outputs(folder / OUTPUTS_FILE):
        sweep_staging(Path(out_dir))
    if holding_lock and (folder / "backups").is_dir():
        sweep_backups(folder / "backups")
