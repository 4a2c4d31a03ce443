"""Reading an earlier summary (a county's, for a city; a city's, for a province).

A summary's machine data holds every included unit's full report plus what the summary said
about it (`units[]`: export id and time, status, original file). Each report becomes one
candidate, exactly as if its own file had been given, so a unit that arrives both on its own
and inside a summary (or inside two summaries) is recognised and counted once.
"""

from __future__ import annotations

from typing import Any, Protocol

from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import DRAFT, STATUS_LABELS
from unionclerk.exporters.reading import jsonfile
from unionclerk.exporters.summary import model as sm
from unionclerk.services.county.results import Candidate, FileResult, refused
from unionclerk.services.county.sources import Found


class ReportReader(Protocol):
    """What reading a summary needs of the reader of its file (`reading.FileReader`)."""

    found: Found
    period: Period

    def report_doc(
        self, doc: Any, index: int, meta: dict[str, Any], via: str = ""
    ) -> Candidate | sm.ProblemEntry: ...

    def wrong_period(
        self, found: Period, code: str = "", name: str = "", kind: FileKind = FileKind.SUMMARY
    ) -> FileResult: ...


def read_summary(reader: ReportReader, doc: Any, edited: str = "") -> FileResult:
    """Each report in a summary as a candidate; `edited` (a summary workbook changed after it
    was written: its cells) marks them all edited, as an edited township workbook is."""
    found = reader.found
    try:
        head = jsonfile.summary_doc(doc)
    except jsonfile.Refused as exc:
        return refused(found, exc.kind, exc.message)
    if head.period != reader.period:
        return reader.wrong_period(head.period)
    made_by, reports, units = head.made_by, head.reports, head.units
    meta_by_code = {str(u.get("division_code")): u for u in units if isinstance(u, dict)}
    via = tr("{name}的汇总", name=made_by["union_name"] or made_by["division_code"])
    result = FileResult(found.label, FileKind.SUMMARY, via, made_by=made_by)
    for i, report in enumerate(reports):
        code = _code(report)
        unit = meta_by_code.get(code, {})
        status = str(unit.get("status", ""))
        meta = {
            "export_id": str(unit.get("export_id", "")),
            "exported_at": str(unit.get("exported_at", "")),
            "status": status,
            "draft": status == STATUS_LABELS[DRAFT],
            "integrity": "edited" if edited else "intact",
            "edited_detail": tr("所在的汇总文件生成后被改动过") if edited else "",
            "via": via,
            "via_code": made_by["division_code"],
            "source": str(unit.get("source", "")),
        }
        cand = reader.report_doc(report, i, meta, via=via)
        if isinstance(cand, Candidate):
            result.candidates.append(cand)
        else:
            cand.unit = code
            result.problems.append(cand)
    result.detail = tr("{via}，含 {n} 个单位的报表", via=via, n=len(result.candidates))
    if edited:  # the cells once for the file, not again for each of its units
        result.detail += tr("；生成后被改动过（{cells}）", cells=edited)
    return result


def _code(report: Any) -> str:
    try:
        return str(report["forms"]["cover"]["division_code"])
    except (KeyError, TypeError):
        return ""
