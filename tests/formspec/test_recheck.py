"""`Checker.recheck` after one change finds exactly what a full check finds.

The re-check recomputes only the slots its dependency index says a change touches; these
tests edit the large benchmark report (benchmarks/largereport.py) one cell at a time, seeded,
and compare the incremental problems with a full check after every edit — same problems, same
order — so a rule whose dependencies the index misses fails here.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from unionclerk.domain.period import Period
from unionclerk.domain.report import ReportData, RosterRow
from unionclerk.exporters import json_report
from unionclerk.formspec import Change, Checker, CheckResult, FormSet

LARGEREPORT = Path(__file__).resolve().parents[2] / "benchmarks" / "largereport.py"


def _largereport():
    if "largereport" not in sys.modules:
        spec = importlib.util.spec_from_file_location("largereport", LARGEREPORT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["largereport"] = module
        spec.loader.exec_module(module)
    return sys.modules["largereport"]


@pytest.fixture
def report(forms: FormSet) -> tuple[ReportData, Period]:
    parsed = json_report.parse_document(_largereport().large_document(), forms)
    return parsed.data, parsed.period


def _assert_same(
    checker: Checker, forms: FormSet, data: ReportData, result: CheckResult, what: object
) -> None:
    incremental = result.problems(data, forms)
    full = checker.check(data).problems(data, forms)
    assert incremental == full, f"re-check after {what} differs from a full check"


def test_large_report_has_only_the_deliberate_warnings(forms, report):
    data, period = report
    assert sum(len(data.rows[k]) for k in ("cadres", "venues", "services")) == 2000
    problems = Checker(forms, period).check(data).problems(data, forms)
    assert not [p for p in problems if p.is_error]
    assert 5 <= len(problems) <= 20


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_single_cell_edits(forms, report, seed):
    data, period = report
    checker = Checker(forms, period)
    result = checker.check(data)
    rng = random.Random(seed)
    for _ in range(60):
        change = _largereport().random_edit(rng, data, forms)
        result = checker.recheck(data, result, change)
        _assert_same(checker, forms, data, result, change)


def test_cover_report_date_reaches_every_cadre_row(forms, report):
    from datetime import date

    data, period = report
    checker = Checker(forms, period)
    result = checker.check(data)
    for day in (date(2018, 1, 5), date(2017, 12, 1), date(2018, 12, 20)):
        data.single["cover"]["report_date"] = day
        result = checker.recheck(data, result, Change("cover", "report_date"))
        _assert_same(checker, forms, data, result, day)


def test_order_of_problems_at_the_same_place(forms, report):
    """A cell problem and a roster rule on the same cell keep a full check's order, however
    the re-checks added their slots."""
    data, period = report
    checker = Checker(forms, period)
    result = checker.check(data)
    rows = [r for r in data.rows["cadres"] if "id_number" in r.values][:4]
    valid = rows[1].values["id_number"]
    wrong = valid[:-1] + ("0" if valid[-1] != "0" else "1")  # bad check digit
    for row, value in ((rows[0], valid), (rows[2], wrong), (rows[3], wrong)):
        row.values["id_number"] = value  # duplicates, then two duplicated bad numbers
        result = checker.recheck(data, result, Change("cadres", "id_number", row.uuid))
        _assert_same(checker, forms, data, result, (row.uuid, value))


def test_rows_added_and_removed(forms, report):
    data, period = report
    checker = Checker(forms, period)
    result = checker.check(data)
    cadres = data.rows["cadres"]
    twin = RosterRow(dict(cadres[0].values))  # same ID number and person as row 1
    cadres.insert(5, twin)
    result = checker.recheck(data, result, Change("cadres", row=twin.uuid))
    _assert_same(checker, forms, data, result, "adding a duplicate row")
    head = cadres.pop(0)  # the only 主席, and 专职 (support's staff count)
    result = checker.recheck(data, result, Change("cadres", row=head.uuid, removed=True))
    _assert_same(checker, forms, data, result, "removing the head")
    services = data.rows["services"]
    gone = services.pop(4)
    result = checker.recheck(data, result, Change("services", row=gone.uuid, removed=True))
    _assert_same(checker, forms, data, result, "removing a service with a warning")
