"""Benchmark: importing the 2,000-row report from JSON, against a bare baseline.

Run from the repository root:  python benchmarks/bench_import.py

Both sides read the same file (the report of `largereport.large_document()`), best of 5:

- baseline: `json.load` of the file, then one SQLAlchemy Core bulk insert
  (`conn.execute(table.insert(), list_of_dicts)`) of the same rows into a fresh SQLite file
  whose simple tables hold one JSON text column per roster row and one row per single value.
  Its connections get the same pragmas as unionclerk's database (WAL, synchronous=FULL), so
  the ratio compares the work done, not two ways of flushing to disk;
- unionclerk: `importing.import_file(ws, path)` into a fresh data folder — strict validation,
  typed values, the database write with its audit entry, then the full check. Opening the
  workspace (creating and migrating the database) is timed separately and not counted.

The runs alternate (baseline, import, baseline, ...) so that both see the same machine.
Goal (issue 2, "Speed"): unionclerk import ≤ 3 × baseline. Prints the ratio against the
goal; it is a measurement, not a test (a missed goal is reported, the exit status stays 0).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, event

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from largereport import large_document  # noqa: E402

from unionclerk import paths  # noqa: E402
from unionclerk.domain import i18n  # noqa: E402
from unionclerk.exporters import json_report  # noqa: E402
from unionclerk.services import importing  # noqa: E402
from unionclerk.services.workspace import Workspace  # noqa: E402
from unionclerk.storage.engine import CONNECTION_PRAGMAS  # noqa: E402

REPEAT = 5
GOAL_RATIO = 3.0


def _to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    for pragma in CONNECTION_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def baseline(path: Path, db_file: Path) -> float:
    """json.load + one Core bulk insert per table into a fresh file; returns the seconds."""
    engine = create_engine(f"sqlite:///{db_file}")
    event.listen(engine, "connect", _pragmas)
    meta = MetaData()
    singles = Table(
        "form_values", meta, Column("form", Text), Column("field", Text), Column("value", Text)
    )
    rows = Table(
        "roster_rows",
        meta,
        Column("id", Integer, primary_key=True),
        Column("form", Text),
        Column("position", Integer),
        Column("data", Text),
    )
    meta.create_all(engine)
    try:
        start = time.perf_counter()
        with path.open(encoding="utf-8") as fh:
            doc = json.load(fh)
        single_params, row_params = [], []
        for form, content in doc["forms"].items():
            if "rows" in content:
                record = content.get("summary", {})
                row_params += [
                    {"form": form, "position": i, "data": _to_json(r)}
                    for i, r in enumerate(content["rows"])
                ]
            else:
                record = content
            single_params += [
                {"form": form, "field": k, "value": _to_json(v)} for k, v in record.items()
            ]
        with engine.begin() as conn:
            conn.execute(singles.insert(), single_params)
            conn.execute(rows.insert(), row_params)
        return time.perf_counter() - start
    finally:
        engine.dispose()


def unionclerk_import(path: Path, data_dir: Path) -> tuple[float, float]:
    """(seconds to open a fresh workspace, seconds of `importing.import_file`)."""
    start = time.perf_counter()
    ws = Workspace.open(data_dir)
    opened = time.perf_counter()
    try:
        outcome = importing.import_file(ws, path)
        done = time.perf_counter()
    finally:
        ws.close()
    assert not any(p.is_error for p in outcome.problems), "the benchmark report has errors"
    return opened - start, done - opened


def main() -> int:
    i18n.set_catalogue_dir(paths.resources_dir() / "i18n")
    with tempfile.TemporaryDirectory(prefix="unionclerk-bench-") as tmp:
        root = Path(tmp)
        doc = large_document()
        n_rows = sum(len(doc["forms"][k]["rows"]) for k in ("cadres", "venues", "services"))
        path = root / "large_report.json"
        path.write_text(json_report.dumps(doc), encoding="utf-8")
        size_kb = path.stat().st_size / 1024
        print(f"report: {n_rows} roster rows, {size_kb:.0f} KB of JSON")

        bases, opens, imports = [], [], []
        for i in range(REPEAT):
            bases.append(baseline(path, root / f"baseline{i}.sqlite"))
            opened, imported = unionclerk_import(path, root / f"data{i}")
            opens.append(opened)
            imports.append(imported)
    base, ours = min(bases), min(imports)
    ratio = ours / base
    ok = ratio <= GOAL_RATIO
    print(f"baseline json.load + Core bulk insert: {base:.3f} s (best of {REPEAT})")
    print(f"workspace open (create + migrate, not counted): {min(opens):.3f} s")
    print(f"unionclerk import: {ours:.3f} s (best of {REPEAT})")
    print(
        f"import ratio: {ratio:.2f}x baseline (goal ≤ {GOAL_RATIO:.0f}x) {'OK' if ok else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
