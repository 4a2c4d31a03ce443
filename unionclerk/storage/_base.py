"""What every transaction object shares: its connection, the write guard, the audit trail.

`Tx` (in `tx.py`) is assembled from this base and the report-content operations in
`content.py`; neither is used on its own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, CursorResult, insert, update

from unionclerk.storage.tables import audit_log, now_iso, reports, to_json

# Audit notes written by the storage layer itself (stored, so not translated here; a view
# showing the audit trail maps them to labels).
NOTE_REPORT_CREATED = "report created"
NOTE_REPORT_DELETED = "report deleted"
NOTE_ROW_ADDED = "row added"
NOTE_ROW_DELETED = "row deleted"
NOTE_ROW_MOVED = "row moved"
NOTE_STATUS = "status"


def new_id(result: CursorResult[Any]) -> int:
    """The primary key of the one row an INSERT just added."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


class TxBase:
    """Holds the connection of one BEGIN..COMMIT (or one read snapshot)."""

    def __init__(self, conn: Connection, *, writable: bool) -> None:
        self._conn = conn
        self._writable = writable

    @property
    def writable(self) -> bool:
        return self._writable

    def _writing(self) -> None:
        if not self._writable:
            raise RuntimeError("write attempted inside Database.read(); use transaction()")

    def _touch(self, report_id: int) -> None:
        """Bump the report's updated_at (after a change to its content or status)."""
        self._conn.execute(
            update(reports).where(reports.c.id == report_id).values(updated_at=now_iso())
        )

    def _audit(
        self,
        report_id: int | None,
        *,
        form: str | None = None,
        field: str | None = None,
        row_uuid: str | None = None,
        old: Any = None,
        new: Any = None,
        note: str | None = None,
    ) -> None:
        self._conn.execute(
            insert(audit_log).values(
                report_id=report_id,
                at=now_iso(),
                form=form,
                field=field,
                row_uuid=row_uuid,
                old=None if old is None else to_json(old),
                new=None if new is None else to_json(new),
                note=note,
            )
        )
