"""Bad input survives with an explanation and imports nothing: not an xlsx, truncated,
renamed, no machine data, a newer format, a zip bomb, 10 MB cells."""

from __future__ import annotations

import json
import shutil
import struct
import warnings
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from unionclerk.domain.errors import UserError
from unionclerk.exporters.reading import safe as xlsx_safe
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.services import demo, exporting, importing, inspection
from unionclerk.services.workspace import database

CLOCK = datetime(2018, 12, 20, 10, 31, tzinfo=timezone(timedelta(hours=8)))
BIG = 10 * 1024 * 1024


@pytest.fixture
def exported(ws, tmp_path) -> Path:
    report = demo.build_demo(ws)
    out = tmp_path / "out"
    out.mkdir()
    path = exporting.export_report(ws, report, out, ["xlsx"], clock=lambda: CLOCK).files[0]
    with database(ws).transaction() as tx:  # an empty database to import into
        tx.delete_report(report.id)
    return path


def refused(ws, path: Path) -> str:
    with pytest.raises(UserError) as err:
        importing.import_file(ws, path)
    with database(ws).read() as tx:
        assert tx.list_reports() == []
    assert "Traceback" not in str(err.value)
    return str(err.value)


def rewrite_member(src: Path, dst: Path, name: str, change) -> None:  # noqa: ANN001
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == name:
                data = change(data)
            zout.writestr(item, data)


def test_defusedxml_is_used():
    assert xlsx_safe.defused()


def test_not_an_xlsx(ws, tmp_path, forms):
    path = tmp_path / "报表.xlsx"
    path.write_text("姓名,性别\n张三,男\n", encoding="utf-8")
    info = xlsx_reader.inspect_workbook(path, forms)
    assert info.kind == "unreadable" and "不是 Excel 工作簿" in info.messages[0]
    refused(ws, path)


def test_truncated(ws, exported, tmp_path, forms):
    path = tmp_path / "half.xlsx"
    path.write_bytes(exported.read_bytes()[: exported.stat().st_size // 2])
    info = xlsx_reader.inspect_workbook(path, forms)
    assert info.kind == "unreadable" and "损坏或不完整" in info.messages[0]
    assert "损坏" in refused(ws, path)


def test_renamed_to_txt_is_still_recognised(ws, exported, tmp_path, forms):
    path = tmp_path / "报表.txt"
    shutil.copy(exported, path)
    assert xlsx_reader.inspect_workbook(path, forms).integrity == "intact"
    assert importing.import_file(ws, path).report.unit.division_code == "330782101000"


def test_workbook_without_machine_data(ws, tmp_path, forms):
    path = tmp_path / "名单.xlsx"
    wb = Workbook()
    wb.active.append(["姓名", "性别"])
    wb.save(path)
    wb.close()
    info = xlsx_reader.inspect_workbook(path, forms)
    assert info.kind == "not_a_report"
    assert "机器数据" in refused(ws, path)


def test_newer_format_version(ws, exported, forms):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(exported)
    manifest = json.loads(wb["_unionclerk"]["B1"].value)
    manifest["format_version"] = 99
    wb["_unionclerk"]["B1"] = json.dumps(manifest)
    wb.save(exported)
    wb.close()
    info = xlsx_reader.inspect_workbook(exported, forms)
    assert info.kind == "newer_format" and "升级" in info.messages[0]
    assert "升级" in refused(ws, exported)


def test_zip_bomb_is_refused_before_inflating(ws, exported, tmp_path, forms):
    bomb = tmp_path / "bomb.xlsx"
    data = bytearray(exported.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:  # central directory entries
        struct.pack_into("<I", data, start + 24, 0xFFFFFFF0)  # declared uncompressed size
        start += 4
    bomb.write_bytes(bytes(data))
    info = xlsx_reader.inspect_workbook(bomb, forms)
    assert info.kind == "unreadable" and "压缩炸弹" in info.messages[0]
    assert "压缩炸弹" in refused(ws, bomb)


def test_ten_megabyte_cell_in_visible_sheet(ws, exported, tmp_path, forms):
    big = tmp_path / "big.xlsx"
    marker = b"\xe9\xaa\x86\xe7\x87\x95\xe4\xb8\x9c"  # the first cadre's name, 骆燕东
    rewrite_member(
        exported, big, "xl/worksheets/sheet3.xml", lambda d: d.replace(marker, b"x" * BIG, 1)
    )
    info = xlsx_reader.inspect_workbook(big, forms)
    assert info.integrity == "edited"
    cell = info.edited_cells[0]
    assert str(cell) == "表二 工会干部队伍情况!B7" and "10485760" in cell.found
    assert "B7" in refused(ws, big)


def test_ten_megabyte_machine_chunk(ws, exported, tmp_path, forms):
    big = tmp_path / "big.xlsx"
    rewrite_member(
        exported,
        big,
        "xl/worksheets/sheet8.xml",
        lambda d: d.replace(b"<t>{", b"<t>" + b"y" * BIG + b"{", 1),
    )
    info = xlsx_reader.inspect_workbook(big, forms)
    assert info.integrity == "corrupt"
    refused(ws, big)


def test_json_renamed_as_xlsx_is_recognised(ws, tmp_path, forms):
    report = demo.build_demo(ws)
    out = exporting.export_report(ws, report, tmp_path, ["json"]).files[0]
    renamed = tmp_path / "report.xlsx"
    shutil.copy(out, renamed)
    info = inspection.inspect_file(forms, renamed)
    assert info.kind == "json_report" and info.unit_code == "330782101000"
