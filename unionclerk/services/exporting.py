"""Export a report's submission files (interchange.md §2): the one way to export.

The command line, the window's export dialog (in a worker thread), the self-test and the tests
all call `export_report`. What it does, in order:

1. check the formats (`parse_formats`) and the chosen folder;
2. load the report once and prepare what every format shares (`prepare_export`: one export
   time, one export id, the masking of ID numbers, the county's comments and their replies);
3. write each format (`_write_one`) into a hidden staging folder inside the chosen folder
   (`exporters.staging`), reporting progress and checking for Cancel between formats;
4. only when every format is done, move the files into place (a rename on the same disk).
   Cancel, or any failure, removes the staging folder: the chosen folder never holds a
   partial file;
5. note the export for the county's review (`review_township.record_export`) and turn a
   complete report into 已导出 (a draft stays a draft, and every file and name says so).

A staging folder left by a killed process (`.unionclerk-export-<pid>-*`) is swept away at the
next start of the program (`services.sweep`), and at the next export into the same folder.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from unionclerk import paths
from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr
from unionclerk.domain.progress import Cancelled, Progress
from unionclerk.domain.records import DRAFT, ReportInfo
from unionclerk.exporters import atomic, staging
from unionclerk.exporters.filenames import file_safe
from unionclerk.formspec.model import FormSet
from unionclerk.services import reports
from unionclerk.services.workspace import Workspace

if TYPE_CHECKING:
    from unionclerk.exporters.bundle import Bundle, Stamp

ALL_FORMATS = ("xlsx", "pdf", "json")
DEFAULT_FORMATS = ("xlsx", "pdf")  # the command line's when --format is not given


@dataclass
class Exported:
    """What one export wrote: the files (in the order of the formats asked for), warnings
    (e.g. characters the PDF font lacks) and the export's identity."""

    files: list[Path]
    warnings: list[str]
    export_id: str
    exported_at: str  # ISO 8601 with the time zone
    payload_hash: str
    draft: bool


def default_clock() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def new_export_id() -> str:
    return str(uuid.uuid4())


def available_formats() -> list[str]:
    """The formats this installation can write."""
    return list(ALL_FORMATS)


def parse_formats(text: str | Iterable[str]) -> list[str]:
    """The formats asked for ("xlsx,pdf" or a list), in order and once each; a clear refusal
    naming any format the program cannot write."""
    items = text.split(",") if isinstance(text, str) else list(text)
    formats = [f.strip().lower().lstrip(".") for f in items if f.strip()]
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown or not formats:
        raise UserError(
            tr("不支持的导出格式：{f}（可选 xlsx、pdf、json）", f=",".join(unknown) or "—")
        )
    return list(dict.fromkeys(formats))


def base_name(report: ReportInfo) -> str:
    """`<division_code>_<union_name>_<period>_工会工作报表` with unsafe characters removed,
    and `_草稿` after it while the report is not marked complete (a draft's files must not
    be mistaken for, or overwrite, the final ones)."""
    name = file_safe(report.unit.union_name, "unit")
    base = f"{report.unit.division_code}_{name}_{report.period.label}_工会工作报表"
    return f"{base}_草稿" if report.status == DRAFT else base


def prepare_export(
    ws: Workspace,
    report: ReportInfo,
    *,
    full_ids: bool = False,
    clock: Callable[[], datetime] = default_clock,
    new_id: Callable[[], str] = new_export_id,
) -> tuple[Stamp, Bundle]:
    """Load the report once and build what every format of one export shares."""
    from unionclerk.exporters.bundle import Stamp, prepare  # the file formats: when used
    from unionclerk.services import review_township

    data = reports.load(ws, report)
    stamp = Stamp(clock(), new_id(), report.status, full_ids)
    replies = review_township.replies_block(ws, report)
    return stamp, prepare(ws.forms, report.period, data, stamp, replies)


def _write_one(forms: FormSet, bundle: Bundle, target: Path, fmt: str) -> list[str]:
    """Write one format of a prepared export to `target`; returns its warnings. Each format
    is its own call, so Cancel can act between them."""
    from unionclerk.exporters import json_report  # openpyxl, reportlab
    from unionclerk.exporters.pdf import report as pdf_report  # openpyxl, reportlab
    from unionclerk.exporters.xlsx import report as xlsx_report  # openpyxl, reportlab

    try:
        if fmt == "xlsx":
            xlsx_report.write_submission(target, forms, bundle)
            return []
        if fmt == "pdf":
            return pdf_report.build_pdf(target, forms, bundle, paths.font_path())
        atomic.write_bytes(target, json_report.dumps(bundle.doc).encode("utf-8"))
        return []
    except OSError as exc:
        raise UserError(
            tr("无法写入文件：{reason}", reason=os_reason(exc)), where=str(target)
        ) from None


def export_report(
    ws: Workspace,
    report: ReportInfo,
    out_dir: Path,
    formats: str | Iterable[str] = DEFAULT_FORMATS,
    *,
    full_ids: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    clock: Callable[[], datetime] = default_clock,
    new_id: Callable[[], str] = new_export_id,
) -> Exported:
    """Write the chosen formats into `out_dir`, all or nothing (see the module docstring).

    Raises `Cancelled` (nothing written) when `cancelled()` turns true before the end, and
    `UserError` for an unknown format or a folder that cannot be written.
    """
    wanted = parse_formats(formats)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UserError(tr("输出文件夹不存在"), where=str(out_dir))
    is_cancelled = cancelled or (lambda: False)
    atomic.sweep_stale(out_dir)
    warnings: list[str] = []
    with staging.staging_folder(out_dir, staging.EXPORT) as folder:
        stamp, bundle = prepare_export(ws, report, full_ids=full_ids, clock=clock, new_id=new_id)
        base = base_name(report)
        for i, fmt in enumerate(wanted):
            if is_cancelled():
                raise Cancelled
            if progress is not None:
                progress(i, len(wanted), fmt)
            try:
                warnings += _write_one(ws.forms, bundle, folder / f"{base}.{fmt}", fmt)
            except UserError as exc:  # name the file the clerk asked for, not the staging
                raise UserError(exc.message, where=str(out_dir / f"{base}.{fmt}")) from None
        if is_cancelled():
            raise Cancelled
        final = staging.move_into(out_dir, [folder / f"{base}.{fmt}" for fmt in wanted])
        if progress is not None:
            progress(len(wanted), len(wanted), "")
    if ws.read_only:  # the files are out; the status cannot be saved on a protected stick
        warnings.append(tr("数据文件夹是只读的，报表状态没有改为“已导出”"))
    else:
        from unionclerk.services import review_township

        review_township.record_export(ws, report, bundle, sorted(f.name for f in final))
        reports.mark_exported(ws, report)
    return Exported(final, warnings, stamp.export_id, stamp.iso, bundle.payload_hash, stamp.draft)
