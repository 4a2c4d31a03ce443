"""The `gui` marker: `pytest -m "not gui"` runs the core alone and never imports Qt, and every
GUI test carries the marker (tests/conftest.py sets it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# pytest in this process, then a look at what it imported
PROBE = """
import sys, pytest
code = pytest.main(sys.argv[1:])
print("QT LOADED" if any(m.split(".")[0] == "PySide6" for m in sys.modules) else "QT NOT LOADED")
sys.exit(code)
"""


def probe(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, "-p", "no:cacheprovider", "--collect-only", "-q", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_the_core_run_never_imports_qt():
    run = probe("-m", "not gui", "tests")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert run.stdout.strip().endswith("QT NOT LOADED"), run.stdout[-2000:]
    collected = [line for line in run.stdout.splitlines() if "::" in line]
    assert len(collected) > 300
    assert not [t for t in collected if t.startswith("tests/gui/")]


def test_every_gui_test_carries_the_marker():
    """Collected (not skipped as a folder), every test under tests/gui is deselected by
    `not gui`: none is left unmarked."""
    run = probe("-m", "(not gui)", "tests/gui")
    assert run.returncode == 5, run.stdout[-2000:] + run.stderr[-2000:]  # 5: none selected
    assert "no tests collected" in run.stdout and "deselected" in run.stdout, run.stdout[-2000:]
