"""The county screen's key figures, as the forms declare them, computed in one place.

Which figures the county screen shows is declared in `forms/*.yaml`: `county_figures` on a
form (会员, 职工, 入会率 on 表一) and `count_label` on each roster (干部 {n} 人). The maths is the
summary's (`rollup`, forms.md "Roll-up rules"): a number is the sum over the units that
reported it, a rate is recomputed from its summed parts over the units that reported both.
A unit is read once into a few numbers (`unit_figures`), so that a re-plan over 1,400 units is
a sum over small tuples (`combine`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from unionclerk.formspec.model import CountyFigure, FieldDef, FormDef, FormSet, rate
from unionclerk.formspec.rollup import Number, number


@dataclass(frozen=True)
class UnitFigures:
    """One unit's part: the figures' numbers (a rate's parts) and its roster rows."""

    values: dict[tuple[str, str], Number | None]  # (form, field) -> exact number or None
    rows: dict[str, int]  # roster form -> rows


@dataclass
class Figures:
    units: int = 0
    shown: list[tuple[FieldDef, CountyFigure, Any]] = field(default_factory=list)
    rows: list[tuple[FormDef, int]] = field(default_factory=list)  # counted rosters, in order

    def texts(self) -> list[str]:
        """The figures that have a value, as the county screen words them."""
        return [fig.text(f, value) for f, fig, value in self.shown if value is not None]

    def rows_text(self) -> str:
        """干部 12 人，阵地 3 个，服务项目 5 个."""
        return "，".join(form.count_text(n) for form, n in self.rows)


def _parts(form: FormDef, fig: CountyFigure) -> tuple[str, ...]:
    f = form.field(fig.field)
    return f.formula or (f.key,)


def unit_figures(forms: FormSet, forms_json: Mapping[str, Any]) -> UnitFigures:
    """The numbers the key figures need from one report's `forms` (JSON)."""
    values: dict[tuple[str, str], Number | None] = {}
    for form in forms:
        raw = forms_json.get(form.key) or {}
        record = (raw.get("summary") or {}) if form.is_roster else raw
        for fig in form.county_figures:
            for key in _parts(form, fig):
                values[(form.key, key)] = number(form.field(key), record.get(key))
    rows = {
        f.key: len((forms_json.get(f.key) or {}).get("rows") or []) for f in forms if f.count_label
    }
    return UnitFigures(values, rows)


def combine(forms: FormSet, units: Sequence[UnitFigures]) -> Figures:
    """The key figures over these units."""
    out = Figures(units=len(units))
    for form in forms:
        for fig in form.county_figures:
            parts = _parts(form, fig)
            columns = [[u.values.get((form.key, k)) for k in parts] for u in units]
            reported = [c for c in columns if all(v is not None for v in c)]
            value: Any = None
            if reported and len(parts) == 2:
                value = rate(sum(c[0] for c in reported), sum(c[1] for c in reported))
            elif reported:
                value = sum(c[0] for c in reported)
            out.shown.append((form.field(fig.field), fig, value))
    out.rows = [(f, sum(u.rows.get(f.key, 0) for u in units)) for f in forms if f.count_label]
    return out


def headline(forms: FormSet) -> tuple[FormDef, FieldDef] | None:
    """The rate the summary charts unit by unit (`headline` in a form's YAML: 入会率)."""
    for form in forms:
        if form.headline:
            return form, form.field(form.headline)
    return None
