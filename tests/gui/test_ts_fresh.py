"""The English `.ts` holds every text the window asks `tr()` for: lupdate finds nothing new.

A text added to the window without updating the `.ts` would show in Chinese in English mode;
`test_startup.test_ts_is_complete_with_matching_placeholders` checks the entries the file has,
this test checks that no entry is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from unionclerk.gui import translations

ROOT = Path(__file__).resolve().parents[2]


def test_lupdate_finds_no_window_text_missing_from_the_ts(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not on PATH")
    copy = tmp_path / "unionclerk_en.ts"
    shutil.copy(translations.ts_file("en"), copy)
    files = sorted(str(p) for p in (ROOT / "unionclerk" / "gui").rglob("*.py"))
    done = subprocess.run(
        [lupdate, *files, "-ts", str(copy)], capture_output=True, text=True, check=True, timeout=120
    )
    found = re.search(r"\((\d+) new and", done.stdout)
    assert found, done.stdout + done.stderr
    assert found.group(1) == "0", (
        "window texts missing from the .ts — run `pyside6-lupdate -no-obsolete "
        "$(find unionclerk/gui -name '*.py' | sort) -ts resources/translations/unionclerk_en.ts`"
        " from the project folder and translate them:\n" + done.stdout
    )
