"""A county's inbox for the merge tests (not a test module): 30 townships' submission workbooks
made the way townships make them — each report imported into its own data folder through
`importing.import_file` and exported with the submission export — plus what really turns up:
a township's file sent twice (the later one corrected), a workbook edited by hand after
export, last year's file, a photo and a Word document.

`build(root)` is slow-ish (30 imports and exports); tests share one inbox through
`shared_inbox(tmp_path_factory)`.
"""

from __future__ import annotations

import csv
import json
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import countydata  # noqa: E402

from unionclerk import paths  # noqa: E402
from unionclerk.domain.records import COMPLETE  # noqa: E402

CST = timezone(timedelta(hours=8))
N = 30
DUPLICATED, EDITED, LAST_YEAR = 3, 5, 7  # which townships send the odd files
DRAFTS = (2, 9)
MISSING = [("330782131000", "稠江街道总工会"), ("330782132000", "北苑街道总工会")]


@dataclass
class Inbox:
    folder: Path
    expected_csv: Path
    docs: list[dict[str, Any]]  # the report each township's counted file holds
    export_ids: dict[str, str] = field(default_factory=dict)  # code -> counted export id
    files: dict[str, Path] = field(default_factory=dict)  # role -> file

    @property
    def included(self) -> list[dict[str, Any]]:
        return [d for i, d in enumerate(self.docs) if i != EDITED]


def _export(
    data_dir: Path,
    doc: dict[str, Any],
    out: Path,
    when: datetime,
    *,
    complete: bool = True,
    replace: bool = False,
) -> tuple[Path, str]:
    from unionclerk.services import exporting, importing
    from unionclerk.services.workspace import Workspace, database

    src = data_dir / f"in-{doc['period']['year']}-{when:%H%M%S}.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    with Workspace.open(data_dir) as ws:
        report = importing.import_file(ws, src, replace=replace).report
        if complete:
            with database(ws).transaction() as tx:
                tx.set_status(report.id, COMPLETE, note="test")
            report = ws.find_report(report.period, report.unit.division_code)
        result = exporting.export_report(ws, report, out, ["xlsx"], clock=lambda: when)
    return result.files[0], result.export_id


def _edit_visible_cell(path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = next(s for s in wb.worksheets if s.title.startswith("表一"))
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, int) and cell.value > 100:
                cell.value += 1000  # someone "corrects" a figure by hand
                wb.save(path)
                return
    raise AssertionError("no figure to edit")


def build(root: Path) -> Inbox:
    previous = paths.data_dir(create=False)
    docs = countydata.township_documents(N)
    inbox = Inbox(root / "收件箱", root / "应报单位名单.csv", docs)
    base = datetime(2018, 12, 20, 9, 0, tzinfo=CST)
    try:
        for i, doc in enumerate(docs):
            data_dir = root / "townships" / f"t{i:02d}"
            when = base + timedelta(minutes=7 * i)
            code = doc["forms"]["cover"]["division_code"]
            if i == DUPLICATED:  # a first version by chat, then a corrected one
                first, _ = _export(data_dir, doc, inbox.folder / "微信群", when - timedelta(days=3))
                inbox.files["superseded"] = first
                doc = json.loads(json.dumps(doc))
                doc["forms"]["organisation"]["members"] += 100
                doc["forms"]["venues"]["rows"].append(
                    {"name": "新建职工书屋", "venue_type": "职工书屋", "status": "在建"}
                )
                docs[i] = doc
            file, export_id = _export(
                data_dir, doc, inbox.folder, when, complete=i not in DRAFTS, replace=i == DUPLICATED
            )
            inbox.export_ids[code] = export_id
            if i == EDITED:
                _edit_visible_cell(file)
                inbox.files["edited"] = file
            if i == LAST_YEAR:
                old = countydata.township_document(
                    None,
                    doc["forms"]["cover"]["township"],
                    code,
                    county="义乌市",
                    city="金华市",
                    size="small",
                    seed=7,
                    year=2017,
                )
                file, _ = _export(data_dir, old, inbox.folder / "去年", base.replace(year=2017))
                inbox.files["last_year"] = file
        photos = inbox.folder / "照片"
        photos.mkdir()
        inbox.files["photo"] = photos / "表彰大会合影.jpg"
        inbox.files["photo"].write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)
        inbox.files["word"] = photos / "工作总结.docx"
        with zipfile.ZipFile(inbox.files["word"], "w") as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("word/document.xml", "<w:document/>")
        with open(inbox.expected_csv, "w", encoding="gbk", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["义乌市乡镇（街道）总工会名单"])
            writer.writerow(["行政区划代码", "单位名称"])
            for doc in countydata.township_documents(N):
                cover = doc["forms"]["cover"]
                writer.writerow([cover["division_code"], cover["union_name"]])
            writer.writerows(MISSING)
    finally:
        paths.set_data_dir(previous)
    return inbox


_CACHE: dict[Path, Inbox] = {}


def shared_inbox(tmp_path_factory: Any) -> Inbox:
    """One inbox per test session (built on first use)."""
    root = tmp_path_factory.getbasetemp() / "county-inbox"
    if root not in _CACHE:
        _CACHE[root] = build(root)
    return _CACHE[root]
