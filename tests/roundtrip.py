"""The round trip every accepted report must survive (issue 13 "Done when"), through the
command line as a clerk and a county would run it:

import the JSON reports → export xlsx, pdf and json (`--full-ids`) → `inspect` says intact →
each export re-imported into an empty folder exports the same JSON → a merge of the exported
workbooks writes the summary workbook and PDF, with totals equal to the exact (Decimal) sums
of the units' values.

Shared by tests/services/test_roundtrip_property.py and benchmarks/bench_roundtrip.py.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from unionclerk.app import main
from unionclerk.formspec.model import FormSet

NUMERIC = ("int", "money", "area")


def run(argv: list[str], data: Path, *, ok: tuple[int, ...] = (0,)) -> None:
    code = main([*argv, "--data-dir", str(data)])
    assert code in ok, f"{argv[0]} exited {code}"


def export(data: Path, out: Path, code: str, formats: str = "json") -> list[Path]:
    """Export one unit's 2019 report (ID numbers in full) and return the files written."""
    argv = ["export", "--period", "2019", "--unit", code, "--out", str(out), "--format", formats]
    run([*argv, "--full-ids"], data)
    return sorted(out.glob(f"{code}_*"))


def export_json(data: Path, out: Path, code: str) -> dict[str, Any]:
    (file,) = export(data, out, code)
    return json.loads(file.read_text(encoding="utf-8"))


def round_trip(docs: list[dict[str, Any]], work: Path, forms: FormSet) -> None:
    """Assert the whole promise for these reports (each of a different unit)."""
    work.mkdir(parents=True, exist_ok=True)
    home, out = work / "home", work / "out"
    files = []
    for n, doc in enumerate(docs):
        file = work / f"in{n}.json"
        file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        files.append(file)
    run(["import", *map(str, files)], home)
    codes = [d["forms"]["cover"]["division_code"] for d in docs]
    exported: dict[str, dict[str, Any]] = {}
    for code in codes:
        made = export(home, out, code, "xlsx,pdf,json")
        assert sorted(p.suffix for p in made) == [".json", ".pdf", ".xlsx"], made
        assert all(p.stat().st_size > 0 for p in made)
        assert next(p for p in made if p.suffix == ".pdf").read_bytes().startswith(b"%PDF")
        exported[code] = json.loads(
            next(p for p in made if p.suffix == ".json").read_text(encoding="utf-8")
        )
    books = sorted(out.glob("*.xlsx"))
    run(["inspect", *map(str, books), *map(str, sorted(out.glob("*.json")))], home)
    for i, code in enumerate(codes):
        for suffix in (".xlsx", ".json"):
            again = work / f"again{i}{suffix}"
            source = next(out.glob(f"{code}_*{suffix}"))
            run(["import", str(source)], again)
            assert export_json(again, work / f"again{i}{suffix}-out", code) == exported[code], (
                f"{suffix} re-import of {code} differs"
            )
    merged = work / "merged"
    run(["merge", *map(str, books), "--period", "2019", "--out", str(merged)], work / "county")
    pdf = next(merged.glob("*_汇总*.pdf"))  # the summary PDF lays out whatever rows it holds
    assert pdf.read_bytes().startswith(b"%PDF") and next(merged.glob("*_汇总*.xlsx"))
    summary = json.loads(next(merged.glob("*_汇总*.json")).read_text(encoding="utf-8"))
    check_totals(summary["totals"], list(exported.values()), forms)


def _sum(values: list[Any]) -> Decimal:
    return sum((Decimal(str(v)) for v in values), Decimal(0))


def _same(found: Any, expected: Decimal, where: str) -> None:
    assert Decimal(repr(found)) == expected, f"{where}: {found!r} != {expected}"


def check_totals(totals: dict[str, Any], docs: list[dict[str, Any]], forms: FormSet) -> None:
    for form in forms:
        parts = [d["forms"].get(form.key, {}) for d in docs]
        if form.is_roster:
            rows = [r for p in parts for r in p.get("rows", [])]
            assert totals[form.key]["rows"] == len(rows), form.key
            for f in form.fields:
                if f.type.name not in NUMERIC:
                    continue
                given = [r[f.key] for r in rows if r.get(f.key) is not None]
                found = totals[form.key].get("fields", {}).get(f.key)
                if not given:
                    assert found is None or found.get("rows", 0) == 0, f"{form.key}.{f.key}"
                    continue
                _same(found["value"], _sum(given), f"{form.key}.{f.key}")
                assert found["rows"] == len(given)
            records = [p.get("summary", {}) for p in parts]
            where = totals[form.key].get("summary", {})
        else:
            records, where = parts, totals.get(form.key, {})
        for f in form.record_fields:
            if f.type.name not in NUMERIC:
                continue
            given = [r[f.key] for r in records if r.get(f.key) is not None]
            if not given:
                assert f.key not in where, f"{form.key}.{f.key}: nobody filled it"
                continue
            _same(where[f.key]["value"], _sum(given), f"{form.key}.{f.key}")
            assert where[f.key]["units"] == len(given)
