"""How 公民身份号码 leave the program masked (interchange.md §2), and how masked ones are read.

The masked form keeps only the region (the first 6 digits) and says whether the number passed
the GB 11643 check when it was exported; the birth date, the sequence digits and the check
character are all hidden:

* ``330782************`` — a number was given and was valid when exported (12 ``*``);
* ``330782????????????`` — a number was given but did not pass the check (12 ``?``; the
  region shows only when the first 6 characters are digits, else ``??????``).

With the row's 出生年月 (year and month) and 性别 (the parity of the 17th digit) visible beside
it, at least 28 days x 500 sequence numbers = 14,000 numbers remain possible for every person,
and nothing else in the file narrows them: the form holds no hash or digest of the number
(an unkeyed one could be brute-forced over those 14,000 in a moment).

The first format (``330782********123X``: first 6 and last 4, :data:`MASK_V1`) left 2–4
candidates once 出生年月 and the check character were used; files carrying it are still read,
their numbers are never re-checked, and they are masked the new way when written again.

ID-like numbers typed into free text (备注, explanations) are masked the same way:
:func:`mask_ids_in_text` finds every run of 17 digits plus a valid check character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from unionclerk.domain.report import ReportData
from unionclerk.formspec import validators as v

MASK_V1 = "v1"  # first 6 + 8 '*' + last 4 (the first format; reversible from 出生年月)
MASK_V2 = "v2"  # first 6 + 12 '*' or '?' (this format)
FULL = "full"

VALID_FILL = "*"
INVALID_FILL = "?"
_HIDDEN = 12

_V1_RE = re.compile(r"[0-9]{6}\*{8}[0-9]{3}[0-9X]")
_V2_RE = re.compile(r"[0-9]{6}\*{12}|(?:[0-9]{6}|\?{6})\?{12}")
# 18 ID-like characters not inside a longer run of digits (half-width text).
_ID_IN_TEXT_RE = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")


def _tidy(text: str) -> str:
    """Normalised for matching: no spaces, half-width, ``x``/``＊``/``？`` made plain."""
    return v.normalise_id_number(text).replace("＊", "*").replace("？", "?")


def masking(text: str) -> str | None:
    """Which masked form `text` carries: :data:`MASK_V2`, :data:`MASK_V1`, or None."""
    if "*" not in text and "?" not in text and "＊" not in text and "？" not in text:
        return None  # the usual, full number: no need to normalise it
    tidy = _tidy(text)
    if _V2_RE.fullmatch(tidy):
        return MASK_V2
    if _V1_RE.fullmatch(tidy):
        return MASK_V1
    return None


def is_masked(text: str) -> bool:
    """True for a number masked in either format (never re-checked, never revealed)."""
    return masking(text) is not None


def masked_valid(text: str) -> bool | None:
    """For a masked number: True if it was valid when exported, False if not; None when the
    file does not say (the first format) or `text` is not masked."""
    kind = masking(text)
    if kind != MASK_V2:
        return None
    return _tidy(text).endswith(VALID_FILL)


def mask(text: str) -> str:
    """The masked form of an ID number as stored (full, or masked either way)."""
    tidy = _tidy(text)
    if not tidy:
        return ""
    kind = masking(tidy)
    if kind == MASK_V2:
        return tidy
    if kind == MASK_V1:  # validity was never recorded: it was given, and is shown as given
        return tidy[:6] + VALID_FILL * _HIDDEN
    region = tidy[:6] if len(tidy) >= 6 and tidy[:6].isascii() and tidy[:6].isdigit() else ""
    if region and len(tidy) == 18 and v.id_number_problem(tidy) is None:
        return region + VALID_FILL * _HIDDEN
    return (region or INVALID_FILL * 6) + INVALID_FILL * _HIDDEN


def mask_ids_in_text(text: str) -> str:
    """`text` with every ID-like number (17 digits and a valid check character, half- or
    full-width) replaced by its masked form; other text untouched."""
    if len(text) < 18:
        return text
    plain = v.half_width(text)  # one character for one: positions stay the same
    out, last = [], 0
    for m in _ID_IN_TEXT_RE.finditer(plain):
        number = m.group().upper()
        if v.id_check_char(number[:17]) != number[17]:
            continue
        out += [text[last : m.start()], mask(number)]
        last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def file_masking(values: list[str]) -> str | None:
    """The masking a file carries, from every ID number in it: :data:`FULL` if any is
    shown in full, else :data:`MASK_V1` if any is masked the first way, else
    :data:`MASK_V2`; None when the file holds no ID number."""
    kinds = {masking(value) or FULL for value in values if value}
    for kind in (FULL, MASK_V1, MASK_V2):
        if kind in kinds:
            return kind
    return None


class _Field(Protocol):
    """What finding ID numbers needs of a field: a `model.FieldDef` is one. (This module sits
    below the form model, whose field types use it, so it names only what it reads.)"""

    @property
    def key(self) -> str: ...

    @property
    def sensitive(self) -> bool: ...


class _Form(Protocol):
    """What finding ID numbers needs of a form: a `model.FormDef` is one."""

    @property
    def key(self) -> str: ...

    @property
    def is_roster(self) -> bool: ...

    @property
    def fields(self) -> Sequence[_Field]: ...


def report_id_values(forms: Iterable[_Form], data: ReportData) -> list[str]:
    """Every ID number a report holds (its sensitive fields, record and roster rows)."""
    out = []
    for form in forms:
        keys = [f.key for f in form.fields if f.sensitive]
        if not keys:
            continue
        records = [data.single.get(form.key, {})] + [r.values for r in data.rows.get(form.key, [])]
        out += [str(values[k]) for values in records for k in keys if values.get(k)]
    return out


def document_id_values(forms: Iterable[_Form], doc: Any) -> list[str]:
    """Every ID number in a JSON report document, or in each report of a summary's."""
    docs = doc.get("reports", []) if isinstance(doc, dict) and "reports" in doc else [doc]
    out = []
    for one in docs:
        raw_forms = one.get("forms", {}) if isinstance(one, dict) else {}
        for form in forms:
            keys = [f.key for f in form.fields if f.sensitive]
            raw = raw_forms.get(form.key)
            if not keys or not isinstance(raw, dict):
                continue
            rows = raw.get("rows", []) if form.is_roster else [raw]
            out += [
                str(row[k]) for row in rows if isinstance(row, dict) for k in keys if row.get(k)
            ]
    return out
