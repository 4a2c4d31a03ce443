"""Roll-up maths of the county summary (forms.md, "Roll-up rules"; interchange.md §3 `totals`).

Pure functions of JSON report values: no I/O. Units are added one at a time (`Rollup.add`), so
a merge of a thousand reports never holds them all; what is kept is one small line per unit
(for the per-unit rows of the summary workbook), running sums, and six short fields per cadre
row (for the derived figures, which must be recomputed over all rows, never averaged).

- counts and money add up; a field nobody filled stays absent; `units` / `rows` say how many
  reported it (填报单位数);
- rates are recomputed from the summed numerator and denominator, both taken over the units
  that reported both parts;
- bool fields of single forms count the units that said yes; choice fields count units per
  choice; roster choice fields count rows per choice (`by_<field>`);
- the derived figures of the roster that declares them (`derived_figures`, the cadres) come
  from `derived.cadre_figures` over every row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from unionclerk.domain.period import Period
from unionclerk.domain.report import COVER
from unionclerk.formspec.derived import DERIVED_FROM, CadreFigures, cadre_figures
from unionclerk.formspec.model import FieldDef, FormDef, FormSet, rate

SKIPPED_FORMS = (COVER,)  # identity, not figures: listed per unit, never totalled
Number = int | Decimal


def number(field_def: FieldDef, raw: Any) -> Number | None:
    """A JSON value of a numeric field as an exact number (None when empty or not a number)."""
    if raw is None or isinstance(raw, bool):
        return None
    if field_def.type.name == "int":
        return raw if isinstance(raw, int) else None
    try:
        return Decimal(str(raw))
    except ArithmeticError:
        return None


def json_number(field_def: FieldDef, value: Number | None) -> int | float | None:
    """How a total is written in JSON: ints stay ints, money and area are floats."""
    if value is None:
        return None
    if field_def.type.name == "int":
        return int(value)
    places = getattr(field_def.type, "places", 2)
    return float(Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def summable(f: FieldDef) -> bool:
    return f.type.numeric and not f.type.computed


def counted(f: FieldDef) -> bool:
    """Fields whose values are counted rather than summed (bools, choices)."""
    return f.type.name in ("bool", "choice")


@dataclass
class _Total:
    value: Any = None  # Number, or Counter for a choice, or int (yes-count) for a bool
    n: int = 0  # units (single forms) or rows (rosters) that reported it

    def add(self, amount: Any) -> None:
        self.value = amount if self.value is None else self.value + amount
        self.n += 1


@dataclass
class _RosterTotal:
    rows: int = 0
    fields: dict[str, _Total] = field(default_factory=dict)
    by: dict[str, Counter[str]] = field(default_factory=dict)


@dataclass
class UnitLine:
    """One unit's row in the per-form sheets: its single-form values (JSON values, with the
    rates computed) and, for rosters, its row count; cadres also its own derived figures."""

    division_code: str
    union_name: str
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    cadres: CadreFigures | None = None


class Rollup:
    """Running totals over the units added so far."""

    def __init__(self, forms: FormSet, period: Period) -> None:
        self.forms = forms
        self.period = period
        self.units = 0
        self._single: dict[str, dict[str, _Total]] = {f.key: {} for f in forms}
        self._rates: dict[str, dict[str, list[Any]]] = {f.key: {} for f in forms}
        self._rosters: dict[str, _RosterTotal] = {
            f.key: _RosterTotal(by={c.key: Counter() for c in f.fields if c.type.name == "choice"})
            for f in forms
            if f.is_roster
        }
        self._cadre_rows: list[tuple[Any, ...]] = []

    # -- adding ----------------------------------------------------------------------------
    def add(self, division_code: str, union_name: str, forms_json: Mapping[str, Any]) -> UnitLine:
        """Add one unit's report (`forms` of a JSON report); returns its line."""
        self.units += 1
        line = UnitLine(division_code, union_name)
        for form in self.forms:
            raw = forms_json.get(form.key) or {}
            record = raw.get("summary", {}) if form.is_roster else raw
            values = dict(record) if isinstance(record, Mapping) else {}
            if form.record_fields:
                values.update(
                    {
                        k: v
                        for k, v in form.computed(_numbers(form, values)).items()
                        if v is not None
                    }
                )
                line.values[form.key] = values
                if form.key not in SKIPPED_FORMS:
                    self._add_record(form, values)
            if form.is_roster:
                rows = raw.get("rows") or []
                line.rows[form.key] = len(rows)
                self._add_rows(form, rows)
                if form.derived_figures:
                    line.cadres = self._figures(form, rows)
                    self._cadre_rows.extend(tuple(r.get(k) for k in DERIVED_FROM) for r in rows)
        return line

    def _add_record(self, form: FormDef, values: Mapping[str, Any]) -> None:
        totals = self._single[form.key]
        for f in form.record_fields:
            raw = values.get(f.key)
            if f.formula:
                num, den = (number(form.field(k), values.get(k)) for k in f.formula)
                if num is not None and den is not None:
                    acc = self._rates[form.key].setdefault(f.key, [0, 0, 0])
                    acc[0] += num
                    acc[1] += den
                    acc[2] += 1
            elif summable(f):
                amount = number(f, raw)
                if amount is not None:
                    totals.setdefault(f.key, _Total()).add(amount)
            elif f.type.name == "bool" and isinstance(raw, bool):
                totals.setdefault(f.key, _Total(0)).add(int(raw))
            elif f.type.name == "choice" and isinstance(raw, str) and raw:
                totals.setdefault(f.key, _Total(Counter())).add(Counter({raw: 1}))

    def _add_rows(self, form: FormDef, rows: Iterable[Mapping[str, Any]]) -> None:
        total = self._rosters[form.key]
        sums = [f for f in form.fields if summable(f)]
        for row in rows:
            total.rows += 1
            for f in sums:
                amount = number(f, row.get(f.key))
                if amount is not None:
                    total.fields.setdefault(f.key, _Total()).add(amount)
            for key, counter in total.by.items():
                value = row.get(key)
                if isinstance(value, str) and value:
                    counter[value] += 1

    def _figures(self, form: FormDef, rows: Iterable[Mapping[str, Any]]) -> CadreFigures:
        return cadre_figures(
            rows, self.period.end, _choices(form, "position"), _choices(form, "appointment")
        )

    # -- results ---------------------------------------------------------------------------
    def cadre_figures(self) -> CadreFigures:
        """Derived cadre figures recomputed over every row of every unit added."""
        form = next(f for f in self.forms if f.derived_figures)
        return self._figures(
            form, (dict(zip(DERIVED_FROM, r, strict=True)) for r in self._cadre_rows)
        )

    def record_totals(self, form_key: str) -> dict[str, tuple[Any, int]]:
        """field -> (total, units reporting it) for a single form (or a roster's summary part):
        the 合计 and 填报单位数 rows. Totals are exact numbers, a yes-count, or a Counter."""
        form = self.forms[form_key]
        out: dict[str, tuple[Any, int]] = {}
        for f in form.record_fields:
            if f.formula:
                acc = self._rates[form_key].get(f.key)
                if acc is not None:
                    value = rate(acc[0], acc[1])
                    if value is not None:
                        out[f.key] = (value, acc[2])
            elif f.key in self._single[form_key]:
                t = self._single[form_key][f.key]
                out[f.key] = (t.value, t.n)
        return out

    def roster_counts(self, form_key: str) -> dict[str, dict[str, int]]:
        """choice field -> {choice: rows}, in the form's choice order."""
        form = self.forms[form_key]
        return {
            key: _ordered(counter, _choices(form, key))
            for key, counter in self._rosters[form_key].by.items()
        }

    def roster_sums(self, form_key: str) -> dict[str, tuple[Number, int]]:
        return {k: (t.value, t.n) for k, t in self._rosters[form_key].fields.items()}

    def roster_rows(self, form_key: str) -> int:
        return self._rosters[form_key].rows

    def totals(self) -> dict[str, Any]:
        """The `totals` object of the summary JSON (interchange.md §3)."""
        out: dict[str, Any] = {}
        for form in self.forms:
            if form.key in SKIPPED_FORMS:
                continue
            record = {
                k: {"value": _json_value(form.field(k), v), "units": n}
                for k, (v, n) in self.record_totals(form.key).items()
            }
            if not form.is_roster:
                out[form.key] = record
                continue
            entry: dict[str, Any] = {"rows": self.roster_rows(form.key)}
            if form.summary:
                entry["summary"] = record
            entry["fields"] = {
                k: {"value": json_number(form.field(k), v), "rows": n}
                for k, (v, n) in self.roster_sums(form.key).items()
            }
            for key, counts in self.roster_counts(form.key).items():
                entry[f"by_{key}"] = counts
            if form.derived_figures:
                entry["derived"] = self.cadre_figures().to_json()
            out[form.key] = entry
        return out


def _json_value(f: FieldDef, value: Any) -> Any:
    if f.formula:
        return float(value)
    if isinstance(value, Counter):
        return _ordered(value, list(f.choices))
    if f.type.name == "bool":
        return int(value)
    return json_number(f, value)


def _numbers(form: FormDef, values: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of the form's rates as exact numbers (for `FormDef.computed`)."""
    out: dict[str, Any] = {}
    for f in form.record_fields:
        if f.formula:
            for k in f.formula:
                out[k] = number(form.field(k), values.get(k))
    return out


def _choices(form: FormDef, key: str) -> list[str]:
    return list(form.field(key).choices) if form.has_field(key) else []


def _ordered(counts: Mapping[str, int], order: list[str]) -> dict[str, int]:
    known = [k for k in order if counts.get(k)]
    rest = sorted(k for k in counts if k not in order and counts[k])
    return {k: counts[k] for k in known + rest}
