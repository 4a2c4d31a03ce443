"""The window's frame shows before the heavy parts of the program load.

Start-up to the first paint is a measured goal (benchmarks/bench_gui.py): the frame needs
only Qt and a few small modules; the database layer, the forms engine and the window's
dialogs are imported once the frame is on screen. A top-level import added in the wrong
place would quietly undo that, so this runs the real start-up up to the first paint in a
fresh interpreter and lists what was loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
from unionclerk import app, paths
paths.set_data_dir(sys.argv[1])
from unionclerk.gui import main

def shown():
    print(json.dumps(sorted(sys.modules)), flush=True)
    raise SystemExit(0)

main.start("zh", on_shown=shown)
"""

# Loaded only after the first paint: the database layer and file formats...
HEAVY_LIBRARIES = [
    "sqlalchemy",
    "alembic",
    "yaml",
    "openpyxl",
    "reportlab",
    "xml.etree.ElementTree",
]
# ...and the parts of the program the frame does not need.
LATER_MODULES = [
    "unionclerk.services",
    "unionclerk.storage",
    "unionclerk.formspec",
    "unionclerk.exporters",
    "unionclerk.domain.report",
    "unionclerk.domain.records",
    "unionclerk.gui.workflow",
    "unionclerk.gui.editor",
    "unionclerk.gui.exportdlg",
    "unionclerk.gui.workers",
    "unionclerk.gui.pages",
    "unionclerk.gui.beacon",
    "PySide6.QtNetwork",
]


def test_first_paint_loads_neither_the_database_layer_nor_the_dialogs(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    loaded = set(json.loads(out.stdout.splitlines()[-1]))
    assert "unionclerk.gui.window" in loaded  # the frame itself did show
    early = [name for name in HEAVY_LIBRARIES + LATER_MODULES if name in loaded]
    assert early == [], f"imported before the window's first paint: {early}"


def test_exit_when_shown_says_when_the_frame_and_the_report_are_on_screen(tmp_path: Path) -> None:
    """The start-up benchmarks time the real command by these two lines."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "unionclerk", "--data-dir", str(tmp_path)]
    subprocess.run(
        [*command, "demo"], cwd=ROOT, env=env, check=True, capture_output=True, timeout=120
    )
    out = subprocess.run(
        [*command, "gui", "--exit-when-shown"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["shown", "ready 2018年度"]
