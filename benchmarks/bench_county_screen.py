"""Benchmark of the county screen at province size (issue 12, item 12): 1,400 units' reports
read into a merge session, then the interactions a clerk makes, each timed on the GUI thread
(goal: ≤ 100 ms each):

- re-plan after a file was added (what `add_paths` does when reading ends);
- ticking "也使用导出后被改动的文件" (a re-plan through the real checkbox);
- choosing a file for one unit (the decision dialog, accepted);
- selecting a row in the units table.

The baseline in the same run is the bare cost of showing the same 1,400 rows: filling the two
table models once with the rows already made.

    python benchmarks/bench_county_screen.py [--units 1400] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def inputs(cache: Path, n: int) -> Path:
    """`n` small township JSON reports (made once, cached)."""
    import countydata

    folder = cache / f"screen-json-{n}"
    if not (folder / "done").exists():
        folder.mkdir(parents=True, exist_ok=True)
        base = countydata.township_documents(8, sizes=("small",))
        for i in range(n):
            doc = json.loads(json.dumps(base[i % len(base)]))
            county = f"33{i // 1400 % 10:01d}{i // 16 % 90 + 1:03d}"
            doc["forms"]["cover"].update(
                division_code=f"{county}{101 + i % 16:03d}000", union_name=f"测试{i}镇总工会"
            )
            (folder / f"{i}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        (folder / "done").write_text("ok")
    return folder


def ms(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1400)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "unionclerk-bench"))
    args = parser.parse_args()
    folder = inputs(Path(args.cache), args.units)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QCheckBox, QDialog

    from unionclerk.domain.period import Period
    from unionclerk.gui.county import screen as county_gui
    from unionclerk.gui.county.decide import DecisionDialog
    from unionclerk.services.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as data, Workspace.open(Path(data)) as ws:
        screen = county_gui.CountyWindow(ws, Period(2018))
        screen.show()
        t0 = time.perf_counter()
        screen.session.add([folder])
        print(f"read {args.units} reports in {time.perf_counter() - t0:.1f} s (worker side)")
        replan = ms(screen._replan)
        box = screen.findChild(QCheckBox)
        toggle = ms(lambda: QTest.mouseClick(box, Qt.MouseButton.LeftButton), repeat=6)
        code = screen.units.codes[len(screen.units.codes) // 2]

        def decide() -> None:
            screen.units_view.selectRow(screen.units.codes.index(code))
            DecisionDialog.exec = lambda self: QDialog.DialogCode.Accepted  # type: ignore
            screen.decide_selected()

        choose = ms(decide)
        select = ms(lambda: screen.units_view.selectRow(7))
        rows_f, cols_f = list(screen.files.rows), list(screen.files.colors)
        rows_u, cols_u = list(screen.units.rows), list(screen.units.colors)

        def bare() -> None:
            screen.files.replace(rows_f, cols_f)
            screen.units.replace(rows_u, cols_u)
            app.processEvents()

        base = ms(bare)
        screen.close()
    print(f"baseline (show the rows only): {base:.1f} ms")
    for label, value in (
        ("re-plan after reading", replan),
        ("tick use-edited", toggle),
        ("choose a unit's file", choose),
        ("select a row", select),
    ):
        verdict = "OK" if value <= 100 else "OVER 100 ms"
        print(f"{label:24s} {value:7.1f} ms  ({value / base:.1f}× baseline)  {verdict}")


if __name__ == "__main__":
    main()
