"""Migration 0002 (review and return) applied to a database made by the released 0001 schema."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.period import Period
from unionclerk.domain.review import PASS, RECEIVED
from unionclerk.storage import Database, migrate
from unionclerk.storage.engine import create_engine_for


def _released_0001(db_path: Path, tmp_path: Path) -> None:
    """A data file exactly as the released program (0001 only) left it, with a report."""
    scripts = tmp_path / "released"
    shutil.copytree(
        paths.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__", "0002_*")
    )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine_for(db_path)
    try:
        migrate.upgrade(engine, db_path, script_location=scripts)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute(
            "INSERT INTO units (id, division_code, union_name, own) "
            "VALUES (1, '330782101000', '佛堂镇总工会', 1)"
        )
        conn.execute("INSERT INTO periods (id, year, part) VALUES (1, 2018, 'year')")
        conn.execute(
            "INSERT INTO reports (id, unit_id, period_id, status, source, created_at, "
            "updated_at) VALUES (1, 1, 1, 'exported', 'own', "
            "'2018-12-20T10:00:00+08:00', '2018-12-20T10:00:00+08:00')"
        )
        conn.execute("INSERT INTO form_values VALUES (1, 'organisation', 'members', '24143')")
        conn.execute(
            "INSERT INTO audit_log (report_id, at, note) "
            "VALUES (1, '2018-12-20T10:00:00+08:00', 'report created')"
        )


def test_released_file_is_upgraded_with_its_data_kept(tmp_path: Path) -> None:
    db_path = tmp_path / "乡镇 数据" / "unionclerk.sqlite3"
    _released_0001(db_path, tmp_path)
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]

    with Database.open(db_path) as db:
        assert db.upgrade_backup is not None and db.upgrade_backup.name.startswith(
            "before-upgrade-0001-"
        )
        with db.read() as tx:
            report = tx.get_report("330782101000", Period(2018))
            assert report is not None and report.status == "exported"
            assert tx.load_data(report.id).single == {"organisation": {"members": 24143}}
            assert [e.note for e in tx.audit(report.id)] == ["report created"]
        with db.transaction() as tx:  # the new tables work on the upgraded file
            sub = tx.add_submission(
                report.id,
                direction=RECEIVED,
                export_id="e-1",
                payload_sha256="ab" * 32,
                exported_at="2018-12-20",
                file="a.xlsx",
                document="{}",
            )
            tx.add_comment(
                report.id,
                uid="c-1",
                form="organisation",
                field="members",
                text="会员人数与上年相差太大",
                author="县总工会 李审",
                value=24143,
                submission_id=sub.id,
            )
            tx.add_verdict(report.id, verdict=PASS, reason="", author="李审", submission_id=sub.id)
        with db.read() as tx:
            (comment,) = tx.list_comments(report.id)
            assert (comment.target, comment.value, comment.submission_id) == (
                "organisation.members",
                24143,
                sub.id,
            )
            assert [v.label for v in tx.list_verdicts(report.id)] == ["通过"]
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_deleting_a_report_deletes_its_review_rows(tmp_path: Path) -> None:
    with Database.open(tmp_path / "u.sqlite3") as db:
        with db.transaction() as tx:
            tx.upsert_unit("330782101000", "佛堂镇总工会", own=True)
            report = tx.create_report("330782101000", Period(2018))
            tx.add_comment(
                report.id,
                uid="c-1",
                form="organisation",
                field=None,
                text="整张表请核实",
                author="李审",
            )
            tx.delete_report(report.id)
        with db.read() as tx:
            assert tx.list_verdicts() == [] and tx.list_submissions() == []
