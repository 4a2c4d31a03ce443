"""Submission files (interchange.md §2): export the workbook, PDF and JSON of a report; say
what received files are and whether they are intact; write the blank fill-in template.

Every file is written to a temporary name in the output folder and renamed into place. A
complete report becomes 已导出 once all its files are written; any other is a draft, and
every file says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from unionclerk import paths
from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import ReportInfo
from unionclerk.exporters import atomic, json_report, pdf_fonts, sniff, xlsx_reader
from unionclerk.exporters.bundle import Bundle, Stamp, prepare
from unionclerk.exporters.pdf_report import build_pdf
from unionclerk.exporters.xlsx_report import write_submission, write_template
from unionclerk.formspec import idmask, shipped_forms
from unionclerk.formspec.model import FormSet
from unionclerk.services import reports, transfer
from unionclerk.services.exporting import ALL_FORMATS, default_clock, new_export_id
from unionclerk.services.workspace import Workspace

FORMATS = ALL_FORMATS
DEFAULT_FORMATS = ("xlsx", "pdf")


def font_path() -> Path:
    return paths.resources_dir() / "fonts" / pdf_fonts.FONT_FILE


@dataclass
class ExportOutcome:
    files: list[Path]
    warnings: list[str]
    export_id: str
    exported_at: str
    payload_hash: str
    draft: bool


def parse_formats(text: str | Iterable[str]) -> list[str]:
    items = text.split(",") if isinstance(text, str) else list(text)
    formats = [f.strip().lower().lstrip(".") for f in items if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UserError(tr("不支持的导出格式：{f}（可选 xlsx、pdf、json）", f=",".join(unknown) or "—"))
    return list(dict.fromkeys(formats))


def prepare_export(ws: Workspace, report: ReportInfo, *, full_ids: bool = False,
                   clock: Callable[[], datetime] = default_clock,
                   new_id: Callable[[], str] = new_export_id) -> tuple[Stamp, Bundle]:
    """Load the report once and build what every format of one export shares."""
    from unionclerk.services import review_township

    data = reports.load(ws, report)
    stamp = Stamp(clock(), new_id(), report.status, full_ids)
    replies = review_township.replies_block(ws, report)
    return stamp, prepare(ws.forms, report.period, data, stamp, replies)


def write_format(forms: FormSet, bundle: Bundle, target: Path, fmt: str) -> list[str]:
    """Write one format of a prepared export to `target` (atomically); returns its warnings."""
    try:
        if fmt == "xlsx":
            write_submission(target, forms, bundle)
            return []
        if fmt == "pdf":
            return build_pdf(target, forms, bundle, font_path())
        atomic.write_bytes(target, json_report.dumps(bundle.doc).encode("utf-8"))
        return []
    except OSError as exc:
        raise UserError(tr("无法写入文件：{reason}", reason=os_reason(exc)),
                        where=str(target)) from None


def export_submission(ws: Workspace, report: ReportInfo, out_dir: Path,
                      formats: Iterable[str] = DEFAULT_FORMATS, full_ids: bool = False,
                      clock: Callable[[], datetime] = default_clock,
                      new_id: Callable[[], str] = new_export_id) -> ExportOutcome:
    """Write the report's submission files into `out_dir` (each file atomically).

    For all-or-nothing export of several formats, with progress and cancel, use
    `services.exporting.export_report`.
    """
    wanted = parse_formats(formats)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UserError(tr("输出文件夹不存在"), where=str(out_dir))
    stamp, bundle = prepare_export(ws, report, full_ids=full_ids, clock=clock, new_id=new_id)
    base = transfer.base_name(report)
    files, warnings = [], []
    for fmt in wanted:
        target = out_dir / f"{base}.{fmt}"
        warnings += write_format(ws.forms, bundle, target, fmt)
        files.append(target)
    from unionclerk.services import review_township

    review_township.record_export(ws, report, bundle, [f.name for f in files])
    if not stamp.draft:
        reports.mark_exported(ws, report)
    return ExportOutcome(files, warnings, stamp.export_id, stamp.iso, bundle.payload_hash,
                         stamp.draft)


def inspect_file(forms: FormSet, path: Path) -> xlsx_reader.WorkbookInfo:
    """What one received file is: a workbook (checked cell by cell) or a JSON report."""
    path = Path(path)
    try:
        head, size = sniff.read_head(path)
    except OSError as exc:
        info = xlsx_reader.WorkbookInfo(path, FileKind.UNREADABLE)
        info.messages.append(tr("无法读取文件：{reason}", reason=os_reason(exc)))
        return info
    reason = sniff.refusal(head, path, size)
    if reason:  # a photo, a PDF, a Word document...: say what it is
        info = xlsx_reader.WorkbookInfo(path, FileKind.NOT_A_REPORT)
        info.messages.append(reason)
        return info
    if sniff.kind(head) == sniff.JSON:
        return _inspect_json(forms, path)
    return xlsx_reader.inspect_workbook(path, forms)


def _inspect_json(forms: FormSet, path: Path) -> xlsx_reader.WorkbookInfo:
    info = xlsx_reader.WorkbookInfo(path, FileKind.JSON_REPORT)
    try:
        if path.stat().st_size > transfer.MAX_JSON_BYTES:
            raise UserError(tr("文件过大（超过 200 MB），不是正常的报表文件"))
        parsed = json_report.parse_text(path.read_bytes(), forms)
    except UserError as exc:
        info.kind = FileKind.NOT_A_REPORT
        info.messages.append(str(exc))
        return info
    info.unit_code = parsed.division_code or ""
    info.unit_name = parsed.union_name or ""
    info.period = parsed.period
    info.form_versions = parsed.form_versions or dict(forms.versions)
    info.format_version = json_report.FORMAT_VERSION
    info.parsed = parsed
    from unionclerk.services.review_files import document_of  # the hash review and merge show

    info.payload_hash = json_report.payload_hash(document_of(forms, parsed))
    return info


def inspect_files(forms: FormSet, files: Iterable[Path]) -> list[xlsx_reader.WorkbookInfo]:
    return [inspect_file(forms, Path(f)) for f in files]


def template(ws: Workspace, out: Path, period: Period | None = None,
             division_code: str | None = None) -> Path:
    """Write a blank fill-in workbook; the cover starts with the folder's unit when known."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    if not out.parent.is_dir():
        raise UserError(tr("输出文件夹不存在"), where=str(out.parent))
    cover = _known_cover(ws, division_code)
    try:
        write_template(out, ws.forms, period, cover)
    except OSError as exc:
        raise UserError(tr("无法写入文件：{reason}", reason=os_reason(exc)),
                        where=str(out)) from None
    return out


def _known_cover(ws: Workspace, division_code: str | None) -> dict[str, Any]:
    try:
        unit = ws.resolve_unit(division_code)
    except UserError:
        if division_code:
            raise
        return {}
    with ws.db.read() as tx:
        known = tx.list_reports(unit.division_code)
    cover: dict[str, Any] = {"union_name": unit.union_name, "division_code": unit.division_code}
    if known:
        latest = max(known, key=lambda r: r.period)
        cover.update(reports.load(ws, latest).single.get("cover", {}))
        cover.pop("report_date", None)
    return cover


def exit_code(infos: list[xlsx_reader.WorkbookInfo]) -> int:
    """inspect: 2 when a file was refused, 1 when one is edited or corrupt, else 0."""
    def one(info: xlsx_reader.WorkbookInfo) -> int:
        if info.integrity in (xlsx_reader.EDITED, xlsx_reader.CORRUPT):
            return 1
        return 2 if info.refused else 0

    return max((one(i) for i in infos), default=0)


__all__ = ["DEFAULT_FORMATS", "FORMATS", "ExportOutcome", "exit_code", "export_submission",
           "inspect_files", "template"]


def kind_label(kind: str) -> str:
    """What a kind of file is called, for people."""
    labels = {
        FileKind.SUBMISSION: tr("上报工作簿"), FileKind.TEMPLATE: tr("空白填报模板"),
        FileKind.SUMMARY: tr("汇总文件"), FileKind.NOT_A_REPORT: tr("不是工会报表文件"),
        FileKind.UNREADABLE: tr("无法读取"), FileKind.NEWER_FORMAT: tr("格式比本程序新"),
        FileKind.JSON_REPORT: tr("JSON 报表"),
    }
    return labels.get(kind, kind)


def describe(info: xlsx_reader.WorkbookInfo) -> list[str]:
    """Plain lines for one inspected file (the command line and the window show these)."""
    lines = [tr("文件：{file}", file=info.path.name),
             tr("  类型：{kind}", kind=kind_label(info.kind))]
    if info.unit_name or info.unit_code:
        lines.append(tr("  单位：{name}（{code}）", name=info.unit_name, code=info.unit_code))
    if info.period:
        status = tr("，状态：{s}", s=bundle_status(info)) if info.status else ""
        lines.append(tr("  报告期：{period}{status}", period=info.period.label, status=status))
    if info.form_versions:
        versions = "、".join(f"{k} {v}" for k, v in info.form_versions.items())
        lines.append(tr("  版本：格式 {f}，程序 {p}，表格 {v}", f=info.format_version or "—",
                        p=info.program_version or "—", v=versions))
    if info.export_id:
        lines.append(tr("  导出编号：{id}，导出时间：{at}", id=info.export_id, at=info.exported_at))
    masking = masking_label(info)
    if masking:
        lines.append(tr("  公民身份号码：{how}", how=masking))
    if info.payload_hash:
        from unionclerk.domain.review import short_hash

        lines.append(tr("  校验码：{short}（与纸质件二维码中的校验码前 8 位一致）",
                        short=short_hash(info.payload_hash)))
    if info.integrity == xlsx_reader.INTACT and info.kind == FileKind.SUMMARY:
        lines.append(tr("  完整性：完好（各汇总表的数字与机器数据一致，校验码相符）"))
    elif info.integrity == xlsx_reader.INTACT:
        lines.append(tr("  完整性：完好（可见内容与机器数据一致，校验码相符）"))
    elif info.integrity == xlsx_reader.EDITED:
        lines.append(tr("  完整性：导出后被改动过，共 {n} 处：", n=info.edited_count))
        for cell in info.edited_cells[:50]:
            lines.append(tr("    {where}：应为“{expected}”，现为“{found}”", where=str(cell),
                            expected=idmask.mask_ids_in_text(cell.expected),
                            found=idmask.mask_ids_in_text(cell.found)))
        if info.edited_count > 50:
            lines.append(tr("    ……另有 {n} 处", n=info.edited_count - 50))
    elif info.integrity == xlsx_reader.CORRUPT:
        lines.append(tr("  完整性：已损坏"))
    lines += [f"  {m}" for m in info.messages]
    return lines


def masking_label(info: xlsx_reader.WorkbookInfo) -> str:
    """Which masking of ID numbers a file carries, in plain words ("" when it cannot tell)."""
    if info.parsed is not None:
        values = idmask.report_id_values(shipped_forms(), info.parsed.data)
    elif info.summary is not None:
        values = idmask.document_id_values(shipped_forms(), info.summary)
    else:
        return ""
    kind = idmask.file_masking(values)
    if kind is None:
        return tr("文件中没有身份号码")
    return {
        idmask.FULL: tr("完整号码（导出时选择了完整号码）") if info.full_ids
        else tr("含完整号码"),
        idmask.MASK_V1: tr("旧的遮盖方式（前6位和后4位可见，可由出生年月推算出号码）"),
        idmask.MASK_V2: tr("已遮盖（只保留前6位地区码，并注明导出时是否有效）"),
    }[kind]


def bundle_status(info: xlsx_reader.WorkbookInfo) -> str:
    from unionclerk.exporters.bundle import status_label

    return status_label(info.status, bool(info.draft))
