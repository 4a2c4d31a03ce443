"""The data of one report (one unit x one period), as plain Python values.

Values are typed: str, int, bool, Decimal (money, area), date, YearMonth.
An empty field is simply absent from the dict (never 0).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def label(self) -> str:
        return f"{self.year}年{self.month}月"


@dataclass
class RosterRow:
    values: dict[str, Any] = field(default_factory=dict)
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))


COVER = "cover"
"""The cover form's key (填报单位信息, forms.md): who reports — the report's identity, listed
per unit in a summary and never totalled."""


@dataclass
class ReportData:
    """Everything a clerk entered for one report.

    `single` maps form key -> {field: value} for single-record forms and for the summary
    part of roster forms; `rows` maps roster form key -> ordered rows; `explanations` maps a
    problem target (`form.field` or `form.rows[<uuid>].field`) to the clerk's written reason;
    `nothing` holds the forms marked 本期无此项.
    """

    single: dict[str, dict[str, Any]] = field(default_factory=dict)
    rows: dict[str, list[RosterRow]] = field(default_factory=dict)
    explanations: dict[str, str] = field(default_factory=dict)
    # Forms the clerk marked 本期无此项 (nothing to report this period), by form key: told
    # apart from a form left empty by mistake, in the window and in every exported file.
    nothing: set[str] = field(default_factory=set)

    @property
    def cover(self) -> dict[str, Any]:
        """The cover's values (empty when the cover is not filled in)."""
        return self.single.get(COVER, {})

    def values(self, form: str) -> dict[str, Any]:
        return self.single.setdefault(form, {})

    def roster(self, form: str) -> list[RosterRow]:
        return self.rows.setdefault(form, [])

    def row_index(self, form: str, row_uuid: str) -> int | None:
        for i, row in enumerate(self.rows.get(form, [])):
            if row.uuid == row_uuid:
                return i
        return None
