"""Units of measure and table numbers as the interface shows them.

The forms (YAML) give units in Chinese (个, 人, 元, 平方米…) and tables as 表一…表六: they
are part of the official forms, so the workbook and the PDF keep them whatever the
language. On screen under `--lang en` they read in English, through these two functions.
"""

from __future__ import annotations

from unionclerk.domain.i18n import language

UNITS_EN = {
    "个": "no.",
    "人": "persons",
    "元": "yuan",
    "平方米": "m²",
    "件": "cases",
    "户": "households",
    "次": "times",
    "人次": "attendances",
    "家": "units",
    "场": "events",
    "岁": "years",
    "%": "%",
    "行": "rows",
}
_NUMBERS = "一二三四五六七八九十"


def unit_text(unit: str | None) -> str:
    """A unit as shown: itself in Chinese; in English its English word (or itself when the
    unit has none, e.g. a new one in a form file)."""
    if not unit:
        return ""
    if language() != "en":
        return unit
    return UNITS_EN.get(unit, unit)


def unit_list(units: str | None) -> str:
    """A form's list of units (个、人、元) as shown."""
    if not units:
        return ""
    if language() != "en":
        return units
    return ", ".join(unit_text(u.strip()) for u in units.split("、"))


def table_no_text(table_no: str | None) -> str:
    """表三 as shown: itself in Chinese, "Table 3" in English."""
    if not table_no:
        return ""
    if language() != "en" or not table_no.startswith("表"):
        return table_no
    number = table_no.removeprefix("表")
    if len(number) == 1 and number in _NUMBERS:
        return f"Table {_NUMBERS.index(number) + 1}"
    return table_no
