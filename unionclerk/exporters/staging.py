"""Staging folders: several files written out of sight, then moved into place together.

Beside `atomic` (one file at a time), this is for all-or-nothing writes of several files (the
submission's formats, the summary's three files, a return's pair): everything is written into
a hidden folder inside the chosen folder, and only when every file is done are they moved
into place (a rename on the same disk). Leaving the `with` block, by Cancel or a failure,
removes the staging folder: the chosen folder never holds a partial set.

A staging folder is named `<prefix><pid>-…`; one whose process has gone (the program was
killed) is swept away at the next staging in the same folder, and at the next start of the
program (`services.sweep`), which finds the folders written into in a list kept in the data
folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr
from unionclerk.folderlock import pid_alive

OUTPUTS_FILE = "output-folders.txt"  # in the data folder: one output folder per line
KEEP_OUTPUTS = 20
# The staging folders' names, one per kind of writing; all are swept when their process is gone.
EXPORT = ".unionclerk-export-"  # a submission export
SUMMARY = ".unionclerk-summary-"  # a county merge
RETURN = ".unionclerk-return-"  # a return file and its 退回通知单
PREFIXES = (EXPORT, SUMMARY, RETURN)
_PID = re.compile(r"^(\d+)-")


@contextlib.contextmanager
def staging_folder(out_dir: Path, prefix: str) -> Iterator[Path]:
    """A fresh hidden folder inside `out_dir` to write into, removed on the way out (with
    whatever is still in it); folders with the same prefix that a killed process left behind
    are swept away first."""
    sweep_staging(Path(out_dir))  # a running export's folder (another process) is kept
    remember_output(Path(out_dir))
    try:
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(prefix), dir=out_dir))
    except OSError as exc:
        raise UserError(
            tr("无法写入文件：{reason}", reason=os_reason(exc)), where=str(out_dir)
        ) from None
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def move_into(out_dir: Path, files: list[Path]) -> list[Path]:
    """Move finished files (from a staging folder on the same disk) into `out_dir`."""
    moved = []
    for file in files:
        target = Path(out_dir) / file.name
        os.replace(file, target)
        moved.append(target)
    return moved


def staging_prefix(prefix: str) -> str:
    """The name start of a staging folder made by this process."""
    return f"{prefix}{os.getpid()}-"


def stale(folder: Path, prefix: str) -> bool:
    """True for a staging folder whose process is no longer running (or of unknown owner)."""
    m = _PID.match(folder.name[len(prefix) :])
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
        known = remembered_outputs()
        folder = str(Path(out_dir).resolve())
        if folder in known:
            return
        known = [*known, folder][-KEEP_OUTPUTS:]
        record.write_text("\n".join(known) + "\n", encoding="utf-8")


def remembered_outputs() -> list[str]:
    """The output folders noted in the data folder (newest last)."""
    record = paths.data_dir(create=False) / OUTPUTS_FILE
    try:
        return [line for line in record.read_text(encoding="utf-8").splitlines() if line]
    except (OSError, UnicodeDecodeError):
        return []
