"""Every field type: what it accepts, what it refuses, how it shows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.report import YearMonth
from unionclerk.formspec.fieldtypes import TYPES


def t(name: str, **kw):
    return TYPES[name](**kw)


@pytest.mark.parametrize(
    ("name", "kw", "raw", "value"),
    [
        ("text", {"max_length": 20}, "  佛堂镇总工会 ", "佛堂镇总工会"),
        ("longtext", {}, "第一行\n第二行", "第一行\n第二行"),
        ("int", {}, 201, 201),
        ("int", {}, 5.0, 5),
        ("money", {}, 1234.5, Decimal("1234.50")),
        ("money", {}, "1234.56", Decimal("1234.56")),
        ("area", {}, 8000, Decimal("8000.0")),
        ("date", {}, "2018-09-01", date(2018, 9, 1)),
        ("yearmonth", {}, "2018-09", YearMonth(2018, 9)),
        ("bool", {}, True, True),
        ("choice", {"choices": ["男", "女"]}, "女", "女"),
        ("phone", {}, "0571-85115144", "0571-85115144"),
        ("idnumber", {}, "11010519491231002x", "11010519491231002X"),
        ("idnumber", {}, "330782********123X", "330782********123X"),
        ("creditcode", {}, "91350100m000100y43", "91350100M000100Y43"),
        ("divisioncode", {}, "330782101000", "330782101000"),
    ],
)
def test_from_json_accepts(name, kw, raw, value):
    assert t(name, **kw).from_json(raw) == value


@pytest.mark.parametrize(
    ("name", "kw", "raw"),
    [
        ("text", {}, 5),
        ("text", {}, "长" * 10_001),
        ("int", {}, -1),
        ("int", {}, 1.5),
        ("int", {}, "12"),
        ("int", {}, True),
        ("int", {}, 10**13),
        ("money", {}, -0.01),
        ("money", {}, 1.234),
        ("money", {}, "abc"),
        ("money", {}, "NaN"),
        ("area", {}, 12.34),
        ("date", {}, "2018-02-30"),
        ("date", {}, "2018/9/1"),
        ("yearmonth", {}, "2018-13"),
        ("yearmonth", {}, "2018-9"),
        ("bool", {}, "是"),
        ("choice", {"choices": ["男", "女"]}, "未知"),
        ("phone", {}, 13812345678),
        ("idnumber", {}, 110105194912310020),
        ("idnumber", {}, "1" * 50),
    ],
)
def test_from_json_refuses(name, kw, raw):
    with pytest.raises(ValueRefused):
        t(name, **kw).from_json(raw)


@pytest.mark.parametrize(
    ("name", "kw", "text", "value"),
    [
        ("int", {}, "1,234", 1234),
        ("int", {}, "２０１", 201),
        ("int", {}, "  ", None),
        ("money", {}, "1,200,000.00元", Decimal("1200000.00")),
        ("money", {}, "12万", Decimal("120000.00")),
        ("date", {}, "2018/9/1", date(2018, 9, 1)),
        ("date", {}, "2018年9月1日", date(2018, 9, 1)),
        ("date", {}, "20180901", date(2018, 9, 1)),
        ("yearmonth", {}, "2018/9/1", YearMonth(2018, 9)),
        ("yearmonth", {}, "2018年9月", YearMonth(2018, 9)),
        ("yearmonth", {}, "2018-09", YearMonth(2018, 9)),
        ("yearmonth", {}, "201809", YearMonth(2018, 9)),
        ("bool", {}, "是", True),
        ("bool", {}, "否", False),
        ("bool", {}, "√", True),
        (
            "choice",
            {"choices": ["党群服务中心(共建)"]},
            "党群服务中心（共建） ",
            "党群服务中心(共建)",
        ),
        ("idnumber", {}, "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
    ],
)
def test_parse_text_is_lenient(name, kw, text, value):
    assert t(name, **kw).parse_text(text) == value


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("int", "约200"),
        ("int", "12.5"),
        ("date", "2018-02-30"),
        ("yearmonth", "九月"),
        ("bool", "也许"),
        ("money", "一百"),
    ],
)
def test_parse_text_refuses_with_reason(name, text):
    with pytest.raises(ValueRefused) as info:
        t(name).parse_text(text)
    assert info.value.message  # a reason a clerk can read


def test_rate_is_never_typed():
    rate = t("rate")
    assert rate.computed and rate.from_json(93.0) is None and rate.parse_text("93") is None


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [
        ("int", 24143, "24,143"),
        ("money", Decimal("1200000.5"), "1,200,000.50"),
        ("area", Decimal("8000"), "8,000.0"),
        ("date", date(2018, 9, 1), "2018年9月1日"),
        ("yearmonth", YearMonth(2018, 9), "2018年9月"),
        ("bool", False, "否"),
        ("rate", Decimal("93.0"), "93.0"),
    ],
)
def test_display(name, value, shown):
    assert t(name).display(value) == shown


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        ("phone", "13812345678", "12345"),
        ("idnumber", "11010519491231002X", "110105194912310021"),
        ("creditcode", "91350100M000100Y43", "91350100M000100Y44"),
        ("divisioncode", "330782101000", "33078210100"),
    ],
)
def test_format_checks(name, good, bad):
    ftype = t(name)
    assert ftype.format_problem(good) is None
    assert ftype.format_problem(bad)


def test_masked_id_is_not_rechecked():
    assert t("idnumber").format_problem("330782********123X") is None


def test_text_over_max_length_is_a_problem_not_a_refusal():
    ftype = t("text", max_length=20)
    value = ftype.from_json("名" * 25)
    assert "20" in ftype.format_problem(value)


def test_every_type_is_tested():
    tested = {
        "text",
        "longtext",
        "int",
        "money",
        "area",
        "rate",
        "date",
        "yearmonth",
        "bool",
        "choice",
        "phone",
        "idnumber",
        "creditcode",
        "divisioncode",
    }
    assert set(TYPES) == tested


def test_identifiers_fold_only_full_width_ascii_while_typed_values_fold_more() -> None:
    """A phone typed in full-width digits is read; look-alike digits (①, ²) are kept as typed
    and reported, never turned into a different number. Number fields read full-width too."""
    phone = t("phone")
    assert phone.parse_text("１３８１２３４５６７８") == "13812345678"
    assert phone.format_problem(phone.parse_text("１３８１２３４５６７８")) is None
    looks_like = phone.parse_text("①３８１２３４５６７８")
    assert looks_like == "①3812345678"
    assert phone.format_problem(looks_like)
    assert t("int").parse_text("２０１") == 201


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=6,
)
_CHOICES = ["主席", "副主席", "委员", "其他"]


@given(st.one_of(st.sampled_from(_CHOICES), _JSON))
def test_a_choice_reads_exactly_its_choices(raw) -> None:
    """The look-up by set (import speed) answers as the list does, whatever JSON comes."""
    choice = TYPES["choice"](choices=list(_CHOICES))
    if isinstance(raw, str) and raw in _CHOICES:
        assert choice.from_json(raw) == raw
    else:
        with pytest.raises(ValueRefused):
            choice.from_json(raw)


def test_a_year_month_read_again_is_the_same_and_a_bad_one_is_refused_each_time() -> None:
    ym = TYPES["yearmonth"]()
    assert ym.from_json("2018-09") == ym.from_json("2018-09") == YearMonth(2018, 9)
    assert ym.from_json("２０１８-０９") == YearMonth(2018, 9)  # full-width digits, as before
    for _ in range(2):  # a refusal is not remembered as a value
        with pytest.raises(ValueRefused, match="不存在"):
            ym.from_json("2018-13")
        with pytest.raises(ValueRefused, match="YYYY-MM"):
            ym.from_json("2018-9")


@given(
    st.sampled_from(["int", "money", "area"]),
    st.one_of(
        st.integers(-(10**13), 10**13),
        st.sampled_from([0, 1, -1, 10**12, 10**12 + 1, 10**40]),
    ),
)
def test_a_whole_number_reads_as_the_general_path_reads_it(name: str, raw: int) -> None:
    """Whole numbers have a short way (import speed): the same value, or the same refusal,
    as the general path (`_check` of the number as written)."""
    ftype = TYPES[name]()
    general = (
        (lambda: ftype._check(raw)) if name == "int" else (lambda: ftype._check(Decimal(str(raw))))
    )
    try:
        expected = general()
    except ValueRefused as exc:
        with pytest.raises(ValueRefused) as got:
            ftype.from_json(raw)
        assert got.value.message == exc.message
        return
    value = ftype.from_json(raw)
    assert type(value) is type(expected) and str(value) == str(expected)
