"""Runs every check of a report, and re-runs only what one change touches.

Problems live in "slots": one per cell (required / format / 其他 checks) and one per rule and
row. A full check fills every slot; `recheck` after one edit recomputes just the slots that
read the changed cell, found through the dependency index built once from the compiled rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from string import Formatter
from typing import Any

from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.problems import Problem, Severity
from unionclerk.domain.report import ReportData, RosterRow
from unionclerk.formspec import idmask
from unionclerk.formspec.fieldtypes import FieldType
from unionclerk.formspec.model import OTHER, FieldDef, FormDef, FormSet, RuleDef
from unionclerk.formspec.rawcells import RAW_KEY, unparsed_problem

Slot = tuple[str, str, str | None, str | None]


@dataclass(frozen=True)
class Change:
    """What changed: a cell (form, field, row), a whole row (field None), or a form (both None)."""

    form: str
    field: str | None = None
    row: str | None = None
    removed: bool = False  # the row was deleted


class _Values(dict[str, Any]):
    """Formatting helper: a missing placeholder shows as empty instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


class _Run:
    """One report's data as the rule language sees it."""

    def __init__(self, forms: FormSet, data: ReportData, period: Period) -> None:
        self.forms, self.data, self.period = forms, data, period
        self._row_scopes: dict[str, list[_RowScope]] = {}
        self._start, self._end = period.start, period.end

    def single_value(self, form: str, name: str) -> Any:
        return self.data.single.get(form, {}).get(name)

    def row_scopes(self, form: str) -> list[_RowScope]:
        if form not in self._row_scopes:
            self._row_scopes[form] = [
                _RowScope(r.values, self) for r in self.data.rows.get(form, [])
            ]
        return self._row_scopes[form]

    def constant(self, name: str) -> Any:
        return self._start if name == "period_start" else self._end


class _RowScope:
    """A record or row as an expression's `Scope` (`get` and `constant` are bound directly:
    rules call them for every row)."""

    __slots__ = ("values", "run", "get", "constant")

    def __init__(self, values: dict[str, Any], run: _Run) -> None:
        self.values, self.run = values, run
        self.get = values.get
        self.constant = run.constant

    def other(self, form: str, name: str) -> Any:
        return self.run.single_value(form, name)

    def rows(self, form: str) -> list[_RowScope]:
        return self.run.row_scopes(form)


@dataclass
class CheckResult:
    slots: dict[Slot, list[Problem]] = field(default_factory=dict)

    def problems(self, data: ReportData, forms: FormSet) -> list[Problem]:
        """Every problem, in report order, with row positions filled in.

        Problems at the same place (form, row, severity, field) come in the order a full
        check finds them — cell checks, then row rules, then roster and form rules, each in
        the forms' order — however the slots were filled (a re-check adds slots at the end).
        """
        positions = {r.uuid: i for rows in data.rows.values() for i, r in enumerate(rows)}
        order = {f.key: f.order for f in forms}
        place = field_places(forms)
        rank = {
            ("rule", f.key, r.id): (1 if r.scope == "row" else 2, i)
            for f in forms
            for i, r in enumerate(f.rules)
        }
        out = [
            (
                replace(p, row_index=positions.get(p.row)) if p.row else p,
                rank.get(slot[:3], (0, 0)) if slot[0] == "rule" else (0, 0),
            )
            for slot, problems in self.slots.items()
            for p in problems
            if p.form not in data.nothing  # marked 本期无此项: nothing is missing there
        ]
        out.sort(
            key=lambda pr: (
                order.get(pr[0].form, 99),
                pr[0].row_index if pr[0].row_index is not None else -1,
                place.get((pr[0].form, pr[0].field), 9999),
                pr[0].severity is not Severity.ERROR,
                pr[1],
            )
        )
        return [p for p, _ in out]


def field_places(forms: FormSet) -> dict[tuple[str, str], int]:
    """(form, field) -> the field's place on the form, top to bottom (sections in their
    order, a `<key>_other` right after its choice): problems are listed as the form reads."""
    out: dict[tuple[str, str], int] = {}
    for form in forms:
        keys = [k for s in form.sections for k in s.fields] + [f.key for f in form.fields]
        for key in keys:
            if (form.key, key) not in out:
                out[(form.key, key)] = len(out)
                other = f"{key}_other"
                if form.has_field(other):
                    out.setdefault((form.key, other), len(out))
    return out


def explanation_key(p: Problem) -> str:
    """Internal key of a warning's explanation (rows by UUID, so moves keep it)."""
    if p.row:
        return f"{p.form}.rows[{p.row}].{p.field}"
    return f"{p.form}.{p.field}" if p.field else p.form


class Checker:
    def __init__(self, forms: FormSet, period: Period) -> None:
        self.forms, self.period = forms, period
        self.row_rules: dict[tuple[str, str], list[RuleDef]] = defaultdict(list)
        self.form_rules: dict[tuple[str, str], list[RuleDef]] = defaultdict(list)
        self.by_other: dict[tuple[str, str], list[RuleDef]] = defaultdict(list)
        self.by_roster: dict[str, list[RuleDef]] = defaultdict(list)
        # (form, rule id) -> roster -> the columns of that roster the rule reads
        self.roster_reads: dict[tuple[str, str], dict[str, set[str]]] = {}
        for form in forms:
            for rule in form.rules:
                self._index(rule)
        # What a full check runs per record and per row, worked out once.
        self._record_cells = {form.key: _cell_checks(form.record_fields) for form in forms}
        self._row_cells = {form.key: _cell_checks(form.fields) for form in forms}
        self._row_rule_fns = {
            form.key: [
                (rule, rule.check.fn)
                for rule in form.rules
                if rule.scope == "row" and rule.check is not None
            ]
            for form in forms
        }

    def _index(self, rule: RuleDef) -> None:
        """Record which cells a rule's result (or its message, which shows values) reads."""
        shown = _placeholders(rule)
        key = (rule.form, rule.id)
        if rule.unique:
            self.by_roster[rule.form].append(rule)
            self.roster_reads[key] = {rule.form: set(rule.unique) | shown}
            return
        assert rule.check is not None
        target = self.row_rules if rule.scope == "row" else self.form_rules
        for name in dict.fromkeys([*rule.check.names, *sorted(shown)]):
            target[(rule.form, name)].append(rule)
        for ref in rule.check.others:
            self.by_other[ref].append(rule)
        self.roster_reads[key] = rule.check.rosters
        for roster in rule.check.rosters:
            # A row rule that counts over its own roster depends on the other rows too.
            self.by_roster[roster].append(rule)

    # -- full check ---------------------------------------------------------------------
    def check(self, data: ReportData) -> CheckResult:
        """Every check of the report, into a fresh result."""
        run = _Run(self.forms, data, self.period)
        result = CheckResult()
        slots = result.slots
        for form in self.forms:
            key = form.key
            _fill_cells(slots, form, self._record_cells[key], data.single.get(key, {}), None)
            if form.is_roster:
                cells, row_rules = self._row_cells[key], self._row_rule_fns[key]
                scope = _RowScope({}, run)  # moved from row to row: rules keep no scope
                for row in data.rows.get(key, []):
                    values, uuid = row.values, row.uuid
                    _fill_cells(slots, form, cells, values, uuid)
                    if not row_rules:
                        continue
                    scope.values, scope.get = values, values.get
                    for rule, fn in row_rules:
                        if fn(scope) is False:
                            slots[("rule", key, rule.id, uuid)] = [
                                self._problem(rule, values, uuid)
                            ]
            for rule in form.rules:
                if rule.scope != "row":
                    self._rule(result, run, rule)
        return result

    # -- one change ---------------------------------------------------------------------
    def recheck(self, data: ReportData, result: CheckResult, change: Change) -> CheckResult:
        form = self.forms[change.form]
        run = _Run(self.forms, data, self.period)
        if change.field is None and change.row is None:
            return self.check(data)
        if change.field is None:  # a row added or removed
            if change.removed:
                for slot in [s for s in result.slots if s[3] == change.row]:
                    del result.slots[slot]
            else:
                row = self._find_row(data, form.key, change.row)
                if row is not None:
                    self._row(result, run, form, row)
            for rule in self.by_roster[form.key]:
                self._rule_any(result, run, rule)
            return result
        fields = [change.field]
        fdef = form.field(change.field) if form.has_field(change.field) else None
        if fdef is not None and fdef.companion_of:
            fields.append(fdef.companion_of)
        if change.row is not None:
            row = self._find_row(data, form.key, change.row)
            if row is None:
                return result
            for name in fields:
                self._cell(result, form, form.field(name), row.values, row.uuid)
            scope = _RowScope(row.values, run)
            for rule in self.row_rules[(form.key, change.field)]:
                self._rule(result, run, rule, scope, row.uuid)
            for rule in self.by_roster[form.key]:
                if change.field in self.roster_reads[(rule.form, rule.id)].get(form.key, ()):
                    self._rule_any(result, run, rule)
            return result
        record = data.single.get(form.key, {})
        for name in fields:
            if form.has_field(name):
                self._cell(result, form, form.field(name), record, None)
        for rule in self.form_rules[(form.key, change.field)]:
            self._rule(result, run, rule)
        for rule in self.by_other[(form.key, change.field)]:
            self._rule_any(result, run, rule)
        return result

    def recheck_rows(
        self,
        data: ReportData,
        result: CheckResult,
        form_key: str,
        changed: list[str],
        removed: list[str],
    ) -> CheckResult:
        """After many rows of one roster changed at once (a paste, an import, its undo):
        each changed row's own checks, then the roster-wide rules once."""
        form = self.forms[form_key]
        run = _Run(self.forms, data, self.period)
        gone = set(removed)
        if gone:
            for slot in [s for s in result.slots if s[3] in gone]:
                del result.slots[slot]
        if changed:
            by_uuid = {r.uuid: r for r in data.rows.get(form_key, [])}
            for uuid in changed:
                row = by_uuid.get(uuid)
                if row is not None:
                    self._row(result, run, form, row)
        for rule in self.by_roster[form_key]:
            self._rule_any(result, run, rule)
        return result

    @staticmethod
    def _find_row(data: ReportData, form: str, uuid: str | None) -> RosterRow | None:
        return next((r for r in data.rows.get(form, []) if r.uuid == uuid), None)

    def _rule_any(self, result: CheckResult, run: _Run, rule: RuleDef) -> None:
        if rule.scope == "row":
            for row in run.data.rows.get(rule.form, []):
                self._rule(result, run, rule, _RowScope(row.values, run), row.uuid)
        else:
            self._rule(result, run, rule)

    # -- the checks themselves ----------------------------------------------------------
    def _row(self, result: CheckResult, run: _Run, form: FormDef, row: RosterRow) -> None:
        for f in form.fields:
            self._cell(result, form, f, row.values, row.uuid)
        scope = _RowScope(row.values, run)
        for rule in form.rules:
            if rule.scope == "row":
                self._rule(result, run, rule, scope, row.uuid)

    def _cell(
        self,
        result: CheckResult,
        form: FormDef,
        f: FieldDef,
        values: dict[str, Any],
        row: str | None,
    ) -> None:
        slot: Slot = ("cell", form.key, f.key, row)
        problems = cell_problems(form, f, values, row)
        if problems:
            result.slots[slot] = problems
        else:
            result.slots.pop(slot, None)

    def _rule(
        self,
        result: CheckResult,
        run: _Run,
        rule: RuleDef,
        scope: Any = None,
        row: str | None = None,
    ) -> None:
        slot: Slot = ("rule", rule.form, rule.id, row)
        if rule.unique is not None:
            problems = self._unique(run, rule)
        else:
            assert rule.check is not None
            if scope is None:
                scope = _RowScope(run.data.single.get(rule.form, {}), run)
            ok = rule.check.fn(scope)
            problems = [] if ok is not False else [self._problem(rule, scope.values, row)]
        if problems:
            result.slots[slot] = problems
        else:
            result.slots.pop(slot, None)

    def _problem(self, rule: RuleDef, values: dict[str, Any], row: str | None) -> Problem:
        form = self.forms[rule.form]
        shown = _Values(
            {k: _shown(form.field(k), v) for k, v in values.items() if form.has_field(k)}
        )
        return Problem(
            rule.severity,
            rule.form,
            rule.field,
            rule.text.format_map(shown),
            rule.qualified_id,
            row=row,
        )

    def _unique(self, run: _Run, rule: RuleDef) -> list[Problem]:
        assert rule.unique is not None
        groups: dict[tuple[Any, ...], list[RosterRow]] = defaultdict(list)
        form = self.forms[rule.form]
        masked = [i for i, k in enumerate(rule.unique) if form.field(k).sensitive]
        for row in run.data.rows.get(rule.form, []):
            key = tuple(row.values.get(k) for k in rule.unique)
            # Masked ID numbers hide who they are: equal masks are not the same person.
            if all(k is not None for k in key) and not any(
                idmask.is_masked(str(key[i])) for i in masked
            ):
                groups[key].append(row)
        out = []
        for rows in groups.values():
            if len(rows) > 1:
                for row in rows:
                    out.append(self._problem(rule, row.values, row.uuid))
        return out


def _shown(f: Any, value: Any) -> str:
    """A value as a message shows it: ID numbers (and ID-like numbers in text) masked, so no
    message, log line or summary problem list ever holds a full one."""
    if f.sensitive:
        return idmask.mask(str(value))
    return idmask.mask_ids_in_text(f.display(value))


def _placeholders(rule: RuleDef) -> set[str]:
    """The field names a rule's message shows (in either language)."""
    out: set[str] = set()
    for text in (rule.message, rule.message_en):
        for _literal, name, _spec, _conv in Formatter().parse(text or ""):
            if name:
                out.add(name)
    return out


# A cell check worked out in advance: (field, key, required, the type has its own format
# check, the choice has 其他, max length whose excess is the base type's only format problem).
_CellCheck = tuple[FieldDef, str, bool, bool, bool, int | None]


def _cell_checks(fields: list[FieldDef]) -> list[_CellCheck]:
    out: list[_CellCheck] = []
    for f in fields:
        own_format = type(f.type).format_problem is not FieldType.format_problem
        max_length = None if own_format else (f.type.max_length or None)
        if f.type.computed or not (f.required or own_format or f.has_other or max_length):
            continue  # `cell_problems` can find nothing here
        out.append((f, f.key, f.required, own_format, f.has_other, max_length))
    return out


def _fill_cells(
    slots: dict[Slot, list[Problem]],
    form: FormDef,
    checks: list[_CellCheck],
    values: dict[str, Any],
    row: str | None,
) -> None:
    """`cell_problems` of each cell into a fresh result, skipping cells that cannot fail."""
    get = values.get
    for f, key, required, own_format, other, max_length in checks:
        value = get(key)
        if value is None:
            if not required:
                continue
        elif (
            not own_format
            and (not other or value != OTHER)
            and (max_length is None or not isinstance(value, str) or len(value) <= max_length)
        ):
            continue
        problems = cell_problems(form, f, values, row)
        if problems:
            slots[("cell", form.key, key, row)] = problems
    raw = values.get(RAW_KEY)
    if raw:  # text kept as entered: the cell's problem whatever the fast path skipped
        for key in raw:
            if form.has_field(key):
                slots[("cell", form.key, key, row)] = cell_problems(
                    form, form.field(key), values, row
                )


def cell_problems(
    form: FormDef, f: FieldDef, values: dict[str, Any], row: str | None
) -> list[Problem]:
    """Required, format and 其他 checks of one cell (or why its kept text is unreadable)."""
    raw = values.get(RAW_KEY)
    if raw and f.key in raw:
        return [unparsed_problem(form.key, f, raw[f.key], row)]
    if f.type.computed:
        return []
    value = values.get(f.key)
    if value is None:
        if f.required:
            return [
                Problem(
                    Severity.ERROR,
                    form.key,
                    f.key,
                    tr("“{label}”必须填写", label=f.plain_label),
                    "required",
                    row=row,
                )
            ]
        return []
    out = []
    reason = f.type.format_problem(value)
    if reason:
        out.append(
            Problem(
                f.check_severity,
                form.key,
                f.key,
                tr("“{label}”{reason}", label=f.plain_label, reason=reason),
                f"format:{f.type.name}",
                row=row,
            )
        )
    if f.has_other and value == OTHER and not values.get(f.other_key):
        out.append(
            Problem(
                Severity.WARNING,
                form.key,
                f.key,
                tr("“{label}”选了“其他”，请在旁边注明具体内容", label=f.plain_label),
                "other_text",
                row=row,
            )
        )
    return out


def iter_unexplained(problems: list[Problem], explanations: dict[str, str]) -> Iterator[Problem]:
    """Errors, and warnings that still lack a written explanation."""
    for p in problems:
        if p.is_error or not explanations.get(explanation_key(p), "").strip():
            yield p
