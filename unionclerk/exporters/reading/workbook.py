"""Reading untrusted workbooks: what a file is, whose, which period, and whether it is intact.

`inspect_workbook` never raises for a bad file: it says what it found in a `WorkbookInfo`
(kind, identity, versions, integrity, the edited cells). `read_workbook` is the import path:
an intact submission gives its machine data's report, a filled template its visible cells;
anything else is refused with the reason, so nothing is imported from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.exporters import json_report, machine
from unionclerk.exporters.bundle import context
from unionclerk.exporters.reading import safe as xlsx_safe
from unionclerk.exporters.reading.integrity import EditedCell, compare
from unionclerk.exporters.xlsx.layout import LAYOUT_VERSION
from unionclerk.exporters.xlsx.sheets import plan_workbook
from unionclerk.exporters.xlsx.writer import LIST_SHEET
from unionclerk.formspec.model import FormSet

# integrity
INTACT, EDITED, CORRUPT = "intact", "edited", "corrupt"
# The machine sheet holds the payload in 16,000-character cells: its size follows from the
# manifest's payload_bytes (the XML around the text is about 1%; Excel's re-save moves the
# text to the shared strings). A summary of many units is the largest legitimate one.
MAX_MACHINE = 256 * 1024 * 1024
MACHINE_BASE = 1024 * 1024
MAX_MACHINE_ROWS = MAX_MACHINE // machine.CHUNK + 16


@dataclass
class WorkbookInfo:
    path: Path
    kind: FileKind
    integrity: str | None = None
    unit_code: str = ""
    unit_name: str = ""
    period: Period | None = None
    status: str = ""
    draft: bool | None = None
    format_version: int | None = None
    program_version: str = ""
    layout_version: int | None = None
    form_versions: dict[str, int] = field(default_factory=dict)
    export_id: str = ""
    exported_at: str = ""
    full_ids: bool | None = None
    payload_hash: str = ""
    edited_cells: list[EditedCell] = field(default_factory=list)
    edited_count: int = 0
    messages: list[str] = field(default_factory=list)
    parsed: json_report.ParsedReport | None = field(default=None, repr=False)
    summary: dict[str, Any] | None = field(default=None, repr=False)  # a summary's document
    manifest: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def refused(self) -> bool:
        return self.kind.refused


def inspect_workbook(path: Path, forms: FormSet, *, check_visible: bool = True) -> WorkbookInfo:
    info = WorkbookInfo(Path(path), FileKind.UNREADABLE)
    try:
        with xlsx_safe.open_workbook(path) as wb:
            _inspect(wb, info, forms, check_visible)
    except UserError as exc:
        info.messages.append(exc.message)
    except xlsx_safe.READ_ERRORS as exc:  # a part that fails its CRC or does not parse
        info.integrity = CORRUPT if info.kind != FileKind.UNREADABLE else None
        info.messages.append(
            tr("工作簿已损坏，部分内容无法读取（{kind}）", kind=type(exc).__name__)
        )
    return info


def _inspect(wb: Any, info: WorkbookInfo, forms: FormSet, check_visible: bool) -> None:
    if machine.SHEET not in wb.sheetnames:
        info.kind = FileKind.NOT_A_REPORT
        info.messages.append(
            tr(
                "这个工作簿没有本程序的机器数据：不是导出的报表，也不是空白模板。"
                "自己整理的名单可在程序的名单页用“从 Excel 导入名单”按列对应读入"
            )
        )
        return
    try:
        rows, extra = machine_rows(wb[machine.SHEET])
        data = machine.read_rows(rows)
    except UserError as exc:
        info.kind, info.integrity = (
            FileKind.SUBMISSION,
            CORRUPT,
        )  # our machine sheet, but unreadable
        info.messages.append(exc.message)
        return
    _identity(info, data.manifest)
    fmt = data.manifest["format"]
    info.kind = {
        machine.SUBMISSION: FileKind.SUBMISSION,
        machine.TEMPLATE: FileKind.TEMPLATE,
        machine.SUMMARY: FileKind.SUMMARY,
    }.get(fmt, FileKind.NOT_A_REPORT)
    if info.kind == FileKind.NOT_A_REPORT:
        info.messages.append(tr("机器数据的格式“{f}”不是本程序的报表", f=fmt[:40]))
        return
    newer = _newer(info, forms)
    if newer:
        info.kind = FileKind.NEWER_FORMAT
        info.messages.append(newer)
        return
    if info.kind not in (FileKind.SUBMISSION, FileKind.SUMMARY):
        return
    if data.corrupt:
        info.integrity = CORRUPT
        info.messages.append(data.problem)
        return
    try:
        if info.kind == FileKind.SUBMISSION:
            info.parsed = _parsed(info, data, forms)
        else:
            info.summary = data.document()
    except (UserError, json.JSONDecodeError) as exc:
        info.integrity = CORRUPT
        info.messages.append(
            exc.message
            if isinstance(exc, UserError)
            else tr("机器数据无法读取：{reason}", reason=str(exc))
        )
        return
    info.integrity = INTACT
    if extra:  # rows after the payload: nothing an export writes
        info.integrity = EDITED
        info.edited_cells, info.edited_count = (
            [EditedCell(machine.SHEET, f"A{extra}", "", tr("导出后新增的内容"))],
            1,
        )
    layout = LAYOUT_VERSION if info.kind == FileKind.SUBMISSION else _summary_layout()
    if not check_visible:
        return
    if info.layout_version != layout or info.form_versions != forms.versions:
        info.messages.append(tr("此文件由不同版本的程序或报表导出，未逐格核对可见内容"))
        return
    try:
        diff = _visible_differences(wb, info, forms, data)
    except UserError as exc:
        info.integrity = CORRUPT
        info.messages.append(exc.message)
        return
    if diff.count:
        info.integrity = EDITED
        info.edited_cells += diff.cells
        info.edited_count += diff.count


def machine_rows(ws: Any) -> tuple[list[tuple[Any, Any]], int]:
    """The machine sheet's (what, text) rows, read no further than its manifest says the
    payload goes (a sheet padded with junk after it costs nothing); the second value is the
    first row after the payload that holds something (0: none), which no export writes."""
    size = xlsx_safe.part_size(ws)
    if size > MAX_MACHINE:
        raise UserError(
            tr(
                "机器数据表解压后有 {mb} MB，超出报表可能的大小，疑似恶意文件",
                mb=size // (1024 * 1024),
            )
        )
    rows: list[tuple[Any, Any]] = []
    budget = None  # bytes of payload the manifest announces
    got = 0
    for r, cells in xlsx_safe.sparse_rows(ws):
        key, text = cells.get(1), cells.get(2)
        if budget is not None and got >= budget:
            return rows, (r if cells else 0)
        rows.append((key, text))
        if key == machine.MANIFEST_KEY and budget is None:
            budget = _announced(text, size)
        elif key == machine.PAYLOAD_KEY and isinstance(text, str):
            got += len(text.encode("utf-8", "surrogatepass"))  # the manifest counts bytes
        if len(rows) > MAX_MACHINE_ROWS:
            raise UserError(tr("机器数据表的行数远超报表可能的数量，疑似恶意文件"))
    return rows, 0


def _announced(manifest_text: Any, part: int) -> int | None:
    """Characters of payload the manifest promises (its UTF-8 bytes bound them); refused when
    the sheet is far larger than that promise could need."""
    try:
        claimed = (
            json.loads(manifest_text).get("payload_bytes")
            if isinstance(manifest_text, str) and len(manifest_text) <= machine.CELL_LIMIT
            else None
        )
    except (ValueError, AttributeError):
        return None
    if not isinstance(claimed, int) or isinstance(claimed, bool) or claimed < 0:
        return None
    if part > MACHINE_BASE + 3 * claimed:
        raise UserError(
            tr(
                "机器数据表（{mb} MB）远大于清单所述的报表内容，疑似恶意文件",
                mb=part // (1024 * 1024),
            )
        )
    return claimed


def _parsed(info: WorkbookInfo, data: Any, forms: FormSet) -> json_report.ParsedReport:
    """A submission's report from its machine data, agreeing with its manifest."""
    try:
        parsed = json_report.parse_document(data.document(), forms)
    except (UserError, json.JSONDecodeError) as exc:
        raise UserError(tr("机器数据无法读取：{reason}", reason=str(exc))) from None
    mismatch = _mismatch(info, parsed)
    if mismatch:
        raise UserError(mismatch)
    return parsed


def _summary_layout() -> int:
    from unionclerk.exporters.summary import workbook as summary_xlsx

    return summary_xlsx.LAYOUT_VERSION


def _visible_differences(wb: Any, info: WorkbookInfo, forms: FormSet, data: Any) -> Any:
    """The visible cells that differ from what the machine data renders to: a submission's
    every sheet, a summary's 汇总表 (UserError: the machine data cannot be rendered)."""
    if info.kind == FileKind.SUBMISSION:
        assert info.parsed is not None
        plans = plan_workbook(context(forms, info.parsed.period, info.parsed.data, data.manifest))
        return compare(wb, plans, {machine.SHEET, LIST_SHEET})
    from unionclerk.exporters.summary import integrity as summary_integrity

    try:
        return summary_integrity.compare_summary(wb, forms, info.summary)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UserError(tr("机器数据无法读取：{reason}", reason=str(exc))) from None


def _identity(info: WorkbookInfo, manifest: dict[str, Any]) -> None:
    info.manifest = manifest
    unit = manifest.get("unit") if isinstance(manifest.get("unit"), dict) else {}
    info.unit_code = str(unit.get("division_code", ""))
    info.unit_name = str(unit.get("union_name", ""))
    try:
        info.period = Period.from_json(manifest["period"]) if manifest.get("period") else None
    except UserError:
        info.period = None
    for attr, key, kind in (
        ("format_version", "format_version", int),
        ("layout_version", "layout_version", int),
        ("program_version", "program_version", str),
        ("status", "status", str),
        ("draft", "draft", bool),
        ("export_id", "export_id", str),
        ("exported_at", "exported_at", str),
        ("full_ids", "full_ids", bool),
        ("payload_hash", "payload_sha256", str),
    ):
        value = manifest.get(key)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            setattr(info, attr, value)
    versions = manifest.get("form_versions")
    if isinstance(versions, dict):
        info.form_versions = {k: v for k, v in versions.items() if isinstance(v, int)}


def _newer(info: WorkbookInfo, forms: FormSet) -> str:
    if info.format_version is None:
        return tr("机器数据缺少格式版本")
    if info.format_version > machine.FORMAT_VERSION:
        return tr(
            "文件格式版本 {v} 比本程序（{mine}）新，请升级工会报表助手后再读取",
            v=info.format_version,
            mine=machine.FORMAT_VERSION,
        )
    for key, version in info.form_versions.items():
        if key in forms and version > forms[key].version:
            return tr(
                "“{title}”的版本 {v} 比本程序的版本 {mine} 新，请升级后再读取",
                title=forms[key].display_title,
                v=version,
                mine=forms[key].version,
            )
    return ""


def _mismatch(info: WorkbookInfo, parsed: json_report.ParsedReport) -> str:
    if parsed.division_code != info.unit_code or parsed.union_name != info.unit_name:
        return tr("机器数据清单中的单位与报表内容不一致")
    if info.period != parsed.period:
        return tr("机器数据清单中的报告期与报表内容不一致")
    if parsed.form_versions and parsed.form_versions != info.form_versions:
        return tr("机器数据清单中的表格版本与报表内容不一致")
    return ""


def describe_refusal(info: WorkbookInfo) -> str:
    """Why a workbook cannot be imported (or "" when it can)."""
    if info.kind == FileKind.SUBMISSION and info.integrity == INTACT:
        return ""
    if info.kind == FileKind.TEMPLATE:
        return ""
    if info.kind == FileKind.SUMMARY:
        return tr("这是汇总文件，不是单个单位的报表；汇总文件请用“汇总”(merge) 读取")
    if info.integrity == EDITED:
        cells = "、".join(str(c) for c in info.edited_cells[:10])
        more = tr("等 {n} 处", n=info.edited_count) if info.edited_count > 10 else ""
        return tr(
            "工作簿在导出后被改动过（{cells}{more}），与其中的机器数据不一致，未导入。"
            "如需更正，请在程序中修改后重新导出",
            cells=cells,
            more=more,
        )
    return "；".join(info.messages) or tr("无法识别的工作簿")


def read_workbook(path: Path, forms: FormSet) -> tuple[json_report.ParsedReport, WorkbookInfo]:
    """The report in a workbook, for import: refused (UserError) unless it is an intact
    submission or a fill-in template whose every value its field accepts."""
    from unionclerk.exporters.reading.template import read_template

    path = Path(path)
    info = inspect_workbook(path, forms)
    refusal = describe_refusal(info)
    if refusal:
        raise UserError(refusal, where=path.name)
    if info.kind == FileKind.TEMPLATE:
        with xlsx_safe.open_workbook(path) as wb:
            try:
                formulas = xlsx_safe.formula_cells(path, list(wb.sheetnames))
                return read_template(wb, forms, info.manifest, formulas), info
            except xlsx_safe.READ_ERRORS as exc:
                raise UserError(
                    tr("工作簿已损坏，部分内容无法读取（{kind}）", kind=type(exc).__name__),
                    where=path.name,
                ) from None
    assert info.parsed is not None
    return info.parsed, info
