"""Export the submission files of one report, all or nothing, with progress and cancel.

Used by the window's export dialog (in a worker thread). Every file is first written into a
hidden staging folder inside the chosen folder; only when every format is done are they moved
into place (a rename on the same disk). Cancel, or any failure, removes the staging folder:
the chosen folder never holds a partial file.

The workbook and PDF come from `services.submission` (its own issue) when it is installed;
until then only JSON can be exported, through `services.transfer`.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.records import COMPLETE, EXPORTED, ReportInfo
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


def _submission() -> ModuleType | None:
    """The submission files service, imported when first needed (it pulls in openpyxl and
    reportlab, which the window does not need until the clerk exports)."""
    try:
        module = importlib.import_module("unionclerk.services.submission")
    except ImportError:
        return None
    return module if hasattr(module, "export_submission") else None


def available_formats() -> list[str]:
    """The formats this installation can write."""
    return list(ALL_FORMATS) if _submission() is not None else ["json"]


def _write_one(ws: Workspace, report: ReportInfo, folder: Path, fmt: str, full_ids: bool,
               stamp: tuple[datetime, str]) -> list[str]:
    """Write one format into `folder`; returns its warnings.

    Each format is its own call (so Cancel can act between them), all sharing one export
    time and id. A completed report is passed as already exported: the files are what make
    it so, and the status changes here only once every file is in place.
    """
    module = _submission()
    if module is None:
        from unionclerk.services import transfer  # imported when used: it pulls in openpyxl

        transfer.export_json(ws, report, folder, full_ids=full_ids)
        return []
    func = module.export_submission
    params = inspect.signature(func).parameters
    kwargs: dict[str, object] = {"full_ids": full_ids}
    if "clock" in params:
        kwargs["clock"] = lambda: stamp[0]
    if "new_id" in params:
        kwargs["new_id"] = lambda: stamp[1]
    if report.status == COMPLETE:
        report = dataclasses.replace(report, status=EXPORTED)
    outcome = func(ws, report, folder, [fmt], **kwargs)
    return list(getattr(outcome, "warnings", []) or [])


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
    try:
        staging = Path(tempfile.mkdtemp(prefix=".unionclerk-export-", dir=out_dir))
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
