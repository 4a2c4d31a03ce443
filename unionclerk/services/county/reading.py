"""Reading one file for a merge: what it is, whose reports it holds, and whether to trust them.

`read_found` never raises for a bad file: it returns a `FileResult` that says what happened.
Workbooks go through the submission reader (`exporters.xlsx_reader.inspect_workbook`: identity,
versions, intact / edited / corrupt); JSON reports through the strict JSON reader; summaries
(JSON or workbook machine data) give one candidate per included report. Each usable report is
normalised (older form versions mapped, ID numbers masked) and its canonical JSON written to
the spill folder, so only a few hundred bytes per report stay in memory. Runs in worker
processes too: arguments and results are plain picklable values.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import STATUS_LABELS
from unionclerk.exporters import json_budget, json_report, sniff, xlsx_reader
from unionclerk.exporters import summary_model as sm
from unionclerk.formspec import FormSet, door, shipped_forms, validators
from unionclerk.services import review_files
from unionclerk.services.county.sources import Found

log = logging.getLogger(__name__)


@dataclass
class Candidate:
    """One unit's report found in a file (a summary gives many)."""

    ident: str
    file: str
    division_code: str
    union_name: str
    period: Period
    spill: str  # the normalised report's canonical JSON, on disk
    content_sha: str  # SHA-256 of that JSON: equal content, equal hash
    export_id: str = ""
    exported_at: str = ""
    time_from_file: bool = False  # (older merges) exported_at was the file's time: not trusted
    status: str = ""  # shown label (已完成 / 已导出 / 填报中), "" when the file does not say
    draft: bool = False
    integrity: str = "unverified"  # intact / edited / unverified (JSON has no seal)
    edited_detail: str = ""
    dropped: list[str] = field(default_factory=list)  # older-version keys with no successor
    via: str = ""  # the summary it came in ("" = its own file)
    via_code: str = ""  # that summary's made_by division code
    source: str = ""  # the original file name, as the summary recorded it
    county: str = ""
    city: str = ""
    stored: bool = False  # from the county's database (received earlier)
    origin: str = ""  # for a stored report: the file it was received in
    payload_sha256: str = ""  # its own file's payload hash (short hash: services.review)
    review: dict[str, Any] | None = None  # the replies its own file carries (issue 16)


@dataclass
class FileResult:
    file: str
    kind: str  # "report", "summary", "archive", or a problem kind
    detail: str = ""
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[sm.ProblemEntry] = field(default_factory=list)
    made_by: dict[str, str] = field(default_factory=dict)
    printout: tuple[str, str, str] | None = None  # our own PDF: (unit code, period, hash)


def _refused(found: Found, kind: str, detail: str) -> FileResult:
    return FileResult(found.label, kind, detail, problems=[sm.ProblemEntry(found.label, kind,
                                                                           detail)])


def read_found(found: Found, period: Period, spill_dir: str, seq: int,
               forms: FormSet | None = None) -> FileResult:
    """Read one file (see module docstring). Whatever goes wrong with this one file becomes
    its result: an error no check foresaw is logged and named on the file's line."""
    try:
        return _printable(_read_found(found, period, spill_dir, seq, forms or shipped_forms()))
    except (MemoryError, RecursionError):
        return _refused(found, sm.UNREADABLE, tr("文件结构异常，读取它需要的内存超出报表可能的大小，已跳过"))
    except Exception as exc:  # noqa: BLE001 - one file's fault must not end the merge
        log.exception("merge: unexpected error reading %s", found.label)
        return _refused(found, sm.UNREADABLE, tr(
            "读取这个文件时出现意外错误（{kind}），已跳过；详情已记录在日志中",
            kind=type(exc).__name__))


def _printable(result: FileResult) -> FileResult:
    """What is said about a file quotes the file (a name with a lone surrogate, a control
    character): made visible, so every line and summary can be printed and written."""
    result.detail = door.printable(result.detail)
    for p in result.problems:
        p.detail, p.unit, p.code = (door.printable(p.detail), door.printable(p.unit),
                                    door.printable(p.code))
    return result


def _read_found(found: Found, period: Period, spill_dir: str, seq: int,
                forms: FormSet) -> FileResult:
    if found.archive:
        return FileResult(found.label, "archive", tr("压缩包，已展开其中的文件"))
    if found.problem:
        return _refused(found, sm.UNREADABLE, found.problem)
    try:
        head, size = sniff.read_head(found.path)
    except OSError as exc:
        return _refused(found, sm.UNREADABLE, tr("无法读取文件（{reason}）",
                                                 reason=os_reason(exc)))
    if size == 0:
        return _refused(found, sm.UNREADABLE, sniff.not_a_report(head, found.path, size))
    printout = sniff.program_pdf(found.path) if head.startswith(b"%PDF") else None
    if printout is not None:  # paired with its unit's workbook when the plan is made
        return FileResult(found.label, "printout", tr("本程序导出的 PDF（供打印盖章）"),
                          printout=printout)
    reason = sniff.refusal(head, found.path, size)
    if reason:
        return _refused(found, sm.NOT_A_REPORT, reason)
    ctx = _Ctx(found, period, Path(spill_dir), seq, forms)
    try:
        if sniff.kind(head) == sniff.WORKBOOK:
            return ctx.workbook()
        return ctx.json_file(size)
    except UserError as exc:
        return _refused(found, sm.UNREADABLE, exc.message)


class _Ctx:
    def __init__(self, found: Found, period: Period, spill: Path, seq: int,
                 forms: FormSet) -> None:
        self.found, self.period, self.spill, self.seq, self.forms = found, period, spill, seq, forms
        self.label = found.label

    # -- workbooks ---------------------------------------------------------------------------
    def workbook(self) -> FileResult:
        info = xlsx_reader.inspect_workbook(self.found.path, self.forms)
        why = "；".join(info.messages)
        if info.kind == xlsx_reader.NEWER_FORMAT:
            return _refused(self.found, sm.NEWER_FORMAT, why)
        if info.kind == xlsx_reader.UNREADABLE:
            kind = sm.CORRUPT if info.integrity == xlsx_reader.CORRUPT else sm.UNREADABLE
            return _refused(self.found, kind, why or tr("工作簿无法读取"))
        if info.kind == xlsx_reader.NOT_A_REPORT:
            return _refused(self.found, sm.NOT_A_REPORT, why or tr("不是本程序导出的报表工作簿"))
        if info.kind == xlsx_reader.TEMPLATE:
            return _refused(self.found, sm.NOT_A_REPORT, tr(
                "这是空白填报模板，不是导出的报表；请让对方导入程序后再导出上报"))
        if info.period is not None and info.period != self.period:
            return self._wrong_period(info.period, info.unit_code, info.unit_name)
        if info.kind == xlsx_reader.SUMMARY:
            return self._summary_workbook(info)
        if info.integrity == xlsx_reader.CORRUPT or info.parsed is None:
            return _refused(self.found, sm.CORRUPT, why or tr("机器数据已损坏"))
        cand = self._candidate(info.parsed, 0, export_id=info.export_id,
                               exported_at=info.exported_at,
                               status=STATUS_LABELS.get(info.status, info.status),
                               draft=bool(info.draft), integrity=info.integrity or "",
                               payload_sha256=info.payload_hash)
        if info.integrity == xlsx_reader.EDITED:
            cand.edited_detail = _edited_detail(info)
        return FileResult(self.label, "report", _describe(cand), [cand])

    def _summary_workbook(self, info: xlsx_reader.WorkbookInfo) -> FileResult:
        if info.integrity == xlsx_reader.CORRUPT or info.summary is None:
            return _refused(self.found, sm.CORRUPT, "；".join(info.messages)
                            or tr("机器数据已损坏"))
        edited = _edited_detail(info) if info.integrity == xlsx_reader.EDITED else ""
        return self.summary(info.summary, edited)

    # -- JSON --------------------------------------------------------------------------------
    def json_file(self, size: int) -> FileResult:
        if size > json_budget.MAX_BYTES:  # refused before reading it into memory
            return _refused(self.found, sm.UNREADABLE, tr(
                "文件过大（{mb} MB），超出报表或汇总文件可能的大小", mb=size // 2**20))
        try:
            doc = json_budget.loads(self.found.path.read_bytes())
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            return _refused(self.found, sm.UNREADABLE, tr("不是有效的 JSON 文件，无法读取"))
        if isinstance(doc, dict) and doc.get("format") == json_report.SUMMARY_FORMAT:
            return self.summary(doc)
        if not isinstance(doc, dict) or doc.get("format") != json_report.FORMAT:
            return _refused(self.found, sm.NOT_A_REPORT, tr("JSON 文件不是工会报表（缺少 format 标记）"))
        result = self._report_doc(doc, 0, {})
        if isinstance(result, sm.ProblemEntry):
            return FileResult(self.label, result.kind, result.detail, problems=[result])
        # A JSON report carries no export time or id; the file's own time says when it was
        # copied, not when it was exported, so it is not used to rank it (decide.py).
        return FileResult(self.label, "report", _describe(result), [result])

    def _report_doc(self, doc: Any, index: int, meta: dict[str, Any],
                    via: str = "") -> Candidate | sm.ProblemEntry:
        where = tr("（汇总中第 {n} 份报表）", n=index + 1) if via else ""
        newer = _newer(doc, self.forms)
        if newer:
            return sm.ProblemEntry(self.label, sm.NEWER_FORMAT, newer + where)
        try:
            period = Period.from_json(doc.get("period"))
        except UserError as exc:
            return sm.ProblemEntry(self.label, sm.UNREADABLE, exc.message + where)
        if period != self.period:
            code, name = _cover_identity(doc)
            return sm.ProblemEntry(self.label, sm.WRONG_PERIOD, tr(
                "报告期是 {found}，本次汇总的是 {wanted}", found=period.label,
                wanted=self.period.label) + where, unit=f"{code} {name}".strip(), code=code)
        try:
            parsed = json_report.parse_document(doc, self.forms)
        except UserError as exc:
            return sm.ProblemEntry(self.label, sm.UNREADABLE, tr("内容有误：{reason}",
                                                                 reason=str(exc)) + where)
        code = parsed.division_code or ""
        if validators.division_code_problem(code) or not parsed.union_name:
            return sm.ProblemEntry(self.label, sm.UNREADABLE, tr(
                "封面缺少行政区划代码或工会名称，无法确定是哪个单位的报表") + where)
        return self._candidate(parsed, index, **meta)

    def summary(self, doc: Any, edited: str = "") -> FileResult:
        """The reports inside a summary; `edited` names the summary's changed cells."""
        from unionclerk.services.county.summaries import read_summary

        return read_summary(self, doc, edited)

    def _wrong_period(self, found: Period, code: str = "", name: str = "") -> FileResult:
        result = _refused(self.found, sm.WRONG_PERIOD, tr(
            "报告期是 {found}，本次汇总的是 {wanted}", found=found.label, wanted=self.period.label))
        result.problems[0].code, result.problems[0].unit = code, f"{code} {name}".strip()
        return result

    # -- spilling ----------------------------------------------------------------------------
    def _candidate(self, parsed: json_report.ParsedReport, index: int,
                   **meta: Any) -> Candidate:
        doc = json_report.build_document(self.forms, parsed.period, parsed.data)
        try:
            raw = json_report.canonical(doc)
        except UnicodeEncodeError:
            raise UserError(tr("报表中有无法保存的字符（孤立的代理字符），文件已损坏或被改动")) from None
        target = self.spill / f"{self.seq}-{index}.json"
        target.write_bytes(raw)
        cover = parsed.data.single.get("cover", {})
        cand = Candidate(
            ident=f"{self.label}#{index}", file=self.label, division_code=parsed.division_code or "",
            union_name=parsed.union_name or "", period=parsed.period, spill=str(target),
            content_sha=hashlib.sha256(raw).hexdigest(), dropped=list(parsed.dropped),
            county=str(cover.get("county", "")), city=str(cover.get("city", "")), **meta)
        if not cand.via:  # a report in its own file: what `review receive` would keep of it
            cand.review = parsed.review or None
            if not cand.payload_sha256:  # a JSON report: the hash of its canonical JSON
                cand.payload_sha256 = json_report.payload_hash(review_files.with_review(
                    doc, parsed)) if parsed.review else cand.content_sha
        return cand


def _edited_detail(info: xlsx_reader.WorkbookInfo) -> str:
    cells = "、".join(str(c) for c in info.edited_cells[:8])
    more = tr("等 {n} 处", n=info.edited_count) if info.edited_count > 8 else ""
    return tr("被改动的单元格：{cells}{more}", cells=cells, more=more)


def _newer(doc: Any, forms: FormSet) -> str:
    if not isinstance(doc, dict):
        return ""
    version = doc.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and \
            version > json_report.FORMAT_VERSION:
        return tr("文件格式版本 {v} 比本程序（{mine}）新，请升级工会报表助手", v=version,
                  mine=json_report.FORMAT_VERSION)
    versions = doc.get("form_versions")
    if isinstance(versions, dict):
        for key, v in versions.items():
            if key in forms and isinstance(v, int) and v > forms[key].version:
                return tr("“{title}”的版本 {v} 比本程序的版本 {mine} 新，请升级工会报表助手",
                          title=forms[key].display_title, v=v, mine=forms[key].version)
    return ""


def _cover_identity(doc: Any) -> tuple[str, str]:
    try:
        cover = doc["forms"]["cover"]
        return str(cover.get("division_code", ""))[:12], str(cover.get("union_name", ""))[:60]
    except (KeyError, TypeError, AttributeError):
        return "", ""


def _describe(cand: Candidate) -> str:
    return f"{cand.division_code} {cand.union_name}"
