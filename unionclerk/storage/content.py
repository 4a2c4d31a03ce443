"""A report's content in the database: single-record values, roster rows, explanations.

Values are JSON-ready (str, int, float, bool, or None meaning "clear"); they are stored as JSON
text. Roster rows are identified by UUID and kept at positions 0..n-1, contiguous per
(report, form). Every edit is audit-logged (old → new) only when it changes something; a bulk
`replace_data` (import, merge, carry-over) writes one audit entry carrying its note.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.dialects import sqlite

from unionclerk.domain.records import StoredData
from unionclerk.storage._base import NOTE_ROW_ADDED, NOTE_ROW_DELETED, NOTE_ROW_MOVED, TxBase
from unionclerk.storage.tables import explanations, form_values, from_json, roster_rows, to_json


class ContentOps(TxBase):
    """Reading and editing one report's values; mixed into `Tx`."""

    def load_data(self, report_id: int) -> StoredData:
        data = StoredData()
        fv = form_values.c
        for form, field, value in self._conn.execute(
            select(fv.form, fv.field, fv.value)
            .where(fv.report_id == report_id)
            .order_by(fv.form, fv.field)
        ):
            data.single.setdefault(form, {})[field] = from_json(value)
        rr = roster_rows.c
        for form, uuid, raw in self._conn.execute(
            select(rr.form, rr.uuid, rr.data)
            .where(rr.report_id == report_id)
            .order_by(rr.form, rr.position)
        ):
            data.rows.setdefault(form, []).append((uuid, from_json(raw)))
        ex = explanations.c
        for key, text in self._conn.execute(
            select(ex.key, ex.text).where(ex.report_id == report_id).order_by(ex.key)
        ):
            data.explanations[key] = text
        return data

    def set_value(
        self, report_id: int, form: str, field: str, value: Any, *, row_uuid: str | None = None
    ) -> Any:
        """Set (or with None clear) one value; returns the old value."""
        self._writing()
        if row_uuid is None:
            old = self._set_single(report_id, form, field, value)
        else:
            old = self._set_in_row(report_id, form, field, value, row_uuid)
        # Compare encodings, not Python values: 1 == 1.0 == True, but they are different data.
        if _enc(old) != _enc(value):
            self._audit(report_id, form=form, field=field, row_uuid=row_uuid, old=old, new=value)
            self._touch(report_id)
        return old

    def _set_single(self, report_id: int, form: str, field: str, value: Any) -> Any:
        fv = form_values.c
        where = (fv.report_id == report_id) & (fv.form == form) & (fv.field == field)
        raw = self._conn.scalar(select(fv.value).where(where))
        if value is None:
            if raw is not None:
                self._conn.execute(delete(form_values).where(where))
        elif raw is None:
            self._conn.execute(
                insert(form_values).values(
                    report_id=report_id, form=form, field=field, value=to_json(value)
                )
            )
        else:
            self._conn.execute(update(form_values).where(where).values(value=to_json(value)))
        return from_json(raw)

    def _set_in_row(self, report_id: int, form: str, field: str, value: Any, uuid: str) -> Any:
        row_id, row_form, _pos, data = self._row(report_id, uuid)
        if row_form != form:
            raise LookupError(f"row {uuid} belongs to form {row_form!r}, not {form!r}")
        old = data.get(field)
        if value is None:
            data.pop(field, None)
        else:
            data[field] = value
        if _enc(old) != _enc(value):
            self._conn.execute(
                update(roster_rows).where(roster_rows.c.id == row_id).values(data=to_json(data))
            )
        return old

    def insert_row(
        self, report_id: int, form: str, position: int, row_uuid: str, values: dict[str, Any]
    ) -> None:
        """Insert a row at `position` (clamped to 0..n), shifting later rows down."""
        self._writing()
        position = max(0, min(position, self._count_rows(report_id, form)))
        clean = {k: v for k, v in values.items() if v is not None}
        rr = roster_rows.c
        self._conn.execute(
            update(roster_rows)
            .where((rr.report_id == report_id) & (rr.form == form) & (rr.position >= position))
            .values(position=rr.position + 1)
        )
        self._conn.execute(
            insert(roster_rows).values(
                report_id=report_id,
                form=form,
                uuid=row_uuid,
                position=position,
                data=to_json(clean),
            )
        )
        self._audit(report_id, form=form, row_uuid=row_uuid, new=clean, note=NOTE_ROW_ADDED)
        self._touch(report_id)

    def delete_row(self, report_id: int, row_uuid: str) -> dict[str, Any]:
        """Delete a row and close the gap; returns the row's values."""
        self._writing()
        row_id, form, position, data = self._row(report_id, row_uuid)
        rr = roster_rows.c
        self._conn.execute(delete(roster_rows).where(rr.id == row_id))
        self._conn.execute(
            update(roster_rows)
            .where((rr.report_id == report_id) & (rr.form == form) & (rr.position > position))
            .values(position=rr.position - 1)
        )
        self._audit(report_id, form=form, row_uuid=row_uuid, old=data, note=NOTE_ROW_DELETED)
        self._touch(report_id)
        return data

    def move_row(self, report_id: int, row_uuid: str, new_position: int) -> None:
        """Move a row to `new_position` (clamped to 0..n-1); the rows between close up."""
        self._writing()
        row_id, form, old, _data = self._row(report_id, row_uuid)
        new = max(0, min(new_position, self._count_rows(report_id, form) - 1))
        if new == old:
            return
        rr = roster_rows.c
        same_list = (rr.report_id == report_id) & (rr.form == form)
        if new > old:
            between, shift = rr.position.between(old + 1, new), rr.position - 1
        else:
            between, shift = rr.position.between(new, old - 1), rr.position + 1
        self._conn.execute(update(roster_rows).where(same_list & between).values(position=shift))
        self._conn.execute(update(roster_rows).where(rr.id == row_id).values(position=new))
        self._audit(report_id, form=form, row_uuid=row_uuid, old=old, new=new, note=NOTE_ROW_MOVED)
        self._touch(report_id)

    def set_explanation(self, report_id: int, key: str, text: str | None) -> None:
        """Set the clerk's explanation for a warning; None or "" removes it."""
        self._writing()
        ex = explanations.c
        where = (ex.report_id == report_id) & (ex.key == key)
        old = self._conn.scalar(select(ex.text).where(where))
        new = text or None
        if old == new:
            return
        if new is None:
            self._conn.execute(delete(explanations).where(where))
        elif old is None:
            self._conn.execute(insert(explanations).values(report_id=report_id, key=key, text=new))
        else:
            self._conn.execute(update(explanations).where(where).values(text=new))
        self._audit(report_id, field=key, old=old, new=new)
        self._touch(report_id)

    def replace_data(self, report_id: int, data: StoredData, *, note: str) -> None:
        """Replace all of a report's content in bulk (one executemany per table)."""
        self._writing()
        for table in (form_values, roster_rows, explanations):
            self._conn.execute(delete(table).where(table.c.report_id == report_id))
        singles = [
            (report_id, form, field, to_json(value))
            for form, fields in data.single.items()
            for field, value in fields.items()
            if value is not None
        ]
        rows = [
            (report_id, form, uuid, position, to_json(_without_none(values)))
            for form, form_rows in data.rows.items()
            for position, (uuid, values) in enumerate(form_rows)
        ]
        notes = [(report_id, key, text) for key, text in data.explanations.items() if text]
        for table, params in ((form_values, singles), (roster_rows, rows), (explanations, notes)):
            if params:
                self._conn.exec_driver_sql(_bulk_insert_sql(table), params)
        self._audit(report_id, note=note)
        self._touch(report_id)

    def _row(self, report_id: int, uuid: str) -> tuple[int, str, int, dict[str, Any]]:
        rr = roster_rows.c
        found = self._conn.execute(
            select(rr.id, rr.form, rr.position, rr.data).where(
                (rr.report_id == report_id) & (rr.uuid == uuid)
            )
        ).one_or_none()
        if found is None:
            raise LookupError(f"no roster row {uuid} in report {report_id}")
        return found.id, found.form, found.position, from_json(found.data)

    def _count_rows(self, report_id: int, form: str) -> int:
        rr = roster_rows.c
        return (
            self._conn.scalar(
                select(func.count()).where((rr.report_id == report_id) & (rr.form == form))
            )
            or 0
        )


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    """A row's values without the cleared ones (usually there are none: no copy then)."""
    if None in values.values():
        return {k: v for k, v in values.items() if v is not None}
    return values


@cache
def _bulk_insert_sql(table: Table) -> str:
    """The INSERT of every column but the row id, for `exec_driver_sql` with one tuple per row
    in the table's column order.

    Core's `conn.execute(insert(table), [dict, ...])` turns each dict into a tuple in Python
    (about 3 µs a row: a fifth of the database write of a 2,000-row import); the tuples are
    built here instead. That is only the same when no column converts its value on the way
    in (Text and Integer do not), which is checked here once per table.
    """
    dialect = sqlite.dialect()
    columns = [c for c in table.columns if c is not table.autoincrement_column]
    if any(c.type.bind_processor(dialect) is not None for c in columns):
        raise TypeError(f"{table.name}: a column converts its values; insert through Core")
    keys = [c.key for c in columns]
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    if compiled.positiontup != keys:
        raise TypeError(f"{table.name}: parameters in the order {compiled.positiontup}")
    return str(compiled)


def _enc(value: Any) -> str | None:
    return None if value is None else to_json(value)
