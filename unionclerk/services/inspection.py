"""What a received file is, and whether it is intact (`unionclerk inspect`, interchange.md §4).

`inspect_file` reads a workbook (checked cell by cell against its machine data) or a JSON
report; a photo, a PDF or a Word document is refused and named. `describe` turns the result
into plain lines for people; `exit_code` into the command's exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.exporters import json_report, return_file
from unionclerk.exporters.reading import jsonfile, sniff
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.formspec import idmask, shipped_forms
from unionclerk.formspec.model import FormSet


def inspect_file(forms: FormSet, path: Path) -> xlsx_reader.WorkbookInfo:
    """What one received file is: a workbook (checked cell by cell), a JSON report or
    summary, or this program's PDF of a report; named as the county merge names it."""
    path = Path(path)
    try:
        head, size = sniff.read_head(path)
    except OSError as exc:
        info = xlsx_reader.WorkbookInfo(path, FileKind.UNREADABLE)
        info.messages.append(tr("无法读取文件：{reason}", reason=os_reason(exc)))
        return info
    printout = sniff.program_pdf(path) if head.startswith(b"%PDF") else None
    if printout is not None:
        return _printout(path, printout)
    reason = sniff.refusal(head, path, size)
    if reason:  # a photo, someone else's PDF, a Word document...: say what it is
        empty = size == 0  # a file that did not arrive whole: unreadable, as the merge says
        info = xlsx_reader.WorkbookInfo(
            path, FileKind.UNREADABLE if empty else FileKind.NOT_A_REPORT
        )
        info.messages.append(reason)
        return info
    if sniff.kind(head) == sniff.JSON:
        return _inspect_json(forms, path, size)
    return xlsx_reader.inspect_workbook(path, forms)


def _printout(path: Path, printout: tuple[str, str, str]) -> xlsx_reader.WorkbookInfo:
    """This program's PDF of a report: whose, which period, and the hash its QR code holds."""
    info = xlsx_reader.WorkbookInfo(path, FileKind.PRINTOUT)
    info.unit_code, period, info.payload_hash = printout
    try:
        info.period = Period.parse(period)
    except UserError:
        pass
    info.messages.append(tr("汇总和导入以同名的 .xlsx 工作簿或 .json 文件为准"))
    return info


def _inspect_json(forms: FormSet, path: Path, size: int) -> xlsx_reader.WorkbookInfo:
    info = xlsx_reader.WorkbookInfo(path, FileKind.JSON_REPORT)
    try:
        doc = jsonfile.load(path, size)
        info.kind = jsonfile.kind_of(doc, forms)
        if info.kind == FileKind.SUMMARY:
            return _summary_json(info, jsonfile.summary_doc(doc), doc)
        if info.kind == FileKind.RETURN:
            return _return_json(forms, info)
        parsed = json_report.parse_document(doc, forms)
    except jsonfile.Refused as exc:
        info.kind = exc.kind
        info.messages.append(exc.message)
        return info
    except UserError as exc:  # a report whose content is wrong: the merge cannot read it
        info.kind = FileKind.UNREADABLE
        info.messages.append(tr("内容有误：{reason}", reason=str(exc)))
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


def _summary_json(
    info: xlsx_reader.WorkbookInfo, head: jsonfile.SummaryDoc, doc: dict[str, Any]
) -> xlsx_reader.WorkbookInfo:
    """A summary's JSON file (interchange.md §3): who made it, for which period; its hash is
    the one its workbook's machine sheet carries, as the file is the same document."""
    info.unit_code = head.made_by["division_code"]
    info.unit_name = head.made_by["union_name"]
    info.period = head.period
    info.format_version = head.format_version
    info.summary = doc
    info.payload_hash = json_report.payload_hash(doc)
    info.messages.append(tr("含 {n} 个单位的报表", n=len(head.reports)))
    return info


def _return_json(forms: FormSet, info: xlsx_reader.WorkbookInfo) -> xlsx_reader.WorkbookInfo:
    """A county's return file: for whom, which period, and whether it is as the county wrote
    it (its SHA-256); a township reads it in with 导入报表文件."""
    try:
        doc = return_file.read(info.path.read_bytes(), forms)
    except UserError as exc:
        info.integrity = xlsx_reader.CORRUPT
        info.messages.append(exc.message)
        return info
    info.unit_code, info.unit_name, info.period = doc.division_code, doc.union_name, doc.period
    info.export_id, info.exported_at = doc.return_id, doc.returned_at
    info.messages.append(
        tr(
            "{by}退回修改的意见（批注 {n} 条）；乡镇用“导入报表文件”读入",
            by=doc.made_by.get("union_name") or tr("县级"),
            n=len(doc.comments),
        )
    )
    return info


def inspect_files(forms: FormSet, files: Iterable[Path]) -> list[xlsx_reader.WorkbookInfo]:
    return [inspect_file(forms, Path(f)) for f in files]


def exit_code(infos: list[xlsx_reader.WorkbookInfo]) -> int:
    """inspect: 2 when a file was refused, 1 when one is edited or corrupt, else 0."""

    def one(info: xlsx_reader.WorkbookInfo) -> int:
        if info.integrity in (xlsx_reader.EDITED, xlsx_reader.CORRUPT):
            return 1
        return 2 if info.refused else 0

    return max((one(i) for i in infos), default=0)


def describe(info: xlsx_reader.WorkbookInfo) -> list[str]:
    """Plain lines for one inspected file (the command line and the window show these)."""
    lines = [
        tr("文件：{file}", file=info.path.name),
        tr("  类型：{kind}", kind=info.kind.label),
    ]
    if info.unit_name:
        lines.append(tr("  单位：{name}（{code}）", name=info.unit_name, code=info.unit_code))
    elif info.unit_code:  # a printout names its unit by the code its QR code carries
        lines.append(tr("  单位代码：{code}", code=info.unit_code))
    if info.period:
        status = tr("，状态：{s}", s=bundle_status(info)) if info.status else ""
        lines.append(tr("  报告期：{period}{status}", period=info.period.label, status=status))
    if info.form_versions:
        versions = "、".join(f"{k} {v}" for k, v in info.form_versions.items())
        lines.append(
            tr(
                "  版本：格式 {f}，程序 {p}，表格 {v}",
                f=info.format_version or "—",
                p=info.program_version or "—",
                v=versions,
            )
        )
    if info.export_id:
        lines.append(tr("  导出编号：{id}，导出时间：{at}", id=info.export_id, at=info.exported_at))
    masking = masking_label(info)
    if masking:
        lines.append(tr("  公民身份号码：{how}", how=masking))
    if info.payload_hash:
        from unionclerk.domain.review import short_hash

        lines.append(
            tr(
                "  校验码：{short}（与纸质件二维码中的校验码前 8 位一致）",
                short=short_hash(info.payload_hash),
            )
        )
    if info.integrity == xlsx_reader.INTACT and info.kind == FileKind.SUMMARY:
        lines.append(tr("  完整性：完好（各汇总表的数字与机器数据一致，校验码相符）"))
    elif info.integrity == xlsx_reader.INTACT:
        lines.append(tr("  完整性：完好（可见内容与机器数据一致，校验码相符）"))
    elif info.integrity == xlsx_reader.EDITED:
        lines.append(tr("  完整性：导出后被改动过，共 {n} 处：", n=info.edited_count))
        for cell in info.edited_cells[:50]:
            lines.append(
                tr(
                    "    {where}：应为“{expected}”，现为“{found}”",
                    where=str(cell),
                    expected=idmask.mask_ids_in_text(cell.expected),
                    found=idmask.mask_ids_in_text(cell.found),
                )
            )
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
        idmask.FULL: tr("完整号码（导出时选择了完整号码）") if info.full_ids else tr("含完整号码"),
        idmask.MASK_V1: tr("旧的遮盖方式（前6位和后4位可见，可由出生年月推算出号码）"),
        idmask.MASK_V2: tr("已遮盖（只保留前6位地区码，并注明导出时是否有效）"),
    }[kind]


def bundle_status(info: xlsx_reader.WorkbookInfo) -> str:
    from unionclerk.exporters.bundle import status_label

    return status_label(info.status, bool(info.draft))
