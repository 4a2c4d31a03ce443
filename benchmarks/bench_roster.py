"""Benchmark: the roster editor on a 20,000-row services roster — open, scroll, paste, edit.

Run from the repository root:  python benchmarks/bench_roster.py

Set-up (not timed): a data folder holding the demo township with 20,000 generated services
rows (`largereport.large_document(services=20000)`), opened in the clerk's window offscreen.

1. Open: from choosing 表四 to its table painted (page built, 20,000 rows in the model and
   the sort/filter proxy, columns sized from a sample, first paint). Goal ≤ 0.5 s.
2. Scroll: page by page from the top to the bottom, each page painted; the slowest page and
   the median. Goal: no page over 50 ms (no stall). Also shown: a filter over every column
   and a sort by a Chinese column (no goal).
3. Paste 1,000 rows (Excel's clipboard text, 12 columns, a few unreadable cells) onto the
   empty last row: parse by type, one transaction, one re-check, the table refreshed.
   Goal ≤ 1 s. Its undo is timed too.
4. One cell edit through the table (parse, undo command, save, incremental re-check,
   refresh), and its re-check alone against a full check of the report: the edit re-checks
   only what depends on the cell.

Prints the figures; exits 1 when a goal is missed. Not a test.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

ROWS = 20_000
PASTE = 1_000


def build_folder(folder: Path) -> None:
    from largereport import large_document

    from unionclerk import paths
    from unionclerk.services import importing
    from unionclerk.services.workspace import Workspace

    paths.set_data_dir(folder)
    file = folder / "large.json"
    file.write_text(json.dumps(large_document(services=ROWS), ensure_ascii=False), encoding="utf-8")
    with Workspace.open(folder) as ws:
        importing.import_file(ws, file)
    file.unlink()


def paste_text() -> str:
    from unionclerk.services.roster_cells import to_tsv

    rows = []
    for i in range(PASTE):
        rows.append(
            [
                f"粘贴活动{i}",
                "送温暖" if i % 3 else "文体活动",
                "",
                f"2018/{1 + i % 12}/1",
                f"2018年{1 + i % 12}月28日",
                "约3场" if i % 250 == 7 else str(1 + i % 5),
                f"{100 + i:,}",
                "人次",
                f"{i * 10}.50",
                "本级工会经费",
                "",
                "",
            ]
        )
    return to_tsv(rows)


def main_() -> int:
    from PySide6.QtWidgets import QApplication

    from unionclerk import paths
    from unionclerk.domain import i18n
    from unionclerk.services.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="uc-bench-roster-") as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        t0 = time.perf_counter()
        build_folder(folder)
        print(f"set-up: {ROWS:,} services rows stored in {time.perf_counter() - t0:.1f} s")
        paths.set_data_dir(folder)
        i18n.set_catalogue_dir(paths.resources_dir() / "i18n")
        app = QApplication.instance() or QApplication([])
        with Workspace.open(folder) as ws:
            from unionclerk.gui.window import MainWindow

            t0 = time.perf_counter()
            window = MainWindow(ws)
            window.resize(1280, 820)
            window.show()
            app.processEvents()
            print(
                f"window with the report open (load + full check of "
                f"{ROWS + 825:,} rows): {time.perf_counter() - t0:.2f} s (not the roster)"
            )
            ok = run(app, window)
            window.close()
    print("all goals met" if ok else "GOAL MISSED")
    return 0 if ok else 1


def model_column(table, key: str) -> int:  # noqa: ANN001
    return table.model.column_of(key)


def run(app, window) -> bool:  # noqa: ANN001
    from PySide6.QtCore import Qt

    session = window.session
    t0 = time.perf_counter()
    window.select_form("services")
    table = window.pages["services"].roster
    table.view.viewport().repaint()
    app.processEvents()
    opened = time.perf_counter() - t0
    print(
        f"open the {ROWS:,}-row roster (model, proxy, columns, first paint): "
        f"{opened * 1000:.0f} ms (goal <= 500 ms)"
    )

    bar = table.view.verticalScrollBar()
    frames = []
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + bar.pageStep())
        t0 = time.perf_counter()
        bar.setValue(value)
        table.view.viewport().repaint()
        app.processEvents()
        frames.append(time.perf_counter() - t0)
    print(
        f"scroll through: {len(frames)} pages, median {statistics.median(frames) * 1000:.1f} "
        f"ms, slowest {max(frames) * 1000:.1f} ms (goal: none over 50 ms)"
    )

    t0 = time.perf_counter()
    table.proxy.set_filters(text="送温暖")
    found = table.proxy.rowCount() - 1
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    table.proxy.set_filters(text="送温暖活动1")
    again = time.perf_counter() - t0
    table.proxy.clear_filters()
    print(
        f"filter by a text in every column: {found:,} rows found in {first * 1000:.0f} ms "
        f"(the column texts cached), narrowed again in {again * 1000:.0f} ms"
    )
    t0 = time.perf_counter()
    table.view.sortByColumn(model_column(table, "name"), Qt.SortOrder.AscendingOrder)
    app.processEvents()
    sorted_in = time.perf_counter() - t0
    table.restore_order()
    print(f"sort {ROWS:,} rows by a Chinese column (stable): {sorted_in * 1000:.0f} ms")

    text = paste_text()
    n = len(session.data.rows["services"])
    table.view.go_to(n, 0)  # the empty row for new entries
    t0 = time.perf_counter()
    table.ops.paste(text)
    table.view.viewport().repaint()
    app.processEvents()
    pasted = time.perf_counter() - t0
    assert len(session.data.rows["services"]) == n + PASTE, table.message.text()
    kept = sum(p.rule == "unparsed" for p in session.problems())
    print(
        f"paste {PASTE:,} rows onto a {n:,}-row roster (parse, save, re-check, refresh): "
        f"{pasted * 1000:.0f} ms (goal <= 1000 ms); {kept} unreadable cells kept and marked"
    )
    t0 = time.perf_counter()
    window.undo_stack.undo()
    app.processEvents()
    undone = time.perf_counter() - t0
    assert len(session.data.rows["services"]) == n
    print(f"undo that paste (one step): {undone * 1000:.0f} ms")

    model = table.model
    column = model.column_of("served")
    edits = []
    for i in range(5):
        t0 = time.perf_counter()
        model.set_text(100 + i, column, str(5000 + i))
        app.processEvents()
        edits.append(time.perf_counter() - t0)
    from unionclerk.formspec import Change

    uuid = session.data.rows["services"][100].uuid
    rechecks = []
    for _ in range(5):
        t0 = time.perf_counter()
        session.checker.recheck(session.data, session.result, Change("services", "served", uuid))
        rechecks.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    session.checker.check(session.data)
    full = time.perf_counter() - t0
    edit, recheck = statistics.median(edits), statistics.median(rechecks)
    print(f"one cell edit through the table (parse, save, re-check, refresh): {edit * 1000:.1f} ms")
    print(
        f"  its re-check alone: {recheck * 1000:.2f} ms, against a full check of the report: "
        f"{full * 1000:.0f} ms ({full / recheck:.0f}x: only what depends on the cell)"
    )
    return opened <= 0.5 and max(frames) <= 0.05 and pasted <= 1.0


if __name__ == "__main__":
    sys.exit(main_())
