"""Integrity on read: intact, edited after export (the cell is named), corrupt machine data;
and the `inspect` command's report and exit codes."""

from __future__ import annotations

import json
import shutil
import warnings
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from openpyxl import load_workbook

from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.services import demo, exporting

CLOCK = datetime(2018, 12, 20, 10, 31, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture
def exported(ws, tmp_path) -> Path:
    report = demo.build_demo(ws)
    out = tmp_path / "out"
    out.mkdir()
    return exporting.export_report(ws, report, out, ["xlsx"], clock=lambda: CLOCK).files[0]


def edit(path: Path, sheet: str, ref: str, value) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path)
    try:
        wb[sheet][ref] = value
        wb.save(path)
    finally:
        wb.close()


def test_intact_export(exported, forms):
    info = xlsx_reader.inspect_workbook(exported, forms)
    assert (info.kind, info.integrity) == ("submission", "intact")
    assert info.unit_code == "330782101000" and info.unit_name == "佛堂镇总工会"
    assert info.period.label == "2018年度" and info.draft is True
    assert info.form_versions == forms.versions and info.export_id
    assert info.exported_at == "2018-12-20T10:31:00+08:00"


def test_edited_visible_cell_is_named(exported, forms):
    edit(exported, "表一 组织建设情况", "C9", 999)
    info = xlsx_reader.inspect_workbook(exported, forms)
    assert info.integrity == "edited"
    assert [str(c) for c in info.edited_cells] == ["表一 组织建设情况!C9"]
    assert info.edited_cells[0].expected == "201" and info.edited_cells[0].found == "999"


def test_edited_roster_name_and_added_sheet(exported, forms):
    edit(exported, "表二 工会干部队伍情况", "B8", "张三")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(exported)
    wb.create_sheet("我的备注")
    wb.save(exported)
    wb.close()
    info = xlsx_reader.inspect_workbook(exported, forms)
    names = [str(c) for c in info.edited_cells]
    assert "表二 工会干部队伍情况!B8" in names and "我的备注" in names


def test_changed_machine_data_is_corrupt(exported, forms):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(exported)
    ws = wb["_unionclerk"]
    text = ws["B2"].value
    ws["B2"] = text.replace("201", "202", 1)  # one byte of the JSON payload
    wb.save(exported)
    wb.close()
    info = xlsx_reader.inspect_workbook(exported, forms)
    assert info.integrity == "corrupt"
    assert any("SHA-256" in m for m in info.messages)


def test_flipped_byte_in_the_file_is_corrupt_or_unreadable(exported, forms, tmp_path):
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(exported) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith("sheet8.xml"))
    data = bytearray(exported.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + 20] ^= 0xFF
    damaged.write_bytes(bytes(data))
    result = xlsx_reader.inspect_workbook(damaged, forms)
    assert result.integrity == "corrupt" or result.kind == "unreadable"
    assert result.messages


def test_manifest_must_agree_with_the_report(exported, forms):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(exported)
    ws = wb["_unionclerk"]
    manifest = json.loads(ws["B1"].value)
    manifest["unit"]["division_code"] = "330782102000"
    ws["B1"] = json.dumps(manifest, ensure_ascii=False)
    wb.save(exported)
    wb.close()
    info = xlsx_reader.inspect_workbook(exported, forms)
    assert info.integrity == "corrupt"


def test_inspect_command_exit_codes(exported, tmp_path, cli):
    code, out, _ = cli(None, "inspect", exported)  # no data folder: inspect only reads files
    assert code == 0
    assert "上报工作簿" in out and "完好" in out and "佛堂镇总工会" in out
    edited = tmp_path / "edited.xlsx"
    shutil.copy(exported, edited)
    edit(edited, "表三 阵地建设情况", "B7", "改过的名字")
    code, out, _ = cli(None, "inspect", exported, edited)
    assert code == 1
    assert "表三 阵地建设情况!B7" in out and "改过的名字" in out
    junk = tmp_path / "junk.xlsx"
    junk.write_text("hello", encoding="utf-8")
    code, out, _ = cli(None, "inspect", edited, junk)
    assert code == 2
    assert "不是 Excel 工作簿" in out


def test_import_refuses_an_edited_workbook(exported, tmp_path, cli):
    edit(exported, "表一 组织建设情况", "C9", 999)
    code, _, err = cli(tmp_path / "county", "import", exported)
    assert code == 2
    assert "表一 组织建设情况!C9" in err  # and no traceback (the fixture)
