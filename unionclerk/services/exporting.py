"""Export the submission files of one report, all or nothing, with progress and cancel.

Used by the window's export dialog (in a worker thread). Every file is first written into a
hidden staging folder inside the chosen folder; only when every format is done are they moved
into place (a rename on the same disk). Cancel, or any failure, removes the staging folder:
the chosen folder never holds a partial file.

A staging folder left by a killed process (`.unionclerk-export-*`) is swept away at the next
export into the same folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.records import ReportInfo
from unionclerk.exporters import atomic
from unionclerk.services import reports
from unionclerk.services.workspace import Workspace

ALL_FORMATS = ("xlsx", "pdf", "json")
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The person cancelled; nothing was written."""


@dataclass
class Exported:
    files: list[Path]
    warnings: list[str] = field(default_factory=list)  # e.g. characters the PDF font lacks


STAGING_PREFIX = ".unionclerk-export-"


def sweep_stale(out_dir: Path) -> None:
    """Remove staging folders and temporary files a killed export left behind."""
    for folder in Path(out_dir).glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(folder, ignore_errors=True)
    atomic.sweep_stale(out_dir)


def available_formats() -> list[str]:
    """The formats this installation can write."""
    return list(ALL_FORMATS)


def _write_one(ws: Workspace, report: ReportInfo, folder: Path, fmt: str, full_ids: bool,
               stamp: tuple[datetime, str]) -> list[str]:
    """Write one format into `folder`; returns its warnings.

    Each format is its own call (so Cancel can act between them), all sharing one export
    time and id; the status changes only once every file is in place.
    """
    from unionclerk.services import submission  # pulls in openpyxl and reportlab: when used

    outcome = submission.export_submission(ws, report, folder, [fmt], full_ids=full_ids,
                                           clock=lambda: stamp[0], new_id=lambda: stamp[1],
                                           mark_exported=False)
    return list(outcome.warnings)


def export_report(ws: Workspace, report: ReportInfo, out_dir: Path, formats: list[str], *,
                  full_ids: bool = False, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Exported:
    """Write the chosen formats into `out_dir`; returns the files (sorted) and warnings.

    Raises `Cancelled` (nothing written) when `cancelled()` turns true before the end, and
    `UserError` for a folder that cannot be written. A completed report becomes 已导出.
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UserError(tr("输出文件夹不存在"), where=str(out_dir))
    wanted = [f for f in ALL_FORMATS if f in formats and f in available_formats()]
    if not wanted:
        raise ValueError(f"no exportable format among {formats}")
    is_cancelled = cancelled or (lambda: False)
    sweep_stale(out_dir)
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    except OSError as exc:
        raise UserError(tr("无法写入文件：{reason}", reason=exc.strerror or str(exc)),
                        where=str(out_dir)) from None
    stamp = (datetime.now().astimezone().replace(microsecond=0), str(uuid.uuid4()))
    warnings: list[str] = []
    try:
        for i, fmt in enumerate(wanted):
            if is_cancelled():
                raise Cancelled
            if progress is not None:
                progress(i, len(wanted), fmt)
            warnings += _write_one(ws, report, staging, fmt, full_ids, stamp)
        if is_cancelled():
            raise Cancelled
        written = sorted(p for p in staging.iterdir() if p.is_file())
        final = []
        for file in written:
            target = out_dir / file.name
            os.replace(file, target)
            final.append(target)
        if progress is not None:
            progress(len(wanted), len(wanted), "")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    reports.mark_exported(ws, report)
    return Exported(final, warnings)
