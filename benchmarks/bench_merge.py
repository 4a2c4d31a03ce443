"""Benchmark of the county merge (issue 6), in one run:

1. 100 township workbooks of the large size (2,000 roster rows each): `unionclerk merge`'s
   engine against a bare openpyxl baseline — a read-only pass over every cell of the same
   files plus writing what a summary holds (every roster row with the unit in front, and the
   machine data) with a bare write-only workbook. Target: merge ≤ 1.5 × baseline.
2. Memory stays flat as the number of files grows: peak RSS merging 100 files ≤ 1.3 × the
   peak merging 10 (each measured in its own process with `resource.getrusage`; worker
   processes count too).
3. A province-sized roll-up: 1,400 small township workbooks; prints time and peak memory.

    python benchmarks/bench_merge.py [--large 100] [--small 1400] [--cache DIR]

The input workbooks are made once (with the program's own submission export) and cached.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
CST = timezone(timedelta(hours=8))


def _make(kind: str, i: int, folder: str) -> None:
    import countydata
    import largereport

    from unionclerk.exporters import json_report
    from unionclerk.exporters.bundle import Stamp, prepare
    from unionclerk.exporters.xlsx.report import write_submission
    from unionclerk.formspec import shipped_forms

    forms = shipped_forms()
    county = f"33{i // 1400 % 10:01d}{i // 16 % 90 + 1:03d}"  # ~16 townships per county
    code = f"{county}{101 + i % 16:03d}000" if kind == "small" else f"330782{i:03d}000"
    if kind == "large":
        doc = largereport.large_document(seed=i)
        doc["forms"]["cover"].update(division_code=code, union_name=f"测试{i}镇总工会")
    else:
        doc = countydata.township_document(
            None, f"测试{i}镇", code, county=f"县{county}", city="某市", size="small", seed=i
        )
    parsed = json_report.parse_document(doc, forms)
    stamp = Stamp(
        datetime(2018, 12, 20, 9, tzinfo=CST) + timedelta(minutes=i),
        str(uuid.UUID(int=i + 1)),
        "complete",
    )
    bundle = prepare(forms, parsed.period, parsed.data, stamp)
    write_submission(Path(folder) / f"{code}_{kind}{i}.xlsx", forms, bundle)


def inputs(cache: Path, kind: str, n: int) -> Path:
    folder = cache / f"{kind}-{n}"
    done = folder / "done"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
            list(pool.map(_make, [kind] * n, range(n), [str(folder)] * n, chunksize=8))
        done.write_text("ok")
    return folder


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024  # Linux: kilobytes


# -- children (one measurement per process) ---------------------------------------------------
def child_baseline(folder: Path, out: Path) -> dict:
    from openpyxl import Workbook, load_workbook

    start = time.perf_counter()
    book = Workbook(write_only=True)
    sheets: dict[str, object] = {}
    for file in sorted(folder.glob("*.xlsx")):
        wb = load_workbook(file, read_only=True)
        unit = file.stem.split("_")[0]
        for ws in wb.worksheets:
            target = sheets.get(ws.title)
            if target is None:
                target = sheets[ws.title] = book.create_sheet(ws.title)
            for row in ws.iter_rows(values_only=True):
                target.append((unit, ws.title, *row))
        wb.close()
    book.save(out / "baseline.xlsx")
    return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb()}


def child_merge(folder: Path, out: Path) -> dict:
    from unionclerk.domain.period import Period
    from unionclerk.services import county
    from unionclerk.services.workspace import Workspace

    start = time.perf_counter()
    with Workspace.open(out / "data") as ws:
        _, plan, outcome = county.merge_files(ws, [folder], Period(2018), out / "summary")
    seconds = time.perf_counter() - start
    assert outcome is not None and len(plan.winners) == len(list(folder.glob("*.xlsx")))
    return {
        "seconds": seconds,
        "peak_mb": peak_mb(),
        "units": len(plan.winners),
        "rows": sum(outcome.totals[k]["rows"] for k in ("cadres", "venues", "services")),
    }


def run_child(what: str, folder: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as tmp:
        cmd = [sys.executable, __file__, "--child", what, "--folder", str(folder), "--out", tmp]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{what} failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--large", type=int, default=100)
    parser.add_argument("--small", type=int, default=1400)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "unionclerk-bench"))
    parser.add_argument("--child")
    parser.add_argument("--folder")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        child = {"baseline": child_baseline, "merge": child_merge}[args.child]
        print(json.dumps(child(Path(args.folder), Path(args.out))))
        return
    cache = Path(args.cache)
    t0 = time.perf_counter()
    large = inputs(cache, "large", args.large)
    ten = cache / "large-first10"
    if not (ten / "done").exists():
        ten.mkdir(parents=True, exist_ok=True)
        for file in sorted(large.glob("*.xlsx"))[:10]:
            (ten / file.name).write_bytes(file.read_bytes())
        (ten / "done").write_text("ok")
    small = inputs(cache, "small", args.small)
    print(f"inputs ready in {time.perf_counter() - t0:.0f} s ({cache})")
    base = run_child("baseline", large)
    merged = run_child("merge", large)
    merged10 = run_child("merge", ten)
    ratio = merged["seconds"] / base["seconds"]
    flat = merged["peak_mb"] / merged10["peak_mb"]
    print(f"{args.large} large workbooks ({merged['rows']:,} roster rows):")
    print(f"  bare openpyxl read-only pass + write-only summary: {base['seconds']:.1f} s")
    print(
        f"  merge (read, check, decide, roll up, write xlsx+pdf+json, keep in database): "
        f"{merged['seconds']:.1f} s"
    )
    print(
        f"  time ratio merge / baseline: {ratio:.2f} (target <= 1.5) "
        f"{'OK' if ratio <= 1.5 else 'TOO SLOW'}"
    )
    print(
        f"  peak RSS: 10 files {merged10['peak_mb']:.0f} MB, {args.large} files "
        f"{merged['peak_mb']:.0f} MB, ratio {flat:.2f} (target <= 1.3) "
        f"{'OK' if flat <= 1.3 else 'NOT FLAT'}"
    )
    province = run_child("merge", small)
    print(
        f"province-sized roll-up: {province['units']} small township workbooks "
        f"({province['rows']:,} roster rows) in {province['seconds']:.1f} s, "
        f"peak RSS {province['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
