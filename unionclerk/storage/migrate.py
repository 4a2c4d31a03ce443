"""Bring a database file up to the current schema, safely.

Alembic runs from code: the `Config` is built here with `script_location` pointing at the
migrations folder shipped inside the package (`paths.migrations_dir()`), so a frozen app needs
no alembic.ini. Before touching a file we look at it through a plain sqlite3 connection that
only reads:

- not a SQLite file, or unreadable → `DatabaseError` naming the path;
- a SQLite file with tables but no `alembic_version` → someone else's database: refused;
- a revision our scripts do not know → made by a newer unionclerk: refused, file untouched;
- at head → nothing to do;
- otherwise, if the file holds tables, it is first copied with SQLite's backup API into
  `backups/before-upgrade-<rev>-<stamp>.sqlite3` and the copy checked, then upgraded.

The upgrade runs in ONE transaction with `foreign_keys=OFF` (batch migrations rebuild tables,
which with foreign keys on silently deletes child rows) and `PRAGMA foreign_key_check` before
commit: any dangling reference rolls the whole upgrade back.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError
from unionclerk.domain.i18n import tr
from unionclerk.storage.engine import BEGIN_MODE, classify, corrupt_error

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The newest schema revision this program ships. Opening a database already at it needs no
# Alembic at all (importing it costs ~130 ms of start-up); a test keeps this in step with the
# migration scripts.
SCHEMA_HEAD = "0002"

SQLITE_HEADER = b"SQLite format 3\x00"
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class FileState:
    """What a database file holds before the engine opens it."""

    revision: str | None  # None: no alembic_version row (new or foreign file)
    has_tables: bool  # any table besides alembic_version


def alembic_config(script_location: Path | None = None) -> Config:
    """An Alembic config built in code (no alembic.ini lookup)."""
    from alembic.config import Config

    config = Config()
    location = str(script_location or paths.migrations_dir())
    # Config values go through ConfigParser interpolation: a literal % must be doubled.
    config.set_main_option("script_location", location.replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    return config


def script_directory(script_location: Path | None = None) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location))


def head_revision(script_location: Path | None = None) -> str:
    head = script_directory(script_location).get_current_head()
    assert head is not None, "no migrations found"
    return head


def probe(db_path: Path, *, read_only: bool = False) -> FileState:
    """Read the file's schema revision through a plain sqlite3 connection (changes nothing;
    `read_only`: in a folder that cannot be written)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return FileState(None, False)
    try:
        with db_path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(
            tr("无法读取数据文件：{path}（{error}）", path=db_path, error=exc)
        ) from exc
    if header != SQLITE_HEADER:
        raise corrupt_error(db_path)
    try:
        connection = _connect_read_only(db_path) if read_only else _connect_existing(db_path)
        with closing(connection) as conn:
            names = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if VERSION_TABLE in names:
                row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
                revision = row[0] if row else None
    except sqlite3.Error as exc:
        raise (classify(exc, db_path) or corrupt_error(db_path)) from exc
    return FileState(revision, bool(names - {VERSION_TABLE}))


def upgrade(engine: Engine, db_path: Path, *, script_location: Path | None = None) -> Path | None:
    """Upgrade the file behind `engine` to head; returns the backup made first, if any.

    `script_location` is for tests that need a second migration; the app uses the default.
    """
    state = probe(db_path)
    if state.revision == SCHEMA_HEAD and script_location is None:
        return None  # the everyday case: nothing to do, and no Alembic import
    from alembic.script import ScriptDirectory

    config = alembic_config(script_location)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    if state.revision is not None:
        known = {s.revision for s in script.walk_revisions()}
        if state.revision not in known:
            raise DatabaseError(
                tr(
                    "这个数据文件由更新版本的工会报表助手创建（版本 {rev}），当前程序无法打开。"
                    "请升级程序后再试。",
                    rev=state.revision,
                )
            )
        if state.revision == head:
            return None
    elif state.has_tables:
        raise DatabaseError(tr("这个文件不是工会报表助手的数据文件：{path}", path=db_path))

    backup = None
    if state.has_tables:
        backup = backup_copy(db_path, backup_path(db_path, state.revision or "base"))
    try:
        _run_upgrade(engine, config)
    except DBAPIError as exc:
        error = classify(exc, db_path)
        if error is None:
            raise
        raise error from exc
    return backup


def backup_path(db_path: Path, revision: str) -> Path:
    """`<db folder>/backups/before-upgrade-<rev>-<YYYYmmdd-HHMMSS>.sqlite3`, never an old one."""
    folder = db_path.parent / "backups"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"before-upgrade-{revision}-{stamp}.sqlite3"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"before-upgrade-{revision}-{stamp}-{n}.sqlite3"
    return candidate


def backup_copy(src: Path, dst: Path, *, read_only: bool = False) -> Path:
    """Copy a live database with SQLite's backup API, then prove the copy sound.

    Copying the file bytes can lose data (WAL, a writer mid-way); the backup API cannot.
    """
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        connection = _connect_read_only(src) if read_only else _connect_existing(src)
        with closing(connection) as source, closing(sqlite3.connect(dst)) as target:
            source.backup(target)
        with closing(sqlite3.connect(dst)) as check:
            result = [r[0] for r in check.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        dst.unlink(missing_ok=True)
        raise (classify(exc, src) or corrupt_error(src)) from exc
    if result != ["ok"]:
        dst.unlink(missing_ok=True)
        raise DatabaseError(tr("备份数据文件时发现文件已损坏，未做任何修改：{path}", path=src))
    return dst


def _connect_existing(path: Path) -> sqlite3.Connection:
    # Not mode=ro: a read-only connection cannot remove the -wal/-shm files it creates on a
    # WAL database, leaving litter beside a file we refused. We only ever read through it.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    wal = Path(f"{path}-wal")
    flags = "mode=ro" if wal.exists() and wal.stat().st_size else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)


def _run_upgrade(engine: Engine, config: Config) -> None:
    from alembic import command

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        # Outside any transaction: inside one, SQLite ignores this pragma.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            conn.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    # Raising here rolls the whole upgrade back.
                    raise DatabaseError(
                        tr(
                            "数据文件升级后发现 {n} 处数据引用错误，已撤销升级。"
                            "请把这个文件交给技术支持：{path}",
                            n=len(problems),
                            path=engine.url.database,
                        )
                    )
        finally:
            config.attributes.pop("connection", None)
            raw.execute("PRAGMA foreign_keys=ON")
