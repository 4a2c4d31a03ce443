"""The diff of two submissions: field by field, rows matched by key, never by position."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from unionclerk.formspec import shipped_forms
from unionclerk.services import demo
from unionclerk.services.review_diff import ADDED, CHANGED, REMOVED, diff_docs


def _doc() -> dict:
    return copy.deepcopy(demo.document())


def test_the_same_report_has_no_changes(forms) -> None:
    assert len(diff_docs(forms, _doc(), _doc())) == 0


def test_a_row_inserted_at_the_top_is_one_change_not_every_row(forms) -> None:
    old, new = _doc(), _doc()
    new["forms"]["venues"]["rows"].insert(
        0, {"name": "新职工书屋", "venue_type": "职工书屋", "status": "在建"}
    )
    (change,) = diff_docs(forms, old, new).changes
    assert (change.kind, change.target, change.row_key) == (ADDED, "venues.rows[0]", "新职工书屋")


def test_moved_rows_are_unchanged_and_a_removed_row_is_named(forms) -> None:
    old, new = _doc(), _doc()
    rows = new["forms"]["cadres"]["rows"]
    rows.reverse()
    gone = rows.pop()
    (change,) = diff_docs(forms, old, new).changes
    assert (change.kind, change.old, change.old_index) == (REMOVED, gone, 0)


def test_field_and_cell_changes_name_their_keys(forms) -> None:
    old, new = _doc(), _doc()
    new["forms"]["organisation"]["members"] = 1
    new["forms"]["venues"]["rows"][2]["rooms"] = 99
    new["forms"]["cadres"]["summary"]["volunteers"] = 7
    targets = [(c.kind, c.target) for c in diff_docs(forms, old, new).changes]
    assert targets == [
        (CHANGED, "organisation.members"),
        (CHANGED, "cadres.volunteers"),
        (CHANGED, "venues.rows[2].rooms"),
    ]


def test_two_rows_with_the_same_key_stay_apart(forms) -> None:
    old = _doc()
    rows = old["forms"]["venues"]["rows"]
    rows.append(dict(rows[0], rooms=1))
    rows.append(dict(rows[0], rooms=2))
    new = copy.deepcopy(old)
    new["forms"]["venues"]["rows"][-1]["rooms"] = 3  # the third of that name
    (change,) = diff_docs(forms, old, new).changes
    assert (change.old, change.new) == (2, 3) and change.row_key.endswith("#3")


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 30), data=st.data())
def test_the_diff_finds_exactly_the_rows_that_changed(n: int, data) -> None:
    """Whatever is changed, deleted, added and shuffled, the diff names exactly those rows."""
    forms = shipped_forms()
    old = _doc()
    old["forms"]["venues"]["rows"] = [
        {"name": f"阵地{i}", "venue_type": "职工之家", "status": "已启用", "rooms": 1}
        for i in range(n)
    ]
    new = copy.deepcopy(old)
    rows = new["forms"]["venues"]["rows"]
    edited = data.draw(st.sets(st.integers(0, n - 1)))
    deleted = data.draw(st.sets(st.integers(0, n - 1)).map(lambda s: s - edited))
    for i in edited:
        rows[i]["rooms"] = 2
    added = data.draw(st.integers(0, 3))
    kept = [r for i, r in enumerate(rows) if i not in deleted]
    kept += [
        {"name": f"新阵地{j}", "venue_type": "职工书屋", "status": "在建"} for j in range(added)
    ]
    new["forms"]["venues"]["rows"] = data.draw(st.permutations(kept))
    changes = diff_docs(forms, old, new).changes
    assert {c.row_key for c in changes if c.kind == CHANGED} == {f"阵地{i}" for i in edited}
    assert {c.row_key for c in changes if c.kind == REMOVED} == {f"阵地{i}" for i in deleted}
    assert {c.row_key for c in changes if c.kind == ADDED} == {f"新阵地{j}" for j in range(added)}
    for c in changes:  # each change points at its row in the new (or old) list
        rows_at = (new if c.new_index is not None else old)["forms"]["venues"]["rows"]
        assert rows_at[c.new_index if c.new_index is not None else c.old_index]["name"] == c.row_key
