"""Reading one received submission for review or a diff: whose, which export, which hash, and
the report as JSON (interchange.md §1), with the replies it carries (`review`).

A workbook must be an intact submission (its visible cells and machine data agree with the
hash); a JSON report has no seal, so its hash is taken over its canonical JSON and its export
id is empty. Anything else is refused with the file named.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.review import short_hash
from unionclerk.exporters import json_report
from unionclerk.exporters.reading import sniff
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.formspec.model import FormSet

MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Submission:
    path: Path
    division_code: str
    union_name: str
    period: Period
    export_id: str
    exported_at: str
    payload_sha256: str
    parsed: json_report.ParsedReport
    doc: dict[str, Any]  # the report as JSON, with `review` when it carries replies

    @property
    def short(self) -> str:
        return short_hash(self.payload_sha256)

    @property
    def replies(self) -> list[dict[str, str]]:
        return list((self.doc.get("review") or {}).get("replies", []))


def load(forms: FormSet, path: Path) -> Submission:
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("找不到文件"), where=str(path))
    try:
        head, size = sniff.read_head(path)
    except OSError as exc:
        raise UserError(
            tr("无法读取文件：{reason}", reason=exc.strerror or str(exc)), where=str(path)
        ) from None
    reason = sniff.refusal(head, path, size)
    if reason:
        raise UserError(reason, where=path.name)
    if size > MAX_BYTES:
        raise UserError(tr("文件过大（超过 200 MB），不是正常的报表文件"), where=path.name)
    if sniff.kind(head) == sniff.WORKBOOK:
        return _workbook(forms, path)
    try:
        parsed = json_report.parse_text(path.read_bytes(), forms)
    except UserError as exc:
        raise UserError(
            exc.message, where=f"{path.name}: {exc.where}" if exc.where else path.name
        ) from None
    doc = document_of(forms, parsed)
    return _submission(path, parsed, doc, "", "", json_report.payload_hash(doc))


def _workbook(forms: FormSet, path: Path) -> Submission:
    info = xlsx_reader.inspect_workbook(path, forms)
    why = "；".join(info.messages)
    if info.kind != FileKind.SUBMISSION:
        raise UserError(
            why or tr("不是上报工作簿（{kind}）", kind=info.kind.label), where=path.name
        )
    if info.integrity == xlsx_reader.EDITED:
        raise UserError(
            tr(
                "工作簿在导出后被改动过（{n} 处），不能作为审核的依据；请对方重新导出",
                n=info.edited_count,
            ),
            where=path.name,
        )
    if info.integrity != xlsx_reader.INTACT or info.parsed is None:
        raise UserError(why or tr("工作簿已损坏"), where=path.name)
    doc = document_of(forms, info.parsed)
    return _submission(path, info.parsed, doc, info.export_id, info.exported_at, info.payload_hash)


def document_of(forms: FormSet, parsed: json_report.ParsedReport) -> dict[str, Any]:
    """The report as JSON, as its payload hash covers it (with `review` when it answers)."""
    return with_review(json_report.build_document(forms, parsed.period, parsed.data), parsed)


def with_review(doc: dict[str, Any], parsed: json_report.ParsedReport) -> dict[str, Any]:
    """The report as JSON with the replies it carries (`review`), as its payload hash covers
    it: the county merge keeps a submission exactly as `review receive` does."""
    return dict(doc, review=parsed.review) if parsed.review else doc


def _submission(
    path: Path,
    parsed: json_report.ParsedReport,
    doc: dict[str, Any],
    export_id: str,
    exported_at: str,
    sha: str,
) -> Submission:
    code, name = parsed.division_code, parsed.union_name
    if not code or not name:
        raise UserError(
            tr("封面缺少行政区划代码或工会名称，无法确定是哪个单位的报表"), where=path.name
        )
    return Submission(path, code, name, parsed.period, export_id, exported_at, sha, parsed, doc)
