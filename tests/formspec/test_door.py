"""The door (formspec/door.py): one canonical form for every entering text, refusals that say
which character and where, and JSON read without Python's NaN and huge-integer traps."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionclerk.domain.errors import ValueRefused
from unionclerk.formspec import door, shipped_forms

FORMS = shipped_forms()
NAME = FORMS["cover"].field("union_name")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("一\r\n二\r三\n四", "一\n二\n三\n四"),
        ("一_x000D_\n二", "一\n二"),  # Excel's escaped \r before its \n
        ("一_x000D_二", "一\n二"),
        ("甲\u2028乙\u2029丙\x85丁", "甲\n乙\n丙\n丁"),
        ("前_x005F_x000D_后", "前\n后"),  # an escaped escape decodes to the end: none is left
        ("A_x0042_C", "ABC"),
        ("👩\u200d💻 emoji 家庭 👨\u200d👩\u200d👧", "👩\u200d💻 emoji 家庭 👨\u200d👩\u200d👧"),
    ],
)
def test_line_breaks_and_escapes_become_canonical(typed: str, kept: str) -> None:
    assert door.clean(typed) == kept
    assert NAME.parse_text(typed) == kept.strip()
    assert NAME.from_json(typed) == kept.strip()


@pytest.mark.parametrize(
    ("text", "kind", "at"),
    [
        ("佛堂\x00镇", "空字符（NUL）", 3),
        ("\x1b[2K已导入", "不可见的控制字符", 1),
        ("张\b三", "不可见的控制字符", 2),
        ("总工会\u202exslx.exe", "改变文字方向的隐藏控制符", 4),
        ("总\u2066工会", "改变文字方向的隐藏控制符", 2),
        ("总\u200b工会", "看不见的零宽字符", 2),
        ("工\u200d会", "看不见的零宽字符", 2),  # a joiner outside an emoji sequence
        ("\ufeff工会", "看不见的零宽字符", 1),
        ("张\ud800", "无法识别的残缺字符（孤立代理项）", 2),
        ("工_x001B_会", "不可见的控制字符", 2),  # an escape that decodes to a control character
        ("工会\uffff", "不能使用的特殊字符", 3),
    ],
)
def test_refusals_say_which_character_and_where(text: str, kind: str, at: int) -> None:
    with pytest.raises(ValueRefused) as exc:
        NAME.parse_text(text)
    assert f"第 {at} 个字符是{kind}" in exc.value.message
    with pytest.raises(ValueRefused):
        NAME.from_json(text)


@given(st.text())
def test_clean_is_stable_and_leaves_nothing_unsafe(text: str) -> None:
    try:
        once = door.clean(text)
    except ValueRefused:
        return
    assert door.clean(once) == once
    assert "\r" not in once and door._ESCAPE_RE.search(once) is None
    once.encode("utf-8")  # no lone surrogate: storable and writable


@given(st.text())
def test_kept_and_printable_text_is_always_safe(text: str) -> None:
    kept = door.kept(text)
    kept.encode("utf-8")
    assert door.is_clean(kept)  # a kept cell can itself be stored and exported
    shown = door.printable(text)
    shown.encode("utf-8")
    assert not any(ord(c) < 32 and c not in "\n\t" for c in shown)
    assert not any(c in shown for c in "\u202e\u2066\u200b")


def test_kept_text_shows_what_it_removed() -> None:
    assert door.kept("张\x1b三\u202e") == "张␛三<U+202E>"


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", "9" * 5000])
def test_json_numbers_no_field_can_hold_arrive_as_odd_numbers(literal: str) -> None:
    value = door.loads(f"[{literal}]")[0]
    assert isinstance(value, door.OddNumber)
    budget = FORMS["support"].field("budget")
    with pytest.raises(ValueRefused) as exc:
        budget.from_json(value)
    assert "不是数字" in exc.value.message or "数字过大" in exc.value.message
    assert json.dumps(value, default=door.json_default)  # quotable in a message


def test_ordinary_json_numbers_are_unchanged() -> None:
    assert door.loads("[1, 2.5, -3, 123456789012345678901234567890]") == [
        1,
        2.5,
        -3,
        123456789012345678901234567890,
    ]


@pytest.mark.parametrize(
    ("text", "ok"),
    [("说明" * 2500, True), ("说明" * 2500 + "多", False), ("  原因\r\n另有  ", True)],
)
def test_explanations_pass_the_door(text: str, ok: bool) -> None:
    if ok:
        assert "\r" not in door.clean_explanation(text)
    else:
        with pytest.raises(ValueRefused, match="说明过长（5001 字）"):
            door.clean_explanation(text)


def test_roster_workbook_and_paste_cells_pass_the_door() -> None:
    """A roster workbook or clipboard cell: Excel's escape decoded, a control character kept
    visibly (and marked by the checker), never stored as it came."""
    from unionclerk.services.roster_cells import read_text, read_value

    cadres = FORMS["cadres"]
    assert read_value(cadres.field("home_post"), "开山集团_x000D_\n工会主席").value == (
        "开山集团\n工会主席"
    )
    kept = read_text(cadres.field("birth"), "1980\x1b[2K年")
    assert kept.value is None and kept.raw is not None
    values: dict = {}
    kept.put_into(values, cadres.field("birth"))
    assert values["_raw"]["birth"] == "1980␛[2K年"
