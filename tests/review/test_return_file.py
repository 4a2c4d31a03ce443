"""The return file reader: whatever a file holds, the answer is a return or a plain refusal."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.exporters import json_report, return_file
from unionclerk.formspec import shipped_forms

FORMS = shipped_forms()
GOOD = return_file.ReturnDoc(
    return_id="r-1",
    returned_at="2018-12-22T09:15:00+08:00",
    division_code="330782101000",
    union_name="佛堂镇总工会",
    period=Period(2018),
    export_id="e-1",
    payload_sha256="ab" * 32,
    exported_at="2018-12-20T10:31:00+08:00",
    made_by={"union_name": "义乌市总工会"},
    reviewer="李审",
    reason="请核实",
    comments=[
        return_file.ReturnComment(
            "c-1",
            "venues",
            "area",
            1,
            {"name": "职工书屋"},
            None,
            "面积请补填",
            "李审",
            "2018-12-22T09:10:00+08:00",
        )
    ],
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
PATHS = [
    ("answers", "division_code"),
    ("answers", "period"),
    ("answers", "export_id"),
    ("comments",),
    ("comments", 0, "form"),
    ("comments", 0, "field"),
    ("comments", 0, "row"),
    ("comments", 0, "text"),
    ("reason",),
    ("made_by",),
]


def _bytes(whole: dict) -> bytes:
    return json.dumps(whole, ensure_ascii=False).encode()


def test_a_written_return_reads_back_as_written() -> None:
    assert return_file.read(_bytes(return_file.build(GOOD, FORMS)), FORMS) == GOOD


@settings(max_examples=150, deadline=None)
@given(where=st.sampled_from(PATHS), value=JSON)
def test_any_resealed_change_is_read_or_refused_plainly(where: tuple, value: object) -> None:
    whole = return_file.build(GOOD, FORMS)
    node = whole["payload"]
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    whole["manifest"]["payload_sha256"] = hashlib.sha256(
        json_report.canonical(whole["payload"])
    ).hexdigest()
    try:
        doc = return_file.read(_bytes(whole), FORMS)
    except UserError as exc:
        assert exc.message
    else:
        assert doc.comments or where[0] == "comments"


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(0, 400), junk=st.binary(max_size=20))
def test_a_damaged_file_is_refused_plainly(cut: int, junk: bytes) -> None:
    raw = _bytes(return_file.build(GOOD, FORMS))
    try:
        return_file.read(raw[:cut] + junk, FORMS)
    except UserError as exc:
        assert exc.message
