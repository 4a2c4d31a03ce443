"""Alembic environment for unionclerk, driven from code (see `unionclerk.storage.migrate`).

The caller passes an open SQLAlchemy connection, already inside a transaction with foreign
keys switched off, as `config.attributes["connection"]`; there is no alembic.ini and no URL
here. `render_as_batch=True` lets migrations alter tables on SQLite (by rebuilding them).
"""

from __future__ import annotations

from alembic import context

from unionclerk.storage.tables import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError(
            "unionclerk migrations run from code: use unionclerk.storage.migrate.upgrade()"
        )
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("unionclerk migrations do not support offline (--sql) mode")
run_migrations_online()
