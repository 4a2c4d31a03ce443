"""Export the submission files of one report, all or nothing, with progress and cancel.

Used by the window's export dialog (in a worker thread). Every file is first written into a
hidden staging folder inside the chosen folder; only when every format is done are they moved
into place (a rename on the same disk). Cancel, or any failure, removes the staging folder:
the chosen folder never holds a partial file.

A staging folder left by a killed process (`.unionclerk-export-<pid>-*`) is swept away at the
next start of the program (`services.sweep`), and at the next export into the same folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr
from unionclerk.domain.records import ReportInfo
from unionclerk.exporters import atomic
from unionclerk.formspec.model import FormSet
from unionclerk.services import reports
from unionclerk.services.workspace import Workspace

if TYPE_CHECKING:
    from unionclerk.exporters.bundle import Bundle

ALL_FORMATS = ("xlsx", "pdf", "json")
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The person cancelled; nothing was written."""


@dataclass
class Exported:
    files: list[Path]
    warnings: list[str] = field(default_factory=list)  # e.g. characters the PDF font lacks


STAGING_PREFIX = ".unionclerk-export-"


def default_clock() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def new_export_id() -> str:
    return str(uuid.uuid4())


@contextlib.contextmanager
def staging_folder(out_dir: Path, prefix: str) -> Iterator[Path]:
    """A fresh hidden folder inside `out_dir` to write into, removed on the way out (with
    whatever is still in it); folders with the same prefix that a killed process left behind
    are swept away first."""
    from unionclerk.services import sweep

    sweep.sweep_staging(Path(out_dir))  # a running export's folder (another process) is kept
    sweep.remember_output(Path(out_dir))
    try:
        staging = Path(tempfile.mkdtemp(prefix=sweep.staging_prefix(prefix), dir=out_dir))
    except OSError as exc:
        raise UserError(tr("无法写入文件：{reason}", reason=os_reason(exc)),
                        where=str(out_dir)) from None
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


def available_formats() -> list[str]:
    """The formats this installation can write."""
    return list(ALL_FORMATS)


def _write_one(forms: FormSet, bundle: Bundle, target: Path, fmt: str) -> list[str]:
    """Write one format to `target`; returns its warnings. Each format is its own call (so
    Cancel can act between them), all from one prepared export: one load, one export time
    and id; the status changes only once every file is in place."""
    from unionclerk.services import submission  # pulls in openpyxl and reportlab: when used

    return submission.write_format(forms, bundle, target, fmt)


def export_report(ws: Workspace, report: ReportInfo, out_dir: Path, formats: list[str], *,
                  full_ids: bool = False, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Exported:
    """Write the chosen formats into `out_dir`; returns the files (sorted) and warnings.

    Raises `Cancelled` (nothing written) when `cancelled()` turns true before the end, and
    `UserError` for a folder that cannot be written. A completed report becomes 已导出.
    """
    from unionclerk.services import submission, transfer

    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UserError(tr("输出文件夹不存在"), where=str(out_dir))
    wanted = [f for f in ALL_FORMATS if f in formats]
    if not wanted:
        raise ValueError(f"no exportable format among {formats}")
    is_cancelled = cancelled or (lambda: False)
    atomic.sweep_stale(out_dir)
    warnings: list[str] = []
    with staging_folder(out_dir, STAGING_PREFIX) as staging:
        _stamp, bundle = submission.prepare_export(ws, report, full_ids=full_ids)
        base = transfer.base_name(report)
        for i, fmt in enumerate(wanted):
            if is_cancelled():
                raise Cancelled
            if progress is not None:
                progress(i, len(wanted), fmt)
            try:
                warnings += _write_one(ws.forms, bundle, staging / f"{base}.{fmt}", fmt)
            except UserError as exc:  # name the file the clerk asked for, not the staging
                raise UserError(exc.message, where=str(out_dir / f"{base}.{fmt}")) from None
        if is_cancelled():
            raise Cancelled
        final = move_into(out_dir, sorted(p for p in staging.iterdir() if p.is_file()))
        if progress is not None:
            progress(len(wanted), len(wanted), "")
    if ws.read_only:  # the files are out; the status cannot be saved on a protected stick
        warnings.append(tr("数据文件夹是只读的，报表状态没有改为“已导出”"))
    else:
        from unionclerk.services import review_township

        review_township.record_export(ws, report, bundle, [f.name for f in final])
        reports.mark_exported(ws, report)
    return Exported(final, warnings)
