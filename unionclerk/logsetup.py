"""Logging to a rotating file in the data folder; safe when there is no console.

No log line, console message or crash report ever holds a full ID number: `mask_ids` keeps
only the region of every ID-like number (17 digits and a check character) in the text, and
the log's formatter runs every line through it, tracebacks included.

A windowed (frozen) program on Windows has `sys.stdout` / `sys.stderr` set to None: nothing
here may write to them, and `ensure_streams` gives them a harmless sink so that a stray
print() in a library cannot crash the program.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import re
import sys
from pathlib import Path

LOG_NAME = "unionclerk.log"
# An ID-like number standing on its own (not inside a longer run of letters and digits,
# such as a hash); full-width digits are folded to ASCII where text enters the program.
_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])([0-9]{6})[0-9]{11}[0-9Xx](?![0-9A-Za-z])")


def mask_ids(text: str) -> str:
    """`text` with every ID-like number cut to its region: 330782************."""
    return _ID_LIKE.sub(r"\1************", text) if len(text) >= 18 else text


class _MaskingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return mask_ids(super().format(record))


def ensure_streams() -> None:
    """Harmless sinks for a windowed build, and no "Exception ignored in" tracebacks."""
    if sys.stdout is None:
        sys.stdout = io.StringIO()
    if sys.stderr is None:
        sys.stderr = io.StringIO()
    sys.unraisablehook = _unraisable


def _unraisable(info: sys.UnraisableHookArgs) -> None:
    """An exception nobody can catch, raised while an object is cleaned up — typically a
    writer's zip file closing on a full disk after the command has already said so: logged,
    never printed after the clerk's message."""
    logging.getLogger("unionclerk").debug(
        "ignored in %r: %r",
        info.object,
        info.exc_value,
        exc_info=(info.exc_type, info.exc_value, info.exc_traceback)
        if info.exc_value is not None
        else None,
    )


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that falls silent when it cannot be written (the disk filled up, the stick
    was write-protected) instead of printing "--- Logging error ---" tracebacks: the program
    says what went wrong in its own words; the log is a help, never in the way."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if self.stream is not None:
            try:
                self.stream.close()
            except OSError:
                pass
            self.stream = None


def setup(data_dir: Path) -> Path | None:
    """Send log records to `<data dir>/logs/unionclerk.log` (1 MB × 5 files); returns the
    file, or None when it cannot be written (a read-only data folder): then nothing is
    logged and nothing is printed about it."""
    folder = data_dir / "logs"
    file = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(file, "a", encoding="utf-8"):
            pass
    except OSError:
        _silence()
        return None
    root = logging.getLogger()
    if not any(
        isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == file
        for h in root.handlers
    ):
        handler = _QuietFileHandler(
            file, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
        )
        handler.setFormatter(_MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        logging.getLogger("alembic").setLevel(logging.WARNING)
    return file


def _silence() -> None:
    """No log file: records go nowhere (not to logging's last-resort stderr printer)."""
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())


def close() -> None:
    """Detach and close our file handlers (tests switch data folders)."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler | logging.NullHandler):
            root.removeHandler(h)
            h.close()
