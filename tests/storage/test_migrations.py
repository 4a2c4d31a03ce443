"""Opening files: migrations from empty, refusing newer / foreign / broken files, backups."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError
from unionclerk.domain.period import Period
from unionclerk.domain.records import ReportInfo
from unionclerk.storage import Database, migrate
from unionclerk.storage.engine import create_engine_for
from unionclerk.storage.tables import metadata

TABLES = {
    "settings",
    "units",
    "periods",
    "reports",
    "form_values",
    "roster_rows",
    "explanations",
    "audit_log",
    "submissions",
    "review_comments",
    "review_verdicts",
}


def test_migrations_from_an_empty_file_create_every_table(db: Database, raw_sql) -> None:
    names = {r[0] for r in raw_sql(db.path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == TABLES | {"alembic_version"}
    assert raw_sql(db.path, "SELECT version_num FROM alembic_version") == [
        (migrate.head_revision(),)
    ]
    assert migrate.head_revision() == "0002"


def test_a_zero_byte_file_is_treated_as_new(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    with Database.open(db_path) as db:
        assert db.upgrade_backup is None
        with db.read() as tx:
            assert tx.list_units() == []


def test_migrated_schema_matches_the_tables_module(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True})
        assert compare_metadata(context, metadata) == []


def test_reopening_at_head_changes_nothing_and_makes_no_backup(db_path: Path) -> None:
    Database.open(db_path).close()
    with Database.open(db_path) as db:
        assert db.upgrade_backup is None
    assert not (db_path.parent / "backups").exists()


def test_a_newer_database_is_refused_untouched(db_path: Path, raw_sql) -> None:
    Database.open(db_path).close()
    raw_sql(db_path, "UPDATE alembic_version SET version_num = 'ffffffff9999'")
    before, folder = db_path.read_bytes(), sorted(db_path.parent.iterdir())
    with pytest.raises(DatabaseError, match="ffffffff9999") as caught:
        Database.open(db_path)
    assert "更新版本" in caught.value.message
    assert db_path.read_bytes() == before
    assert sorted(db_path.parent.iterdir()) == folder  # no -wal/-shm left beside it


def test_a_file_that_is_not_a_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("姓名,年龄\n张三,30\n", encoding="utf-8")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        Database.open(db_path)
    assert str(db_path) in caught.value.message
    assert db_path.read_bytes() == before


def test_a_corrupt_database_is_refused(db_path: Path) -> None:
    Database.open(db_path).close()
    damaged = bytearray(db_path.read_bytes())
    damaged[16:100] = b"\xff" * 84  # page size and the rest of the header: garbage
    db_path.write_bytes(bytes(damaged))
    with pytest.raises(DatabaseError, match="损坏"):
        Database.open(db_path)


def test_someone_elses_sqlite_file_is_refused(db_path: Path, raw_sql) -> None:
    db_path.parent.mkdir(parents=True)
    raw_sql(db_path, "CREATE TABLE contacts (name TEXT)")
    with pytest.raises(DatabaseError, match="不是工会报表助手的数据文件"):
        Database.open(db_path)
    assert raw_sql(db_path, "SELECT name FROM sqlite_master") == [("contacts",)]


def test_backup_copy_is_a_sound_copy_of_a_live_database(db: Database, report: ReportInfo) -> None:
    with db.transaction() as tx:
        tx.set_value(report.id, "基本情况", "会员人数", 120)
    target = migrate.backup_copy(db.path, db.path.parent / "backups" / "copy.sqlite3")
    with Database.open(target) as copy, copy.read() as tx:
        assert tx.load_data(report.id).single == {"基本情况": {"会员人数": 120}}


def test_backup_path_never_reuses_a_name(tmp_path: Path) -> None:
    db_path = tmp_path / "u.sqlite3"
    first = migrate.backup_path(db_path, "0001")
    assert first.parent == tmp_path / "backups"
    assert first.name.startswith("before-upgrade-0001-") and first.suffix == ".sqlite3"
    first.parent.mkdir()
    first.write_bytes(b"")
    assert migrate.backup_path(db_path, "0001") != first


# -- upgrading from an older revision -------------------------------------------------------
# These tests copy the shipped scripts and add a test-only revision after the shipped head.

REBUILD_UNITS = """
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    # Rebuild the PARENT table: with foreign keys on this would cascade-delete every report.
    with op.batch_alter_table("units", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
    {extra}
"""


@pytest.fixture
def scripts(tmp_path: Path) -> Iterator[Path]:
    location = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), location, ignore=shutil.ignore_patterns("__pycache__"))
    yield location


def _write_0002(scripts: Path, extra: str = "") -> None:
    (scripts / "versions" / "9999_test.py").write_text(
        REBUILD_UNITS.format(extra=extra, head=migrate.SCHEMA_HEAD), encoding="utf-8"
    )


def _upgrade(db_path: Path, scripts: Path) -> Path | None:
    engine = create_engine_for(db_path)
    try:
        return migrate.upgrade(engine, db_path, script_location=scripts)
    finally:
        engine.dispose()


def _fill(db_path: Path) -> int:
    with Database.open(db_path) as db, db.transaction() as tx:
        tx.upsert_unit("330106001000", "西湖街道工会")
        report = tx.create_report("330106001000", Period(2018))
        tx.set_value(report.id, "基本情况", "会员人数", 120)
        tx.insert_row(report.id, "干部", 0, "u-1", {"姓名": "张三"})
        return report.id


def _count(db_path: Path, table: str) -> int:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_upgrade_backs_up_first_and_keeps_child_rows(db_path: Path, scripts: Path, raw_sql) -> None:
    _fill(db_path)
    _write_0002(scripts)
    backup = _upgrade(db_path, scripts)

    assert raw_sql(db_path, "SELECT version_num FROM alembic_version") == [("9999",)]
    assert "note" in {r[1] for r in raw_sql(db_path, "PRAGMA table_info(units)")}
    for table in ("units", "reports", "form_values", "roster_rows"):
        assert _count(db_path, table) == 1, table

    assert backup is not None and backup.parent == db_path.parent / "backups"
    assert backup.name.startswith(f"before-upgrade-{migrate.SCHEMA_HEAD}-")
    assert raw_sql(backup, "PRAGMA integrity_check") == [("ok",)]
    assert raw_sql(backup, "SELECT version_num FROM alembic_version") == [(migrate.SCHEMA_HEAD,)]
    assert _count(backup, "form_values") == 1


def test_a_failing_upgrade_rolls_back_completely(db_path: Path, scripts: Path, raw_sql) -> None:
    _fill(db_path)
    _write_0002(
        scripts,
        extra='op.execute("UPDATE periods SET year = 1999")\n    raise RuntimeError("boom")',
    )
    with pytest.raises(RuntimeError, match="boom"):
        _upgrade(db_path, scripts)
    assert raw_sql(db_path, "SELECT version_num FROM alembic_version") == [(migrate.SCHEMA_HEAD,)]
    assert "note" not in {r[1] for r in raw_sql(db_path, "PRAGMA table_info(units)")}
    assert raw_sql(db_path, "SELECT year FROM periods") == [(2018,)]


def test_an_upgrade_leaving_dangling_references_is_undone(
    db_path: Path, scripts: Path, raw_sql
) -> None:
    report_id = _fill(db_path)
    _write_0002(scripts, extra='op.execute("DELETE FROM units")')
    with pytest.raises(DatabaseError, match="引用错误"):
        _upgrade(db_path, scripts)
    assert raw_sql(db_path, "SELECT version_num FROM alembic_version") == [(migrate.SCHEMA_HEAD,)]
    assert raw_sql(db_path, "SELECT id FROM reports") == [(report_id,)]


def test_connections_after_an_upgrade_have_foreign_keys_on(db_path: Path, scripts: Path) -> None:
    _fill(db_path)
    _write_0002(scripts)
    engine = create_engine_for(db_path)
    try:
        migrate.upgrade(engine, db_path, script_location=scripts)
        with engine.connect() as conn:  # the pooled connection the upgrade used
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_schema_head_constant_matches_the_scripts():
    """`SCHEMA_HEAD` lets start-up skip Alembic; it must name the real newest migration."""
    from unionclerk.storage import migrate

    assert migrate.SCHEMA_HEAD == migrate.head_revision()
