"""What a JSON file may cost before it is parsed, and the numbers no report holds.

A JSON report of 2,000 roster rows is 0.7 MB; a county summary of 100 such units 70 MB.
Python's parser needs several times the file's size in memory, and far more for a file of
empty objects (199 MB of `{}` took 5.4 GB), so the structure is counted first: a real report
has one object or array per 250 bytes or so; one per 24 bytes is no report. Import,
`inspect` and the county merge all read JSON through here (and then through the door,
which turns NaN and impossible integers into values their field refuses by name).
"""

from __future__ import annotations

from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.formspec import door

MAX_BYTES = 96 * 1024 * 1024
BYTES_PER_CONTAINER = 24
STRUCTURE_FROM = 2 * 1024 * 1024  # bytes: below this even a file of `{}` costs < 100 MB


def check(raw: bytes | str) -> None:
    """UserError when the text is larger or more deeply cut up than a report can be."""
    if len(raw) > MAX_BYTES:
        raise UserError(
            tr("文件过大（{mb} MB），超出报表或汇总文件可能的大小", mb=len(raw) // 2**20)
        )
    if len(raw) < STRUCTURE_FROM:
        return  # whatever its shape, a small file costs little (the parser names its faults)
    containers = raw.count(b"{" if isinstance(raw, bytes) else "{") + raw.count(
        b"[" if isinstance(raw, bytes) else "["
    )
    if containers > len(raw) // BYTES_PER_CONTAINER + 1000:
        raise UserError(tr("JSON 文件结构异常（对象或数组多得不像报表），未读取"))


def loads(raw: bytes | str) -> Any:
    """`check`, then the door's reader (formspec.door.loads: NaN, infinities and integers of
    thousands of digits arrive as values the field that reads them refuses, naming it).
    Decoding and syntax errors are left to the caller (UnicodeDecodeError, JSONDecodeError,
    RecursionError), which knows how to name them."""
    check(raw)
    return door.loads(raw)


def loads_plain(raw: bytes | str) -> tuple[Any, bool]:
    """`loads`, and whether every value in it is plain (formspec.door.loads_plain)."""
    check(raw)
    return door.loads_plain(raw)
