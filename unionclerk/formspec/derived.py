"""Figures derived from the cadres roster (forms.md, 表二): never typed, always recomputed.

Shown in the submission workbook and PDF, and recomputed over all units' rows in the county
summary, so this is a pure function of the rows and the period end (no I/O). Rows may hold
typed values (`YearMonth`, bool) or their JSON forms ("1985-06", true): a summary works from
JSON reports, a submission from stored data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from unionclerk.domain.report import YearMonth

PARTY = ("中共党员", "中共预备党员")  # 预备党员 are counted as Party members, as in 党内统计
# The columns the figures are computed from: a roster declaring `derived_figures: true` in its
# YAML must have them (the loader checks).
DERIVED_FROM = ("position", "appointment", "gender", "political", "frontline", "birth")


@dataclass
class CadreFigures:
    committee_size: int = 0
    by_position: dict[str, int] = field(default_factory=dict)
    by_appointment: dict[str, int] = field(default_factory=dict)
    women: int = 0
    party_members: int = 0
    frontline: int = 0
    frontline_share: Decimal | None = None  # % of all rows, 1 decimal
    average_age: Decimal | None = None  # at period end, over rows with a birth month, 1 decimal
    aged_rows: int = 0  # rows the average is taken over

    def to_json(self) -> dict[str, Any]:
        """The `derived` entry of a summary's cadres totals (interchange.md §3)."""
        return {
            "committee_size": self.committee_size,
            "by_position": dict(self.by_position),
            "by_appointment": dict(self.by_appointment),
            "women": self.women,
            "party_members": self.party_members,
            "frontline": self.frontline,
            "frontline_share": None
            if self.frontline_share is None
            else float(self.frontline_share),
            "average_age": None if self.average_age is None else float(self.average_age),
        }

    def lines(self) -> list[tuple[str, str, Any, str]]:
        """(key, label, value, unit) for layouts; counts by choice come in choice order."""
        out: list[tuple[str, str, Any, str]] = [
            ("committee_size", "委员会及工作人员总数", self.committee_size, "人"),
            ("women", "其中：女性", self.women, "人"),
            ("party_members", "其中：中共党员(含预备党员)", self.party_members, "人"),
            ("frontline", "其中：一线职工", self.frontline, "人"),
            ("frontline_share", "一线职工占比", self.frontline_share, "%"),
            ("average_age", "平均年龄(报告期末)", self.average_age, "岁"),
        ]
        for key, count in self.by_position.items():
            out.append((f"position:{key}", f"按职务：{key}", count, "人"))
        for key, count in self.by_appointment.items():
            out.append((f"appointment:{key}", f"按任职方式：{key}", count, "人"))
        return out


def _year_month(value: Any) -> YearMonth | None:
    if isinstance(value, YearMonth):
        return value
    if isinstance(value, str) and len(value) == 7 and value[4] == "-":
        try:
            return YearMonth(int(value[:4]), int(value[5:]))
        except ValueError:
            return None
    return None


def age_at(birth: YearMonth, day: date) -> int:
    """Whole years at `day` for someone born in `birth` (the month counts as reached)."""
    return day.year - birth.year - (1 if day.month < birth.month else 0)


def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def cadre_figures(
    rows: Iterable[Mapping[str, Any]],
    period_end: date,
    positions: list[str] | None = None,
    appointments: list[str] | None = None,
) -> CadreFigures:
    """Derived figures over cadre rows. `positions` / `appointments` give the order of the
    counts (the form's choice lists); choices nobody holds are left out."""
    fig = CadreFigures()
    by_position: Counter[str] = Counter()
    by_appointment: Counter[str] = Counter()
    ages: list[int] = []
    for row in rows:
        fig.committee_size += 1
        if row.get("position"):
            by_position[row["position"]] += 1
        if row.get("appointment"):
            by_appointment[row["appointment"]] += 1
        fig.women += row.get("gender") == "女"
        fig.party_members += row.get("political") in PARTY
        fig.frontline += row.get("frontline") is True
        birth = _year_month(row.get("birth"))
        if birth is not None:
            ages.append(age_at(birth, period_end))
    fig.by_position = _ordered(by_position, positions)
    fig.by_appointment = _ordered(by_appointment, appointments)
    fig.frontline_share = _share(fig.frontline, fig.committee_size)
    fig.aged_rows = len(ages)
    if ages:
        fig.average_age = (Decimal(sum(ages)) / len(ages)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    return fig


def _ordered(counts: Counter[str], order: list[str] | None) -> dict[str, int]:
    known = [k for k in (order or []) if counts.get(k)]
    rest = sorted(k for k in counts if k not in known)
    return {k: counts[k] for k in known + rest}
