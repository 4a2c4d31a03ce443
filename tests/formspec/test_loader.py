"""The loader reads forms strictly, and every shipped form passes it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from unionclerk import paths
from unionclerk.domain.errors import FormDefinitionError
from unionclerk.formspec import load_forms

BASE = {
    "form": "demo",
    "version": 1,
    "kind": "single",
    "order": 1,
    "title": "演示",
    "fields": [
        {"key": "total", "label": "合计", "type": "int"},
        {"key": "part", "label": "其中: 部分", "type": "int", "parent": "total"},
        {
            "key": "kind",
            "label": "类型",
            "type": "choice",
            "choices": ["甲", "其他"],
            "default": "甲",
        },
    ],
    "rules": [
        {
            "id": "part_le_total",
            "check": "part <= total",
            "severity": "error",
            "message": "部分({part})不能大于合计({total})",
        }
    ],
}


def write(tmp_path: Path, doc: dict, name: str = "demo") -> Path:
    folder = tmp_path / "forms"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    return folder


def variant(**changes) -> dict:
    doc = yaml.safe_load(yaml.safe_dump(BASE, allow_unicode=True))
    for path, value in changes.items():
        target = doc
        *parts, last = path.split("__")
        for p in parts:
            target = target[int(p)] if p.isdigit() else target[p]
        target[int(last) if last.isdigit() else last] = value
    return doc


def test_a_good_form_loads(tmp_path):
    forms = load_forms(write(tmp_path, BASE))
    form = forms["demo"]
    assert [f.key for f in form.fields] == ["total", "part", "kind", "kind_other"]
    assert form.field("part").depth == 1
    assert form.field("kind_other").companion_of == "kind"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"colour": "red"}, "unknown key(s) colour"),
        ({"fields__0__type": "integer"}, "unknown type 'integer'"),
        ({"fields__0__size": 3}, "field total: unknown key(s) size"),
        ({"form": "other"}, "does not match the file name"),
        ({"fields__2__default": "乙"}, "field kind: default '乙'"),
        ({"fields__1__parent": "nothing"}, "field part: parent 'nothing'"),
        ({"rules__0__check": "part <= totl"}, "rule part_le_total: unknown field totl"),
        ({"rules__0__check": "__import__('os')"}, "rule part_le_total"),
        ({"rules__0__check": "part.__class__"}, "rule part_le_total"),
        ({"rules__0__check": "max(part, total)"}, "unknown function max()"),
        ({"rules__0__severity": "fatal"}, "severity must be error or warning"),
        ({"rules__0__field": "nowhere"}, "field 'nowhere' does not exist"),
        ({"kind": "table"}, "kind: must be single or roster"),
        ({"sections": [{"title": "一", "fields": ["total"]}]}, "every field exactly once"),
    ],
)
def test_mistakes_are_named(tmp_path, changes, words):
    with pytest.raises(FormDefinitionError) as info:
        load_forms(write(tmp_path, variant(**changes)))
    assert "demo.yaml" in str(info.value)
    assert words in str(info.value)


def test_shipped_forms_are_complete(forms):
    assert forms.keys() == [
        "cover",
        "organisation",
        "cadres",
        "venues",
        "services",
        "support",
        "rights",
    ]
    for form in forms:
        assert form.version >= 1 and form.title
        for f in form.fields + form.summary:
            assert f.label.strip()
            if f.default is not None:
                assert f.default in f.choices
            if f.type.name == "rate":
                assert f.formula and all(form.has_field(k) for k in f.formula)
        for rule in form.rules:
            assert rule.message and form.has_field(rule.field)


def test_shipped_forms_are_the_files_in_the_bundle():
    assert sorted(p.stem for p in paths.forms_dir().glob("*.yaml")) == sorted(
        ["cover", "organisation", "cadres", "venues", "services", "support", "rights"]
    )
