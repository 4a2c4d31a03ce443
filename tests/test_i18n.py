"""The English catalogue and the forms' English texts are complete and consistent.

If this fails after you added a `tr("…")` message: run
`python tools/extract_messages.py --update`, then write the English for the new empty
entries in resources/i18n/en.json (same `{placeholders}`, same line breaks).
"""

from __future__ import annotations

import importlib.util
import json
import string
import sys
from pathlib import Path

import pytest
import yaml

from unionclerk import app, paths
from unionclerk.domain import i18n
from unionclerk.domain.i18n import tr

ROOT = Path(__file__).resolve().parents[1]
FIX = "run `python tools/extract_messages.py --update`, then translate in resources/i18n/en.json"
USAGE = "用法错误：{message}\n"


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "extract_messages", ROOT / "tools" / "extract_messages.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def scan():
    return tool.scan_package()


@pytest.fixture(scope="module")
def catalogue() -> dict[str, str]:
    return tool.load_catalogue(paths.resources_dir() / "i18n" / "en.json")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_scan_finds_core_messages_but_not_gui(scan) -> None:
    assert USAGE in scan.messages
    assert any(at.startswith("unionclerk/app.py:") for at in scan.messages[USAGE])
    assert not any(
        at.startswith("unionclerk/gui/") for where in scan.messages.values() for at in where
    )


def test_no_non_literal_tr_calls(scan) -> None:
    assert scan.errors == [], "tr() only translates string literals:\n" + "\n".join(scan.errors)


def test_catalogue_is_complete(scan, catalogue) -> None:
    report = tool.compare(scan, catalogue)
    assert not report.missing, f"messages without English ({FIX}):\n" + "\n".join(report.missing)
    assert not report.empty, f"English still empty ({FIX}):\n" + "\n".join(report.empty)
    assert not report.stale, f"unused entries ({FIX}):\n" + "\n".join(report.stale)


def test_catalogue_placeholders_match(catalogue) -> None:
    wrong = [
        f"{zh!r} -> {en!r}"
        for zh, en in catalogue.items()
        if en and placeholders(en) != placeholders(zh)
    ]
    assert not wrong, "English must keep every {placeholder} of the Chinese:\n" + "\n".join(wrong)


def test_catalogue_line_breaks_match(catalogue) -> None:
    wrong = [
        f"{zh!r} -> {en!r}"
        for zh, en in catalogue.items()
        if en and en.count("\n") != zh.count("\n")
    ]
    assert not wrong, "English must keep the line breaks of the Chinese:\n" + "\n".join(wrong)


def test_catalogue_file_is_sorted_and_tidy(catalogue) -> None:
    file = paths.resources_dir() / "i18n" / "en.json"
    assert list(catalogue) == sorted(catalogue)
    assert file.read_text(encoding="utf-8") == (
        json.dumps(catalogue, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )


def test_scan_reports_non_literal_calls() -> None:
    found = tool.Scan()
    source = (
        "tr('好 {x}', x=1)\n"
        "tr(f'坏 {x}')\n"
        "tr(message)\n"
        "tr('a' + b)\n"
        "i18n.tr('也好')\n"
        "other.tr(text)\n"  # not ours (e.g. Qt's): ignored
    )
    tool.scan_source(source, "sample.py", found)
    assert set(found.messages) == {"好 {x}", "也好"}
    assert [e.split(":")[1] for e in found.errors] == ["2", "3", "4"]


def test_tr_english_and_chinese() -> None:
    assert tr(USAGE, message="x") == "用法错误：x\n"  # Chinese by default
    i18n.set_language("en")
    assert tr(USAGE, message="x") == "Usage error: x\n"
    assert tr("还没有翻译的消息 {n}", n=1) == "还没有翻译的消息 1"  # unknown: falls back
    i18n.set_language("zh")
    assert tr(USAGE, message="x") == "用法错误：x\n"


def test_cli_usage_error_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        app.main(["--lang", "en", "no-such-command"])
    assert exc.value.code == app.EXIT_REFUSED
    assert "Usage error: " in capsys.readouterr().err


def _forms() -> list[tuple[str, dict]]:
    files = sorted(paths.forms_dir().glob("*.yaml"))
    assert files
    return [(f.name, yaml.safe_load(f.read_text(encoding="utf-8"))) for f in files]


def test_forms_rule_messages_have_english_with_same_placeholders() -> None:
    wrong = []
    for name, form in _forms():
        for rule in form.get("rules") or []:
            zh, en = rule["message"], rule.get("message_en")
            if not en:
                wrong.append(f"{name}: rule {rule['id']}: no message_en")
            elif placeholders(en) != placeholders(zh):
                wrong.append(
                    f"{name}: rule {rule['id']}: {sorted(placeholders(zh))} in "
                    f"message, {sorted(placeholders(en))} in message_en"
                )
    assert not wrong, "\n".join(wrong)


def test_forms_have_english_labels_titles_and_help() -> None:
    wrong = []
    for name, form in _forms():
        if not form.get("title_en"):
            wrong.append(f"{name}: no title_en")
        for section in form.get("sections") or []:
            if not section.get("title_en"):
                wrong.append(f"{name}: section {section['title']}: no title_en")
        for field in (form.get("fields") or []) + (form.get("summary") or []):
            if not field.get("label_en"):
                wrong.append(f"{name}: field {field['key']}: no label_en")
            if field.get("help") and not field.get("help_en"):
                wrong.append(f"{name}: field {field['key']}: help without help_en")
    assert not wrong, "\n".join(wrong)
