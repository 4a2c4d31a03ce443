"""forms/*.yaml must say what the content standard (shared/spec/forms.md) says.

The test reads both files on its own (plain ``yaml.safe_load``, no engine) so that a mistake in
the engine cannot hide a difference between the standard and the form definitions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "forms.md"
FORMS_DIR = Path(__file__).resolve().parents[2] / "forms"

if not SPEC.is_file():
    pytest.skip(f"content standard not found: {SPEC}", allow_module_level=True)

# Fields whose spec type is "text, N chars/digits" but which have a code type of their own.
CODE_TYPES = {"credit_code": "creditcode", "division_code": "divisioncode", "id_number": "idnumber"}
SIMPLE_TYPES = {
    "long text": "longtext",
    "year-month": "yearmonth",
    "int": "int",
    "money": "money",
    "area": "area",
    "rate": "rate",
    "date": "date",
    "bool": "bool",
    "phone": "phone",
}
NATIONALITIES = "choice: the 56 nationalities + 其他"
INDENT = "\u3000"  # the full-width space that marks a nested 其中


def _tables(body: str) -> list[list[dict[str, str]]]:
    """Every markdown table of a section, as rows of {column: cell}."""
    tables: list[list[dict[str, str]]] = []
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in [*body.splitlines(), ""]:
        if line.startswith("|"):
            # strip(" "), not strip(): the full-width indent of a nested 其中 must stay.
            cells = [c.strip(" ") for c in line.strip().strip("|").split("|")]
            if header is None:
                header = cells
            elif not all(set(c) <= set("-: ") for c in cells):
                rows.append(dict(zip(header, cells, strict=True)))
        elif header is not None:
            tables.append(rows)
            header, rows = None, []
    return tables


def _parse_spec() -> dict[str, dict]:
    text = SPEC.read_text(encoding="utf-8")
    parts = re.split(r"^## (\w+) — (.*)$", text, flags=re.MULTILINE)
    forms: dict[str, dict] = {}
    # parts = [preamble, key, heading, body, key, heading, body, ...]
    for key, heading, body in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        tables = [t for t in _tables(body) if t and "key" in t[0]]
        forms[key] = {"heading": heading.strip(), "tables": tables}
    return forms


SPEC_FORMS = _parse_spec()


def _load(key: str) -> dict:
    path = FORMS_DIR / f"{key}.yaml"
    assert path.is_file(), f"forms/{key}.yaml is missing"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), f"forms/{key}.yaml is not a mapping"
    return data


def _expected_type(key: str, spec_type: str) -> str:
    if key in CODE_TYPES:
        return CODE_TYPES[key]
    if spec_type.startswith("choice"):
        return "choice"
    if spec_type in SIMPLE_TYPES:
        return SIMPLE_TYPES[spec_type]
    if spec_type.startswith("text"):
        return "text"
    raise AssertionError(f"unknown type word in forms.md: {key}: {spec_type!r}")


def _spec_choices(spec_type: str) -> list[str] | None:
    if not spec_type.startswith("choice:"):
        return None
    return [c.strip() for c in spec_type.removeprefix("choice:").split(", ")]


def _compare_fields(form: str, part: str, spec_rows: list[dict], yaml_fields: list[dict]) -> None:
    where = f"{form}.{part}"
    assert [r["key"] for r in spec_rows] == [f["key"] for f in yaml_fields], (
        f"{where}: field keys or their order differ from forms.md"
    )
    by_key = {f["key"]: f for f in yaml_fields}
    for row in spec_rows:
        key, spec_type, check = row["key"], row["type"], row["check"]
        field = by_key[key]
        label = row["label"].lstrip(INDENT)
        assert field.get("label") == label, f"{where}.{key}: label"
        assert field.get("type") == _expected_type(key, spec_type), f"{where}.{key}: type"

        length = re.fullmatch(r"text ≤ (\d+)", spec_type)
        if length:
            assert field.get("max_length") == int(length.group(1)), f"{where}.{key}: max_length"

        if spec_type == NATIONALITIES:
            choices = field.get("choices")
            assert isinstance(choices, list), f"{where}.{key}: choices"
            assert len(choices) == 57 and len(set(choices)) == 57, f"{where}.{key}: 56 + 其他"
            assert choices[0] == "汉族" and choices[-1] == "其他", f"{where}.{key}: order"
        elif spec_type.startswith("choice"):
            assert field.get("choices") == _spec_choices(spec_type), f"{where}.{key}: choices"
        else:
            assert "choices" not in field, f"{where}.{key}: choices on a non-choice field"

        # "required" or "required; …" — not "required when …", which is a rule.
        required = re.match(r"required(;|$)", check) is not None
        assert bool(field.get("required")) == required, f"{where}.{key}: required"
        default = re.search(r"\bdefault (\S+?)(?:;|$)", check)
        assert field.get("default") == (default.group(1) if default else None), (
            f"{where}.{key}: default"
        )

        # 其中 fields name their parent; a nested one (indented in forms.md) sits under a 其中.
        is_part = label.startswith("其中")
        parent = field.get("parent")
        assert bool(parent) == is_part, f"{where}.{key}: parent"
        if parent:
            keys = [f["key"] for f in yaml_fields]
            assert parent in keys[: keys.index(key)], f"{where}.{key}: parent must come before"
            parent_is_part = by_key[parent]["label"].startswith("其中")
            assert parent_is_part == row["label"].startswith(INDENT), (
                f"{where}.{key}: parent does not match the nesting in forms.md"
            )


def test_every_spec_form_has_a_yaml_and_no_more() -> None:
    assert SPEC_FORMS, "no forms found in forms.md"
    on_disk = sorted(p.stem for p in FORMS_DIR.glob("*.yaml"))
    assert on_disk == sorted(SPEC_FORMS)


@pytest.mark.parametrize("form", list(SPEC_FORMS))
def test_form_matches_spec(form: str) -> None:
    spec = SPEC_FORMS[form]
    data = _load(form)
    assert data.get("form") == form
    assert data.get("version") == 1

    heading = spec["heading"]
    kind = re.search(r"\((single record|roster|roster \+ summary)\)\s*$", heading)
    assert kind, f"forms.md heading of {form} names no kind"
    expected_kind = "single" if kind.group(1) == "single record" else "roster"
    assert data.get("kind") == expected_kind, f"{form}: kind"

    names = heading[: kind.start()].strip()
    table_no = re.match(r"(表[一二三四五六七八九十]+) (.+)$", names)
    if table_no:
        assert data.get("table_no") == table_no.group(1), f"{form}: table_no"
        assert data.get("title") == table_no.group(2), f"{form}: title"
    else:
        assert "table_no" not in data, f"{form}: table_no"
        assert data.get("title") == names.split(" / ")[-1], f"{form}: title"

    tables = spec["tables"]
    if kind.group(1) == "roster + summary":
        assert len(tables) == 2, f"forms.md: {form} should have roster and summary tables"
        _compare_fields(form, "fields", tables[0], data.get("fields") or [])
        _compare_fields(form, "summary", tables[1], data.get("summary") or [])
    else:
        assert len(tables) == 1, f"forms.md: {form} should have one table"
        _compare_fields(form, "fields", tables[0], data.get("fields") or [])
        assert "summary" not in data, f"{form}: summary on a form without one"


@pytest.mark.parametrize("form", list(SPEC_FORMS))
def test_sections_hold_every_field_once(form: str) -> None:
    data = _load(form)
    sections = data.get("sections")
    if data.get("kind") != "single":
        assert sections is None, f"{form}: sections are for single-record forms"
        return
    assert sections, f"{form}: a single-record form should be grouped into sections"
    grouped = [key for section in sections for key in section["fields"]]
    assert sorted(grouped) == sorted(f["key"] for f in data["fields"]), f"{form}: sections"
    assert len(grouped) == len(set(grouped)), f"{form}: a field is in two sections"
