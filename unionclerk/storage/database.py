"""`Database`: the one door to a unionclerk data file.

`Database.open(path)` creates the folder and file if needed and brings the schema up to date
(see `migrate`). Each `transaction()` is one BEGIN IMMEDIATE..COMMIT that rolls back if the
block raises, so a failure half-way through an import leaves the old data intact; `read()`
gives the same `Tx` API over a consistent snapshot and refuses writes.

Failures caused by the environment (file locked by another window, disk full, corrupt file)
come out as `DatabaseError` with a message a clerk understands; anything else is a bug and
propagates unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from unionclerk.domain.errors import DatabaseError
from unionclerk.domain.i18n import tr
from unionclerk.storage import migrate
from unionclerk.storage.engine import BEGIN_MODE, cannot_open_error, classify, create_engine_for
from unionclerk.storage.tx import Tx


class Database:
    """An open data file; close it (or use `with`) when done."""

    def __init__(
        self, path: Path, engine: Engine, backup: Path | None = None, *, read_only: bool = False
    ) -> None:
        self.path = path
        self._engine: Engine | None = engine
        # The copy made before this open upgraded the schema (None: no upgrade was needed).
        self.upgrade_backup = backup
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> Database:
        """Open (creating if missing) and migrate the data file at `path`; `read_only` for
        a folder that cannot be written: nothing is created or upgraded, only read."""
        path = Path(path)
        if read_only:
            return cls._open_read_only(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise cannot_open_error(path) from exc
        engine = create_engine_for(path)
        try:
            with _classified(path):
                backup = migrate.upgrade(engine, path)
        except BaseException:
            engine.dispose()
            raise
        return cls(path, engine, backup)

    @classmethod
    def _open_read_only(cls, path: Path) -> Database:
        state = migrate.probe(path, read_only=True)
        if state.revision != migrate.SCHEMA_HEAD:
            raise DatabaseError(
                tr(
                    "数据文件夹是只读的（如写保护的U盘），而其中的数据文件需要先由本程序升级："
                    "请取消写保护，或把文件夹复制到电脑上再打开：{path}",
                    path=path,
                )
            )
        return cls(path, create_engine_for(path, read_only=True), read_only=True)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine: for storage internals and tests, never for layers above."""
        if self._engine is None:
            raise RuntimeError(f"database {self.path} is closed")
        return self._engine

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        with _classified(self.path), self.engine.connect() as conn:
            conn.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
            with conn.begin():
                yield Tx(conn, writable=True)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A read-only snapshot with the same API; write methods raise RuntimeError."""
        with _classified(self.path), self.engine.connect() as conn, conn.begin():
            yield Tx(conn, writable=False)

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the live database (SQLite backup API), verified."""
        return migrate.backup_copy(self.path, Path(target), read_only=self.read_only)

    def close(self) -> None:
        """Close every pooled connection (WAL is checkpointed when the last one closes)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@contextmanager
def _classified(path: Path) -> Iterator[None]:
    """Turn environment failures into calm `DatabaseError`s; let bugs through."""
    try:
        yield
    except DBAPIError as exc:
        error = classify(exc, path)
        if error is None:
            raise
        raise error from exc
