"""Storage: the only package that talks to SQLite (SQLAlchemy Core + Alembic migrations).

Everything above it uses `Database` and the `Tx` objects it hands out, which return plain
records from `unionclerk.domain.records`.
"""

from unionclerk.storage.database import Database
from unionclerk.storage.tx import Tx

__all__ = ["Database", "Tx"]
