"""Hypothesis strategies over the value space the forms define (issue 13).

`report_docs()` draws whole JSON reports (interchange.md §1): every field of every form, each
of its type — text of any Unicode the door accepts (CJK, full-width, emoji, line breaks in
every style including Excel's `_x000D_`) with lengths up to the field's limit, and often exactly
at its max_length or at the longest it keeps, counts and money up to the largest accepted,
dates and year-months across the accepted years, choices with their 其他 text — rosters from
empty to exactly `max_rows`, and written explanations up to 5,000 characters.

`maximal_doc()` and `empty_doc()` are the two ends, built without drawing: every field at its
maximum (text exactly at the longest each field keeps, every explanation at 5,000 characters,
every roster row full, numbers at the largest accepted), and a report with nothing in it but the
unit. The property's explicit examples, so both ends are always run.

`invalid_cases()` draws one field and a value its door must refuse (NaN, infinities, huge
integer literals, lone surrogates, control, bidi and zero-width characters, over-long text),
as the JSON literal text to splice into a report.

Used by the round-trip property (tests/services/test_roundtrip_property.py, bounded) and its
benchmark (benchmarks/bench_roundtrip.py, many more examples).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from unionclerk.domain.errors import ValueRefused
from unionclerk.formspec import door, shipped_forms
from unionclerk.formspec.fieldtypes import FAR_BEYOND, HARD_TEXT_CAP, MAX_COUNT
from unionclerk.formspec.model import OTHER, FieldDef

FORMS = shipped_forms()  # a module global: strategies' reprs stay short
YEAR = 2019
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "_x000D_", "_x000D_\n", "_x000A_"]
# Everything the door refuses, so that drawn text is text the door accepts as it is.
_REFUSED = (
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061"
    "\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u180e\ufff9\ufffa\ufffb\ufffe\uffff"
    + "".join(chr(c) for c in range(0xFDD0, 0xFDF0))
)
CHARS = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=_REFUSED)
FLAVOURS = st.sampled_from(
    [
        "中文填报说明",
        "ＡＢＣ１２３",
        "👩\u200d💻🎉",
        "A&B<b>",
        "=SUM(A1)",
        "  前后空格  ",
        "_x0041_",
        "𠮷䶮",
        "工会",
    ]
)


def limit(f: FieldDef) -> int:
    """The longest text a field keeps without refusing it outright (a little over its
    max_length is kept and marked; 5x over it, or over 10,000 characters, is refused)."""
    most = f.type.max_length
    return min(HARD_TEXT_CAP, most * FAR_BEYOND) if most else HARD_TEXT_CAP


@st.composite
def texts(draw: Any, most: int) -> str:
    """Text up to `most` characters: short mixes of flavours, breaks and any character, or a
    drawn chunk repeated to (nearly) the limit."""
    parts = draw(
        st.lists(
            st.one_of(st.text(CHARS, max_size=12), FLAVOURS, st.sampled_from(BREAKS)), max_size=6
        )
    )
    text = "".join(parts)
    if draw(st.booleans()) and text.strip():
        text = text * (most // max(len(text), 1) + 1)
    # cut where nothing is half an escape or a \r\n pair, and stay within the limit as kept
    text = text[:most]
    try:
        while len(door.clean(text).strip()) > most or text.endswith(("\r", "_x000D", "_x000A")):
            text = text[:-1]
    except ValueRefused:  # random characters that happen to spell an escape of a refused one
        assume(False)
    return text


def kept_length(text: str) -> int:
    return len(door.clean(text).strip())


def _tidy(text: str) -> str:
    """Cut so that appending 长 neither completes half an escape or a \r\n pair nor follows a
    zero-width joiner (which the door accepts only inside an emoji)."""
    while text.endswith(("\r", "_x000D", "_x000A", "\u200d")) or "_x" in text[-6:]:
        text = text[:-1]
    return text


def exactly(text: str, n: int) -> str:
    """`text` cut or padded (with 长) so that what a field keeps of it is exactly n characters."""
    text = _tidy(text)
    while text and kept_length(text + "长") > n:
        text = _tidy(text[:-1])
    text += "长"
    return text + "长" * (n - kept_length(text))


@st.composite
def texts_at(draw: Any, n: int) -> str:
    """Text whose kept form is exactly n characters (any mix of characters and breaks)."""
    return exactly(draw(texts(min(n, 60))), n)


def text_value(f: FieldDef, most_text: int | None) -> st.SearchStrategy[str]:
    """Any length up to the limit, or exactly the field's max_length, or exactly the longest
    text it keeps (5x max_length, marked by the checks)."""
    most = limit(f) if most_text is None else min(limit(f), most_text)
    ends = sorted({n for n in (f.type.max_length, limit(f)) if n and n <= most})
    free = texts(most).filter(lambda t: bool(door.clean(t).strip()))
    return st.one_of(free, *(texts_at(n) for n in ends)) if ends else free


def _decimal(places: int) -> st.SearchStrategy[Decimal]:
    step = Decimal(1).scaleb(-places)
    top = MAX_COUNT * 10**places
    return st.one_of(st.integers(0, 10**6), st.integers(0, top)).map(lambda n: n * step)


def value(f: FieldDef, most_text: int | None = None) -> st.SearchStrategy[Any]:
    """A JSON value of field `f` as a file would carry it."""
    kind = f.type.name
    if kind == "int":
        return st.one_of(st.integers(0, 1000), st.integers(0, MAX_COUNT))
    if kind in ("money", "area"):
        places = 2 if kind == "money" else 1
        return _decimal(places).map(lambda d: str(d) if d != d.to_integral() else int(d))
    if kind == "date":
        return st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat)
    if kind == "yearmonth":
        return st.tuples(st.integers(1900, 2100), st.integers(1, 12)).map(
            lambda t: f"{t[0]:04d}-{t[1]:02d}"
        )
    if kind == "bool":
        return st.booleans()
    if kind == "choice":
        return st.sampled_from(f.choices)
    if kind == "idnumber":
        return st.one_of(
            st.from_regex(r"[1-6]\d{16}[\dX]", fullmatch=True),
            st.from_regex(r"[0-9xX]{1,18}", fullmatch=True),
        )
    if kind in ("creditcode", "divisioncode", "phone"):
        return st.from_regex(r"[0-9A-Z\-]{1,18}", fullmatch=True)
    return text_value(f, most_text)


@st.composite
def record(draw: Any, fields: list[FieldDef], most_text: int | None) -> dict[str, Any]:
    """A record or roster row: empty, every field filled, or some of each."""
    fill = draw(st.sampled_from(["some", "some", "all", "none"]))
    out: dict[str, Any] = {}
    for f in fields:
        if f.type.computed or f.key == "division_code" or fill == "none":
            continue
        if fill == "some" and not draw(st.booleans()):
            continue
        v = draw(value(f, most_text))
        out[f.key] = v
        if f.has_other and v == OTHER:
            out[f.other_key] = draw(texts(40).filter(lambda t: bool(door.clean(t).strip())))
    return out


@st.composite
def report_docs(
    draw: Any, division_code: str, *, max_rows: int = 3, most_text: int | None = None
) -> dict[str, Any]:
    """A whole JSON report of one unit for `YEAR`; `most_text` caps long text (the suite keeps
    it small; the benchmark draws up to each field's limit)."""
    forms = FORMS
    out_forms: dict[str, Any] = {}
    rows_of: dict[str, int] = {}
    for form in forms:
        if form.is_roster:
            rows = draw(
                st.one_of(  # often exactly max_rows: the most a roster holds here
                    st.lists(record(form.fields, most_text), max_size=max_rows),
                    st.lists(record(form.fields, most_text), min_size=max_rows, max_size=max_rows),
                )
            )
            entry: dict[str, Any] = {"rows": rows}
            if form.summary:
                entry["summary"] = draw(record(form.summary, most_text))
            out_forms[form.key] = entry
            rows_of[form.key] = len(rows)
        else:
            out_forms[form.key] = draw(record(form.fields, most_text))
    cover = out_forms["cover"]
    cover["division_code"] = division_code
    if "union_name" not in cover:  # a file without a unit name is refused: it names no unit
        cover["union_name"] = draw(value(forms["cover"].field("union_name"), most_text))
    explanations: dict[str, str] = {}
    for form in forms:
        for f in form.record_fields:
            if draw(st.integers(0, 9)) == 0:
                explanations[f"{form.key}.{f.key}"] = draw(
                    texts(door.EXPLANATION_MAX if most_text is None else most_text)
                )
        for i in range(rows_of.get(form.key, 0)):
            if draw(st.integers(0, 9)) == 0:
                f = draw(st.sampled_from(form.fields))
                explanations[f"{form.key}.rows[{i}].{f.key}"] = draw(texts(200))
    return {
        "format": "unionclerk.report",
        "format_version": 1,
        "period": {"year": YEAR, "part": "year"},
        "forms": out_forms,
        "explanations": {k: v for k, v in explanations.items() if v.strip()},
    }


# -- the two ends: everything at its maximum, and nothing at all ---------------------------
MAX_PHONE = "0579-85711234-1234"  # no length limit of its own: as long as a drawn one


def _maximal(f: FieldDef, seed: str) -> Any:
    kind = f.type.name
    if kind == "int":
        return MAX_COUNT
    if kind in ("money", "area"):
        return MAX_COUNT  # the largest accepted; its cents are .00
    if kind == "date":
        return "2100-12-31"
    if kind == "yearmonth":
        return "2100-12"
    if kind == "bool":
        return True
    if kind == "choice":
        return OTHER if f.has_other else f.choices[-1]
    if kind == "idnumber":
        return "11010519491231002X"
    if kind == "creditcode":
        return "91330782MA2HX1234Y"
    if kind == "phone":
        return MAX_PHONE
    # every style of line break and the awkward characters, then CJK to the very limit
    return exactly(seed + "\r\n第二行\r第三行_x000D_\n𠮷👩\u200d💻Ａ&<b>=1\u2028", limit(f))


def maximal_doc(division_code: str, rows: int, *, every_explanation: bool = True) -> dict[str, Any]:
    """Every field of every form at its maximum, `rows` full rows per roster, an explanation
    of 5,000 characters on every record field (or, not `every_explanation`, on each form's
    first) and one of 200 on every field of each roster's first row."""

    def fill(fields: list[FieldDef]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields:
            if f.type.computed or f.companion_of:
                continue
            out[f.key] = _maximal(f, f.label)
            if f.has_other:
                out[f.other_key] = _maximal(FORMS[form.key].field(f.other_key), "其他")
        return out

    out_forms: dict[str, Any] = {}
    explanations: dict[str, str] = {}
    for form in FORMS:
        if form.is_roster:
            entry: dict[str, Any] = {"rows": [fill(form.fields) for _ in range(rows)]}
            if form.summary:
                entry["summary"] = fill(form.summary)
            out_forms[form.key] = entry
            for f in form.fields:
                if rows and not f.type.computed:
                    explanations[f"{form.key}.rows[0].{f.key}"] = exactly("名单说明", 200)
        else:
            out_forms[form.key] = fill(form.fields)
        explained = [f for f in form.record_fields if not f.type.computed]
        for f in explained if every_explanation else explained[:1]:
            explanations[f"{form.key}.{f.key}"] = exactly("说明\r\n", door.EXPLANATION_MAX)
    out_forms["cover"]["division_code"] = division_code
    return {
        "format": "unionclerk.report",
        "format_version": 1,
        "period": {"year": YEAR, "part": "year"},
        "forms": out_forms,
        "explanations": explanations,
    }


def empty_doc(division_code: str) -> dict[str, Any]:
    """A report with nothing filled: only the unit (a file that names no unit is refused)."""
    forms = {form.key: ({"rows": []} if form.is_roster else {}) for form in FORMS}
    forms["cover"] = {"division_code": division_code, "union_name": "空"}
    return {
        "format": "unionclerk.report",
        "format_version": 1,
        "period": {"year": YEAR, "part": "year"},
        "forms": forms,
        "explanations": {},
    }


# -- refused at the door -----------------------------------------------------------------
BAD_CHARS = [
    "\x00",
    "\x1b[2K",
    "\x08",
    "\x07",
    "\x7f",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\x9b",
]
BAD_NUMBERS = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e400",
    "9" * 5000,
    "-" + "9" * 4400,
    str(MAX_COUNT * 10),
]


@st.composite
def invalid_cases(draw: Any) -> tuple[str, FieldDef, str]:
    """(where, field, JSON literal) for a value the field's door refuses; `where` is the
    value's place as a message names it, e.g. `cadres.rows[0].name`."""
    form = draw(st.sampled_from(list(FORMS)))
    in_rows = form.is_roster and (not form.summary or draw(st.booleans()))
    fields = form.fields if in_rows else form.record_fields
    f = draw(st.sampled_from([x for x in fields if not x.type.computed]))
    where = (
        f"{form.key}.rows[0].{f.key}"
        if in_rows
        else (f"{form.key}.summary.{f.key}" if form.is_roster else f"{form.key}.{f.key}")
    )
    if f.type.numeric:
        literal = draw(st.sampled_from(BAD_NUMBERS))
    elif draw(st.integers(0, 4)) == 0:
        cap = min(HARD_TEXT_CAP, (f.type.max_length or HARD_TEXT_CAP) * FAR_BEYOND)
        literal = json.dumps("长" * (cap + 1 + draw(st.integers(0, 50))), ensure_ascii=False)
    else:
        text = draw(st.text(CHARS, max_size=5))
        at = draw(st.integers(0, len(text)))
        bad = draw(st.sampled_from(BAD_CHARS))
        literal = json.dumps(text[:at] + bad + text[at:])  # ASCII escapes carry surrogates
    return where, f, literal
