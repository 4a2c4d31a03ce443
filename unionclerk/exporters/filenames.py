"""Names of the files the program writes, made safe whatever a unit's name holds.

A union's name comes from a clerk or a received file; put into a file name, it must not hold
a character Windows refuses, a path separator, or an invisible character that makes the name
read differently from what it is, and it must stay far below the 255-byte name limit.
"""

from __future__ import annotations

import re

from unionclerk.formspec import door

NAME_CHARS = 40  # of a unit's name in a file name: whole names are for the workbook itself
NAME_BYTES = 120  # the same in UTF-8, so the whole file name stays far below 255 bytes


def file_safe(text: str, fallback: str) -> str:
    """`text` fit for a file name whatever it holds: no character Windows refuses, no space,
    control, bidi-override or zero-width character, and at most 40 characters / 120 bytes."""
    text = re.sub(r'[\\/:*?"<>|\s]+', "", door.without_invisible(text))
    text = text[:NAME_CHARS]
    while len(text.encode("utf-8", "replace")) > NAME_BYTES:
        text = text[:-1]
    return text or fallback
