"""Reading one file for a merge: what it is, whose reports it holds, and whether to trust them.

`read_found` never raises for a bad file: it returns a `FileResult` that says what happened.
Workbooks go through the submission reader (`exporters.reading.workbook.inspect_workbook`: identity,
versions, intact / edited / corrupt); JSON reports through the strict JSON reader; summaries
(JSON or workbook machine data) give one candidate per included report. Each usable report is
normalised (older form versions mapped, ID numbers masked) and its canonical JSON written to
the spill folder, so only a few hundred bytes per report stay in memory. Runs in worker
processes too: arguments and results are plain picklable values.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import STATUS_LABELS
from unionclerk.exporters import json_report
from unionclerk.exporters.reading import jsonfile, sniff
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.exporters.summary import model as sm
from unionclerk.formspec import FormSet, door, shipped_forms, validators
from unionclerk.services import review_files
from unionclerk.services.county.results import Candidate, FileResult, describe, refused
from unionclerk.services.county.sources import Found
from unionclerk.services.county.summaries import read_summary

log = logging.getLogger(__name__)


def read_found(
    found: Found, period: Period, spill_dir: str, seq: int, forms: FormSet | None = None
) -> FileResult:
    """Read one file (see module docstring). Whatever goes wrong with this one file becomes
    its result: an error no check foresaw is logged and named on the file's line."""
    try:
        return _printable(_read_found(found, period, spill_dir, seq, forms or shipped_forms()))
    except (MemoryError, RecursionError):
        return refused(
            found, sm.UNREADABLE, tr("文件结构异常，读取它需要的内存超出报表可能的大小，已跳过")
        )
    except Exception as exc:  # noqa: BLE001 - one file's fault must not end the merge
        log.exception("merge: unexpected error reading %s", found.label)
        return refused(
            found,
            sm.UNREADABLE,
            tr(
                "读取这个文件时出现意外错误（{kind}），已跳过；详情已记录在日志中",
                kind=type(exc).__name__,
            ),
        )


def _printable(result: FileResult) -> FileResult:
    """What is said about a file quotes the file (a name with a lone surrogate, a control
    character): made visible, so every line and summary can be printed and written."""
    result.detail = door.printable(result.detail)
    for p in result.problems:
        p.detail, p.unit, p.code = (
            door.printable(p.detail),
            door.printable(p.unit),
            door.printable(p.code),
        )
    return result


def _read_found(
    found: Found, period: Period, spill_dir: str, seq: int, forms: FormSet
) -> FileResult:
    if found.archive:
        return FileResult(found.label, FileKind.ARCHIVE, tr("压缩包，已展开其中的文件"))
    if found.problem:
        return refused(found, sm.UNREADABLE, found.problem)
    try:
        head, size = sniff.read_head(found.path)
    except OSError as exc:
        return refused(found, sm.UNREADABLE, tr("无法读取文件（{reason}）", reason=os_reason(exc)))
    if size == 0:
        return refused(found, sm.UNREADABLE, sniff.not_a_report(head, found.path, size))
    printout = sniff.program_pdf(found.path) if head.startswith(b"%PDF") else None
    if printout is not None:  # paired with its unit's workbook when the plan is made
        return FileResult(
            found.label, FileKind.PRINTOUT, FileKind.PRINTOUT.label, printout=printout
        )
    reason = sniff.refusal(head, found.path, size)
    if reason:
        return refused(found, sm.NOT_A_REPORT, reason)
    reader = FileReader(found, period, Path(spill_dir), seq, forms)
    try:
        if sniff.kind(head) == sniff.WORKBOOK:
            return reader.workbook()
        return reader.json_file(size)
    except UserError as exc:
        return refused(found, sm.UNREADABLE, exc.message)


class FileReader:
    """Reads one file of a merge (`read_found` makes one per file); `summaries` calls back on
    it for each report inside a summary."""

    def __init__(self, found: Found, period: Period, spill: Path, seq: int, forms: FormSet) -> None:
        self.found, self.period, self.spill, self.seq, self.forms = found, period, spill, seq, forms
        self.label = found.label

    # -- workbooks ---------------------------------------------------------------------------
    def workbook(self) -> FileResult:
        info = xlsx_reader.inspect_workbook(self.found.path, self.forms)
        why = "；".join(info.messages)
        if info.kind.refused:  # the reader's kind is the problem's kind, passed on as it is
            corrupt = info.kind == FileKind.UNREADABLE and info.integrity == xlsx_reader.CORRUPT
            return refused(
                self.found,
                sm.CORRUPT if corrupt else info.kind,
                why or _unsaid(info.kind),
                info.kind,
            )
        if info.kind == FileKind.TEMPLATE:
            return refused(
                self.found,
                sm.NOT_A_REPORT,
                tr("这是空白填报模板，不是导出的报表；请让对方导入程序后再导出上报"),
                FileKind.TEMPLATE,
            )
        if info.period is not None and info.period != self.period:
            return self.wrong_period(info.period, info.unit_code, info.unit_name, info.kind)
        if info.kind == FileKind.SUMMARY:
            return self._summary_workbook(info)
        if info.integrity == xlsx_reader.CORRUPT or info.parsed is None:
            return refused(self.found, sm.CORRUPT, why or tr("机器数据已损坏"), info.kind)
        cand = self._candidate(
            info.parsed,
            0,
            export_id=info.export_id,
            exported_at=info.exported_at,
            status=STATUS_LABELS.get(info.status, info.status),
            draft=bool(info.draft),
            integrity=info.integrity or "",
            payload_sha256=info.payload_hash,
        )
        if info.integrity == xlsx_reader.EDITED:
            cand.edited_detail = _edited_detail(info)
        return FileResult(self.label, FileKind.SUBMISSION, describe(cand), [cand])

    def _summary_workbook(self, info: xlsx_reader.WorkbookInfo) -> FileResult:
        if info.integrity == xlsx_reader.CORRUPT or info.summary is None:
            why = "；".join(info.messages) or tr("机器数据已损坏")
            return refused(self.found, sm.CORRUPT, why, FileKind.SUMMARY)
        edited = _edited_detail(info) if info.integrity == xlsx_reader.EDITED else ""
        return self.summary(info.summary, edited)

    # -- JSON --------------------------------------------------------------------------------
    def json_file(self, size: int) -> FileResult:
        try:  # what the file is, as `inspect` says it (exporters.reading.jsonfile)
            doc = jsonfile.load(self.found.path, size)
            kind = jsonfile.kind_of(doc, self.forms)
        except jsonfile.Refused as exc:
            return refused(self.found, exc.kind, exc.message)
        if kind == FileKind.SUMMARY:
            return self.summary(doc)
        if kind == FileKind.RETURN:
            return refused(
                self.found,
                sm.NOT_A_REPORT,
                tr("这是县级发回乡镇的退回文件（审核意见），不是报表，不用于汇总"),
                kind,
            )
        result = self.report_doc(doc, 0, {})
        if isinstance(result, sm.ProblemEntry):
            return FileResult(self.label, kind, result.detail, problems=[result])
        # A JSON report carries no export time or id; the file's own time says when it was
        # copied, not when it was exported, so it is not used to rank it (decide.py).
        return FileResult(self.label, kind, describe(result), [result])

    def report_doc(
        self, doc: Any, index: int, meta: dict[str, Any], via: str = ""
    ) -> Candidate | sm.ProblemEntry:
        """One report's document (its own file's, or one inside a summary `via`) as a
        candidate, or the problem that keeps it out; `meta` goes onto the candidate."""
        where = tr("（汇总中第 {n} 份报表）", n=index + 1) if via else ""
        newer = jsonfile.newer_report(doc, self.forms)
        if newer:
            return sm.ProblemEntry(self.label, sm.NEWER_FORMAT, newer + where)
        try:
            period = Period.from_json(doc.get("period"))
        except UserError as exc:
            return sm.ProblemEntry(self.label, sm.UNREADABLE, exc.message + where)
        if period != self.period:
            code, name = _cover_identity(doc)
            return sm.ProblemEntry(
                self.label,
                sm.WRONG_PERIOD,
                tr(
                    "报告期是 {found}，本次汇总的是 {wanted}",
                    found=period.label,
                    wanted=self.period.label,
                )
                + where,
                unit=f"{code} {name}".strip(),
                code=code,
            )
        try:
            parsed = json_report.parse_document(doc, self.forms)
        except UserError as exc:
            return sm.ProblemEntry(
                self.label, sm.UNREADABLE, tr("内容有误：{reason}", reason=str(exc)) + where
            )
        code = parsed.division_code or ""
        if validators.division_code_problem(code) or not parsed.union_name:
            return sm.ProblemEntry(
                self.label,
                sm.UNREADABLE,
                tr("封面缺少行政区划代码或工会名称，无法确定是哪个单位的报表") + where,
            )
        return self._candidate(parsed, index, **meta)

    def summary(self, doc: Any, edited: str = "") -> FileResult:
        """The reports inside a summary; `edited` names the summary's changed cells."""
        return read_summary(self, doc, edited)

    def wrong_period(
        self, found: Period, code: str = "", name: str = "", kind: FileKind = FileKind.SUMMARY
    ) -> FileResult:
        """A file of another period; `kind` is what the file is."""
        result = refused(
            self.found,
            sm.WRONG_PERIOD,
            tr(
                "报告期是 {found}，本次汇总的是 {wanted}",
                found=found.label,
                wanted=self.period.label,
            ),
            kind,
        )
        result.problems[0].code, result.problems[0].unit = code, f"{code} {name}".strip()
        return result

    # -- spilling ----------------------------------------------------------------------------
    def _candidate(self, parsed: json_report.ParsedReport, index: int, **meta: Any) -> Candidate:
        doc = json_report.build_document(self.forms, parsed.period, parsed.data)
        try:
            raw = json_report.canonical(doc)
        except UnicodeEncodeError:
            raise UserError(
                tr("报表中有无法保存的字符（孤立的代理字符），文件已损坏或被改动")
            ) from None
        target = self.spill / f"{self.seq}-{index}.json"
        target.write_bytes(raw)
        cover = parsed.data.single.get("cover", {})
        cand = Candidate(
            ident=f"{self.label}#{index}",
            file=self.label,
            division_code=parsed.division_code or "",
            union_name=parsed.union_name or "",
            period=parsed.period,
            spill=str(target),
            content_sha=hashlib.sha256(raw).hexdigest(),
            dropped=list(parsed.dropped),
            county=str(cover.get("county", "")),
            city=str(cover.get("city", "")),
            **meta,
        )
        if not cand.via:  # a report in its own file: what `review receive` would keep of it
            cand.review = parsed.review or None
            if not cand.payload_sha256:  # a JSON report: the hash of its canonical JSON
                cand.payload_sha256 = (
                    json_report.payload_hash(review_files.with_review(doc, parsed))
                    if parsed.review
                    else cand.content_sha
                )
        return cand


def _unsaid(kind: FileKind) -> str:
    """What is said of a refused workbook when its reader gave no reason."""
    if kind == FileKind.UNREADABLE:
        return tr("工作簿无法读取")
    if kind == FileKind.NOT_A_REPORT:
        return tr("不是本程序导出的报表工作簿")
    return ""


def _edited_detail(info: xlsx_reader.WorkbookInfo) -> str:
    cells = "、".join(str(c) for c in info.edited_cells[:8])
    more = tr("等 {n} 处", n=info.edited_count) if info.edited_count > 8 else ""
    return tr("被改动的单元格：{cells}{more}", cells=cells, more=more)


def _cover_identity(doc: Any) -> tuple[str, str]:
    try:
        cover = doc["forms"]["cover"]
        return str(cover.get("division_code", ""))[:12], str(cover.get("union_name", ""))[:60]
    except (KeyError, TypeError, AttributeError):
        return "", ""
