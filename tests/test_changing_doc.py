"""docs/changing.md stays true: every file it names exists, every YAML key it tells you to
write is one the forms loader reads, and every test it names is there to run."""

from __future__ import annotations

import re
from pathlib import Path

from unionclerk.formspec import loader

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "changing.md"
TOP = ("unionclerk/", "forms/", "tests/", "resources/", "tools/", "docs/")
# The YAML keys the answers tell you to write, and where they go.
FORM_KEYS = [
    "key_figures",
    "headline",
    "county_figures",
    "count_label",
    "row_key",
    "carry_over",
    "chart",
    "derived_figures",
    "rules",
    "fields",
    "version",
    "renamed",
    "deleted",
]
FIELD_KEYS = ["synonyms", "label_en", "help_en"]


def named_paths() -> list[str]:
    """Every repository path the document names in `code`, placeholders left out."""
    spans = re.findall(r"`([^`\s]+)`", DOC.read_text(encoding="utf-8"))
    paths = {
        s.rstrip(",.:")
        for s in spans
        if s.startswith(TOP) and not any(c in s for c in "<*") and "NNNN" not in s
    }
    return sorted(paths)


def test_every_file_it_names_exists() -> None:
    assert named_paths(), "the document names no file"
    missing = [p for p in named_paths() if not (ROOT / p).exists()]
    assert missing == []


def test_every_yaml_key_it_names_is_one_the_loader_reads() -> None:
    """The loader is strict (an unknown key is an error): a key it does not know would be
    advice that cannot be followed."""
    text = DOC.read_text(encoding="utf-8")
    assert [k for k in FORM_KEYS if f"`{k}`" in text and k not in loader._FORM_KEYS] == []
    assert [k for k in FIELD_KEYS if f"`{k}`" in text and k not in loader._FIELD_KEYS] == []


def test_every_test_it_names_exists() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    named = re.findall(r"`(test_\w+)`", DOC.read_text(encoding="utf-8"))
    assert named and [t for t in named if f"def {t}(" not in sources] == []
