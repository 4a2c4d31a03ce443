"""Chinese punctuation in every message (issue 11, item 10): the message catalogue, every
literal passed to `tr()` / `self.tr()` in the package, the window's translation sources and
the forms' rule messages use “”，：；？！ in Chinese text, never ASCII quotes or an ASCII
colon or comma beside Chinese characters, and never doubled quotes. Form labels are the
standard's own wording (forms.md) and are not checked here."""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from unionclerk import paths

ROOT = Path(__file__).resolve().parents[1]
CJK = r"[\u4e00-\u9fff]"
WRONG = re.compile(
    r"[\"']"  # ASCII quotes in Chinese text
    rf"|(?:{CJK}|[）”])\s*[:,;?!]"  # an ASCII colon, comma… after Chinese
    rf"|[:,;?!]\s*(?:{CJK}|[（“])"  # … or before it
    r"|“[^”]*“|”[^“]*”"  # a quote opened twice, or closed twice
)


def wrong(text: str) -> str | None:
    """What is wrong with a Chinese message, or None; placeholders count as plain words."""
    if not re.search(CJK, text) or ";;" in text:  # ;; separates Qt's file filters
        return None
    found = WRONG.search(re.sub(r"\{[^{}]*\}", "X", text))
    return found.group(0) if found else None


def test_the_rule_itself():
    assert wrong("“{label}”必须填写") is None
    assert wrong("任职方式：{c}") is None
    assert wrong("Total: {n}") is None
    assert wrong("任职方式: {c}") == "式:"
    assert wrong('"{label}"必须填写') is not None
    assert wrong("““表二””") is not None
    assert wrong("请核对,再导入") is not None


def tr_literals() -> list[tuple[str, str]]:
    out = []
    for file in sorted((ROOT / "unionclerk").rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            arg = node.args[0]
            if (
                name in ("tr", "translate")
                and isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
            ):
                out.append((f"{file.relative_to(ROOT)}:{node.lineno}", arg.value))
    return out


def test_tr_literals_use_chinese_punctuation():
    literals = tr_literals()
    assert len(literals) > 300  # the scan really finds the package's messages
    bad = [f"{where}: {text!r} ({wrong(text)!r})" for where, text in literals if wrong(text)]
    assert not bad, "\n".join(bad)


def test_catalogue_uses_chinese_punctuation():
    catalogue = json.loads((paths.resources_dir() / "i18n" / "en.json").read_text("utf-8"))
    bad = [f"{text!r} ({wrong(text)!r})" for text in catalogue if wrong(text)]
    assert not bad, "\n".join(bad)


def test_window_translation_sources_use_chinese_punctuation():
    ts = paths.resources_dir() / "translations" / "unionclerk_en.ts"
    sources = [m.findtext("source") or "" for m in ET.parse(ts).iter("message")]
    assert len(sources) > 100
    bad = [f"{text!r} ({wrong(text)!r})" for text in sources if wrong(text)]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("file", sorted((ROOT / "forms").glob("*.yaml")), ids=lambda p: p.stem)
def test_rule_messages_use_chinese_punctuation(file):
    spec = yaml.safe_load(file.read_text(encoding="utf-8"))
    messages = [r["message"] for r in spec.get("rules", []) if "message" in r]
    bad = [f"{text!r} ({wrong(text)!r})" for text in messages if wrong(text)]
    assert not bad, "\n".join(bad)


def test_cadre_figures_labels(forms):
    """The figures computed from the cadre roster print in the workbook and PDF."""
    from datetime import date

    from unionclerk.formspec.derived import cadre_figures

    rows = [
        {
            "gender": "女",
            "political": "中共党员",
            "position": "主席",
            "appointment": "专职",
            "frontline": False,
            "birth": None,
        }
    ]
    fig = cadre_figures(
        rows,
        date(2018, 12, 31),
        forms["cadres"].field("position").choices,
        forms["cadres"].field("appointment").choices,
    )
    labels = [label for _key, label, _value, _unit in fig.lines()]
    assert "其中：女性" in labels and any(label.startswith("按职务：") for label in labels)
    assert not [label for label in labels if wrong(label)]


def test_messages_never_double_their_quotes(ws) -> None:
    """A label or a typed text that carries its own quotes, put between “” by a message,
    reads with single quotes inside: “‘缺编制’破解情况”必须填写, never “"缺编制"…” or “abc“x””."""
    from unionclerk.domain.i18n import nested_quotes, tr
    from unionclerk.services import demo
    from unionclerk.services.editing import EditSession

    assert nested_quotes('"缺编制"与“缺人员”') == "‘缺编制’与‘缺人员’"
    assert tr("“{label}”必须填写", label='"缺编制"破解情况') == "“‘缺编制’破解情况”必须填写"
    assert tr("{n} 个", n='"x"') == '"x" 个'  # not between quotes: left as it is
    session = EditSession(ws, demo.build_demo(ws))
    messages = []
    for key in ("lack_staffing", "lack_people", "budget"):
        if ws.forms["support"].has_field(key):
            for text in ("", "abc“x”"):
                try:
                    session.set_text("support", key, text)
                except Exception as exc:  # noqa: BLE001 - a refused value: its message counts
                    messages.append(str(exc))
    messages += [p.message for p in session.problems()]
    assert messages
    bad = [m for m in messages if wrong(m) or '"' in m]
    assert not bad, bad
