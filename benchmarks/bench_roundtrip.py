"""Benchmark: the round-trip promise (issue 13) over many drawn reports, against a baseline.

Run from the repository root:
    python benchmarks/bench_roundtrip.py [EXAMPLES] [ROWS] [MAX_ROWS] [--keep DIR]

First the two ends (tests/reportgen.py): a pair of reports with every field at its maximum —
every text exactly at the longest its field keeps (5 times its max_length, at most 10,000
characters), every explanation at 5,000 characters, every choice 其他 with its text, numbers
at the largest accepted — and MAX_ROWS full rows in every roster (default 100: the forms set
no row limit), and a pair with nothing filled. Then Hypothesis draws EXAMPLES pairs over the
forms' whole value space with text up to (and often exactly at) each field's limit and rosters
of up to ROWS rows (default 30). Each pair goes through the full round trip of
tests/roundtrip.py: import → export xlsx, pdf, json → inspect intact → re-import equal →
merge (summary workbook and PDF) with exact totals. The suite runs the same property with
the two ends (smaller) and 2 drawn pairs. `--keep DIR` keeps the maximal pair's files (its
exports and the merge's summary) in DIR, to look at.

Baseline, in the same run: the same round trip of the demo report (a real township's ordinary
report), twice over. Printed: the ends' seconds, examples run, failures (each failing example is
shown and the script exits 1), and seconds as ratios to the baseline pair.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(1, str(ROOT))

from reportgen import empty_doc, maximal_doc, report_docs  # noqa: E402
from roundtrip import round_trip  # noqa: E402

from unionclerk import paths  # noqa: E402
from unionclerk.domain import i18n  # noqa: E402
from unionclerk.formspec import shipped_forms  # noqa: E402
from unionclerk.services import demo, exporting  # noqa: E402
from unionclerk.services.workspace import Workspace  # noqa: E402

FORMS = shipped_forms()


def quiet_round_trip(docs: list[dict], work: Path) -> float:
    """Seconds for one round trip; the command line's own output is kept out of the figures."""
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        round_trip(docs, work, FORMS)
    return time.perf_counter() - start


def demo_docs(tmp: Path) -> list[dict]:
    ws = Workspace.open(tmp / "demo")
    try:
        out = tmp / "demo-out"
        out.mkdir()
        file = exporting.export_report(ws, demo.build_demo(ws), out, ["json"]).files[0]
        doc = json.loads(file.read_text(encoding="utf-8"))
    finally:
        ws.close()
    doc["period"] = {"year": 2019, "part": "year"}
    doc.pop("form_versions", None)
    second = json.loads(json.dumps(doc))
    second["forms"]["cover"]["division_code"] = "330782102000"
    return [doc, second]


def ends(tmp: Path, max_rows: int, keep: Path | None, failures: list[str]) -> list[str]:
    """The maximal and the empty pair: one line each (seconds), failures appended."""
    pairs = [
        (
            "all at maximum",
            [maximal_doc("330782101000", max_rows), maximal_doc("330782102000", max_rows // 10)],
            keep,
        ),
        ("all empty", [empty_doc("330782101000"), empty_doc("330782102000")], None),
    ]
    lines = []
    for name, docs, where in pairs:
        work = where or tmp / name.replace(" ", "-")
        try:
            lines.append(f"{name}: {quiet_round_trip(docs, work):.2f} s")
        except Exception:  # noqa: BLE001 - reported with the others
            failures.append(f"{name}:\n{traceback.format_exc(limit=3)}")
            lines.append(f"{name}: FAILED")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description="round-trip benchmark (issue 13)")
    parser.add_argument("examples", type=int, nargs="?", default=60)
    parser.add_argument("rows", type=int, nargs="?", default=30)
    parser.add_argument("max_rows", type=int, nargs="?", default=100)
    parser.add_argument("--keep", type=Path, default=None)
    opts = parser.parse_args()
    examples, rows, max_rows, keep = opts.examples, opts.rows, opts.max_rows, opts.keep
    i18n.set_catalogue_dir(paths.resources_dir() / "i18n")
    times: list[float] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = min(quiet_round_trip(demo_docs(tmp / f"b{i}"), tmp / f"base{i}") for i in range(2))
        end_lines = ends(tmp, max_rows, keep, failures)

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(
            first=report_docs("330782101000", max_rows=rows),
            second=report_docs("330782102000", max_rows=rows // 3),
        )
        def one(first: dict, second: dict) -> None:
            with tempfile.TemporaryDirectory() as work:
                try:
                    times.append(quiet_round_trip([first, second], Path(work)))
                except Exception:  # noqa: BLE001 - every failure is reported, then the next
                    failures.append(traceback.format_exc(limit=3))
                    (tmp.parent / f"roundtrip-failure-{len(failures)}.json").write_text(
                        json.dumps([first, second], ensure_ascii=True), encoding="utf-8"
                    )

        one()
    mean = sum(times) / len(times) if times else 0.0
    print(f"baseline (demo report pair) round trip: {base:.2f} s")
    for line in end_lines:
        seconds = line.rpartition(": ")[2].removesuffix(" s")
        ratio = f" = {float(seconds) / base:.2f} x baseline" if seconds != "FAILED" else ""
        print(
            f"{line}{ratio} (maximal rosters: {max_rows} and {max_rows // 10} full rows)"
            if "maximum" in line
            else f"{line}{ratio}"
        )
    print(
        f"drawn pairs: {len(times) + len(failures)} run, {len(failures)} failed, "
        f"rows up to {rows}, text up to each field's limit"
    )
    print(
        f"mean per drawn pair: {mean:.2f} s = {mean / base:.2f} x baseline; "
        f"slowest {max(times, default=0.0):.2f} s = {max(times, default=0.0) / base:.2f} x"
    )
    for failure in failures[:3]:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
