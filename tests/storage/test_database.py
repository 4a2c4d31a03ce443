"""Database and Tx basics: pragmas, real transactions, settings, units, reports, errors."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from unionclerk.domain.errors import DatabaseError, UserError
from unionclerk.domain.period import Period
from unionclerk.domain.records import COMPLETE, DRAFT, EXPORTED, RECEIVED, ReportInfo
from unionclerk.storage import Database, engine

CODE, NAME = "330106001000", "西湖街道工会"


def test_open_creates_folder_and_file(db_path: Path) -> None:
    assert not db_path.parent.exists()
    with Database.open(db_path) as db:
        assert db.path == db_path
    assert db_path.is_file()


def test_every_connection_gets_the_pragmas(db: Database) -> None:
    # Two connections at once: the pool must open a second one, which needs them too.
    with db.engine.connect() as first, db.engine.connect() as second:
        for conn in (first, second):
            pragma = conn.exec_driver_sql
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
            assert pragma("PRAGMA busy_timeout").scalar() == engine.BUSY_TIMEOUT_MS


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO form_values (report_id, form, field, value) VALUES (999, 'a', 'b', '1')"
        )


def test_an_exception_rolls_back_the_whole_transaction(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.upsert_unit(CODE, NAME)
        tx.set_setting("theme", "dark")
        raise RuntimeError("failure half-way")
    with db.read() as tx:
        assert tx.get_unit(CODE) is None
        assert tx.get_setting("theme") is None


def test_read_refuses_writes(db: Database) -> None:
    with db.read() as tx, pytest.raises(RuntimeError, match="read"):
        tx.set_setting("theme", "dark")


def test_closed_database_refuses_use(db_path: Path) -> None:
    db = Database.open(db_path)
    db.close()
    db.close()  # closing twice is harmless
    with pytest.raises(RuntimeError, match="closed"), db.read():
        pass


def test_settings(db: Database) -> None:
    with db.transaction() as tx:
        tx.set_setting("last_period", "2018h1")
        tx.set_setting("last_period", "2018")
        assert tx.get_setting("last_period") == "2018"
        tx.set_setting("last_period", None)
        assert tx.get_setting("last_period") is None


def test_units_upsert_by_division_code(db: Database) -> None:
    with db.transaction() as tx:
        first = tx.upsert_unit(CODE, NAME)
        assert not first.own
        renamed = tx.upsert_unit(CODE, "西湖街道总工会", own=True)
        assert (renamed.id, renamed.union_name, renamed.own) == (first.id, "西湖街道总工会", True)
        assert tx.upsert_unit(CODE, "西湖街道总工会").own  # own kept when not given
        tx.upsert_unit("330106002000", "北山街道工会")
        assert [u.division_code for u in tx.list_units()] == [CODE, "330106002000"]
        assert tx.get_unit("000000000000") is None


def test_create_and_find_reports(db: Database, report: ReportInfo) -> None:
    assert report.status == DRAFT and report.source == "own"
    assert report.period == Period(2018) and report.unit.division_code == CODE
    assert report.created_at.tzinfo is not None
    with db.read() as tx:
        assert tx.get_report(CODE, Period(2018)) == report
        assert tx.get_report(CODE, Period(2018, "h1")) is None
        assert tx.get_report_by_id(report.id) == report
        with pytest.raises(LookupError):
            tx.get_report_by_id(report.id + 100)


def test_one_report_per_unit_and_period(db: Database, report: ReportInfo) -> None:
    with pytest.raises(UserError, match="已经存在"), db.transaction() as tx:
        tx.create_report(CODE, Period(2018))
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO reports (unit_id, period_id, status, source, created_at, updated_at) "
            "SELECT unit_id, period_id, 'draft', 'own', 'x', 'x' FROM reports"
        )


def test_a_report_needs_its_unit(db: Database) -> None:
    with pytest.raises(UserError, match=CODE), db.transaction() as tx:
        tx.create_report(CODE, Period(2018))


def test_list_reports_and_periods_newest_first(db: Database, report: ReportInfo) -> None:
    with db.transaction() as tx:
        tx.upsert_unit("330106002000", "北山街道工会")
        tx.create_report("330106002000", Period(2019, "h1"), source=RECEIVED)
        tx.create_report("330106002000", Period(2018))
        tx.create_report(CODE, Period(2017))
        listed = [(r.unit.division_code, r.period.code) for r in tx.list_reports()]
        assert listed == [
            ("330106002000", "2019h1"),
            (CODE, "2018"),
            ("330106002000", "2018"),
            (CODE, "2017"),
        ]
        assert [r.period.code for r in tx.list_reports(CODE)] == ["2018", "2017"]
        assert tx.list_periods() == [Period(2019, "h1"), Period(2018), Period(2017)]


def test_status_changes_are_audited(db: Database, report: ReportInfo) -> None:
    with db.transaction() as tx:
        tx.set_status(report.id, COMPLETE)
        tx.set_status(report.id, COMPLETE)  # no change: no entry
        tx.set_status(report.id, EXPORTED, note="exported to 西湖.xlsx")
        with pytest.raises(ValueError):
            tx.set_status(report.id, "lost")
        assert tx.get_report_by_id(report.id).status == EXPORTED
        entries = tx.audit(report.id, limit=2)
    assert [(e.old, e.new, e.note) for e in entries] == [
        (COMPLETE, EXPORTED, "exported to 西湖.xlsx"),
        (DRAFT, COMPLETE, "status"),
    ]


def test_delete_report_cascades_and_is_logged(db: Database, report: ReportInfo, raw_sql) -> None:
    with db.transaction() as tx:
        tx.set_value(report.id, "基本情况", "会员人数", 120)
        tx.insert_row(report.id, "干部", 0, "u-1", {"姓名": "张三"})
        tx.set_explanation(report.id, "基本情况.会员人数", "合并后人数增加")
        tx.delete_report(report.id)
        assert tx.get_report(CODE, Period(2018)) is None
        assert tx.list_periods() == []
        (entry,) = tx.audit(None)
    assert entry.note == "report deleted"
    assert entry.old == {"division_code": CODE, "period": {"year": 2018, "part": "year"}}
    for table in ("form_values", "roster_rows", "explanations"):
        assert raw_sql(db.path, f"SELECT count(*) FROM {table}") == [(0,)]
    assert raw_sql(db.path, "SELECT count(*) FROM audit_log WHERE report_id IS NOT NULL") == [(0,)]


def test_deleting_a_unit_cascades_to_its_reports(db: Database, report: ReportInfo, raw_sql) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM units")
    assert raw_sql(db.path, "SELECT count(*) FROM reports") == [(0,)]


def test_a_locked_file_gives_a_calm_error(
    db: Database, report: ReportInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wait 0.1 s for the lock instead of 5 s, for a quick test.
    quick = tuple(p for p in engine.CONNECTION_PRAGMAS if "busy_timeout" not in p)
    monkeypatch.setattr(engine, "CONNECTION_PRAGMAS", ("PRAGMA busy_timeout=100", *quick))
    db.engine.dispose()  # new connections pick up the short timeout
    with closing(sqlite3.connect(db.path, timeout=0.1)) as other:
        other.execute("BEGIN IMMEDIATE")  # another window holds the write lock
        with pytest.raises(DatabaseError, match="另一个程序"), db.transaction() as tx:
            tx.set_setting("k", "v")
        other.rollback()
    with db.transaction() as tx:
        tx.set_setting("k", "v")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database is locked", "另一个程序"),
        ("database or disk is full", "磁盘已满"),
        ("disk I/O error", "磁盘已满"),
        ("file is not a database", "已损坏"),
        ("database disk image is malformed", "已损坏"),
    ],
)
def test_environment_failures_are_classified(message: str, expected: str) -> None:
    error = engine.classify(sqlite3.OperationalError(message), Path("数据.sqlite3"))
    assert error is not None and expected in error.message


def test_bugs_are_not_classified() -> None:
    assert engine.classify(sqlite3.OperationalError("no such table: x"), Path("x")) is None
    assert engine.classify(ValueError("x"), Path("x")) is None
