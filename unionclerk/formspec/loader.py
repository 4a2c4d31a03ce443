"""Reads forms/*.yaml strictly into `FormDef`s.

Any unknown key, unknown type, duplicate field, bad parent, or a rule that names a field
that does not exist is a `FormDefinitionError` naming the file and the field. Cross-form
references (`cover.report_date`, `count(cadres, …)`) are resolved after all files are read.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from unionclerk.domain.errors import FormDefinitionError
from unionclerk.domain.problems import Severity
from unionclerk.formspec.derived import DERIVED_FROM
from unionclerk.formspec.expr import ExprError, compile_expr
from unionclerk.formspec.fieldtypes import TYPES, TextType
from unionclerk.formspec.model import (
    CountChart,
    CountyFigure,
    FieldDef,
    FormDef,
    FormSet,
    RuleDef,
    Section,
)
from unionclerk.formspec.text import header_fold

# libyaml's safe loader when PyYAML has it (several times faster), the pure-Python one otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FORM_KEYS = {
    "form",
    "version",
    "kind",
    "order",
    "table_no",
    "title",
    "title_en",
    "unit_label",
    "sections",
    "fields",
    "summary",
    "rules",
    "renamed",
    "deleted",
    "carry_over",
    "row_key",
    "derived_figures",
    "key_figures",
    "headline",
    "county_figures",
    "chart",
    "count_label",
    "count_label_en",
}
_REQUIRED_FORM_KEYS = {"form", "version", "kind", "order", "title", "fields"}
_FIELD_KEYS = {
    "key",
    "label",
    "label_en",
    "type",
    "unit",
    "required",
    "parent",
    "help",
    "help_en",
    "max_length",
    "choices",
    "default",
    "formula",
    "check_severity",
    "synonyms",
}
_RULE_KEYS = {"id", "check", "unique", "severity", "field", "message", "message_en", "scope"}
_SECTION_KEYS = {"title", "title_en", "fields"}


class _Ctx:
    """Where we are in a file, for error messages."""

    def __init__(self, file: Path) -> None:
        self.file = file

    def error(self, where: str, what: str) -> FormDefinitionError:
        return FormDefinitionError(f"{self.file.name}: {where}: {what}")

    def keys(self, where: str, mapping: Any, allowed: set[str], required: set[str]) -> None:
        if not isinstance(mapping, dict):
            raise self.error(where, "should be a mapping")
        unknown = sorted(set(mapping) - allowed)
        if unknown:
            raise self.error(where, f"unknown key(s) {', '.join(map(str, unknown))}")
        missing = sorted(required - set(mapping))
        if missing:
            raise self.error(where, f"missing key(s) {', '.join(missing)}")


def _field(ctx: _Ctx, raw: Any, seen: dict[str, FieldDef]) -> list[FieldDef]:
    where = "field " + (str(raw.get("key", "?")) if isinstance(raw, dict) else repr(raw))
    ctx.keys(where, raw, _FIELD_KEYS, {"key", "label", "type"})
    key, type_name = raw["key"], raw["type"]
    if not isinstance(key, str) or not key.isidentifier():
        raise ctx.error(where, "key must be an identifier")
    if key in seen:
        raise ctx.error(where, "duplicate key")
    if type_name not in TYPES:
        raise ctx.error(where, f"unknown type {type_name!r}")
    choices = raw.get("choices")
    if (type_name == "choice") != (choices is not None):
        raise ctx.error(where, "choices belong to (and are required by) type choice")
    if choices is not None and (
        not isinstance(choices, list)
        or not all(isinstance(c, str) for c in choices)
        or len(set(choices)) != len(choices)
        or not choices
    ):
        raise ctx.error(where, "choices must be a list of distinct strings")
    ftype = TYPES[type_name](max_length=raw.get("max_length"), choices=choices)
    default = raw.get("default")
    if default is not None and (choices is None or default not in choices):
        raise ctx.error(where, f"default {default!r} is not one of the choices")
    parent = raw.get("parent")
    if parent is not None and parent not in seen:
        raise ctx.error(where, f"parent {parent!r} must be a field defined before it")
    formula = raw.get("formula")
    if (type_name == "rate") != (formula is not None):
        raise ctx.error(where, "formula belongs to (and is required by) type rate")
    parts: tuple[str, str] | None = None
    if formula is not None:
        bits = [b.strip() for b in str(formula).split("/")]
        if len(bits) != 2 or not all(b in seen and seen[b].type.numeric for b in bits):
            raise ctx.error(where, "formula must be `numerator / denominator` of earlier numbers")
        parts = (bits[0], bits[1])
    try:
        severity = Severity(raw.get("check_severity", "error"))
    except ValueError:
        raise ctx.error(where, "check_severity must be error or warning") from None
    synonyms = raw.get("synonyms", [])
    if not isinstance(synonyms, list) or not all(
        isinstance(s, str) and s.strip() for s in synonyms
    ):
        raise ctx.error(where, "synonyms must be a list of column headers (strings)")
    fd = FieldDef(
        key=key,
        label=str(raw["label"]),
        label_en=raw.get("label_en"),
        type=ftype,
        unit=raw.get("unit"),
        required=bool(raw.get("required", False)),
        parent=parent,
        help=raw.get("help"),
        help_en=raw.get("help_en"),
        default=default,
        formula=parts,
        check_severity=severity,
        depth=seen[parent].depth + 1 if parent else 0,
        synonyms=tuple(synonyms),
    )
    out = [fd]
    if fd.has_other:
        label_en = f"{fd.label_en} (other)" if fd.label_en else None
        out.append(
            FieldDef(
                key=fd.other_key,
                label=f"{fd.plain_label}(其他)",
                label_en=label_en,
                type=TextType(max_length=100),
                companion_of=key,
                depth=fd.depth,
            )
        )
    for f in out:
        seen[f.key] = f
    return out


def _fields(ctx: _Ctx, raw: Any, name: str, seen: dict[str, FieldDef]) -> list[FieldDef]:
    if not isinstance(raw, list) or not raw:
        raise ctx.error(name, "should be a non-empty list of fields")
    out: list[FieldDef] = []
    for item in raw:
        out.extend(_field(ctx, item, seen))
    return out


def read_form(file: Path) -> tuple[FormDef, list[dict[str, Any]]]:
    """Read one file; rules come back raw, to be compiled once every form is known."""
    ctx = _Ctx(file)
    try:
        raw = yaml.load(file.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except yaml.YAMLError as exc:
        raise ctx.error("file", f"not valid YAML: {exc}") from None
    ctx.keys("top level", raw, _FORM_KEYS, _REQUIRED_FORM_KEYS)
    if raw["form"] != file.stem:
        raise ctx.error("form", f"{raw['form']!r} does not match the file name")
    if raw["kind"] not in ("single", "roster"):
        raise ctx.error("kind", "must be single or roster")
    if not isinstance(raw["version"], int) or raw["version"] < 1:
        raise ctx.error("version", "must be a positive integer")
    seen: dict[str, FieldDef] = {}
    form = FormDef(
        key=raw["form"],
        version=raw["version"],
        kind=raw["kind"],
        order=int(raw["order"]),
        title=raw["title"],
        title_en=raw.get("title_en"),
        table_no=raw.get("table_no"),
        unit_label=raw.get("unit_label"),
        fields=_fields(ctx, raw["fields"], "fields", seen),
        renamed=dict(raw.get("renamed") or {}),
        deleted=list(raw.get("deleted") or []),
    )
    if "summary" in raw:
        if not form.is_roster:
            raise ctx.error("summary", "only roster forms have a summary part")
        form.summary = _fields(ctx, raw["summary"], "summary", seen)
    form.index()
    _synonyms(ctx, form)
    for old, new in form.renamed.items():
        if not form.has_field(new) or form.has_field(old):
            raise ctx.error(f"renamed {old}", f"must map an old key to a current field, not {new}")
    for old in form.deleted:
        if form.has_field(old):
            raise ctx.error(f"deleted {old}", "is still a current field")
    form.sections = _sections(ctx, raw.get("sections"), form)
    _roles(ctx, raw, form)
    rules = raw.get("rules") or []
    if not isinstance(rules, list):
        raise ctx.error("rules", "should be a list")
    return form, rules


def _synonyms(ctx: _Ctx, form: FormDef) -> None:
    """A header that names two fields would be matched by chance: refuse the synonym."""
    owner: dict[str, str] = {header_fold(f.label): f.key for f in form.fields}
    for f in form.fields:
        for synonym in f.synonyms:
            name = header_fold(synonym)
            if owner.setdefault(name, f.key) != f.key:
                raise ctx.error(
                    f"field {f.key}", f"synonym {synonym!r} already names field {owner[name]}"
                )


def _roles(ctx: _Ctx, raw: dict[str, Any], form: FormDef) -> None:
    """What the program does with the form: the attributes code asks instead of its key."""
    for flag in ("carry_over", "derived_figures"):
        value = raw.get(flag, False)
        if not isinstance(value, bool) or (value and not form.is_roster):
            raise ctx.error(flag, "must be true or false, and true only on a roster form")
        setattr(form, flag, value)
    if form.derived_figures:
        lacking = [k for k in DERIVED_FROM if not form.has_field(k)]
        if lacking:
            raise ctx.error("derived_figures", f"needs the field(s) {', '.join(lacking)}")
    columns = {f.key for f in form.fields} if form.is_roster else set()
    records = {f.key for f in form.record_fields}
    for name, allowed in (("row_key", columns), ("key_figures", records)):
        keys = raw.get(name, [])
        if (
            not isinstance(keys, list)
            or not keys
            and name in raw
            or not all(k in allowed for k in keys)
            or len(set(keys)) != len(keys)
        ):
            raise ctx.error(
                name,
                "must list distinct keys of the form's own "
                + ("columns" if name == "row_key" else "record fields"),
            )
        setattr(form, name, list(keys))
    headline = raw.get("headline")
    if headline is not None:
        if headline not in records or not form.field(headline).formula:
            raise ctx.error("headline", "must be a rate field of the form")
        form.headline = headline
    for item in raw.get("county_figures") or []:
        ctx.keys("county_figures", item, {"field", "label", "label_en"}, {"field", "label"})
        if item["field"] not in records or not (form.field(item["field"]).type.numeric):
            raise ctx.error("county_figures", f"{item['field']!r} is no number of the form")
        if "{n}" not in str(item["label"]):
            raise ctx.error("county_figures", "a label must hold {n}")
        form.county_figures.append(
            CountyFigure(item["field"], str(item["label"]), item.get("label_en"))
        )
    chart = raw.get("chart")
    if chart is not None:
        ctx.keys("chart", chart, {"field", "title", "title_en"}, {"field", "title"})
        if (
            not form.is_roster
            or chart["field"] not in columns
            or not form.field(chart["field"]).choices
        ):
            raise ctx.error("chart", "must name a choice column of a roster form")
        form.chart = CountChart(chart["field"], str(chart["title"]), chart.get("title_en"))
    for name in ("count_label", "count_label_en"):
        text = raw.get(name)
        if text is not None and (not form.is_roster or "{n}" not in str(text)):
            raise ctx.error(name, "belongs to a roster form and must hold {n}")
        setattr(form, name, text)


def _sections(ctx: _Ctx, raw: Any, form: FormDef) -> list[Section]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ctx.error("sections", "should be a list")
    sections, listed = [], []
    for item in raw:
        ctx.keys(f"section {item.get('title', '?')}", item, _SECTION_KEYS, {"title", "fields"})
        for key in item["fields"]:
            if not form.has_field(key):
                raise ctx.error(f"section {item['title']}", f"unknown field {key}")
        listed.extend(item["fields"])
        sections.append(Section(item["title"], item.get("title_en"), list(item["fields"])))
    expected = [f.key for f in form.record_fields if not f.companion_of]
    if sorted(listed) != sorted(expected):
        raise ctx.error("sections", "must list every field exactly once")
    return sections


def _compile_rules(
    ctx: _Ctx, form: FormDef, raw_rules: list[dict[str, Any]], forms: FormSet
) -> None:
    singles = {f.key: {x.key for x in f.record_fields} for f in forms if f.key != form.key}
    rosters = {f.key: {x.key for x in f.fields} for f in forms if f.is_roster}
    ids: set[str] = set()
    for raw in raw_rules:
        where = "rule " + (str(raw.get("id", "?")) if isinstance(raw, dict) else repr(raw))
        ctx.keys(where, raw, _RULE_KEYS, {"id", "severity", "message"})
        if raw["id"] in ids:
            raise ctx.error(where, "duplicate rule id")
        ids.add(raw["id"])
        if ("check" in raw) == ("unique" in raw):
            raise ctx.error(where, "needs exactly one of check / unique")
        scope = raw.get("scope") or ("row" if form.is_roster else "form")
        allowed = ("row", "roster", "form") if form.summary else ("row", "roster")
        if scope not in (allowed if form.is_roster else ("form",)):
            raise ctx.error(where, f"scope {scope!r} does not fit a {form.kind} form")
        own = [f.key for f in (form.fields if scope == "row" else form.record_fields)]
        try:
            severity = Severity(raw["severity"])
        except ValueError:
            raise ctx.error(where, "severity must be error or warning") from None
        rule = RuleDef(
            id=raw["id"],
            form=form.key,
            scope=scope,
            severity=severity,
            field="",
            message=raw["message"],
            message_en=raw.get("message_en"),
        )
        if "unique" in raw:
            if scope != "roster" or not all(k in rosters.get(form.key, ()) for k in raw["unique"]):
                raise ctx.error(where, "unique needs scope roster and existing column keys")
            rule.unique = list(raw["unique"])
            first = rule.unique[0]
        else:
            try:
                rule.check = compile_expr(
                    str(raw["check"]), own if scope != "roster" else [], singles, rosters
                )
            except ExprError as exc:
                raise ctx.error(where, str(exc)) from None
            first = (rule.check.names or [next(iter(rule.check.rosters.get(form.key, [])), "")])[0]
        rule.field = raw.get("field", first)
        if rule.field and not form.has_field(rule.field):
            raise ctx.error(where, f"field {rule.field!r} does not exist")
        form.rules.append(rule)


def load_forms(folder: Path) -> FormSet:
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise FormDefinitionError(f"no form definitions in {folder}")
    read = [(file, *read_form(file)) for file in files]
    forms = FormSet(sorted((f for _, f, _ in read), key=lambda f: f.order))
    for file, form, rules in read:
        _compile_rules(_Ctx(file), form, rules, forms)
    return forms


@functools.cache
def shipped_forms() -> FormSet:
    """The forms bundled with the program (read once per process)."""
    from unionclerk import paths

    return load_forms(paths.forms_dir())
