"""Where a merge keeps its working files: members taken out of zip archives and each report's
canonical JSON (names, phones, birth months). They live in a folder inside the data folder
(`scratch/merge-*`), never in the shared system temp folder, and are removed when the merge
session closes.

A merge that was killed (power cut, Task Manager) cannot remove its folder; `sweep` does at
the next start, under the data folder's lock (the window or a `merge` command holds it), so
every folder there that no session of this process is using is a leftover. Spill folders
that older versions left in the system temp folder (`unionclerk-merge-*`) are swept too.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)
FOLDER = "scratch"
PREFIX = "merge-"
LEGACY_PREFIX = "unionclerk-merge-"  # earlier versions spilled into the system temp
LEGACY_AGE = 3600  # seconds: another copy of an earlier version may still be using its own

_live: set[Path] = set()
_guard = threading.Lock()


def root(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def make(data_dir: Path) -> Path:
    """A fresh scratch folder for one merge session (leftovers swept first)."""
    sweep(data_dir)
    base = root(data_dir)
    base.mkdir(parents=True, exist_ok=True)
    with _guard:
        folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=base))
        _live.add(folder)
    return folder


def release(folder: Path) -> None:
    with _guard:
        _live.discard(Path(folder))
    shutil.rmtree(folder, ignore_errors=True)


def sweep(data_dir: Path) -> int:
    """Remove leftover merge folders; returns how many were removed."""
    stale = list(root(data_dir).glob(f"{PREFIX}*")) if root(data_dir).is_dir() else []
    try:
        stale += [
            p
            for p in Path(tempfile.gettempdir()).glob(f"{LEGACY_PREFIX}*")
            if time.time() - p.stat().st_mtime > LEGACY_AGE
        ]
    except OSError:
        pass
    removed = 0
    for folder in stale:
        with _guard:
            if folder in _live or not folder.is_dir():
                continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += not folder.exists()
    if removed:
        log.info("swept %d merge folder(s) left by an interrupted merge", removed)
    return removed
