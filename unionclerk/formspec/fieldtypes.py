"""One class per field type: how a value is read (JSON, typed text), checked and shown.

A type answers four questions about a value:
- `from_json(raw)`: strict reading of the JSON interchange form; raises `ValueRefused` when
  the field cannot hold it (wrong JSON type, impossible date, negative count…);
- `parse_text(text)`: lenient reading of what a clerk types or pastes (2018年9月, 是/否, 1,234);
- `to_json(value)`: the canonical JSON form (what is stored and exported);
- `format_problem(value)`: the type's own format check (check digits, phone format), whose
  severity the field sets with `check_severity`.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, ClassVar

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.i18n import tr
from unionclerk.domain.report import YearMonth
from unionclerk.formspec import idmask
from unionclerk.formspec import validators as v
from unionclerk.formspec.text import fold, to_halfwidth

MAX_COUNT = 10**12  # beyond any real count: a typo or a unit mix-up
HARD_TEXT_CAP = 10_000  # text longer than this is refused outright, whatever the field
FAR_BEYOND = 5  # text over 5x its field's max_length is refused rather than kept and marked


class FieldType:
    """Base class; subclasses override what differs."""

    name: ClassVar[str] = ""
    numeric: ClassVar[bool] = False
    computed: ClassVar[bool] = False

    def __init__(self, max_length: int | None = None, choices: list[str] | None = None) -> None:
        self.max_length = max_length
        self.choices = choices or []
        # A little over the limit is a problem to fix (kept, marked); far over it is refused.
        self._cap = min(HARD_TEXT_CAP, max_length * FAR_BEYOND) if max_length else HARD_TEXT_CAP

    # -- reading -------------------------------------------------------------------------
    def from_json(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            raise ValueRefused(tr("应为文本（字符串）"))
        return self.parse_text(raw)

    def parse_text(self, text: str) -> Any:
        text = text.strip()
        if len(text) > self._cap:
            raise ValueRefused(tr("内容过长（{n} 字），最多 {cap} 字", n=len(text), cap=self._cap))
        return text or None

    # -- writing -------------------------------------------------------------------------
    def to_json(self, value: Any) -> Any:
        return value

    def display(self, value: Any) -> str:
        return "" if value is None else str(value)

    def to_text(self, value: Any) -> str:
        """What an edit box shows: plain, re-readable by `parse_text`."""
        return "" if value is None else str(value)

    # -- checking ------------------------------------------------------------------------
    def format_problem(self, value: Any) -> str | None:
        # A full check skips this base check for values that are not text or are within
        # max_length (checker._cell_checks): keep the two in step.
        if self.max_length and isinstance(value, str) and len(value) > self.max_length:
            return tr("超过 {max} 字（现有 {n} 字），请精简", max=self.max_length, n=len(value))
        return None


class TextType(FieldType):
    name = "text"


class LongTextType(FieldType):
    name = "longtext"


def _number_text(text: str) -> str:
    t = to_halfwidth(text).strip().replace(",", "").replace(" ", "")
    for suffix in ("元", "人次", "平方米", "㎡", "m2", "个", "人", "件", "户", "家", "%"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
            break
    return t


_INT_TEXT_RE = re.compile(r"[+-]?\d+(\.0+)?")


class IntType(FieldType):
    name = "int"
    numeric = True

    def from_json(self, raw: Any) -> Any:
        if raw.__class__ is int and 0 <= raw <= MAX_COUNT:  # the usual case, as `_check` says
            return raw
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise ValueRefused(tr("应为整数"))
        if isinstance(raw, float):
            if raw != raw or not raw.is_integer():  # NaN or fractional
                raise ValueRefused(tr("应为整数，不能有小数"))
            raw = int(raw)
        return self._check(raw)

    def parse_text(self, text: str) -> Any:
        t = _number_text(text)
        if not t:
            return None
        if _INT_TEXT_RE.fullmatch(t) is None:
            raise ValueRefused(tr("“{text}”不是整数：请只填数字，如 1,234", text=text.strip()[:30]))
        return self._check(int(Decimal(t)))

    def _check(self, n: int) -> int:
        if n < 0:
            raise ValueRefused(tr("不能为负数"))
        if n > MAX_COUNT:
            raise ValueRefused(tr("数字过大，请核对单位"))
        return n

    def display(self, value: Any) -> str:
        return "" if value is None else f"{value:,}"


_QUANTUM = {places: Decimal(1).scaleb(-places) for places in range(7)}


class DecimalType(FieldType):
    """Money (2 decimals) and area (1 decimal): exact decimals, never floats."""

    numeric = True
    places: ClassVar[int] = 2

    def from_json(self, raw: Any) -> Any:
        if raw.__class__ is int and 0 <= raw <= MAX_COUNT:
            # A whole number within bounds, as `_check` would find it: exact at any places.
            return Decimal(raw).quantize(_QUANTUM[self.places])
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise ValueRefused(tr("应为数字"))
        return self._check(Decimal(str(raw)) if not isinstance(raw, str) else self._dec(raw))

    def parse_text(self, text: str) -> Any:
        t = _number_text(text)
        if t.endswith("万"):
            d = self._dec(t[:-1]) * 10000
            return self._check(d)
        return self._check(self._dec(t)) if t else None

    def _dec(self, t: str) -> Decimal:
        try:
            d = Decimal(t.strip())
        except InvalidOperation:
            raise ValueRefused(tr("“{text}”不是数字", text=t.strip()[:30])) from None
        if not d.is_finite():
            raise ValueRefused(tr("“{text}”不是数字", text=t.strip()[:30]))
        return d

    def _check(self, d: Decimal) -> Decimal:
        if d < 0:
            raise ValueRefused(tr("不能为负数"))
        if d > MAX_COUNT:
            raise ValueRefused(tr("数字过大，请核对单位"))
        q = _QUANTUM[self.places]
        rounded = d.quantize(q, rounding=ROUND_HALF_UP)
        if d != rounded:
            raise ValueRefused(tr("最多 {n} 位小数", n=self.places))
        return rounded  # exact at `places`, so any rounding gives this same value

    def to_json(self, value: Any) -> Any:
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)

    def display(self, value: Any) -> str:
        return "" if value is None else f"{value:,.{self.places}f}"

    def to_text(self, value: Any) -> str:
        return "" if value is None else f"{value:.{self.places}f}"


class MoneyType(DecimalType):
    name = "money"
    places = 2


class AreaType(DecimalType):
    name = "area"
    places = 1


class RateType(FieldType):
    """A percentage computed from two fields; never typed, never stored."""

    name = "rate"
    numeric = True
    computed = True

    def from_json(self, raw: Any) -> Any:
        return None  # recomputed from its parts; a given value is ignored

    def parse_text(self, text: str) -> Any:
        return None

    def to_json(self, value: Any) -> Any:
        return None if value is None else float(value)

    def display(self, value: Any) -> str:
        return "" if value is None else f"{value:.1f}"


_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


_DIGITS_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:\s*[-/.]\s*\d{1,2}\s*日?|\d{1,2}日)?"
)
_DIGITS_MONTH_RE = re.compile(r"(\d{4})(\d{2})(?:\d{2})?")
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH_RE = re.compile(r"\d{4}-\d{2}")


class DateType(FieldType):
    name = "date"

    def from_json(self, raw: Any) -> Any:
        if not isinstance(raw, str) or not _ISO_DATE_RE.fullmatch(raw):
            raise ValueRefused(tr("日期应写成 YYYY-MM-DD，如 2018-09-01"))
        try:
            return date.fromisoformat(raw)  # the common case, fast
        except ValueError:  # an impossible date, or digits other than 0-9
            return self._make(int(raw[:4]), int(raw[5:7]), int(raw[8:]), raw)

    def parse_text(self, text: str) -> Any:
        t = to_halfwidth(text).strip()
        if not t:
            return None
        m = _DATE_RE.fullmatch(t) or _DIGITS_DATE_RE.fullmatch(t)
        if not m:
            raise ValueRefused(tr("无法识别日期“{text}”：请写成 2018-09-01", text=t[:30]))
        return self._make(int(m.group(1)), int(m.group(2)), int(m.group(3)), t)

    @staticmethod
    def _make(y: int, m: int, d: int, text: str) -> date:
        try:
            return date(y, m, d)
        except ValueError:
            raise ValueRefused(tr("日期“{text}”不存在", text=text[:30])) from None

    def to_json(self, value: Any) -> Any:
        return None if value is None else value.isoformat()

    def display(self, value: Any) -> str:
        return "" if value is None else f"{value.year}年{value.month}月{value.day}日"

    def to_text(self, value: Any) -> str:
        return "" if value is None else value.isoformat()


class YearMonthType(FieldType):
    name = "yearmonth"

    def from_json(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            raise ValueRefused(tr("年月应写成 YYYY-MM，如 2018-09"))
        return _iso_month(raw)

    def parse_text(self, text: str) -> Any:
        t = to_halfwidth(text).strip()
        if not t:
            return None
        m = _MONTH_RE.fullmatch(t) or _DIGITS_MONTH_RE.fullmatch(t)
        if not m:
            raise ValueRefused(tr("无法识别年月“{text}”：请写成 2018-09 或 2018年9月", text=t[:30]))
        return self._make(int(m.group(1)), int(m.group(2)), t)

    @staticmethod
    def _make(y: int, m: int, text: str) -> YearMonth:
        if not (1 <= m <= 12 and 1900 <= y <= 2100):
            raise ValueRefused(tr("年月“{text}”不存在", text=text[:30]))
        return YearMonth(y, m)

    def to_json(self, value: Any) -> Any:
        return None if value is None else str(value)

    def display(self, value: Any) -> str:
        return "" if value is None else value.label()


@lru_cache(maxsize=4096)  # the values are immutable; a roster holds far fewer months
def _iso_month(raw: str) -> YearMonth:
    """A JSON year-month ("2018-09") read once: rosters repeat the same months."""
    if not _ISO_MONTH_RE.fullmatch(raw):
        raise ValueRefused(tr("年月应写成 YYYY-MM，如 2018-09"))
    return YearMonthType._make(int(raw[:4]), int(raw[5:]), raw)


_TRUE = {"是", "有", "√", "✓", "y", "yes", "true", "1", "t", "对"}
_FALSE = {"否", "无", "×", "✗", "n", "no", "false", "0", "f", "不是", "没有"}


class BoolType(FieldType):
    name = "bool"

    def from_json(self, raw: Any) -> Any:
        if not isinstance(raw, bool):
            raise ValueRefused(tr("应为 true 或 false"))
        return raw

    def parse_text(self, text: str) -> Any:
        t = to_halfwidth(text).strip().lower()
        if not t:
            return None
        if t in _TRUE:
            return True
        if t in _FALSE:
            return False
        raise ValueRefused(tr("请填“是”或“否”"))

    def display(self, value: Any) -> str:
        return "" if value is None else ("是" if value else "否")

    to_text = display


CHOICES_SHOWN = 12  # choices named in a refusal; a longer list says how many more


class ChoiceType(FieldType):
    name = "choice"

    def __init__(self, max_length: int | None = None, choices: list[str] | None = None) -> None:
        super().__init__(max_length, choices)
        self._choice_set = frozenset(self.choices)  # one look-up per value, not a list scan

    def from_json(self, raw: Any) -> Any:
        if raw.__class__ is str and raw in self._choice_set:  # the usual case
            return raw
        if not isinstance(raw, str):
            raise ValueRefused(tr("应为文本（选项之一）"))
        if raw not in self.choices:
            raise ValueRefused(self._not_in_list(raw))
        return raw

    def parse_text(self, text: str) -> Any:
        t = fold(text)
        if not t:
            return None
        for choice in self.choices:
            if fold(choice) == t:
                return choice
        raise ValueRefused(self._not_in_list(text.strip()))

    def _not_in_list(self, raw: str) -> str:
        """Names the choices, so the clerk sees what would be accepted (a long list: its
        first ones and how many there are)."""
        hint = tr("，请选“其他”并注明") if "其他" in self.choices else ""
        shown = "、".join(self.choices[:CHOICES_SHOWN])
        if len(self.choices) > CHOICES_SHOWN:
            shown = tr("{first}……共 {n} 项", first=shown, n=len(self.choices))
        return tr(
            "“{value}”不在可选项中（可选：{choices}）{hint}",
            value=raw[:30],
            choices=shown,
            hint=hint,
        )


class _CodeType(FieldType):
    """Identity codes: text, normalised to half-width upper case, checked by a validator."""

    def parse_text(self, text: str) -> Any:
        value = super().parse_text(text)
        return None if value is None else v.normalise_code(value)


class PhoneType(FieldType):
    name = "phone"

    def parse_text(self, text: str) -> Any:
        value = super().parse_text(text)
        return None if value is None else v.half_width(value)

    def format_problem(self, value: Any) -> str | None:
        return v.phone_problem(value) if value else None


class IdNumberType(FieldType):
    name = "idnumber"

    def parse_text(self, text: str) -> Any:
        value = super().parse_text(text)
        if value is None:
            return None
        if len(value) > 40:
            raise ValueRefused(tr("公民身份号码应为18位"))
        return v.normalise_id_number(value)

    def format_problem(self, value: Any) -> str | None:
        if not value:
            return None
        if idmask.is_masked(value):  # masked numbers are not re-checked: the file says
            if idmask.masked_valid(value) is False:
                return tr("导出时未通过校验（号码已遮盖，无法核对），请向填报单位核实")
            return None
        return v.id_number_problem(value)


class CreditCodeType(_CodeType):
    name = "creditcode"

    def format_problem(self, value: Any) -> str | None:
        return v.credit_code_problem(value) if value else None


class DivisionCodeType(_CodeType):
    name = "divisioncode"

    def format_problem(self, value: Any) -> str | None:
        return v.division_code_problem(value) if value else None


TYPES: dict[str, type[FieldType]] = {
    cls.name: cls
    for cls in (
        TextType,
        LongTextType,
        IntType,
        MoneyType,
        AreaType,
        RateType,
        DateType,
        YearMonthType,
        BoolType,
        ChoiceType,
        PhoneType,
        IdNumberType,
        CreditCodeType,
        DivisionCodeType,
    )
}
