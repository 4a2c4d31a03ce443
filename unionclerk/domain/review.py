"""Review and return (issue 16): what the database hands out about submissions, comments
(批注) and verdicts, and the words shown for them.

A comment sits at a whole form (field None), a field of a single-record form, or a roster cell
(row_index and row_key given). On the county side it is written by the reviewer; on the
township side it arrives with a return file and takes the clerk's reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SENT, RECEIVED = "sent", "received"  # submission direction
PASS, RETURN = "pass", "return"  # verdicts
VERDICT_LABELS = {PASS: "通过", RETURN: "退回修改"}

# 报送情况 of a unit on the county side.
STATE_REPORTED, STATE_RETURNED, STATE_RESUBMITTED, STATE_PASSED = (
    "已报",
    "退回修改中",
    "已重报",
    "通过",
)

SHORT_HASH = 8  # characters of the payload hash shown to people (county screen, inspect, diff)


def short_hash(sha: str) -> str:
    """The payload hash as people compare it with the paper copy: the first 8 hex digits."""
    return sha[:SHORT_HASH].upper()


@dataclass(frozen=True)
class SubmissionRecord:
    id: int
    report_id: int
    direction: str
    export_id: str
    payload_sha256: str
    exported_at: str
    file: str
    recorded_at: str

    @property
    def short(self) -> str:
        return short_hash(self.payload_sha256)


@dataclass(frozen=True)
class Comment:
    id: int
    uid: str
    report_id: int
    submission_id: int | None
    form: str
    field: str | None
    row_index: int | None
    row_key: dict[str, Any] | None
    row_uuid: str | None
    value: Any
    text: str
    author: str
    at: str
    return_uid: str | None
    reply: str | None
    reply_at: str | None

    @property
    def target(self) -> str:
        """forms.md keys: `form`, `form.field` or `form.rows[i].field`."""
        if self.row_index is not None:
            return f"{self.form}.rows[{self.row_index}]" + (f".{self.field}" if self.field else "")
        return f"{self.form}.{self.field}" if self.field else self.form


@dataclass(frozen=True)
class Verdict:
    id: int
    report_id: int
    submission_id: int | None
    verdict: str
    reason: str
    author: str
    at: str
    return_uid: str | None

    @property
    def label(self) -> str:
        return VERDICT_LABELS.get(self.verdict, self.verdict)
