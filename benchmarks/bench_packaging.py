"""Benchmark: the frozen bundle's start-up against the unfrozen program, and backup speed.

Run from the repository root:  python benchmarks/bench_packaging.py [--dist DIR]

1. Start-up to the main window shown, frozen (the PyInstaller one-folder bundle built from
   build.spec; built into a temporary folder unless --dist names an existing one) against
   unfrozen (`python -m unionclerk`), on the same demo data folder, alternating, median of
   5 runs each, timed to the "shown" and "ready" lines `gui --exit-when-shown` prints (the
   window painted; the report on screen). Goal: frozen ≤ 1.5× unfrozen.
2. A consistent backup (SQLite backup API + integrity check of the copy) of a database
   holding five years of a large township's reports (2,000 roster rows a year). Goal ≤ 1 s.

Prints the figures. Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_bundle(work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return work / "dist" / "unionclerk"


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds to the window shown (the "shown" line) and to the report on screen ("ready")."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    marks = []
    for line in child.stdout:
        marks.append(time.perf_counter() - start)
        if line.startswith("ready"):
            break
    child.wait(timeout=120)
    if child.returncode != 0 or len(marks) != 2:
        raise SystemExit(f"{command[0]} did not start: exit {child.returncode}")
    return marks[0], marks[1]


def startup(dist: Path, data: Path) -> None:
    frozen = [str(dist / "unionclerk"), "--data-dir", str(data), "gui", "--exit-when-shown"]
    plain = [
        sys.executable,
        "-m",
        "unionclerk",
        "--data-dir",
        str(data),
        "gui",
        "--exit-when-shown",
    ]
    timed(frozen), timed(plain)  # warm the disk cache
    f, p = [], []
    for _ in range(5):
        f.append(timed(frozen))
        p.append(timed(plain))
    for i, what in enumerate(("window shown", "report on screen")):
        fm, pm = statistics.median(t[i] for t in f), statistics.median(t[i] for t in p)
        ratio = fm / pm
        print(
            f"start-up to {what}: unfrozen {pm * 1000:.0f} ms, frozen {fm * 1000:.0f} ms, "
            f"ratio {ratio:.2f}x (goal ≤ 1.5x) {'OK' if ratio <= 1.5 else 'MISSED'}"
        )


def backup_speed(tmp: Path) -> None:
    from largereport import large_document

    from unionclerk.exporters import json_report
    from unionclerk.formspec.codec import encode
    from unionclerk.services import backup
    from unionclerk.services.workspace import Workspace, database

    ws = Workspace.open(tmp / "five-years")
    try:
        for year in range(2014, 2019):
            doc = large_document()
            doc["period"] = {"year": year, "part": "year"}
            doc["forms"]["cover"]["report_date"] = f"{year}-12-20"
            parsed = json_report.parse_document(doc, ws.forms)
            with database(ws).transaction() as tx:
                code = parsed.division_code
                tx.upsert_unit(code, parsed.union_name, own=True)
                report = tx.create_report(code, parsed.period)
                tx.replace_data(report.id, encode(ws.forms, parsed.data), note="bench")
        size = database(ws).path.stat().st_size
        times = []
        for i in range(3):
            start = time.perf_counter()
            backup.make_backup(ws, target=tmp / f"b{i}.sqlite3")
            times.append(time.perf_counter() - start)
        best = min(times)
        print(
            f"backup of five years ({size / 1e6:.1f} MB, 10,000 roster rows): {best:.3f} s "
            f"(goal ≤ 1 s) {'OK' if best <= 1 else 'MISSED'}"
        )
    finally:
        ws.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", type=Path, help="an already built bundle folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "demo"
        subprocess.run(
            [sys.executable, "-m", "unionclerk", "--data-dir", str(data), "demo"],
            check=True,
            capture_output=True,
        )
        dist = args.dist or build_bundle(tmp)
        startup(dist, data)
        backup_speed(tmp)


if __name__ == "__main__":
    main()
