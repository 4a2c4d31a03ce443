"""Checking a backup file and restoring it into the live database file.

Both go through SQLite itself (integrity_check, the backup API), never a file copy.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from unionclerk.domain.errors import DatabaseError
from unionclerk.domain.i18n import tr
from unionclerk.storage import migrate
from unionclerk.storage.engine import classify, corrupt_error


def verify(file: Path) -> migrate.FileState:
    """Refuse anything that is not a sound unionclerk database this program can open."""
    file = Path(file)
    if not file.is_file():
        raise DatabaseError(tr("找不到备份文件：{path}", path=file))
    with file.open("rb") as fh:
        if fh.read(len(migrate.SQLITE_HEADER)) != migrate.SQLITE_HEADER:
            raise DatabaseError(tr("这个文件不是工会报表助手的备份文件：{path}", path=file))
    state = migrate.probe(file)  # unreadable -> DatabaseError
    if state.revision is None:
        raise DatabaseError(tr("这个文件不是工会报表助手的数据文件：{path}", path=file))
    script = migrate.script_directory()
    if state.revision not in {s.revision for s in script.walk_revisions()}:
        raise DatabaseError(
            tr("这个备份由更新版本的工会报表助手创建，当前程序无法恢复。请升级程序后再试。")
        )
    try:
        with closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        raise (classify(exc, file) or corrupt_error(file)) from exc
    if result != ["ok"]:
        raise DatabaseError(tr("备份文件已损坏，不能用来恢复：{path}", path=file))
    return state


def restore_into(source: Path, db_path: Path) -> None:
    """Overwrite the database at `db_path` with `source`, page by page, in one step.

    The caller must have closed every engine on `db_path` first.
    """
    try:
        with (
            closing(sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(db_path)) as dst,
        ):
            src.backup(dst)
    except sqlite3.Error as exc:
        raise (classify(exc, db_path) or corrupt_error(db_path)) from exc


def quick_check(db_path: Path) -> bool:
    """`PRAGMA quick_check` on the file: True when SQLite finds it sound."""
    if not Path(db_path).exists():
        return True
    try:
        with closing(sqlite3.connect(db_path)) as conn:
            return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
    except sqlite3.Error:
        return False


def shape_problems(file: Path) -> list[str]:
    """What is missing from a database file's schema (tables, columns) and which rows point
    at nothing (`foreign_key_check`), in plain words; [] for a file of the right shape."""
    from unionclerk.storage.tables import metadata

    problems: list[str] = []
    try:
        with closing(sqlite3.connect(f"{Path(file).resolve().as_uri()}?mode=ro", uri=True)) as conn:
            for table in metadata.sorted_tables:
                found = {r[1] for r in conn.execute(f'PRAGMA table_info("{table.name}")')}
                if not found:
                    problems.append(tr("缺少数据表 {table}", table=table.name))
                    continue
                missing = [c.name for c in table.columns if c.name not in found]
                if missing:
                    problems.append(
                        tr(
                            "数据表 {table} 缺少列 {cols}",
                            table=table.name,
                            cols="、".join(missing),
                        )
                    )
            if not problems:
                dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
                if dangling:
                    problems.append(tr("{n} 行数据指向不存在的记录", n=len(dangling)))
    except sqlite3.Error as exc:
        raise (classify(exc, file) or corrupt_error(file)) from exc
    return problems


def settle(file: Path) -> bool:
    """Open `file` so SQLite rolls back a hot journal or folds its WAL in (and removes the
    side files on close); True when it is then sound."""
    try:
        with closing(sqlite3.connect(file)) as conn:
            return [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    except sqlite3.Error:
        return False
