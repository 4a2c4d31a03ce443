"""Which column of a sheet holds which field of a roster form, by the header's text.

The one header matcher: both the roster import (a clerk's own Excel layout) and the template /
workbook reader use it. A header names a field by the field's label (with or without its
unit in brackets), its English label, or one of the `synonyms` the field declares in
`forms/*.yaml` (身份证号 for 公民身份号码, 手机 for 联系电话) — adding a synonym is a change to
that YAML file alone. Headers are compared after `header_fold` (width, case, spaces, stars,
colons, a (必填) note). An exact name beats a header that starts with a name, which beats one
that contains it; each field takes one column at most, and what cannot be matched is
reported, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from unionclerk.formspec.model import FieldDef, FormDef
from unionclerk.formspec.text import header_fold

# Columns clerks add that are no field of any form: never matched, never reported.
IGNORED = ("序号", "编号", "年龄", "no", "no.", "合计")
EXACT, STARTS, CONTAINS = 3, 2, 1
_UNIT = re.compile(r"\([^()]*\)$")


def names(field_def: FieldDef) -> list[str]:
    """Every folded name a column of this field may carry."""
    label = header_fold(field_def.label)
    out = [
        label,
        _UNIT.sub("", label),
        header_fold(field_def.plain_label),
        header_fold(field_def.label_en or ""),
    ]
    if field_def.unit:
        out.append(header_fold(f"{field_def.label}({field_def.unit})"))
    if field_def.companion_of:
        out.append(label.replace("(其他)", "其他"))
    out += [header_fold(s) for s in field_def.synonyms]
    return [n for n in dict.fromkeys(out) if n]


def _score(header: str, candidates: list[str]) -> int:
    best = 0
    for name in candidates:
        if header == name:
            return EXACT
        if len(name) >= 2 and header.startswith(name):
            best = max(best, STARTS)
        elif len(name) >= 2 and name in header:
            best = max(best, CONTAINS)
    return best


def match_header(form: FormDef, header: Sequence[Any]) -> list[str | None]:
    """The field key of each column (None: no field), each field used once, best first."""
    cells = [header_fold(h) for h in header]
    scored = []
    for f in form.fields:
        candidates = names(f)
        for col, h in enumerate(cells):
            if h and h not in IGNORED:
                score = _score(h, candidates)
                if score:
                    # prefer the better score, then the longer name matched, then left-most
                    scored.append((-score, -len(h) if score == EXACT else 0, col, f.key))
    scored.sort()
    out: list[str | None] = [None] * len(cells)
    used: set[str] = set()
    for _s, _l, col, key in scored:
        if out[col] is None and key not in used:
            out[col] = key
            used.add(key)
    return out


@dataclass
class ColumnMatch:
    """A header row read against a form, for readers that refuse what they do not know."""

    columns: dict[int, FieldDef] = field(default_factory=dict)  # 1-based column -> field
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # headers not understood
    missing: list[FieldDef] = field(default_factory=list)  # required fields with no column

    @property
    def matched(self) -> int:
        return len(self.columns)


def match_columns(form: FormDef, header: Sequence[Any]) -> ColumnMatch:
    """`match_header` as 1-based columns, plus the headers not understood and the required
    fields no column holds."""
    out = ColumnMatch()
    for col, (cell, key) in enumerate(
        zip(header, match_header(form, header), strict=True), start=1
    ):
        if key is not None:
            out.columns[col] = form.field(key)
        elif header_fold(cell) and header_fold(cell) not in IGNORED:
            out.unmatched.append((col, str(cell).strip()[:40]))
    taken = {f.key for f in out.columns.values()}
    out.missing = [f for f in form.fields if f.required and f.key not in taken]
    return out


def header_score(form: FormDef, row: Sequence[Any]) -> int:
    """How many fields a row's cells name: a header row names several."""
    return sum(k is not None for k in match_header(form, row))


def guess_header_row(form: FormDef, rows: Sequence[Sequence[Any]], scan: int = 30) -> int | None:
    """The index of the header among the first `scan` rows (None: no row names 2 fields)."""
    best, at = 1, None
    for i, row in enumerate(rows[:scan]):
        score = header_score(form, row)
        if score > best:
            best, at = score, i
    return at


def looks_like_header(form: FormDef, row: Sequence[Any]) -> bool:
    """Two or more cells name fields, and they are at least half of the filled cells."""
    filled = sum(1 for c in row if header_fold(c))
    score = header_score(form, row)
    return score >= 2 and score * 2 >= filled
