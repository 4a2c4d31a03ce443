"""Every report merged into the county summary is received for review (issue 16).

County staff merge the townships' files (汇总 screen, `unionclerk merge`) and expect each
report they merged to be reviewable without a second step. So when a merge has written its
summary and kept its reports, each report that came in its own file is recorded exactly as
`review receive` records one: unit, period, export id, payload hash, the file's machine data
and the replies it carries. It is then listed in 审核下级报表 at once, can be commented on and
returned, and a later merge of a newer export of the same unit and period is its
resubmission (what changed is shown beside it).

Not recorded: a report that came inside another summary (it is no submission of its own), a
workbook edited after export (review refuses it as a basis), the folder's own unit, an export
already received (the same file merged twice is one submission), and an export older than the
newest one already received for the unit (it would otherwise pass for a resubmission).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from unionclerk.domain.period import Period
from unionclerk.domain.review import RECEIVED, SubmissionRecord
from unionclerk.exporters import json_report
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.services.county.results import Candidate
from unionclerk.services.review import take_replies
from unionclerk.services.workspace import Workspace, database


def reviewable(c: Candidate) -> bool:
    """A report in its own intact file (a workbook or a JSON report), read by this merge."""
    return bool(
        not c.stored and not c.via and c.payload_sha256 and c.integrity != xlsx_reader.EDITED
    )


def record_merged(ws: Workspace, period: Period, winners: Iterable[Candidate]) -> list[str]:
    """Record the merged reports as received for review (see module docstring); returns the
    codes of the units whose submission was recorded now. One transaction: all or none."""
    todo = [c for c in winners if reviewable(c)]
    if not todo:
        return []
    recorded = []
    with database(ws).transaction() as tx:
        own = {u.division_code for u in tx.list_units() if u.own}
        for c in todo:
            report = tx.get_report(c.division_code, period)
            if c.division_code in own or report is None:  # the own unit; a report not kept
                continue
            subs = tx.list_submissions(report.id, direction=RECEIVED)
            if _known(c, subs) or (subs and _older(c.exported_at, subs[-1].exported_at)):
                continue
            doc = json.loads(Path(c.spill).read_bytes())
            if c.review:
                doc["review"] = c.review
            tx.add_submission(
                report.id,
                direction=RECEIVED,
                export_id=c.export_id,
                payload_sha256=c.payload_sha256,
                exported_at=c.exported_at,
                file=c.file,
                document=json_report.canonical(doc).decode(),
            )
            take_replies(tx, report.id, list((c.review or {}).get("replies", [])))
            recorded.append(c.division_code)
    return recorded


def _known(c: Candidate, subs: list[SubmissionRecord]) -> bool:
    return any(s.payload_sha256 == c.payload_sha256 and s.export_id == c.export_id for s in subs)


def _older(this: str, newest: str) -> bool:
    """True when both times are known and `this` export was made before `newest`."""
    try:
        return bool(this and newest) and datetime.fromisoformat(this) < datetime.fromisoformat(
            newest
        )
    except (ValueError, TypeError):  # naive against aware, or not a time: cannot tell
        return False
