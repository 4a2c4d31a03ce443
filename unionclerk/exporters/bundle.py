"""One export, prepared once for every format: the JSON report, its canonical bytes and hash,
the report as read back from that JSON (what every format shows), and the manifest.

Everything shown comes from the JSON read back, never from the database's values directly,
so the workbook, the PDF and the machine data cannot disagree, and a reader can render the
very same sheets from the machine data to see whether a visible cell was edited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from unionclerk import __version__
from unionclerk.domain.period import Period
from unionclerk.domain.records import COMPLETE, EXPORTED, STATUS_LABELS
from unionclerk.domain.report import ReportData
from unionclerk.exporters import json_report, machine
from unionclerk.exporters.xlsx.layout import LAYOUT_VERSION, Context
from unionclerk.formspec.model import FormSet


@dataclass(frozen=True)
class Stamp:
    """What is said about this export: when, which id, at what status, with full IDs or not.
    Passed in by the caller (never `now()` inside an exporter), so output is reproducible."""

    exported_at: datetime
    export_id: str
    status: str
    full_ids: bool = False
    program_version: str = __version__

    @property
    def draft(self) -> bool:
        return self.status not in (COMPLETE, EXPORTED)

    @property
    def iso(self) -> str:
        return self.exported_at.isoformat(timespec="seconds")


def status_label(status: str, draft: bool) -> str:
    label = STATUS_LABELS.get(status, status)
    return f"{label}（草稿）" if draft else label


def shown_time(iso: str) -> str:
    """2018-12-20T10:31:00+08:00 -> 2018-12-20 10:31 (as the sheets and the PDF show it)."""
    return iso[:16].replace("T", " ")


@dataclass
class Bundle:
    doc: dict[str, Any]
    canonical: bytes
    parsed: json_report.ParsedReport
    manifest: dict[str, Any]

    @property
    def period(self) -> Period:
        return self.parsed.period

    @property
    def data(self) -> ReportData:
        return self.parsed.data

    @property
    def payload_hash(self) -> str:
        return self.manifest["payload_sha256"]


def unit_identity(data: ReportData) -> dict[str, str]:
    cover = data.cover
    return {k: cover[k] for k in ("division_code", "union_name", "credit_code") if cover.get(k)}


def prepare(
    forms: FormSet,
    period: Period,
    data: ReportData,
    stamp: Stamp,
    review: dict[str, Any] | None = None,
) -> Bundle:
    """`review`: the replies to a return, carried in the report (docs/review.md)."""
    doc = json_report.build_document(forms, period, data, full_ids=stamp.full_ids)
    if review:
        doc["review"] = review
    canonical = json_report.canonical(doc)
    parsed = json_report.parse_document(doc, forms)
    manifest = machine.build_manifest(
        kind=machine.SUBMISSION,
        period=period.to_json(),
        form_versions=forms.versions,
        unit=unit_identity(parsed.data),
        program_version=stamp.program_version,
        layout_version=LAYOUT_VERSION,
        payload=canonical,
        status=stamp.status,
        draft=stamp.draft,
        exported_at=stamp.iso,
        export_id=stamp.export_id,
        full_ids=stamp.full_ids,
    )
    return Bundle(doc, canonical, parsed, manifest)


def context(
    forms: FormSet, period: Period | None, data: ReportData, manifest: dict[str, Any]
) -> Context:
    """The sheets' context, from a manifest (the writer's and the reader's alike)."""
    draft = bool(manifest.get("draft", True))
    return Context(
        forms=forms,
        period=period,
        data=data,
        draft=draft,
        status_label=status_label(str(manifest.get("status", "")), draft),
        exported_at=shown_time(str(manifest.get("exported_at", ""))),
        export_id=str(manifest.get("export_id", "")),
        program_version=str(manifest.get("program_version", "")),
        full_ids=bool(manifest.get("full_ids", False)),
    )
