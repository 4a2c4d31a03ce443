"""The county screen's key figures (members, employees, the membership rate, roster rows),
kept per report so that a re-plan costs a sum over small tuples, not a re-read of every
unit's report: at province size (1,400 units) reading them all again took most of a second
on the GUI thread after every click.

The figures are the same as the summary's (`formspec.rollup`): sums of the units that
reported a field, the rate recomputed from the units that reported both of its parts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unionclerk.formspec import FormSet
from unionclerk.formspec.model import rate
from unionclerk.formspec.rollup import number
from unionclerk.services.county.results import Candidate

FORM, PARTS, RATE = "organisation", ("members", "employees"), "membership_rate"
ROSTERS = ("cadres", "venues", "services")


@dataclass(frozen=True)
class UnitFigures:
    values: dict[str, Any]  # members, employees (exact numbers or None)
    rows: dict[str, int]  # roster rows per roster


@dataclass
class Figures:
    units: int = 0
    totals: dict[str, tuple[Any, int]] = field(default_factory=dict)  # field -> (sum, units)
    rate: float | None = None
    rows: dict[str, int] = field(default_factory=dict)


class KeyFigures:
    """Per-report figures, read once per spill file (one cache per merge session)."""

    def __init__(self, forms: FormSet) -> None:
        self.forms = forms
        self._cache: dict[str, UnitFigures] = {}
        self.reads = 0  # spill files read so far (the tests count them)

    def unit(self, cand: Candidate) -> UnitFigures:
        known = self._cache.get(cand.spill)
        if known is None:
            self.reads += 1
            forms_json = json.loads(Path(cand.spill).read_bytes())["forms"]
            org = forms_json.get(FORM) or {}
            form = self.forms[FORM]
            values = {k: number(form.field(k), org.get(k)) for k in PARTS}
            rows = {k: len((forms_json.get(k) or {}).get("rows") or []) for k in ROSTERS
                    if k in self.forms}
            known = self._cache[cand.spill] = UnitFigures(values, rows)
        return known

    def of(self, winners: list[Candidate]) -> Figures:
        out = Figures(units=len(winners), rows=dict.fromkeys(ROSTERS, 0))
        units = [self.unit(w) for w in winners]
        members = [u.values["members"] for u in units]
        employees = [u.values["employees"] for u in units]
        for key, column in (("members", members), ("employees", employees)):
            present = [v for v in column if v is not None]
            if present:
                out.totals[key] = (sum(present), len(present))
        both = [(m, e) for m, e in zip(members, employees, strict=True)
                if m is not None and e is not None]
        if both:
            out.rate = rate(sum(m for m, _ in both), sum(e for _, e in both))
        for key in ROSTERS:
            out.rows[key] = sum(u.rows.get(key, 0) for u in units)
        return out
