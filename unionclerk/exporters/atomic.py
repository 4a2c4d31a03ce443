"""Atomic file writes: a temporary file in the same folder, flushed, then renamed into place.

A reader (or a clerk after a power cut) sees either the old file or the complete new one,
never half of it. A failure removes the temporary file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

_UMASK = os.umask(0)  # read once at start-up (setting it back at once), not per write:
os.umask(_UMASK)  # os.umask is process-wide, and writes may run in worker threads


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `target`."""
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.stem[:40]}.", suffix=".part", dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); a file for others to read gets the usual mode.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def sweep_stale(folder: Path) -> list[Path]:
    """Remove temporary files a killed process left behind (`.<name>.XXXX.part`).

    A power cut between writing and renaming leaves one; it is never the real file, so the
    next write into the same folder clears it away.
    """
    removed = []
    for p in Path(folder).glob(".*.part"):
        with contextlib.suppress(OSError):
            p.unlink()
            removed.append(p)
    return removed
