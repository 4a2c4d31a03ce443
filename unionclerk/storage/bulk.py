"""Many roster rows changed inside one transaction with a few bulk statements.

`Tx.insert_row` / `set_value` / `delete_row` cost several statements each (position shifts,
audit, touch): fine for one edit, far too slow for a paste or an import of 1,000 rows. Here
the caller gives the roster's complete new order of row UUIDs together with the rows to
delete, to insert and to rewrite; each kind is one `executemany`, positions are renumbered
only where they changed, and every changed row still gets its audit entry (old → new).

Mixed into `Tx` (as `tx.apply_row_batch(...)`); used by `EditSession.apply_rows`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update

from unionclerk.storage._base import NOTE_ROW_ADDED, NOTE_ROW_DELETED, TxBase
from unionclerk.storage.tables import audit_log, now_iso, roster_rows, to_json

CHUNK = 500  # uuids per IN (...) list, well under SQLite's variable limit
NOTE_ROW_CHANGED = "row changed"  # a row rewritten as a whole (stored, so not translated)


class BulkOps(TxBase):
    """Batch changes of one roster; mixed into `Tx`."""

    def apply_row_batch(
        self,
        report_id: int,
        form: str,
        order: list[str],
        delete_rows: list[str],
        insert_rows: dict[str, dict[str, Any]],
        update_rows: dict[str, dict[str, Any]],
    ) -> None:
        """Delete, insert and rewrite rows of one roster so that it holds exactly `order`.

        `insert_rows` and `update_rows` map a row UUID to its complete JSON-ready values. Raises
        LookupError (the transaction then rolls back) if the database does not hold the rows
        the caller believes it holds.
        """
        self._writing()
        conn = self._conn
        rr = roster_rows.c
        mine = (rr.report_id == report_id) & (rr.form == form)
        current = {
            uuid: (position, raw)
            for uuid, position, raw in conn.execute(
                select(rr.uuid, rr.position, rr.data).where(mine)
            )
        }
        expected = (set(current) - set(delete_rows)) | set(insert_rows)
        if (
            any(u not in current for u in [*delete_rows, *update_rows])
            or any(u in current for u in insert_rows)
            or expected != set(order)
            or len(order) != len(expected)
        ):
            raise LookupError(f"roster {form!r} of report {report_id} is not as the session saw it")
        now = now_iso()
        audit: list[dict[str, Any]] = []

        def entry(uuid: str, old: Any, new: Any, note: str | None) -> dict[str, Any]:
            return {
                "report_id": report_id,
                "at": now,
                "form": form,
                "field": None,
                "row_uuid": uuid,
                "old": old,
                "new": new,
                "note": note,
            }

        for start in range(0, len(delete_rows), CHUNK):
            chunk = delete_rows[start : start + CHUNK]
            conn.execute(delete(roster_rows).where(mine & rr.uuid.in_(chunk)))
        audit += [entry(u, current[u][1], None, NOTE_ROW_DELETED) for u in delete_rows]
        positions = {uuid: i for i, uuid in enumerate(order)}
        changed = [{"u": u, "d": to_json(_clean(v))} for u, v in update_rows.items()]
        changed = [c for c in changed if c["d"] != current[c["u"]][1]]
        if changed:
            conn.execute(
                update(roster_rows)
                .where(mine & (rr.uuid == bindparam("u")))
                .values(data=bindparam("d")),
                changed,
            )
            audit += [entry(c["u"], current[c["u"]][1], c["d"], NOTE_ROW_CHANGED) for c in changed]
        moved = [
            {"u": u, "p": positions[u]}
            for u, (position, _raw) in current.items()
            if u in positions and position != positions[u]
        ]
        if moved:
            conn.execute(
                update(roster_rows)
                .where(mine & (rr.uuid == bindparam("u")))
                .values(position=bindparam("p")),
                moved,
            )
        if insert_rows:
            added: list[dict[str, Any]] = [
                {
                    "report_id": report_id,
                    "form": form,
                    "uuid": u,
                    "position": positions[u],
                    "data": to_json(_clean(v)),
                }
                for u, v in insert_rows.items()
            ]
            conn.execute(insert(roster_rows), added)
            audit += [entry(a["uuid"], None, a["data"], NOTE_ROW_ADDED) for a in added]
        if audit:
            conn.execute(insert(audit_log), audit)
            self._touch(report_id)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}
