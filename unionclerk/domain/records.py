"""What the database hands out: plain records, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from unionclerk.domain.period import Period

# Report status codes (stored) and their Chinese labels (shown).
DRAFT, COMPLETE, EXPORTED = "draft", "complete", "exported"
STATUS_LABELS = {DRAFT: "填报中", COMPLETE: "已完成", EXPORTED: "已导出"}

# Where a report came from: typed here, or received from a township (county side).
OWN, RECEIVED = "own", "received"


@dataclass(frozen=True)
class UnitInfo:
    id: int
    division_code: str  # identity of the unit (12 digits)
    union_name: str
    own: bool  # the data folder's own unit (a county also keeps received units)


@dataclass(frozen=True)
class ReportInfo:
    id: int
    unit: UnitInfo
    period: Period
    status: str  # DRAFT / COMPLETE / EXPORTED
    source: str  # OWN / RECEIVED
    created_at: datetime
    updated_at: datetime


@dataclass
class StoredData:
    """A report's values as JSON-ready values (strings, numbers, bools), as stored.

    `single[form][field]`, `rows[form] = [(uuid, {field: value})…]` in position order,
    `explanations[key]` where key is `form.field` or `form.rows[<uuid>].field`.
    """

    single: dict[str, dict[str, Any]] = field(default_factory=dict)
    rows: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    explanations: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    form: str | None
    field: str | None
    row_uuid: str | None
    old: Any
    new: Any
    note: str | None  # e.g. "import from X", "reopened: <reason>"
