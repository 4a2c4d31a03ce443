"""Small helpers that many test modules share: what a data folder's database holds, and the
demo report as a JSON document to change and import. (The `cli` fixture is in conftest.py.)"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

DB = "unionclerk.sqlite3"  # a data folder's database, as unionclerk.paths names it


def dump(folder: Path) -> list[str]:
    """Every table's content in `folder`'s database, as SQL text (to compare before/after)."""
    with closing(sqlite3.connect(folder / DB)) as conn:
        return list(conn.iterdump())


def stored_reports(folder: Path) -> int:
    """How many reports `folder`'s database holds (0 when there is no database at all)."""
    if not (folder / DB).exists():
        return 0
    with closing(sqlite3.connect(folder / DB)) as conn:
        return conn.execute("select count(*) from reports").fetchone()[0]


def demo_in_2019(ws: Any, out: Path) -> dict[str, Any]:
    """The demo report built in `ws`, exported as JSON into `out` and read back, moved to 2019
    (period and report date) so that, imported unchanged, it is a new report."""
    from unionclerk.services import demo, exporting

    report = demo.build_demo(ws)
    out.mkdir(parents=True, exist_ok=True)
    (file,) = exporting.export_report(ws, report, out, ["json"]).files
    doc = json.loads(file.read_text(encoding="utf-8"))
    doc["period"] = {"year": 2019, "part": "year"}
    doc["forms"]["cover"]["report_date"] = "2019-12-20"
    return doc
