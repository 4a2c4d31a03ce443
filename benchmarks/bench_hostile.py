"""Benchmark of hostile files (issue 12, item 9), in one run:

1. Each hostile file kind, read the way the merge reads a file (`read_found`) and the way
   `inspect`/import read it (`inspect_files`), each in its own process: time and peak RSS.
   Goals: ≤ 5 s and ≤ 300 MB per hostile file. (The peak includes the interpreter and the
   program's modules, about 80–100 MB, measured alone as "bare start".)
2. The county merge of 350 files (300 good township workbooks + 50 junk: every hostile kind
   above except the largest, fuzzed copies, photos...) against a bare openpyxl baseline in
   the same run: a read-only pass over every cell of the 300 good files plus writing what a
   summary holds with a write-only workbook. Goal: merge ≤ 1.5 × baseline.
3. `--fuzz N`: N more random damaged files (the test suite runs 500 fixed ones): how many
   were refused, used, and whether any reached the last-resort "unexpected error".

    python benchmarks/bench_hostile.py [--good 300] [--junk 50] [--fuzz 3000] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

KINDS = (
    "password_zip",
    "member_encrypted",
    "member_deflate64",
    "json_nan",
    "json_bigint",
    "json_surrogate",
    "machine_sheet_250mb",
    "shared_strings_250mb",
    "xfd_200k_rows",
    "json_empty_objects_199mb",
    "sixty_copies",
)
BIG = ("machine_sheet_250mb", "shared_strings_250mb", "json_empty_objects_199mb")


def peak_mb() -> float:
    """This process's peak resident memory (and its children's), in MB.

    On Linux the kernel's VmHWM of this process's own memory: `ru_maxrss` starts a child at its
    parent's size when it was forked (it survives exec), so a child of a parent that has just
    built 250 MB hostile files would report the parent's 800 MB as its own."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            own = next(int(ln.split()[1]) for ln in status if ln.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        pass  # not Linux: ru_maxrss it is
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def make(kind: str, folder: Path) -> Path:
    """The hostile file (or folder, for sixty copies) of `kind`, made once in `folder`."""
    import hostile

    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "good.xlsx"
    docs = hostile.documents(2, seed=5)
    if not good.exists():
        hostile.write_workbook(good, docs[0])
    target = {
        "password_zip": "pw.zip",
        "member_encrypted": "flag.xlsx",
        "member_deflate64": "d64.xlsx",
        "json_nan": "nan.json",
        "json_bigint": "bigint.json",
        "json_surrogate": "surrogate.json",
        "machine_sheet_250mb": "machine.xlsx",
        "shared_strings_250mb": "sst.xlsx",
        "xfd_200k_rows": "xfd.xlsx",
        "json_empty_objects_199mb": "empty.json",
        "sixty_copies": "sixty",
    }[kind]
    path = folder / target
    if path.exists():
        return path
    if kind == "password_zip":
        hostile.password_zip(good, path)
    elif kind == "member_encrypted":
        hostile.member_flagged(good, path)
    elif kind == "member_deflate64":
        hostile.member_deflate64(good, path)
    elif kind.startswith("json_") and kind != "json_empty_objects_199mb":
        hostile.json_with(docs[1], path, kind[5:])
    elif kind == "machine_sheet_250mb":
        hostile.inflated_machine_sheet(good, path, 250)
    elif kind == "shared_strings_250mb":
        hostile.huge_shared_strings(good, path, 250)
    elif kind == "xfd_200k_rows":
        hostile.far_column_sheet(good, path, 200_000)
    elif kind == "json_empty_objects_199mb":
        hostile.empty_objects_json(path, 199)
    elif kind == "sixty_copies":
        path.mkdir()
        for i in range(60):
            shutil.copy(good, path / f"copy{i:02d}.xlsx")
    return path


# -- children -----------------------------------------------------------------------------------
def child_read(path: Path, out: Path) -> dict:
    from unionclerk.domain.period import Period
    from unionclerk.services.county.reading import read_found
    from unionclerk.services.county.sources import expand

    start = time.perf_counter()
    spill = out / "spill"
    spill.mkdir()
    results = [
        read_found(f, Period(2018), str(spill), i)
        for i, f in enumerate(expand([path], out / "unzipped"))
    ]
    said = "；".join(r.detail for r in results if not r.candidates)[:90]
    used = sum(len(r.candidates) for r in results)
    return {
        "seconds": time.perf_counter() - start,
        "peak_mb": peak_mb(),
        "said": said or f"{used} report(s) read",
    }


def child_inspect(path: Path, out: Path) -> dict:
    from unionclerk.formspec import shipped_forms
    from unionclerk.services import inspection

    start = time.perf_counter()
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    infos = inspection.inspect_files(shipped_forms(), files)
    said = "；".join("；".join(getattr(i, "messages", [])) for i in infos)[:90]
    return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb(), "said": said}


def child_bare(path: Path, out: Path) -> dict:
    from unionclerk.services.county import reading  # noqa: F401 - the modules a read needs

    return {"seconds": 0.0, "peak_mb": peak_mb(), "said": ""}


def child_merge(folder: Path, out: Path) -> dict:
    from unionclerk.domain.filekinds import FileKind
    from unionclerk.domain.period import Period
    from unionclerk.services import county
    from unionclerk.services.workspace import Workspace

    start = time.perf_counter()
    with Workspace.open(out / "data") as ws:
        session, plan, outcome = county.merge_files(ws, [folder], Period(2018), out / "summary")
    seconds = time.perf_counter() - start
    assert outcome is not None
    unused = sum(1 for r in session.results if not r.candidates and r.kind != FileKind.ARCHIVE)
    return {"seconds": seconds, "peak_mb": peak_mb(), "units": len(plan.winners), "unused": unused}


def child_baseline(folder: Path, out: Path) -> dict:
    from openpyxl import Workbook, load_workbook

    start = time.perf_counter()
    book = Workbook(write_only=True)
    sheets: dict[str, object] = {}
    for file in sorted(folder.glob("good*.xlsx")):
        wb = load_workbook(file, read_only=True)
        for ws in wb.worksheets:
            target = sheets.get(ws.title)
            if target is None:
                target = sheets[ws.title] = book.create_sheet(ws.title)
            for row in ws.iter_rows(values_only=True):
                target.append((file.stem, ws.title, *row))
        wb.close()
    book.save(out / "baseline.xlsx")
    return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb()}


def child_fuzz(folder: Path, out: Path) -> dict:
    import hostile

    from unionclerk.domain.period import Period
    from unionclerk.services.county.reading import read_found
    from unionclerk.services.county.sources import Found

    n = int(os.environ["BENCH_FUZZ"])
    good = make("password_zip", folder).parent / "good.xlsx"
    xlsx = good.read_bytes()
    doc = hostile.documents(1, seed=5)[0]
    raw = json.dumps(doc, ensure_ascii=False).encode()
    spill = out / "spill"
    spill.mkdir()
    rng = random.Random()
    counts: dict[str, int] = {}
    slowest, last_resort = 0.0, []
    for i in range(n):
        kind, seed = rng.choice(hostile.FUZZ_KINDS), rng.getrandbits(32)
        suffix, data = hostile.fuzz_variant(xlsx, raw, kind, seed)
        path = out / f"f{i}{suffix}"
        path.write_bytes(data)
        t0 = time.perf_counter()
        result = read_found(Found(path.name, path, ""), Period(2018), str(spill), i)
        slowest = max(slowest, time.perf_counter() - t0)
        path.unlink()
        outcome = "used" if result.candidates else result.kind
        counts[outcome] = counts.get(outcome, 0) + 1
        if "意外错误" in result.detail:
            last_resort.append(f"{kind}/{seed}")
    return {
        "seconds": slowest,
        "peak_mb": peak_mb(),
        "counts": counts,
        "last_resort": last_resort[:10],
    }


CHILDREN = {
    "read": child_read,
    "inspect": child_inspect,
    "bare": child_bare,
    "merge": child_merge,
    "baseline": child_baseline,
    "fuzz": child_fuzz,
}


def run_child(what: str, path: Path, env: dict[str, str] | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        cmd = [sys.executable, __file__, "--child", what, "--path", str(path), "--out", tmp]
        done = subprocess.run(
            cmd, capture_output=True, text=True, check=False, env={**os.environ, **(env or {})}
        )
        if done.returncode != 0:
            raise SystemExit(f"{what} {path} failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def county_folder(cache: Path, hostile_dir: Path, good: int, junk: int) -> Path:
    """`good` township workbooks (bench_merge's small ones) and `junk` bad files."""
    import bench_merge
    import hostile

    folder = cache / f"county-{good}-{junk}"
    if (folder / "done").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    source = bench_merge.inputs(cache, "small", good)
    for i, file in enumerate(sorted(source.glob("*.xlsx"))):
        shutil.copy(file, folder / f"good{i:03d}.xlsx")
    plain = [k for k in KINDS if k not in BIG and k != "sixty_copies"]
    xlsx = (hostile_dir / "good.xlsx").read_bytes()
    raw = json.dumps(hostile.documents(1, seed=5)[0], ensure_ascii=False).encode()
    for i in range(junk):
        if i < len(plain):
            src = make(plain[i], hostile_dir)
            shutil.copy(src, folder / f"junk{i:02d}{src.suffix}")
        elif i % 5 == 0:
            (folder / f"junk{i:02d}.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(40_000))
        else:
            suffix, data = hostile.fuzz_variant(xlsx, raw, hostile.FUZZ_KINDS[i % 8], i)
            (folder / f"junk{i:02d}{suffix}").write_bytes(data)
    (folder / "done").write_text("ok")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--good", type=int, default=300)
    parser.add_argument("--junk", type=int, default=50)
    parser.add_argument("--fuzz", type=int, default=3000)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "unionclerk-bench"))
    parser.add_argument("--child")
    parser.add_argument("--path")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child](Path(args.path), Path(args.out))))
        return
    cache = Path(args.cache)
    hostile_dir = cache / "hostile"
    t0 = time.perf_counter()
    files = {kind: make(kind, hostile_dir) for kind in KINDS}
    print(f"hostile files ready in {time.perf_counter() - t0:.0f} s ({hostile_dir})")
    bare = run_child("bare", hostile_dir)
    print(f"bare start (interpreter + the program's reading modules): {bare['peak_mb']:.0f} MB")
    print(f"{'file kind':28s} {'size':>9s}  {'merge read':>17s}  {'inspect':>17s}  verdict")
    for kind, path in files.items():
        size = (
            sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size
        )
        read = run_child("read", path)
        seen = run_child("inspect", path)
        if path.is_dir():  # sixty copies: the goal is per file; the whole folder is shown too
            n = len(list(path.iterdir()))
            kind = f"{kind} (per file, all {read['seconds']:.0f} s)"
            for r in (read, seen):
                r["seconds"] /= n
        ok = all(r["seconds"] <= 5 and r["peak_mb"] <= 300 for r in (read, seen))
        print(
            f"{kind:30s} {size / 2**20:7.2f}MB  {read['seconds']:6.2f} s {read['peak_mb']:5.0f} MB"
            f"  {seen['seconds']:6.2f} s {seen['peak_mb']:5.0f} MB  {'OK' if ok else 'OVER'}"
            f"  {read['said'][:60]}"
        )
    folder = county_folder(cache, hostile_dir, args.good, args.junk)
    base = run_child("baseline", folder)
    merged = run_child("merge", folder)
    ratio = merged["seconds"] / base["seconds"]
    print(
        f"county merge of {args.good} good + {args.junk} junk files: {merged['units']} units, "
        f"{merged['unused']} files refused"
    )
    print(f"  bare openpyxl read of the good files + write-only summary: {base['seconds']:.1f} s")
    print(
        f"  merge (read, check, decide, roll up, write xlsx+pdf+json, keep in database): "
        f"{merged['seconds']:.1f} s, peak {merged['peak_mb']:.0f} MB"
    )
    print(
        f"  time ratio merge / baseline: {ratio:.2f} (target <= 1.5) "
        f"{'OK' if ratio <= 1.5 else 'TOO SLOW'}"
    )
    if args.fuzz:
        fuzz = run_child("fuzz", hostile_dir, {"BENCH_FUZZ": str(args.fuzz)})
        print(
            f"fuzz: {args.fuzz} random damaged files: {fuzz['counts']}; slowest "
            f"{fuzz['seconds']:.2f} s; peak {fuzz['peak_mb']:.0f} MB; last-resort errors: "
            f"{len(fuzz['last_resort'])} {fuzz['last_resort']}"
        )


if __name__ == "__main__":
    main()
