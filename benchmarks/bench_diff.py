"""Benchmark: `inspect --diff` of two submissions with a 20,000-row roster, 1 % of rows changed.

Builds the demo report with 20,000 venues (plus the usual 300 cadres and 1,200 services),
then a second submission of it in which 200 venues (1 %) have a changed cell and one new
venue is inserted at the top (so every row below it moves: rows must be matched by key).
Both are written as JSON report files. Times, best of five runs in this one process:

- bare baseline: `json.loads` of both files (reading the bytes, nothing else);
- load: both files read as submissions (`review_files.load`: strict validation, hash);
- diff: `review_diff.diff_docs` of the two loaded reports (goal ≤ 1 s).

Run: python benchmarks/bench_diff.py
"""

from __future__ import annotations

import copy
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from largereport import large_document  # noqa: E402

from unionclerk.exporters import json_report  # noqa: E402
from unionclerk.formspec import shipped_forms  # noqa: E402
from unionclerk.services import review_diff, review_files  # noqa: E402

ROWS, CHANGED = 20_000, 200


def best(fn: Callable[[], object], runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    forms = shipped_forms()
    old = large_document(venues=ROWS)
    new = copy.deepcopy(old)
    rows = new["forms"]["venues"]["rows"]
    rng = random.Random(7)
    for i in rng.sample(range(len(rows)), CHANGED):
        rows[i]["rooms"] = (rows[i].get("rooms") or 0) + 1
    rows.insert(0, {"name": "新建职工书屋（基准测试）", "venue_type": "职工书屋", "status": "在建"})
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / "old.json", Path(folder) / "new.json"
        a.write_text(json_report.dumps(old), encoding="utf-8")
        b.write_text(json_report.dumps(new), encoding="utf-8")
        bare, _ = best(lambda: (json.loads(a.read_bytes()), json.loads(b.read_bytes())))
        load, subs = best(lambda: (review_files.load(forms, a), review_files.load(forms, b)))
        sa, sb = subs  # type: ignore[misc]
        took, diff = best(lambda: review_diff.diff_docs(forms, sa.doc, sb.doc))
    changes = diff.changes  # type: ignore[attr-defined]
    added = sum(c.kind == review_diff.ADDED for c in changes)
    print(f"roster: {ROWS:,} venues, {CHANGED} changed (1 %), 1 inserted at the top")
    print(
        f"changes found: {len(changes)} ({added} row added, {len(changes) - added} cells changed)"
    )
    print(f"bare json.loads of both files: {bare:.3f} s")
    print(f"load both as submissions:      {load:.3f} s ({load / bare:.1f}x bare)")
    print(
        f"diff:                          {took:.3f} s ({took / bare:.2f}x bare; "
        f"goal <= 1 s: {'OK' if took <= 1 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
