"""Use cases of the submission files: export in every format, the round trip through a
workbook, status after export, the machine data split over cells, the command line."""

from __future__ import annotations

import json
import warnings
from datetime import datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook

from unionclerk import paths
from unionclerk.domain.errors import UserError
from unionclerk.domain.records import COMPLETE, EXPORTED
from unionclerk.exporters import json_report, machine
from unionclerk.services import demo, exporting, importing, reports, template
from unionclerk.services.workspace import Workspace, database

CLOCK = datetime(2018, 12, 20, 10, 31, tzinfo=timezone(timedelta(hours=8)))


def test_export_every_format(ws, tmp_path):
    report = demo.build_demo(ws)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    done = exporting.export_report(
        ws, report, tmp_path, ["xlsx", "pdf", "json"], clock=lambda: CLOCK
    )
    base = "330782101000_佛堂镇总工会_2018年度_工会工作报表_草稿"  # a draft says so in its name
    assert [p.name for p in done.files] == [f"{base}.xlsx", f"{base}.pdf", f"{base}.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in done.files)
    assert done.draft and done.exported_at == "2018-12-20T10:31:00+08:00"
    doc = json.loads(done.files[2].read_text(encoding="utf-8"))
    assert json_report.payload_hash(doc) == done.payload_hash
    assert ws.find_report(demo.PERIOD).status == "draft"


def test_round_trip_through_the_workbook(ws, tmp_path):
    report = demo.build_demo(ws)
    first = exporting.export_report(ws, report, tmp_path, ["xlsx", "json"], clock=lambda: CLOCK)
    other = Workspace.open(tmp_path / "empty")
    try:
        imported = importing.import_file(other, first.files[0])
        again = tmp_path / "again"
        again.mkdir()
        second = exporting.export_report(other, imported.report, again, ["json", "xlsx"])
    finally:
        other.close()
        paths.set_data_dir(ws.data_dir)
    assert second.payload_hash == first.payload_hash
    assert second.files[0].read_bytes() == first.files[1].read_bytes()
    assert second.export_id != first.export_id


def test_complete_report_becomes_exported(ws, tmp_path):
    report = demo.build_demo(ws)
    with database(ws).transaction() as tx:
        tx.set_status(report.id, COMPLETE)
    done = exporting.export_report(ws, ws.find_report(demo.PERIOD), tmp_path, ["xlsx"])
    assert not done.draft
    assert ws.find_report(demo.PERIOD).status == EXPORTED


def test_long_payload_is_split_over_cells(ws, tmp_path):
    doc = demo.document()
    doc["forms"]["services"]["rows"] = [
        {"name": f"第{i}期职工技能培训", "category": "技能培训", "notes": f"{i}：" + "说明" * 90}
        for i in range(300)
    ]
    source = tmp_path / "big.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = importing.import_file(ws, source).report
    out = tmp_path / "out"
    out.mkdir()
    done = exporting.export_report(ws, report, out, ["xlsx"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(done.files[0], read_only=True)
    rows = list(wb["_unionclerk"].iter_rows(values_only=True))
    wb.close()
    chunks = [text for key, text in rows if key == machine.PAYLOAD_KEY]
    assert len(chunks) > 3 and all(len(c) <= machine.CHUNK for c in chunks)
    other = Workspace.open(tmp_path / "empty")
    try:
        imported = importing.import_file(other, done.files[0])
        services = reports.load(other, imported.report).rows["services"]
    finally:
        other.close()
        paths.set_data_dir(ws.data_dir)
    assert len(services) == 300 and services[299].values["notes"] == "299：" + "说明" * 90


def test_bad_formats_and_folders_are_refused(ws, tmp_path):
    report = demo.build_demo(ws)
    with pytest.raises(UserError):
        exporting.export_report(ws, report, tmp_path, ["docx"])
    with pytest.raises(UserError):
        exporting.export_report(ws, report, tmp_path / "missing", ["xlsx"])
    assert exporting.parse_formats("XLSX, .pdf,xlsx") == ["xlsx", "pdf"]


def test_template_starts_with_the_units_cover(ws, tmp_path):
    demo.build_demo(ws)
    target = template.write_template(ws, tmp_path / "t")
    assert target.suffix == ".xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(target)
    cover = wb["封面"]
    values = {cover[f"A{r}"].value: cover[f"C{r}"].value for r in range(7, 30)}
    wb.close()
    assert values["工会名称"] == "佛堂镇总工会" and values["报出日期"] is None


def test_export_command_defaults_to_xlsx_and_pdf(tmp_path, cli):
    data, out = tmp_path / "data", tmp_path / "out"
    assert cli(data, "demo").code == 0
    done = cli(data, "export", period=2018, out=out)
    assert done.code == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".pdf", ".xlsx"]
    assert "草稿" in done.err
    assert cli(data, "export", period=2018, out=out, format="doc").code == 2  # no traceback
