"""Issue 13 "Done when": the door refuses every invalid value of every field — NaN,
infinities, integer literals of thousands of digits, lone surrogates, control, bidi-override
and zero-width characters, over-long text — with exit 2 and a message naming the field, never
the generic error, never a traceback, and nothing stored. The fields and values are drawn by
tests/reportgen.py over every form; the file is the demo's own JSON export with one value
replaced, so the value alone is why it is refused."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportgen import invalid_cases  # noqa: E402

from tests.helpers import demo_in_2019, stored_reports  # noqa: E402
from unionclerk.domain.i18n import nested_quotes  # noqa: E402
from unionclerk.formspec import shipped_forms  # noqa: E402

FORMS = shipped_forms()
MARK = "@@VALUE@@"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The demo report as JSON, moved to 2019, every roster with at least one row."""
    from unionclerk.services.workspace import Workspace

    home = tmp_path_factory.mktemp("demo")
    ws = Workspace.open(home)
    try:
        doc = demo_in_2019(ws, home / "out")
    finally:
        ws.close()
    for form in FORMS:
        if form.is_roster:
            entry = doc["forms"].setdefault(form.key, {})
            entry.setdefault("rows", [])
            if not entry["rows"]:
                entry["rows"].append({})
            if form.summary:
                entry.setdefault("summary", {})
    return doc


def with_value(base: dict, where: str, literal: str) -> str:
    doc = json.loads(json.dumps(base))
    parts = where.split(".")
    target = doc["forms"][parts[0]]
    if parts[1].startswith("rows["):
        target = target["rows"][0]
    elif parts[1] == "summary":
        target = target["summary"]
    target[parts[-1]] = MARK
    return json.dumps(doc, ensure_ascii=False).replace(json.dumps(MARK), literal)


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=invalid_cases())
def test_each_field_refuses_invalid_values_by_name(cli, data_dir, tmp_path, base, case) -> None:
    where, field, literal = case
    file = tmp_path / "报表.json"
    file.write_text(with_value(base, where, literal), encoding="utf-8")
    code, _, err = cli(data_dir, "import", file)
    assert code == 2, err
    assert f"{file.name}: {where}" in err, err  # the file, then the form, row and field
    assert f"“{nested_quotes(field.plain_label)}”" in err, err  # its own quotes as ‘’
    assert "意外错误" not in err  # and no traceback (the cli fixture)
    assert "\x1b" not in err and "\ud800" not in err  # printed harmlessly
    assert stored_reports(data_dir) == 0


def test_invalid_explanation_is_refused_by_name(cli, data_dir, tmp_path, base) -> None:
    doc = json.loads(json.dumps(base))
    doc["explanations"] = {"organisation.members": "原因\x1b[2K已导入"}
    file = tmp_path / "说明.json"
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, _, err = cli(data_dir, "import", file)
    assert code == 2
    assert "explanations.organisation.members" in err and "U+001B" in err
    assert "\x1b" not in err
