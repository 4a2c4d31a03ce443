"""How a roster row is recognised between two submissions: by its key fields, not its place.

Each roster declares its key fields in its YAML (`row_key`): a cadre is the same person by
姓名 + 出生年月 (the ID number leaves the program masked, so it cannot serve), a venue by its
阵地名称, a service by 项目名称 + 开始日期; a roster that declares none is keyed by `name`. Two
rows with the same key are told apart by their order among themselves (the second 张三 stays
the second).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from unionclerk.formspec.model import FormDef


def key_fields(form: FormDef) -> tuple[str, ...]:
    return tuple(form.row_key) or ("name",)


def key_of(form: FormDef, row: dict[str, Any]) -> dict[str, Any]:
    """The row's key values as JSON (what a return file records for a commented row)."""
    return {k: row.get(k) for k in key_fields(form)}


def keyed(form: FormDef, rows: Iterable[dict[str, Any]]) -> Iterator[tuple[tuple, int, dict]]:
    """(key, position, row) for each row; repeated keys get their occurrence number."""
    fields = key_fields(form)
    seen: dict[tuple, int] = {}
    for position, row in enumerate(rows):
        base = tuple(row.get(k) for k in fields)
        n = seen.get(base, 0)
        seen[base] = n + 1
        yield (*base, n), position, row


def shown_key(form: str, key: tuple) -> str:
    """A key as people read it: 张三 1985-03 (second of that name: 张三 1985-03 #2)."""
    *values, n = key
    text = " ".join(str(v) for v in values if v not in (None, ""))
    return f"{text} #{n + 1}" if n else text or "（无名称）"
