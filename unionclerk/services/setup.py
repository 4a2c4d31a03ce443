"""First-run set-up and the folder's preferences that the window needs (no Qt).

- the folder's role: a township clerk filling its own report (乡镇填报) or county staff
  collecting and summarising (县级汇总); kept in the database's settings, changeable later;
- starting the folder's own unit from the first-run wizard: the unit, its first report and
  the cover details typed in the wizard, in one go;
- which reports the window lists in its period chooser.
"""

from __future__ import annotations

from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import ReportInfo
from unionclerk.domain.report import COVER
from unionclerk.services import reports
from unionclerk.services.workspace import Workspace, database

TOWNSHIP, COUNTY = "township", "county"
ROLES = (TOWNSHIP, COUNTY)
ROLE_KEY = "role"


def role(ws: Workspace) -> str:
    """The folder's role; a folder that never chose is a township's."""
    with database(ws).read() as tx:
        value = tx.get_setting(ROLE_KEY)
    return value if value in ROLES else TOWNSHIP


def set_role(ws: Workspace, value: str) -> None:
    if value not in ROLES:
        raise ValueError(f"unknown role {value!r}")
    with database(ws).transaction() as tx:
        tx.set_setting(ROLE_KEY, value)


def needs_setup(ws: Workspace) -> bool:
    """True for a folder with no unit at all: the first-run wizard should run."""
    with database(ws).read() as tx:
        return not tx.list_units()


def start_own_report(
    ws: Workspace, cover: dict[str, Any], period: Period, role_value: str = TOWNSHIP
) -> ReportInfo:
    """Create the folder's own unit and its first report, with the cover filled in.

    `cover` holds typed values (already parsed by the cover form's field types) keyed by
    field; it must name `division_code` and `union_name`. Empty values are skipped.
    """
    form = ws.forms[COVER]
    report = reports.create_report(
        ws, str(cover["division_code"]), period, union_name=str(cover.get("union_name") or "")
    )
    with database(ws).transaction() as tx:
        for key, value in cover.items():
            if value is None or value == "" or not form.has_field(key):
                continue
            tx.set_value(report.id, COVER, key, form.field(key).to_json(value))
        tx.set_setting(ROLE_KEY, role_value if role_value in ROLES else TOWNSHIP)
    return report


def window_reports(ws: Workspace) -> list[ReportInfo]:
    """The reports the window's period chooser lists, newest period first.

    A township sees its own unit's reports; county staff see every report in the folder
    (their own and the townships' received ones).
    """
    unit = ws.own_unit()
    if role(ws) == COUNTY or unit is None:
        return reports.list_reports(ws)
    return reports.list_reports(ws, unit.division_code)


def default_period(today_year: int, today_month: int) -> Period:
    """The period a new folder most likely reports: last year until autumn, then this year."""
    return Period(today_year if today_month >= 10 else today_year - 1, "year")


def next_period(latest: Period) -> Period:
    """The period after `latest`, of the same kind (a year, or the next half-year)."""
    if latest.part == "year":
        return Period(latest.year + 1, "year")
    if latest.part == "h1":
        return Period(latest.year, "h2")
    return Period(latest.year + 1, "h1")


def start_county(ws: Workspace, union_name: str, division_code: str) -> None:
    """Set a folder up for county staff: the county union as the folder's own unit (no
    report yet: the county screen is where they start) and as the summary's maker."""
    from unionclerk.services.county import identity

    name, code = union_name.strip(), division_code.strip()
    if not name:
        raise UserError(tr("请填写县级工会的名称"))
    if len(code) != 12 or not code.isdigit() or not code.endswith("000000"):
        raise UserError(
            tr(
                "县级行政区划代码应为 12 位数字、以 000000 结尾（如 330782000000），现在是“{code}”",
                code=code,
            )
        )
    with database(ws).transaction() as tx:
        tx.upsert_unit(code, name, own=not any(u.own for u in tx.list_units()))
        tx.set_setting(ROLE_KEY, COUNTY)
    identity.keep(ws, {"union_name": name, "division_code": code})
