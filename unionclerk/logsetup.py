"""Logging to a rotating file in the data folder; safe when there is no console.

A windowed (frozen) program on Windows has `sys.stdout` / `sys.stderr` set to None: nothing
here may write to them, and `ensure_streams` gives them a harmless sink so that a stray
print() in a library cannot crash the program.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import sys
from pathlib import Path

LOG_NAME = "unionclerk.log"


def ensure_streams() -> None:
    if sys.stdout is None:
        sys.stdout = io.StringIO()
    if sys.stderr is None:
        sys.stderr = io.StringIO()


def setup(data_dir: Path) -> Path:
    """Send log records to `<data dir>/logs/unionclerk.log` (1 MB × 5 files)."""
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / LOG_NAME
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) and
               Path(h.baseFilename) == file for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(file, maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        logging.getLogger("alembic").setLevel(logging.WARNING)
    return file


def close() -> None:
    """Detach and close our file handlers (tests switch data folders)."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            root.removeHandler(h)
            h.close()
