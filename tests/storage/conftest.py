"""Fixtures for storage tests: a fresh real database per test, built by the real migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from unionclerk.domain.period import Period
from unionclerk.domain.records import ReportInfo
from unionclerk.storage import Database

CODE = "330106001000"
NAME = "西湖街道工会"
PERIOD = Period(2018)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    # A Chinese folder name with a space, like a clerk's Windows profile.
    return tmp_path / "工会 数据" / "unionclerk.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def report(db: Database) -> ReportInfo:
    with db.transaction() as tx:
        tx.upsert_unit(CODE, NAME, own=True)
        return tx.create_report(CODE, PERIOD)


RawSQL = Callable[..., list[tuple[Any, ...]]]


@pytest.fixture
def raw_sql() -> RawSQL:
    """Run one statement on a plain sqlite3 connection (closed afterwards) and commit it."""

    def run(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with closing(sqlite3.connect(path)) as conn:
            rows = conn.execute(sql, params).fetchall()
            conn.commit()
            return rows

    return run
