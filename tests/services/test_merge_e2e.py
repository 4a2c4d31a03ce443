"""End to end: 30 townships' workbooks (made by the program's own import and export), merged
on the command line with an expected list of 32; every total is checked against sums
computed here, independently, from the reports the townships sent."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from unionclerk import app
from unionclerk.formspec import shipped_forms
from unionclerk.services.workspace import database


def inbox_module():
    name = "unionclerk_tests_merge_inbox"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).with_name("merge_inbox.py")
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


mi = inbox_module()


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    inbox = mi.shared_inbox(tmp_path_factory)
    root = tmp_path_factory.mktemp("county")
    out, data = root / "汇总", root / "county-data"
    import contextlib
    import io

    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = app.main(
            [
                "merge",
                str(inbox.folder),
                "--period",
                "2018",
                "--out",
                str(out),
                "--expected",
                str(inbox.expected_csv),
                "--data-dir",
                str(data),
            ]
        )
    files = {p.suffix: p for p in out.iterdir()}
    return inbox, code, stdout.getvalue().splitlines(), files, data


def dec(value: Any) -> Decimal:
    return Decimal(str(value))


def independent_totals(docs: list[dict]) -> dict[str, dict[str, tuple[Decimal, int]]]:
    """Σ of every numeric field of every single form over the included reports."""
    forms = shipped_forms()
    out: dict[str, dict[str, tuple[Decimal, int]]] = {}
    for form in forms:
        if form.key == "cover":
            continue
        sums: dict[str, tuple[Decimal, int]] = {}
        for doc in docs:
            raw = doc["forms"].get(form.key, {})
            values = raw.get("summary", {}) if form.is_roster else raw
            for f in form.record_fields:
                if f.type.numeric and not f.type.computed and values.get(f.key) is not None:
                    total, n = sums.get(f.key, (Decimal(0), 0))
                    sums[f.key] = (total + dec(values[f.key]), n + 1)
        out[form.key] = sums
    return out


def test_exit_code_and_one_line_per_file(merged):
    inbox, code, lines, files, _ = merged
    assert code == 1  # some files were not used
    every = sorted(
        p.relative_to(inbox.folder.parent).as_posix()
        for p in inbox.folder.rglob("*")
        if p.is_file()
    )
    said = [line for line in lines if line.startswith(("已使用：", "未使用："))]
    assert len(said) == len(every)
    for file in every:
        assert sum(f"：{file}" in line for line in said) == 1, file
    assert sum(line.startswith("未使用：") for line in said) == 5
    assert set(files) == {".xlsx", ".pdf", ".json"}


def test_summary_json_totals_equal_independent_sums(merged):
    inbox, _, _, files, _ = merged
    summary = json.loads(files[".json"].read_text(encoding="utf-8"))
    assert summary["format"] == "unionclerk.summary" and summary["format_version"] == 1
    assert summary["period"] == {"year": 2018, "part": "year"}
    assert summary["made_by"] == {"union_name": "义乌市总工会", "division_code": "330782000000"}
    docs = inbox.included
    expected = independent_totals(docs)
    totals = summary["totals"]
    for form_key, sums in expected.items():
        got = (
            totals[form_key].get("summary", {})
            if form_key in ("cadres",)
            else totals[form_key]
            if form_key not in ("venues", "services")
            else {}
        )
        for key, (value, n) in sums.items():
            assert dec(got[key]["value"]) == value, (form_key, key)
            assert got[key]["units"] == n, (form_key, key)
    # 入会率 = Σmembers / Σemployees over the units that reported both
    both = [
        d["forms"]["organisation"]
        for d in docs
        if "members" in d["forms"]["organisation"] and "employees" in d["forms"]["organisation"]
    ]
    rate = (
        Decimal(sum(o["members"] for o in both)) * 100 / sum(o["employees"] for o in both)
    ).quantize(Decimal("0.1"))
    assert dec(totals["organisation"]["membership_rate"]["value"]) == rate
    assert totals["organisation"]["membership_rate"]["units"] == len(both) == 27
    # rosters: rows, sums of numeric columns, counts per choice, derived figures
    for key in ("cadres", "venues", "services"):
        rows = [r for d in docs for r in d["forms"][key]["rows"]]
        assert totals[key]["rows"] == len(rows)
    venues = [r for d in docs for r in d["forms"]["venues"]["rows"]]
    area = sum((dec(r["area"]) for r in venues if "area" in r), Decimal(0))
    assert dec(totals["venues"]["fields"]["area"]["value"]) == area
    assert totals["venues"]["fields"]["area"]["rows"] == sum("area" in r for r in venues)
    assert totals["venues"]["by_venue_type"] == dict(Counter(r["venue_type"] for r in venues)) | {}
    services = [r for d in docs for r in d["forms"]["services"]["rows"]]
    assert totals["services"]["fields"]["served"]["value"] == sum(
        r.get("served", 0) for r in services
    )
    assert totals["services"]["by_category"] == dict(Counter(r["category"] for r in services))
    cadres = [r for d in docs for r in d["forms"]["cadres"]["rows"]]
    derived = totals["cadres"]["derived"]
    assert derived["committee_size"] == len(cadres)
    assert derived["by_appointment"] == dict(Counter(r["appointment"] for r in cadres))
    assert derived["women"] == sum(r["gender"] == "女" for r in cadres)
    # every included unit's report, once, in division-code order
    codes = [r["forms"]["cover"]["division_code"] for r in summary["reports"]]
    assert codes == sorted(d["forms"]["cover"]["division_code"] for d in docs)
    assert [u["division_code"] for u in summary["units"]] == codes
    assert {u["division_code"]: u["export_id"] for u in summary["units"]} == {
        c: i for c, i in inbox.export_ids.items() if c in codes
    }


def _table(ws) -> tuple[list[str], list[list[Any]]]:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return [str(h) for h in rows[2]], rows[3:]


def test_workbook_total_rows_equal_independent_sums(merged):
    inbox, _, _, files, _ = merged
    forms = shipped_forms()
    expected = independent_totals(inbox.included)
    wb = load_workbook(files[".xlsx"], read_only=True)
    try:
        for form_key in ("organisation", "cadres", "support", "rights"):
            form = forms[form_key]
            name = next(n for n in wb.sheetnames if n.startswith(form.table_no))
            heads, rows = _table(wb[name])
            units = [r for r in rows if isinstance(r[0], int)]
            assert len(units) == 29
            assert [r[1] for r in units] == sorted(r[1] for r in units)  # by division code
            total = next(r for r in rows if r[2] == "合计")
            count = next(r for r in rows if r[2] == "填报单位数")
            for key, (value, n) in expected[form_key].items():
                label = form.field(key).plain_label
                col = next(i for i, h in enumerate(heads) if h.startswith(label))
                assert dec(total[col]) == value, (form_key, key)
                assert count[col] == n, (form_key, key)
            if form_key == "organisation":
                col = next(i for i, h in enumerate(heads) if h.startswith("入会率"))
                summary = json.loads(files[".json"].read_text(encoding="utf-8"))
                want = summary["totals"]["organisation"]["membership_rate"]["value"]
                assert float(total[col]) == want
        for key in ("cadres", "venues", "services"):
            name = next(
                n for n in wb.sheetnames if n.startswith(forms[key].table_no) and "汇总项" not in n
            )
            heads, rows = _table(wb[name])
            body = [r for r in rows if isinstance(r[0], int)]
            assert len(body) == sum(len(d["forms"][key]["rows"]) for d in inbox.included)
            assert heads[1:3] == ["行政区划代码", "单位名称"]
        assert wb["_unionclerk"].sheet_state == "veryHidden"
    finally:
        wb.close()


def test_reporting_and_problem_lists_are_exactly_right(merged):
    inbox, _, _, files, data = merged
    summary = json.loads(files[".json"].read_text(encoding="utf-8"))
    states = {e["division_code"]: e["state"] for e in summary["expected"]}
    codes = [d["forms"]["cover"]["division_code"] for d in inbox.docs]
    assert len(states) == 32
    assert states[codes[mi.EDITED]] == "有问题"
    assert [c for c, s in states.items() if s == "未报"] == [c for c, _ in mi.MISSING]
    assert sum(s == "已报" for s in states.values()) == 29
    problems = {(Path(p["file"]).name, p["kind"]) for p in summary["problems"]}
    assert problems == {
        (inbox.files["superseded"].name, "duplicate"),
        (inbox.files["edited"].name, "edited"),
        (inbox.files["last_year"].name, "wrong_period"),
        (inbox.files["photo"].name, "not_a_report"),
        (inbox.files["word"].name, "not_a_report"),
    }
    superseded = next(p for p in summary["problems"] if p["kind"] == "duplicate")
    assert "微信群" in superseded["file"]
    wb = load_workbook(files[".xlsx"], read_only=True)
    try:
        _, rows = _table(wb["报送情况"])
        sheet = {r[1]: r for r in rows if r[1]}
        assert len(sheet) == 32
        assert {c: r[3] for c, r in sheet.items()} == states
        for i in mi.DRAFTS:
            assert "草稿" in sheet[codes[i]][8]
        _, rows = _table(wb["问题清单"])
        assert {(Path(r[1]).name, r[5]) for r in rows if r[1]} == {
            (n, "未使用") for n, _ in problems
        }
    finally:
        wb.close()
    # the county keeps what it received, for the window and the next merge
    from unionclerk.services.workspace import Workspace

    with Workspace.open(data) as ws, database(ws).read() as tx:
        received = [r for r in tx.list_reports() if r.source == "received"]
    assert len(received) == 29
