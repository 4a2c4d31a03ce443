"""A scripted workload for the kill test: edits, row inserts, imports, exports and merges.

Prints `ACK <kind> <n>` after each action has been committed, so the test knows what must
survive a SIGKILL (and `BEGIN import` before an import, which replaces what came before). Run: python workload.py DATA_DIR OUT_DIR SEED
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from unionclerk.exporters import atomic
from unionclerk.services import county, demo, exporting, importing, reports
from unionclerk.services.editing import EditSession
from unionclerk.services.workspace import Workspace


def main() -> None:
    data, out, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    ws = Workspace.open(data)
    existing = reports.list_reports(ws)
    report = existing[0] if existing else demo.build_demo(ws)
    atomic.sweep_stale(out)
    n = int(EditSession(ws, report).value("organisation", "union_groups") or 0)
    print("READY", flush=True)
    while True:
        session = EditSession(ws, report)
        action = rng.random()
        n += 1
        if action < 0.6:
            session.set_value("organisation", "union_groups", n)
            print(f"ACK edit {n}", flush=True)
        elif action < 0.8:
            session.insert_row("services", None, {"name": f"R{n}", "category": "文体活动"})
            print(f"ACK row {n}", flush=True)
        elif action < 0.85:
            target = exporting.export_report(ws, report, out, ["json"]).files[0]
            print(f"ACK export {target.name}", flush=True)
        elif action < 0.92:
            files = sorted(out.glob("*.json"))
            if files:
                county.merge_files(
                    ws, files[-1:], report.period, out / "汇总", store=False, workers=1
                )
                print("ACK merge", flush=True)
        else:
            files = sorted(out.glob("*.json"))
            if files:
                print("BEGIN import", flush=True)
                importing.import_file(ws, files[-1], replace=True)
                report = reports.list_reports(ws)[0]
                n = int(EditSession(ws, report).value("organisation", "union_groups") or 0)
                print(f"ACK import {n}", flush=True)


if __name__ == "__main__":
    main()
