"""What a JSON file holds (interchange.md §1 a unit's report, §3 a county summary, or a return
file, docs/review.md): one answer for `inspect` and the county merge, so both name the same file
the same `FileKind`.

`load` reads the file within the JSON budget; `kind_of` tells a report from a summary and a
return file (and refuses anything else, or a newer report); `summary_doc` checks what a summary must carry
before its reports are read. A file refused is a `Refused` error whose `kind` is the
`FileKind` refusal and whose message names the problem for the clerk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.exporters import json_budget, json_report, return_file
from unionclerk.exporters.summary.json_file import FORMAT_VERSION as SUMMARY_FORMAT_VERSION
from unionclerk.formspec.model import FormSet


class Refused(UserError):
    """A JSON file this program cannot use; `kind` says how (UNREADABLE, NOT_A_REPORT or
    NEWER_FORMAT)."""

    def __init__(self, kind: FileKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class SummaryDoc:
    """What a summary JSON says of itself, checked: who made it, for which period, and the
    lists of its reports and of what it said about each unit (`units`)."""

    format_version: int
    period: Period
    made_by: dict[str, str]
    reports: list[Any]
    units: list[Any]


def load(path: Path, size: int) -> Any:
    """The JSON value in a file of `size` bytes (refused before reading when it is larger
    than any report or summary can be)."""
    if size > json_budget.MAX_BYTES:
        raise Refused(
            FileKind.UNREADABLE,
            tr("文件过大（{mb} MB），超出报表或汇总文件可能的大小", mb=size // 2**20),
        )
    try:
        return json_report.decode(Path(path).read_bytes())
    except UserError as exc:
        raise Refused(FileKind.UNREADABLE, exc.message) from None


def kind_of(doc: Any, forms: FormSet) -> FileKind:
    """SUMMARY, RETURN or JSON_REPORT; anything else, or a report newer than this program, is
    `Refused` (a summary's own version is checked by `summary_doc`, a return file's by
    `return_file.read`)."""
    if isinstance(doc, dict) and doc.get("format") == json_report.SUMMARY_FORMAT:
        return FileKind.SUMMARY
    if isinstance(doc, dict) and doc.get("format") == return_file.FORMAT:
        return FileKind.RETURN
    if not isinstance(doc, dict) or "format" not in doc:
        raise Refused(FileKind.NOT_A_REPORT, tr("这不是工会报表文件（缺少 format 标记）"))
    if doc["format"] != json_report.FORMAT:
        raise Refused(
            FileKind.NOT_A_REPORT,
            tr("这不是工会报表文件（format 为“{f}”）", f=str(doc["format"])[:40]),
        )
    newer = newer_report(doc, forms)
    if newer:
        raise Refused(FileKind.NEWER_FORMAT, newer)
    return FileKind.JSON_REPORT


def newer_report(doc: Any, forms: FormSet) -> str:
    """Why a report's document is newer than this program (its format or one form's
    version), or ""."""
    if not isinstance(doc, dict):
        return ""
    version = doc.get("format_version")
    if (
        isinstance(version, int)
        and not isinstance(version, bool)
        and version > json_report.FORMAT_VERSION
    ):
        return tr(
            "文件格式版本 {v} 比本程序（{mine}）新，请升级工会报表助手",
            v=version,
            mine=json_report.FORMAT_VERSION,
        )
    versions = doc.get("form_versions")
    if isinstance(versions, dict):
        for key, v in versions.items():
            if key in forms and isinstance(v, int) and v > forms[key].version:
                return tr(
                    "“{title}”的版本 {v} 比本程序的版本 {mine} 新，请升级工会报表助手",
                    title=forms[key].display_title,
                    v=v,
                    mine=forms[key].version,
                )
    return ""


def summary_doc(doc: Any) -> SummaryDoc:
    """A summary's document checked as far as its reports (each report is read on its own)."""
    if not isinstance(doc, dict):
        raise Refused(FileKind.UNREADABLE, tr("汇总文件内容无法识别"))
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise Refused(FileKind.UNREADABLE, tr("汇总文件缺少格式版本"))
    if version > SUMMARY_FORMAT_VERSION:
        raise Refused(
            FileKind.NEWER_FORMAT,
            tr(
                "汇总文件格式版本 {v} 比本程序（{mine}）新，请升级工会报表助手",
                v=version,
                mine=SUMMARY_FORMAT_VERSION,
            ),
        )
    try:
        period = Period.from_json(doc.get("period"))
    except UserError as exc:
        raise Refused(FileKind.UNREADABLE, exc.message) from None
    said = doc.get("made_by")
    said = said if isinstance(said, dict) else {}
    made_by = {k: str(said.get(k, "")) for k in ("union_name", "division_code")}
    reports, units = doc.get("reports"), doc.get("units")
    if not isinstance(reports, list) or not isinstance(units, list):
        raise Refused(FileKind.UNREADABLE, tr("汇总文件缺少单位报表（reports）"))
    return SummaryDoc(version, period, made_by, reports, units)
