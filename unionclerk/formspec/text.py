"""How text typed by people is compared: the one fold, and the header fold built on it.

`fold` is for comparing what a clerk typed with what the program knows (a choice label, a
pasted cell, a search text in the roster filter): full-width forms to half-width (NFKC), lower case, no
spaces or line breaks anywhere. `header_fold` is `fold` plus what column headers carry
around the name itself: a (必填)/(选填) note, stars and colons. They are two operations on
purpose: a search for "*" or ":" must still find cells holding them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_MARKS = re.compile(r"[*:]+")
_NOTES = ("(必填)", "(选填)")


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation to their ASCII forms (NFKC), for reading
    typed values and matching text; identifiers use the narrower `validators.half_width`."""
    return unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """Text as compared with other text: half-width, lower case, no spaces."""
    return "".join(to_halfwidth(text).lower().split())


def header_fold(text: Any) -> str:
    """A column header as compared with field names: folded, without (必填)/(选填), stars
    and colons (None and empty cells fold to "")."""
    if text is None:
        return ""
    t = fold(str(text))
    for note in _NOTES:
        t = t.replace(note, "")
    return _MARKS.sub("", t)
