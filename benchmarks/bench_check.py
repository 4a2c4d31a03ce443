"""Benchmark: checking the 2,000-row report, in full and after one cell changes.

Run from the repository root:  python benchmarks/bench_check.py

The report is `largereport.large_document()` (cadres 300, venues 500, services 1,200), read
through the validating JSON reader. Timed (issue 2, "Speed"):

- a full check (`Checker.check` and the problem list), best of 5; goal ≤ 0.2 s;
- a re-check after one change, best of 20 each: a cadre's ID number (its row's rules and the
  roster-wide duplicate check), a service's end date, organisation.members (a single record),
  and cover.report_date, which every cadre row's `since_not_after_report` reads. Each round
  changes the cell in the ReportData, then times `Checker.recheck` and the problem list;
  goal ≤ 20 ms.

After every re-check the incremental problems are compared with a full check of the changed
report (not timed): "OK" when equal, "MISMATCH" otherwise, and the script exits 1 on any
mismatch. Timings are printed against their goals; a missed goal is reported, not an error.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from largereport import large_document  # noqa: E402

from unionclerk import paths  # noqa: E402
from unionclerk.domain import i18n  # noqa: E402
from unionclerk.domain.report import ReportData  # noqa: E402
from unionclerk.exporters import json_report  # noqa: E402
from unionclerk.formspec import Change, Checker, shipped_forms  # noqa: E402

FULL_RUNS, FULL_GOAL = 5, 0.2
RECHECK_RUNS, RECHECK_GOAL = 20, 0.020


@dataclass
class Case:
    label: str
    form: str
    field: str
    row: int | None  # roster position, None for a single record
    values: tuple[Any, Any]  # the cell alternates between these

    def cell(self, data: ReportData) -> tuple[dict[str, Any], str | None]:
        if self.row is None:
            return data.values(self.form), None
        row = data.rows[self.form][self.row]
        return row.values, row.uuid


def _set(values: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        values.pop(key, None)  # an empty cell is absent, never None
    else:
        values[key] = value


def _cases(data: ReportData) -> list[Case]:
    cadre = data.rows["cadres"][150].values
    good_id = cadre.get("id_number") or "33078219850615002X"
    bad_id = good_id[:-1] + ("0" if good_id[-1] != "0" else "1")  # wrong check digit
    service = data.rows["services"][600].values
    return [
        Case("cadres.id_number", "cadres", "id_number", 150, (bad_id, good_id)),
        Case(
            "services.end",
            "services",
            "end",
            600,
            (date(2017, 6, 1), service.get("end", date(2018, 12, 31))),
        ),
        Case(
            "organisation.members",
            "organisation",
            "members",
            None,
            (10**7, data.single["organisation"]["members"]),
        ),
        Case(
            "cover.report_date",
            "cover",
            "report_date",
            None,
            (date(2018, 3, 1), data.single["cover"]["report_date"]),
        ),
    ]


def _best(runs: int, fn: Callable[[], float]) -> float:
    return min(fn() for _ in range(runs))


def _verdict(seconds: float, goal: float) -> str:
    return "OK" if seconds <= goal else "MISSED"


def main() -> int:
    i18n.set_catalogue_dir(paths.resources_dir() / "i18n")
    forms = shipped_forms()
    parsed = json_report.parse_document(large_document(), forms)
    data, period = parsed.data, parsed.period
    checker = Checker(forms, period)
    n_rows = sum(len(rows) for rows in data.rows.values())
    problems = checker.check(data).problems(data, forms)
    errors = sum(p.is_error for p in problems)
    print(
        f"report: {n_rows} roster rows; a full check finds {errors} errors, "
        f"{len(problems) - errors} warnings"
    )

    def full() -> float:
        start = time.perf_counter()
        checker.check(data).problems(data, forms)
        return time.perf_counter() - start

    seconds = _best(FULL_RUNS, full)
    print(
        f"check full: {seconds:.3f} s (best of {FULL_RUNS}; goal ≤ {FULL_GOAL} s) "
        f"{_verdict(seconds, FULL_GOAL)}"
    )

    mismatches = 0
    for case in _cases(data):
        result = checker.check(data)
        values, uuid = case.cell(data)
        times, same = [], True
        for i in range(RECHECK_RUNS):
            _set(values, case.field, case.values[i % 2])
            start = time.perf_counter()
            result = checker.recheck(data, result, Change(case.form, case.field, uuid))
            incremental = result.problems(data, forms)
            times.append(time.perf_counter() - start)
            same = same and incremental == checker.check(data).problems(data, forms)
        _set(values, case.field, case.values[1])  # leave the report as it was
        result = checker.recheck(data, result, Change(case.form, case.field, uuid))
        mismatches += not same
        where = f" (row {case.row + 1})" if case.row is not None else ""
        best = min(times)
        print(
            f"recheck {case.label}{where}: {best * 1000:.2f} ms (best of {RECHECK_RUNS}; "
            f"goal ≤ {RECHECK_GOAL * 1000:.0f} ms) {_verdict(best, RECHECK_GOAL)}; "
            f"same problems as a full check: {'OK' if same else 'MISMATCH'}"
        )
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
