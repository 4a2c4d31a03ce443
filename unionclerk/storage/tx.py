"""`Tx`: everything the services may do inside one database transaction.

Obtained only from `Database.transaction()` (read-write, BEGIN IMMEDIATE..COMMIT) or
`Database.read()` (a consistent read snapshot; writes raise). Returns plain records from
`unionclerk.domain.records`, never rows or ORM objects. Units are identified by division code
and reports by (unit, period); the integer report id is a handle valid within this database only.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, delete, insert, select, update

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import (
    COMPLETE,
    DRAFT,
    EXPORTED,
    OWN,
    RECEIVED,
    AuditEntry,
    ReportInfo,
    UnitInfo,
)
from unionclerk.storage._base import NOTE_REPORT_CREATED, NOTE_REPORT_DELETED, NOTE_STATUS, new_id
from unionclerk.storage.bulk import BulkOps
from unionclerk.storage.content import ContentOps
from unionclerk.storage.review import ReviewOps
from unionclerk.storage.tables import (
    audit_log,
    from_json,
    now_iso,
    parse_time,
    periods,
    reports,
    settings,
    units,
)

_STATUSES = (DRAFT, COMPLETE, EXPORTED)
_SOURCES = (OWN, RECEIVED)

_REPORT_SELECT = select(
    reports.c.id,
    reports.c.status,
    reports.c.source,
    reports.c.created_at,
    reports.c.updated_at,
    units.c.id.label("unit_id"),
    units.c.division_code,
    units.c.union_name,
    units.c.own,
    periods.c.year,
    periods.c.part,
).select_from(reports.join(units).join(periods))


class Tx(ContentOps, BulkOps, ReviewOps):
    """One transaction's view of the database (see module docstring)."""

    # -- settings --------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        return self._conn.scalar(select(settings.c.value).where(settings.c.key == key))

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a setting; None removes it."""
        self._writing()
        self._conn.execute(delete(settings).where(settings.c.key == key))
        if value is not None:
            self._conn.execute(insert(settings).values(key=key, value=value))

    # -- units -----------------------------------------------------------------------------

    def upsert_unit(
        self, division_code: str, union_name: str, *, own: bool | None = None
    ) -> UnitInfo:
        """Add a unit or rename it; `own` is changed only when given (new units: False)."""
        self._writing()
        existing = self.get_unit(division_code)
        if existing is None:
            self._conn.execute(
                insert(units).values(
                    division_code=division_code, union_name=union_name, own=bool(own)
                )
            )
        else:
            changes: dict[str, Any] = {"union_name": union_name}
            if own is not None:
                changes["own"] = own
            self._conn.execute(update(units).where(units.c.id == existing.id).values(**changes))
        unit = self.get_unit(division_code)
        assert unit is not None
        return unit

    def get_unit(self, division_code: str) -> UnitInfo | None:
        row = self._conn.execute(
            select(units).where(units.c.division_code == division_code)
        ).one_or_none()
        return None if row is None else UnitInfo(row.id, row.division_code, row.union_name, row.own)

    def list_units(self) -> list[UnitInfo]:
        rows = self._conn.execute(select(units).order_by(units.c.division_code))
        return [UnitInfo(r.id, r.division_code, r.union_name, r.own) for r in rows]

    # -- reports ---------------------------------------------------------------------------

    def get_report(self, division_code: str, period: Period) -> ReportInfo | None:
        row = self._conn.execute(
            _REPORT_SELECT.where(
                (units.c.division_code == division_code)
                & (periods.c.year == period.year)
                & (periods.c.part == period.part)
            )
        ).one_or_none()
        return None if row is None else _report_info(row)

    def get_report_by_id(self, report_id: int) -> ReportInfo:
        row = self._conn.execute(_REPORT_SELECT.where(reports.c.id == report_id)).one_or_none()
        if row is None:
            raise LookupError(f"no report with id {report_id}")
        return _report_info(row)

    def create_report(self, division_code: str, period: Period, *, source: str = OWN) -> ReportInfo:
        """A new DRAFT report for an existing unit; refuses a second one for the same period."""
        self._writing()
        if source not in _SOURCES:
            raise ValueError(f"unknown report source {source!r}")
        unit = self.get_unit(division_code)
        if unit is None:
            raise UserError(
                tr("找不到行政区划代码为 {code} 的单位，请先填写单位信息。", code=division_code)
            )
        if self.get_report(division_code, period) is not None:
            raise UserError(
                tr(
                    "{name}（{code}）{period}的报表已经存在。",
                    name=unit.union_name,
                    code=division_code,
                    period=period.label,
                )
            )
        now = now_iso()
        report_id = new_id(
            self._conn.execute(
                insert(reports).values(
                    unit_id=unit.id,
                    period_id=self._period_id(period),
                    status=DRAFT,
                    source=source,
                    created_at=now,
                    updated_at=now,
                )
            )
        )
        self._audit(report_id, note=NOTE_REPORT_CREATED)
        return self.get_report_by_id(report_id)

    def list_reports(self, division_code: str | None = None) -> list[ReportInfo]:
        """Reports (of one unit, or all), newest period first, then by division code."""
        query = _REPORT_SELECT
        if division_code is not None:
            query = query.where(units.c.division_code == division_code)
        infos = sorted(
            (_report_info(r) for r in self._conn.execute(query)),
            key=lambda info: info.unit.division_code,
        )
        return sorted(infos, key=lambda info: info.period, reverse=True)

    def list_periods(self) -> list[Period]:
        """Periods that have at least one report, newest first."""
        rows = self._conn.execute(
            select(periods.c.year, periods.c.part).where(
                periods.c.id.in_(select(reports.c.period_id))
            )
        )
        return sorted((Period(r.year, r.part) for r in rows), reverse=True)

    def set_status(self, report_id: int, status: str, *, note: str | None = None) -> None:
        self._writing()
        if status not in _STATUSES:
            raise ValueError(f"unknown report status {status!r}")
        old = self.get_report_by_id(report_id).status
        if old == status and note is None:
            return
        self._conn.execute(update(reports).where(reports.c.id == report_id).values(status=status))
        self._audit(report_id, old=old, new=status, note=note or NOTE_STATUS)
        self._touch(report_id)

    def delete_report(self, report_id: int) -> None:
        """Delete a report and (by cascade) its content and audit; logs the deletion."""
        self._writing()
        info = self.get_report_by_id(report_id)
        self._conn.execute(delete(reports).where(reports.c.id == report_id))
        self._audit(
            None,
            old={"division_code": info.unit.division_code, "period": info.period.to_json()},
            note=NOTE_REPORT_DELETED,
        )

    # -- audit -----------------------------------------------------------------------------

    def audit(self, report_id: int | None, limit: int | None = None) -> list[AuditEntry]:
        """The report's audit trail, newest first (report_id None: entries of no report)."""
        a = audit_log.c
        which = a.report_id.is_(None) if report_id is None else a.report_id == report_id
        query = select(audit_log).where(which).order_by(a.id.desc()).limit(limit)
        return [
            AuditEntry(
                at=parse_time(r.at),
                form=r.form,
                field=r.field,
                row_uuid=r.row_uuid,
                old=from_json(r.old),
                new=from_json(r.new),
                note=r.note,
            )
            for r in self._conn.execute(query)
        ]

    def log(self, report_id: int | None, note: str) -> None:
        """A free note in the audit trail (e.g. "exported to X", "reopened: reason")."""
        self._writing()
        self._audit(report_id, note=note)

    def _period_id(self, period: Period) -> int:
        p = periods.c
        found = self._conn.scalar(
            select(p.id).where((p.year == period.year) & (p.part == period.part))
        )
        if found is not None:
            return int(found)
        return new_id(
            self._conn.execute(insert(periods).values(year=period.year, part=period.part))
        )


def _report_info(row: Row[*tuple[Any, ...]]) -> ReportInfo:
    return ReportInfo(
        id=row.id,
        unit=UnitInfo(row.unit_id, row.division_code, row.union_name, row.own),
        period=Period(row.year, row.part),
        status=row.status,
        source=row.source,
        created_at=parse_time(row.created_at),
        updated_at=parse_time(row.updated_at),
    )
