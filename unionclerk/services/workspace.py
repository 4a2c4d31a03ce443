"""A data folder opened for work: its database and the shipped forms.

Every use case starts here. Commands that act on one report find it through
`find_report`: the folder's own unit unless `--unit` names another.

The database is private to the workspace: services reach it through `database(ws)`; the
window never does (it asks services; `tests/test_layers.py` checks).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import ReportInfo, UnitInfo
from unionclerk.formspec import FormSet, shipped_forms
from unionclerk.storage import Database


@dataclass
class Workspace:
    _db: Database
    forms: FormSet
    data_dir: Path

    @classmethod
    def open(cls, data_dir: Path | None = None) -> Workspace:
        """Open (creating and migrating as needed) the database of a data folder."""
        if data_dir is not None:
            paths.set_data_dir(data_dir)
        folder = paths.data_dir()
        read_only = not paths.writable(folder) and paths.database_path().exists()
        return cls(
            Database.open(paths.database_path(), read_only=read_only), shipped_forms(), folder
        )

    @property
    def read_only(self) -> bool:
        """The data folder cannot be written (a write-protected stick): reading works,
        checking and exporting too, but nothing is saved."""
        return self._db.read_only

    def close(self) -> None:
        self._db.close()

    def reopen(self) -> None:
        """Open the database file again (after a restore replaced it)."""
        self._db.close()
        self._db = Database.open(self._db.path, read_only=self._db.read_only)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- units --------------------------------------------------------------------------
    def own_unit(self) -> UnitInfo | None:
        with self._db.read() as tx:
            units = tx.list_units()
        own = [u for u in units if u.own]
        return own[0] if own else None

    def resolve_unit(self, division_code: str | None = None) -> UnitInfo:
        """The unit a command means: the one named, else the folder's own, else the only one."""
        with self._db.read() as tx:
            if division_code:
                unit = tx.get_unit(division_code.strip())
                if unit is None:
                    raise UserError(
                        tr("数据文件夹中没有行政区划代码为 {code} 的单位", code=division_code)
                    )
                return unit
            units = tx.list_units()
        own = [u for u in units if u.own]
        if own:
            return own[0]
        if len(units) == 1:
            return units[0]
        if not units:
            raise UserError(tr("数据文件夹中还没有任何报表：请先运行 unionclerk demo 或导入报表"))
        raise UserError(tr("数据文件夹中有 {n} 个单位，请用 --unit 指定行政区划代码", n=len(units)))

    def find_report(self, period: Period, division_code: str | None = None) -> ReportInfo:
        unit = self.resolve_unit(division_code)
        with self._db.read() as tx:
            report = tx.get_report(unit.division_code, period)
        if report is None:
            raise UserError(
                tr("{unit}没有 {period} 的报表", unit=unit.union_name, period=period.label)
            )
        return report


def database(ws: Workspace) -> Database:
    """The database of `ws`, for services only: the one door from a use case to storage."""
    return ws._db
