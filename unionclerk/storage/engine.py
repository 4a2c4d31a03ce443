"""The SQLAlchemy engine for one database file, and the translation of SQLite failures.

Every new connection gets the pragmas from PITFALLS.md (foreign keys on, WAL, full sync, a busy
timeout). Python's sqlite3 module (before 3.12's `autocommit`) does not emit BEGIN for every
statement, which would make DDL and reads run outside our transactions; so, following
SQLAlchemy's recipe, we switch its own transaction handling off (`isolation_level = None`) and
emit BEGIN ourselves when SQLAlchemy begins a transaction. Writers use `BEGIN IMMEDIATE` so two
windows never both read and then deadlock trying to upgrade to a write lock.

`classify()` sorts database failures into the environment's fault (locked, disk full, corrupt:
a calm `DatabaseError` a clerk understands) and everything else (a bug: left to propagate).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL

from unionclerk.domain.errors import DatabaseError
from unionclerk.domain.i18n import tr

BUSY_TIMEOUT_MS = 5000

# Order matters: the busy timeout first, so switching to WAL waits for a busy file.
CONNECTION_PRAGMAS = (
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
)

# Execution option read by the "begin" listener: "" (deferred) or "IMMEDIATE".
BEGIN_MODE = "unionclerk_begin"


def create_engine_for(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at `path` (created on first connection if missing).

    `read_only`: for a data folder that cannot be written (a write-protected stick). SQLite
    cannot open a WAL database read-only without its -shm file, so the file is opened as
    immutable (nothing else can change it there) unless a -wal file holds changes."""
    if read_only:
        wal = Path(f"{path}-wal")
        flags = "mode=ro" if wal.exists() and wal.stat().st_size else "mode=ro&immutable=1"
        url = URL.create(
            "sqlite", database=f"{Path(path).resolve().as_uri()}?{flags}", query={"uri": "true"}
        )
        engine = create_engine(url)
    else:
        engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take BEGIN away from the sqlite3 module; `_on_begin` emits it instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in CONNECTION_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get(BEGIN_MODE, "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def corrupt_error(path: Path) -> DatabaseError:
    return DatabaseError(
        tr(
            "数据文件已损坏或不是工会报表助手的数据文件：{path}。请从 backups 文件夹中的备份恢复。",
            path=path,
        )
    )


def locked_error() -> DatabaseError:
    return DatabaseError(tr("数据文件正被另一个程序使用，请关闭其他工会报表助手窗口后再试。"))


def disk_error() -> DatabaseError:
    return DatabaseError(tr("磁盘已满或无法写入，刚才的修改没有保存。请腾出磁盘空间后重试。"))


def cannot_open_error(path: Path) -> DatabaseError:
    return DatabaseError(
        tr("无法打开数据文件：{path}。请检查文件夹是否存在、是否有写入权限。", path=path)
    )


def classify(exc: BaseException, path: Path) -> DatabaseError | None:
    """The calm error for a failure caused by the environment, or None for a bug.

    Accepts a raw `sqlite3.Error` or SQLAlchemy's wrapper of one (`.orig`).
    """
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.Error):
        return None
    message = str(orig).lower()
    if "database is locked" in message or "database table is locked" in message:
        return locked_error()
    if "disk i/o" in message or "database or disk is full" in message:
        return disk_error()
    if "file is not a database" in message or "malformed" in message:
        return corrupt_error(path)
    if "unable to open database file" in message or "readonly database" in message:
        return cannot_open_error(path)
    return None
