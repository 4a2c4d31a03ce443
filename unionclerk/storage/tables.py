"""The database schema as SQLAlchemy Core tables, and how values are stored in it.

These `Table` objects are what the storage code queries. The schema itself is created and
changed only by the Alembic migrations in `migrations/versions/`; a test compares the two so
they cannot drift apart. Constraint names follow `NAMING_CONVENTION` so that batch migrations
(which rebuild tables on SQLite) can find constraints by name.

Stored values: form values, roster rows and audit old/new are JSON text; timestamps are
timezone-aware local-time ISO 8601 strings.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    text,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

settings = Table(
    "settings",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text),
)

units = Table(
    "units",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("division_code", Text, nullable=False, unique=True),
    Column("union_name", Text, nullable=False),
    Column("own", Boolean, nullable=False, server_default=text("0")),
)

periods = Table(
    "periods",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("year", Integer, nullable=False),
    Column("part", Text, nullable=False),
    UniqueConstraint("year", "part"),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("units.id", ondelete="CASCADE"), nullable=False),
    Column("period_id", Integer, ForeignKey("periods.id"), nullable=False),
    Column("status", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    UniqueConstraint("unit_id", "period_id"),
)

form_values = Table(
    "form_values",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("form", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("value", Text, nullable=False),
    PrimaryKeyConstraint("report_id", "form", "field"),
)

roster_rows = Table(
    "roster_rows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("form", Text, nullable=False),
    Column("uuid", Text, nullable=False, unique=True),
    Column("position", Integer, nullable=False),
    Column("data", Text, nullable=False),
    # Not unique: shifting positions row by row would trip a unique index half-way.
    Index(None, "report_id", "form", "position"),
)

explanations = Table(
    "explanations",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("key", Text, nullable=False),
    Column("text", Text, nullable=False),
    PrimaryKeyConstraint("report_id", "key"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=True),
    Column("at", Text, nullable=False),
    Column("form", Text),
    Column("field", Text),
    Column("row_uuid", Text),
    Column("old", Text),
    Column("new", Text),
    Column("note", Text),
    Index(None, "report_id"),
)


submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("direction", Text, nullable=False),  # "sent" (township) / "received" (county)
    Column("export_id", Text, nullable=False),
    Column("payload_sha256", Text, nullable=False),
    Column("exported_at", Text, nullable=False),
    Column("file", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Column("document", Text),  # received: the report's canonical JSON
    Index(None, "report_id"),
    Index(None, "export_id"),
)

review_comments = Table(
    "review_comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", Text, nullable=False, unique=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("submission_id", Integer, ForeignKey("submissions.id", ondelete="SET NULL")),
    Column("form", Text, nullable=False),
    Column("field", Text),  # None: the whole form
    Column("row_index", Integer),  # 0-based roster row in the submission commented on
    Column("row_key", Text),  # JSON: the row's key values (rows are matched by key)
    Column("row_uuid", Text),  # township: the row found for that key
    Column("value", Text),  # JSON: the value the reviewer saw
    Column("text", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("return_uid", Text),  # the return file that carried it
    Column("reply", Text),
    Column("reply_at", Text),
    Index(None, "report_id"),
)

review_verdicts = Table(
    "review_verdicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("submission_id", Integer, ForeignKey("submissions.id", ondelete="SET NULL")),
    Column("verdict", Text, nullable=False),  # "pass" / "return"
    Column("reason", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("return_uid", Text),
    Index(None, "report_id"),
)


# One encoder for every value: `json.dumps` with options builds a new encoder on each call,
# which a 2,000-row import or save would otherwise do 2,000 times. (Building the C encoder
# once through `json.encoder.c_make_encoder` saves a further ~2 ms per 2,000 rows, but that
# is a private function of the standard library: not worth the risk.)
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def to_json(value: Any) -> str:
    """Encode a JSON-ready value compactly, keeping Chinese readable in the file."""
    return _ENCODE(value)


def from_json(raw: str | None) -> Any:
    """Decode a stored JSON text; SQL NULL means None."""
    return None if raw is None else json.loads(raw)


def now_iso() -> str:
    """The current moment as a timezone-aware local-time ISO string."""
    return datetime.now().astimezone().isoformat()


def parse_time(raw: str) -> datetime:
    return datetime.fromisoformat(raw)
