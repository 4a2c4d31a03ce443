"""What reading one file for a merge gives: a `FileResult` per file, holding a `Candidate` per
unit's report found in it (a summary gives many) and the problems met on the way.

Plain picklable values: `reading` makes them (in worker processes too), `summaries` makes them
for the reports inside a summary, and the merge session, the plan and the window read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.period import Period
from unionclerk.exporters.summary import model as sm
from unionclerk.services.county.sources import Found


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
    kind: FileKind  # what the file is, as `inspect` names it; why it was refused: `problems`
    detail: str = ""
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[sm.ProblemEntry] = field(default_factory=list)
    made_by: dict[str, str] = field(default_factory=dict)
    printout: tuple[str, str, str] | None = None  # our own PDF: (unit code, period, hash)


def refused(found: Found, problem: str, detail: str, kind: FileKind | None = None) -> FileResult:
    """A file that gives no report: its result, with the one problem (a kind of 问题清单)
    that says why. `kind` is what the file is; by default the refusal `problem` names it
    (UNREADABLE, NOT_A_REPORT, NEWER_FORMAT)."""
    return FileResult(
        found.label,
        kind or FileKind(problem),
        detail,
        problems=[sm.ProblemEntry(found.label, problem, detail)],
    )


def describe(cand: Candidate) -> str:
    """A report as its file's line names it: the unit's code and name."""
    return f"{cand.division_code} {cand.union_name}"
