"""Plain-Python checks for identifiers that appear on trade-union report forms.

Covers:

* 公民身份号码 (GB 11643-1999): 18 characters, 17 digits plus a MOD 11-2 check character.
* 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet plus a
  MOD 31 check character.
* 统计用区划代码: 12 digits.
* Telephone numbers: mainland mobile numbers and landlines with an area code.

The ``*_problem`` functions return ``None`` when the value is acceptable, otherwise a short
reason in plain Chinese (English under ``set_language("en")``) suitable for showing next to
the field. Empty input is reported as a problem too; whether a field may be left blank is the
caller's decision.

No third-party imports (only the Qt-free ``unionclerk.domain.i18n``), so this module can be
used from the GUI, the importers and the command line alike.
"""

from __future__ import annotations

import datetime as _dt
import re

from unionclerk.domain.i18n import tr

__all__ = [
    "credit_check_char",
    "credit_code_problem",
    "division_code_problem",
    "id_birth",
    "id_check_char",
    "id_gender",
    "id_number_problem",
    "normalise_code",
    "normalise_id_number",
    "phone_problem",
]

_ASCII_DIGITS = frozenset("0123456789")

# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------

# Full-width ASCII variants U+FF01..U+FF5E map onto U+0021..U+007E; U+3000 is the
# ideographic (full-width) space.
_HALF_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALF_WIDTH_TABLE[0x3000] = 0x20

_WHITESPACE_RE = re.compile(r"\s+")


def half_width(text: str) -> str:
    """Map full-width ASCII characters (and the ideographic space) to half-width, and nothing
    else: for identifiers (ID numbers, codes, phone numbers), where ①, ² or other look-alikes
    must not quietly become digits. Matching typed text against choices, headers and filters
    uses the broader `text.to_halfwidth` (NFKC) instead."""
    return text.translate(_HALF_WIDTH_TABLE)


def _remove_spaces(text: str) -> str:
    """Remove every whitespace character, including ones inside the value."""
    return _WHITESPACE_RE.sub("", text)


def _is_ascii_digits(text: str) -> bool:
    """True if ``text`` is non-empty and made only of ASCII 0-9 (not other Unicode digits)."""
    return text.isascii() and text.isdigit()


# ---------------------------------------------------------------------------
# 公民身份号码 (GB 11643-1999)
# ---------------------------------------------------------------------------

_ID_LENGTH = 18
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_MAP = "10X98765432"

# The brief for this module asked for 1900..2100, but the published GB 11643 example
# 440524188001010014 (born 1880-01-01) must be accepted, and people born before 1900 were
# issued 18-digit numbers. 1800 still catches typing slips such as "0199".
_MIN_BIRTH_YEAR = 1800
_MAX_BIRTH_YEAR = 2100


def normalise_id_number(text: str) -> str:
    """Tidy an ID number as typed: drop spaces, full-width -> half-width, ``x`` -> ``X``.

    Does not validate; see :func:`id_number_problem`.
    """
    return _remove_spaces(half_width(text)).replace("x", "X")


def id_check_char(first17: str) -> str:
    """Return the MOD 11-2 check character for the first 17 digits of an ID number.

    Raises ``ValueError`` unless ``first17`` is exactly 17 ASCII digits.
    """
    if len(first17) != 17 or not _is_ascii_digits(first17):
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(int(ch) * weight for ch, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_MAP[total % 11]


def _id_shape_ok(number: str) -> bool:
    """Normalised ``number`` is 18 chars: 17 ASCII digits then a digit or ``X``."""
    return (
        len(number) == _ID_LENGTH
        and _is_ascii_digits(number[:17])
        and (number[17] in _ASCII_DIGITS or number[17] == "X")
    )


def _real_date(digits8: str) -> tuple[int, int, int] | None:
    """Parse ``YYYYMMDD`` into ``(y, m, d)`` if it is a real date within the allowed years."""
    year, month, day = int(digits8[:4]), int(digits8[4:6]), int(digits8[6:8])
    if not _MIN_BIRTH_YEAR <= year <= _MAX_BIRTH_YEAR:
        return None
    try:
        _dt.date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def id_number_problem(text: str) -> str | None:
    """Check a citizen ID number; ``None`` if valid, else a short reason in Chinese.

    The input is normalised first (:func:`normalise_id_number`). The first six digits
    (area code) are deliberately not checked against the current list of divisions, since
    numbers issued under abolished codes remain valid.
    """
    number = normalise_id_number(text)
    if len(number) != _ID_LENGTH:
        return tr("应为18位")
    if not _is_ascii_digits(number[:17]):
        return tr("前17位应为数字")
    birth = number[6:14]
    if _real_date(birth) is None:
        return tr("出生日期 {birth} 不存在", birth=birth)
    expected = id_check_char(number[:17])
    if number[17] != expected:
        return tr("校验位应为 {expected}", expected=expected)
    return None


def id_birth(text: str) -> tuple[int, int, int] | None:
    """Return ``(year, month, day)`` of birth, or ``None``.

    Needs the normalised number to be 18 characters (17 digits + digit/``X``) with a real
    birth date; the check character itself is not verified, so the date can be shown while
    the user is still correcting a typo elsewhere.
    """
    number = normalise_id_number(text)
    if not _id_shape_ok(number):
        return None
    return _real_date(number[6:14])


def id_gender(text: str) -> str | None:
    """Return ``"男"`` if the 17th digit is odd, ``"女"`` if even, ``None`` if unparseable.

    Needs the normalised number to be 18 characters (17 digits + digit/``X``); the date and
    check character are not verified.
    """
    number = normalise_id_number(text)
    if not _id_shape_ok(number):
        return None
    return "男" if int(number[16]) % 2 else "女"


# ---------------------------------------------------------------------------
# 统一社会信用代码 (GB 32100-2015) and 区划代码
# ---------------------------------------------------------------------------

_CREDIT_LENGTH = 18
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_CREDIT_VALUES = {ch: value for value, ch in enumerate(_CREDIT_ALPHABET)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_DIVISION_LENGTH = 12


def normalise_code(text: str) -> str:
    """Tidy a code as typed: drop spaces, full-width -> half-width, upper-case."""
    return _remove_spaces(half_width(text)).upper()


def credit_check_char(first17: str) -> str:
    """Return the check character for the first 17 characters of a credit code.

    ``first17`` is used as given (normalise it first). Raises ``ValueError`` unless it is
    exactly 17 characters from the code alphabet.
    """
    if len(first17) != 17 or any(ch not in _CREDIT_VALUES for ch in first17):
        raise ValueError(f"expected 17 code characters, got {first17!r}")
    total = sum(
        _CREDIT_VALUES[ch] * weight for ch, weight in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    value = 31 - total % 31
    return _CREDIT_ALPHABET[0 if value == 31 else value]


def credit_code_problem(text: str) -> str | None:
    """Check a unified social credit code; ``None`` if valid, else a short reason in Chinese."""
    code = normalise_code(text)
    if len(code) != _CREDIT_LENGTH:
        return tr("应为18位")
    for ch in code:
        if ch not in _CREDIT_VALUES:
            return tr("含有不允许的字符 {ch}", ch=ch)
    expected = credit_check_char(code[:17])
    if code[17] != expected:
        return tr("校验码应为 {expected}", expected=expected)
    return None


def division_code_problem(text: str) -> str | None:
    """Check a 12-digit statistical division code; ``None`` if valid."""
    code = normalise_code(text)
    if len(code) == _DIVISION_LENGTH and _is_ascii_digits(code):
        return None
    return tr("应为12位数字")


# ---------------------------------------------------------------------------
# Telephone numbers
# ---------------------------------------------------------------------------

_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
_MOBILE_SEPARATORS_RE = re.compile(r"[\s-]+")
_COUNTRY_PREFIX_RE = re.compile(r"(?:\+86|0086)")

# Area code: "0" plus 2-3 digits, either bare (optionally followed by "-" or a space) or in
# parentheses; then a 7-8 digit local number; then an optional extension "-123" / "转123".
_LANDLINE_RE = re.compile(
    r"(?:0[0-9]{2,3}[- ]?|\(0[0-9]{2,3}\) ?)"
    r"[0-9]{7,8}"
    r"(?:(?:-|转)[0-9]{1,6})?"
)


def _phone_message() -> str:
    return tr("应为11位手机号或带区号的固定电话(如0571-85115144)")


def phone_problem(text: str) -> str | None:
    """Check a phone number; ``None`` if acceptable, else a short reason in Chinese.

    Accepts a mobile number ``1[3-9]`` + 9 digits (spaces, ``-`` and a leading ``+86`` /
    ``0086`` are ignored), or a landline with an area code such as ``0571-85115144``,
    ``057185115144``, ``(0571)85115144`` or ``010-12345678``, optionally followed by an
    extension ``-123`` or ``转123``. Full-width digits and brackets are accepted.
    """
    value = half_width(text).strip()
    if not value:
        return _phone_message()

    mobile = _MOBILE_SEPARATORS_RE.sub("", value)
    prefix = _COUNTRY_PREFIX_RE.match(mobile)
    if prefix is not None:
        mobile = mobile[prefix.end() :]
    if _MOBILE_RE.fullmatch(mobile):
        return None

    if _LANDLINE_RE.fullmatch(value):
        return None
    return _phone_message()
