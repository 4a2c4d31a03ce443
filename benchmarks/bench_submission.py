"""Benchmark: submission workbook, PDF and inspect against bare openpyxl / reportlab.

Builds a large report (cadres 300, venues 500, services 1,200 rows: 2,000 roster rows, all
valid), then times, best of five runs in this one process:

- workbook export vs a bare write-only openpyxl write of the same cell values (goal ≤ 1.5×);
- PDF export vs a bare reportlab table of the same printed roster rows, same font (≤ 1.5×);
- inspect of that workbook vs a bare openpyxl read-only pass over every cell (≤ 1.5×).

Run: python benchmarks/bench_submission.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook, load_workbook  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from unionclerk import paths  # noqa: E402
from unionclerk.domain.period import Period  # noqa: E402
from unionclerk.exporters import json_report  # noqa: E402
from unionclerk.exporters.bundle import Stamp, prepare  # noqa: E402
from unionclerk.exporters.machine import manifest_rows  # noqa: E402
from unionclerk.exporters.pdf import fonts as pdf_fonts  # noqa: E402
from unionclerk.exporters.pdf.report import build_pdf  # noqa: E402
from unionclerk.exporters.pdf.roster import roster_cells  # noqa: E402
from unionclerk.exporters.reading.workbook import inspect_workbook  # noqa: E402
from unionclerk.exporters.xlsx.report import submission_plans, write_submission  # noqa: E402
from unionclerk.formspec import shipped_forms, validators  # noqa: E402
from unionclerk.services import demo  # noqa: E402

FONT_PATH = paths.font_path()
SIZES = {"cadres": 300, "venues": 500, "services": 1200}
RUNS = 5


def large_document(rng: random.Random) -> dict:
    doc = demo.document()
    forms = doc["forms"]
    cadres = []
    for i in range(SIZES["cadres"]):
        female = rng.random() < 0.4
        year, month, day = rng.randrange(1960, 2000), rng.randrange(1, 13), rng.randrange(1, 29)
        seq = i % 900 + 100
        seq = seq - seq % 2 + (0 if female else 1)
        body = f"330782{year}{month:02d}{day:02d}{seq:03d}"
        cadres.append(
            {
                "name": f"职工{i:04d}",
                "gender": "女" if female else "男",
                "birth": f"{year}-{month:02d}",
                "ethnicity": "汉族",
                "political": "中共党员",
                "education": "大学本科",
                "position": "委员" if i else "主席",
                "appointment": rng.choice(["专职", "兼职", "挂职"]),
                "home_post": f"某某有限公司第{i}车间工会小组长兼安全生产联络员",
                "frontline": i % 3 == 0,
                "since": "2018-09",
                "phone": f"139{rng.randrange(10**7, 10**8)}",
                "id_number": body + validators.id_check_char(body),
            }
        )
    forms["cadres"]["rows"] = cadres
    forms["venues"]["rows"] = [
        {
            "name": f"第{i}号职工服务站点（含爱心驿站和职工书屋）",
            "venue_type": "职工服务站",
            "level": "村(社区)",
            "build_mode": "共建",
            "status": "已启用",
            "opened": "2018-05",
            "area": 120.5 + i,
            "rooms": 3,
            "investment": 50000 + i,
            "address": f"佛堂镇某某村{i}号",
            "contact": f"负责人{i}",
            "phone": "0579-85711234",
        }
        for i in range(SIZES["venues"])
    ]
    forms["services"]["rows"] = [
        {
            "name": f"2018年第{i}期职工技能培训暨劳动竞赛活动",
            "category": "技能培训",
            "start": "2018-03-01",
            "end": "2018-03-02",
            "sessions": 2,
            "served": 100 + i,
            "served_unit": "人次",
            "funds": 2000 + i,
            "fund_source": "本级工会经费",
            "partners": "镇人力社保所、职业技术学校",
            "notes": "培训后组织考核",
        }
        for i in range(SIZES["services"])
    ]
    return doc


def best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    forms = shipped_forms()
    parsed = json_report.parse_document(large_document(random.Random(7)), forms)
    stamp = Stamp(
        datetime(2018, 12, 20, 10, 31, tzinfo=timezone(timedelta(hours=8))),
        "00000000-0000-0000-0000-000000000001",
        "draft",
    )
    bundle = prepare(forms, Period(2018), parsed.data, stamp)
    pdf_fonts.register(FONT_PATH)
    folder = Path(tempfile.mkdtemp(prefix="bench_submission_"))
    xlsx, bare_xlsx = folder / "report.xlsx", folder / "bare.xlsx"

    plans = submission_plans(forms, bundle)
    machine = manifest_rows(bundle.manifest, bundle.canonical.decode())

    def bare_write() -> None:
        wb = Workbook(write_only=True)
        for plan in plans:
            ws = wb.create_sheet(plan.name)
            for cells in plan.rows:
                row = [None] * len(plan.widths)
                for c in cells:
                    row[c.col - 1] = c.value
                ws.append(row)
        ws = wb.create_sheet("_unionclerk")
        for r in machine:
            ws.append(r)
        wb.save(bare_xlsx)

    def bare_pdf() -> None:
        """The same printed rows (long text already broken into lines, as ours prints it) in
        one plain reportlab Table per roster: the same font, a repeated header, nothing else."""
        story = []
        for key in ("cadres", "venues", "services"):
            rows = [r.values for r in bundle.data.rows[key]]
            cells = roster_cells(forms[key], rows, False, landscape(A4)[0] - 85)
            table = Table([cells.headers] + cells.body, repeatRows=1)
            table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), pdf_fonts.FONT, 7.5)]))
            story += [table, PageBreak()]
        SimpleDocTemplate(str(folder / "bare.pdf"), pagesize=landscape(A4), invariant=1).build(
            story
        )

    def bare_read() -> None:
        with open(xlsx, "rb") as fh:
            wb = load_workbook(fh, read_only=True, data_only=True)
            for ws in wb.worksheets:
                for _row in ws.iter_rows(values_only=True):
                    pass
            wb.close()

    results = [
        (
            "workbook export",
            best(lambda: write_submission(xlsx, forms, bundle)),
            "bare openpyxl write",
            best(bare_write),
        ),
        (
            "PDF export",
            best(lambda: build_pdf(folder / "report.pdf", forms, bundle, FONT_PATH)),
            "bare reportlab table",
            best(bare_pdf),
        ),
        (
            "inspect",
            best(lambda: inspect_workbook(xlsx, forms)),
            "bare openpyxl read-only pass",
            best(bare_read),
        ),
    ]
    info = inspect_workbook(xlsx, forms)
    rows = sum(SIZES.values())
    print(f"large report: {rows} roster rows {SIZES}; inspect says {info.kind}/{info.integrity}")
    ok = True
    for name, ours, bare_name, bare in results:
        ratio = ours / bare
        ok &= ratio <= 1.5
        print(
            f"{name:16s} {ours:7.3f} s   {bare_name:28s} {bare:7.3f} s   "
            f"ratio {ratio:4.2f}× (goal ≤ 1.5×) {'ok' if ratio <= 1.5 else 'SLOW'}"
        )
    print("all ratios met" if ok else "some ratios NOT met")


if __name__ == "__main__":
    main()
