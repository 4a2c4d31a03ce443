"""The door for a whole JSON text at once (`door.loads_plain`): a text it calls plain holds no
value the door would change or refuse, so a reader may skip the door value by value; a text
holding any such value, raw or escaped, is never called plain; and a report as clerks' files
really come (CRLF line ends, ideographic spaces, escaped quotes and tabs) stays plain, so
imports keep the fast reading."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionclerk.domain.errors import ValueRefused
from unionclerk.formspec import door

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from largereport import large_document  # noqa: E402

# Every character `clean` changes or refuses (all are in the BMP), and Excel's escape.
ATTENTION = [chr(c) for c in range(0x10000) if door._ATTENTION_RE.search(chr(c))]
# Drawn among any text: those characters (a few of the 2,048 lone surrogates), escapes and
# what JSON escapes or what the door keeps though it looks like a space.
SPECIAL = [c for c in ATTENTION if not "\ud801" <= c <= "\udffe"] + [
    "_x000D_",
    "_x0041_",
    "_x",
    "\t",
    "\n",
    "\u3000",
    '"',
    "\\",
    "/",
]
texts = st.lists(st.one_of(st.text(max_size=4), st.sampled_from(SPECIAL)), max_size=5).map("".join)
numbers = st.one_of(st.integers(-(10**40), 10**40), st.floats(allow_nan=True, allow_infinity=True))
json_values = st.recursive(
    st.none() | st.booleans() | numbers | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=16,
)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)


def _numbers(value: Any) -> Iterator[Any]:
    if isinstance(value, list):
        for item in value:
            yield from _numbers(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif not isinstance(value, (str, bool)) and value is not None:
        yield value


@given(json_values, st.booleans(), st.sampled_from([None, 2]), st.booleans())
def test_a_plain_text_holds_only_what_the_door_keeps_as_it_is(
    value: Any, ascii_only: bool, indent: int | None, crlf: bool
) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    if crlf:
        text = text.replace("\n", "\r\n")
    doc, plain = door.loads_plain(text)
    assert doc == door.loads(text)  # the same values as the door's own reading
    if plain:
        assert not any(isinstance(n, door.OddNumber) for n in _numbers(doc))
        for s in _strings(doc):
            try:
                assert door.clean(s) == s, repr(s)
            except ValueRefused:
                pytest.fail(f"a plain text held {s!r}, which the door refuses")


@pytest.mark.parametrize("ascii_only", [False, True])
def test_every_character_the_door_looks_at_makes_a_text_not_plain(ascii_only: bool) -> None:
    for ch in ATTENTION:
        text = json.dumps({"name": f"佛堂{ch}镇"}, ensure_ascii=ascii_only)
        assert door.loads_plain(text)[1] is False, f"U+{ord(ch):04X}"
    for escape in ("_x000D_", "_x0041_"):
        text = json.dumps([f"甲{escape}乙"], ensure_ascii=ascii_only)
        assert door.loads_plain(text)[1] is False, escape


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", "9" * 31])
def test_a_number_no_field_can_hold_makes_a_text_not_plain(literal: str) -> None:
    doc, plain = door.loads_plain(f'{{"a": "工会", "b": {literal}}}')
    assert isinstance(doc["b"], door.OddNumber) and plain is False


def test_a_report_as_files_really_come_is_plain() -> None:
    """CRLF line ends (a file passed through Windows), an ideographic space in a name, a
    quoted name and a tab (escaped, as JSON writes them): all kept as they are by the door."""
    doc = large_document()
    doc["forms"]["cover"]["union_name"] = "佛堂镇\u3000总工会"
    doc["forms"]["cadres"]["rows"][0]["home_post"] = "“义乌”供电所\t挡车工"
    doc["forms"]["cadres"]["rows"][1]["home_post"] = 'A"B\\C/D'
    text = json.dumps(doc, ensure_ascii=False, indent=2).replace("\n", "\r\n")
    for raw in (text, text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        parsed, plain = door.loads_plain(raw)
        assert plain is True
        assert parsed == json.loads(text)
