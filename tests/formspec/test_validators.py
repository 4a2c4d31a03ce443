"""Tests for unionclerk.formspec.validators."""

from __future__ import annotations

import pytest

from unionclerk.formspec.idmask import is_masked, mask
from unionclerk.formspec.validators import (
    credit_check_char,
    credit_code_problem,
    division_code_problem,
    id_birth,
    id_check_char,
    id_gender,
    id_number_problem,
    normalise_code,
    normalise_id_number,
    phone_problem,
)

# --- independent reference implementations (written from the standards, not the module) ---

_ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CC_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def _ref_id(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_W, strict=True))
    return first17 + "10X98765432"[total % 11]


def _ref_credit(first17: str) -> str:
    r = 31 - sum(_CC_ALPHA.index(c) * w for c, w in zip(first17, _CC_W, strict=True)) % 31
    return first17 + _CC_ALPHA[0 if r == 31 else r]


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# --- ID numbers ---

PUBLISHED_IDS = ["11010519491231002X", "440524188001010014"]
CONSTRUCTED_IDS = [
    "330782199001011239",
    "330782200002290028",  # leap day
    "110101198005150416",
    "330106198512317893",
    "440304201210120014",
]


@pytest.mark.parametrize("first17", [s[:17] for s in CONSTRUCTED_IDS + PUBLISHED_IDS])
def test_constructed_ids_match_reference(first17: str) -> None:
    built = _ref_id(first17)
    assert built in CONSTRUCTED_IDS + PUBLISHED_IDS
    assert id_check_char(first17) == built[17]


@pytest.mark.parametrize("number", PUBLISHED_IDS + CONSTRUCTED_IDS)
def test_valid_id_numbers(number: str) -> None:
    assert id_number_problem(number) is None


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("110105194912310021", "校验位应为 X"),
        ("330782199001011238", "校验位应为 9"),
        ("33078219900101123", "应为18位"),
        ("3307821990010112390", "应为18位"),
        ("", "应为18位"),
        ("   ", "应为18位"),
        ("33078219A001011239", "前17位应为数字"),
        ("ABCDEFGHIJKLMNOPQR", "前17位应为数字"),
        ("33078219990230" + "1234", "出生日期 19990230 不存在"),
        ("330782199913011239", "出生日期 19991301 不存在"),
        ("330782000001011239", "出生日期 00000101 不存在"),
        ("330782210101011239", "出生日期 21010101 不存在"),
        ("330782179912311239", "出生日期 17991231 不存在"),
        ("330782199001011234X", "应为18位"),
        ("33078219900101123A", "校验位应为 9"),
    ],
)
def test_invalid_id_numbers(number: str, reason: str) -> None:
    assert id_number_problem(number) == reason


def test_area_code_is_not_checked() -> None:
    number = _ref_id("99999919800101001")
    assert id_number_problem(number) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11010519491231002x", "11010519491231002X"),
        (_full_width("11010519491231002X"), "11010519491231002X"),
        (_full_width("11010519491231002x"), "11010519491231002X"),
        (" 110105 19491231 002x ", "11010519491231002X"),
        ("110105\u300019491231002Ｘ", "11010519491231002X"),
    ],
)
def test_normalise_id_number(raw: str, expected: str) -> None:
    assert normalise_id_number(raw) == expected
    assert id_number_problem(raw) is None


def test_id_check_char_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        id_check_char("1234")
    with pytest.raises(ValueError):
        id_check_char("1101051949123100X")


@pytest.mark.parametrize(
    ("number", "birth", "gender"),
    [
        ("11010519491231002X", (1949, 12, 31), "女"),
        ("440524188001010014", (1880, 1, 1), "男"),
        ("330782199001011239", (1990, 1, 1), "男"),
        ("330782200002290028", (2000, 2, 29), "女"),
        ("11010519491231002x", (1949, 12, 31), "女"),
    ],
)
def test_birth_and_gender(number: str, birth: tuple[int, int, int], gender: str) -> None:
    assert id_birth(number) == birth
    assert id_gender(number) == gender


@pytest.mark.parametrize(
    "number", ["", "1101051949", "11010519491231002", "1101051949123100AX", "110105194912310A2X"]
)
def test_birth_and_gender_unparseable(number: str) -> None:
    assert id_birth(number) is None
    assert id_gender(number) is None


def test_birth_none_for_impossible_date_but_gender_still_known() -> None:
    number = "330782199902301234"
    assert id_birth(number) is None
    assert id_gender(number) == "男"


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("11010519491231002X", "110105************"),  # valid: 12 '*'
        ("11010519491231002x", "110105************"),
        ("330782199001011238", "330782????????????"),  # wrong check character: 12 '?'
        ("330782199001011239", "330782************"),
        ("330782199001011", "330782????????????"),  # too short: not valid either
        ("12345", "??????????????????"),  # no region to show
        ("110105********002X", "110105************"),  # the first masking, masked anew
        ("330782************", "330782************"),  # masked stays masked
        ("330782????????????", "330782????????????"),
        ("", ""),
    ],
)
def test_mask_id(raw: str, masked: str) -> None:
    assert mask(raw) == masked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("330782********123X", True),
        ("330782********1234", True),
        ("330782********123x", True),
        ("110105********002X", True),
        ("330782＊＊＊＊＊＊＊＊123X", True),  # full-width asterisks, as typed
        ("330782*******1123X", False),
        ("330782*********23X", False),
        ("330782199001011239", False),
        ("******************", False),
        ("330782************", True),  # this masking: valid when exported
        ("330782????????????", True),  # this masking: not valid when exported
        ("??????????????????", True),
        ("330782***********", False),
        ("330782?????*******", False),
        ("", False),
    ],
)
def test_is_masked_id(text: str, expected: bool) -> None:
    assert is_masked(text) is expected


def test_mask_output_is_recognised_as_masked() -> None:
    for number in PUBLISHED_IDS + CONSTRUCTED_IDS:
        assert is_masked(mask(number))


# --- unified social credit codes ---

PUBLISHED_CODES = ["91350100M000100Y43"]
CONSTRUCTED_CODES = [
    "91330782MA22E4G6HL",
    "91330782MA28F3K4P6",
    "52330782MJ0000001Q",
    "12330782002588888M",
    "91110000100000000R",
]


@pytest.mark.parametrize("code", PUBLISHED_CODES + CONSTRUCTED_CODES)
def test_valid_credit_codes(code: str) -> None:
    assert _ref_credit(code[:17]) == code
    assert credit_check_char(code[:17]) == code[17]
    assert credit_code_problem(code) is None


@pytest.mark.parametrize(
    "raw",
    ["91350100m000100y43", " 91350100M000100Y43 ", _full_width("91350100M000100Y43")],
)
def test_credit_code_normalisation(raw: str) -> None:
    assert normalise_code(raw) == "91350100M000100Y43"
    assert credit_code_problem(raw) is None


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y44", "校验码应为 3"),
        ("91330782MA22E4G6H0", "校验码应为 L"),
        ("91350100M000100Y4", "应为18位"),
        ("91350100M000100Y433", "应为18位"),
        ("", "应为18位"),
        ("91350100I000100Y43", "含有不允许的字符 I"),
        ("91350100MO00100Y43", "含有不允许的字符 O"),
        ("91350100M000100Z43", "含有不允许的字符 Z"),
        ("9135010-M000100Y43", "含有不允许的字符 -"),
    ],
)
def test_invalid_credit_codes(code: str, reason: str) -> None:
    assert credit_code_problem(code) == reason


def test_credit_check_char_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        credit_check_char("91350100M")
    with pytest.raises(ValueError):
        credit_check_char("91350100I000100Y4")


def test_credit_check_char_remainder_zero_maps_to_zero() -> None:
    # Find a prefix whose weighted sum is a multiple of 31: check char must be "0".
    for n in range(10_000):
        first17 = f"9133078200{n:07d}"
        if _ref_credit(first17)[-1] == "0":
            assert credit_check_char(first17) == "0"
            assert credit_code_problem(first17 + "0") is None
            return
    pytest.fail("no prefix with check char 0 found")


# --- division codes ---


@pytest.mark.parametrize("code", ["330782101000", " 330782101000 ", _full_width("330782101000")])
def test_valid_division_codes(code: str) -> None:
    assert division_code_problem(code) is None


@pytest.mark.parametrize(
    "code", ["33078210100", "33078210100A", "3307821010000", "", "３３０７８２１０１０００Ａ"]
)
def test_invalid_division_codes(code: str) -> None:
    assert division_code_problem(code) == "应为12位数字"


# --- phones ---

PHONE_MESSAGE = "应为11位手机号或带区号的固定电话(如0571-85115144)"


@pytest.mark.parametrize(
    "phone",
    [
        "13812345678",
        "0571-85115144",
        "057185115144",
        "(0571)85115144",
        "（0571）85115144",
        "(0571) 85115144",
        "010-12345678",
        "010 12345678",
        "0571-8511514",
        "+86 138 1234 5678",
        "+8613812345678",
        "008613812345678",
        "138-1234-5678",
        "0571-85115144-123",
        "0571-85115144转123",
        " 13812345678 ",
        _full_width("13812345678"),
    ],
)
def test_valid_phones(phone: str) -> None:
    assert phone_problem(phone) is None


@pytest.mark.parametrize(
    "phone",
    [
        "12812345678",
        "1381234567",
        "138123456789",
        "12345",
        "0571-123",
        "",
        "571-85115144",
        "0571-851151444",
        "(0571-85115144",
        "0571--85115144",
        "0571-85115144转",
        "tel:13812345678",
    ],
)
def test_invalid_phones(phone: str) -> None:
    assert phone_problem(phone) == PHONE_MESSAGE
