"""The submission workbook read back with openpyxl: cell values, merged ranges and number
formats against tests/data/xlsx_golden.json, plus print set-up, hidden machine sheet, text
cells for codes and ID numbers, and formula injection."""

from __future__ import annotations

import json
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from openpyxl import load_workbook

from unionclerk.services import demo, exporting
from unionclerk.services.workspace import database

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "xlsx_golden.json"
CLOCK = datetime(2018, 12, 20, 10, 31, tzinfo=timezone(timedelta(hours=8)))
EXPORT_ID = "00000000-0000-0000-0000-000000000001"


def export(ws, out: Path, **kw) -> Path:
    report = demo.build_demo(ws)
    done = exporting.export_report(
        ws, report, out, ["xlsx"], clock=lambda: CLOCK, new_id=lambda: EXPORT_ID, **kw
    )
    return done.files[0]


def load(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_workbook(path)


@pytest.fixture
def book(ws, tmp_path):
    wb = load(export(ws, tmp_path))
    yield wb
    wb.close()


def test_cells_merges_and_formats_match_golden(book):
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert book.sheetnames == golden["sheets"]
    assert {n: book[n].sheet_state for n in book.sheetnames} == golden["states"]
    for sheet, cells in golden["cells"].items():
        ws = book[sheet]
        for ref, value in cells.items():
            assert ws[ref].value == value, f"{sheet}!{ref}"
        for ref, fmt in golden["formats"][sheet].items():
            assert ws[ref].number_format == fmt, f"{sheet}!{ref}"
        assert sorted(str(m) for m in ws.merged_cells.ranges) == golden["merged"][sheet], sheet


def test_codes_phones_and_ids_are_text_and_ids_masked(book):
    cadres = book["表二 工会干部队伍情况"]
    for row in range(7, 32):
        cell = cadres[f"P{row}"]
        assert cell.data_type == "s" and cell.number_format == "@"
        assert len(cell.value) == 18 and cell.value[6:14] == "*" * 8
        assert cadres[f"O{row}"].data_type == "s"
    cover = book["封面"]
    assert cover["C12"].value == "330782101000" and cover["C12"].data_type == "s"


def test_print_setup_frozen_panes_and_header_rows(book):
    cadres = book["表二 工会干部队伍情况"]
    assert cadres.print_title_rows == "$6:$6"
    assert cadres.freeze_panes == "C7"
    assert cadres.page_setup.orientation == "landscape"
    assert cadres.page_setup.paperSize == 9
    assert cadres.page_setup.fitToWidth == 1 and cadres.page_setup.fitToHeight == 0
    assert cadres.sheet_properties.pageSetUpPr.fitToPage
    assert "第 &P 页 共 &N 页" in cadres.oddFooter.center.text
    for name in book.sheetnames[:-1]:  # a draft: 草稿 in every sheet's printed header
        assert book[name].oddHeader.right.text == "草稿"
        assert "（草稿）" in book[name]["A1"].value
    single = book["表一 组织建设情况"]
    assert single.page_setup.orientation == "portrait"
    assert cadres.column_dimensions["B"].width >= 8
    assert single["A10"].alignment.indent == 2 and single["A12"].alignment.indent == 4


def test_machine_sheet_is_very_hidden_and_protected(book):
    machine = book["_unionclerk"]
    assert machine.sheet_state == "veryHidden"
    assert machine.protection.sheet
    manifest = json.loads(machine["B1"].value)
    assert manifest["format"] == "unionclerk.submission"
    assert manifest["export_id"] == EXPORT_ID and manifest["draft"] is True
    assert manifest["unit"]["division_code"] == "330782101000"
    assert manifest["program_version"]
    assert len(manifest["payload_sha256"]) == 64


def test_explanation_shown_beside_its_field(book):
    single = book["表一 组织建设情况"]
    row = next(r for r in range(7, 40) if single[f"A{r}"].value == "三星级工会数")
    assert "40余家" in single[f"D{row}"].value


def test_formula_injection_comes_out_as_text(ws, tmp_path):
    report = demo.build_demo(ws)
    with database(ws).transaction() as tx:
        stored = tx.load_data(report.id)
        uuid, values = stored.rows["cadres"][0]
        tx.set_value(report.id, "cadres", "name", '=HYPERLINK("http://x","点我")', row_uuid=uuid)
        tx.set_value(report.id, "cadres", "notes", "+1-2", row_uuid=uuid)
    done = exporting.export_report(ws, report, tmp_path, ["xlsx"], clock=lambda: CLOCK)
    wb = load(done.files[0])
    try:
        cell = wb["表二 工会干部队伍情况"]["B7"]
        assert cell.value == '=HYPERLINK("http://x","点我")'
        assert cell.data_type == "s" and cell.quotePrefix
        assert wb["表二 工会干部队伍情况"]["Q7"].data_type == "s"
    finally:
        wb.close()


def test_full_ids_on_request(ws, tmp_path):
    wb = load(export(ws, tmp_path, full_ids=True))
    try:
        value = wb["表二 工会干部队伍情况"]["P7"].value
        assert "*" not in value and len(value) == 18
        assert json.loads(wb["_unionclerk"]["B1"].value)["full_ids"] is True
    finally:
        wb.close()


def test_openpyxl_fallback_path_writes_the_same_cells(ws, tmp_path, monkeypatch):
    from unionclerk.exporters.xlsx import rows as xlsx_rows

    fast = load(export(ws, tmp_path))
    monkeypatch.setattr(xlsx_rows, "install", lambda *a: False)
    slow_dir = tmp_path / "slow"
    slow_dir.mkdir()
    done = exporting.export_report(
        ws,
        ws.find_report(demo.PERIOD),
        slow_dir,
        ["xlsx"],
        clock=lambda: CLOCK,
        new_id=lambda: EXPORT_ID,
    )
    slow = load(done.files[0])
    try:
        for name in fast.sheetnames:
            a = [
                [(c.value, c.number_format, c.style_id > 0) for c in row]
                for row in fast[name].iter_rows()
            ]
            b = [
                [(c.value, c.number_format, c.style_id > 0) for c in row]
                for row in slow[name].iter_rows()
            ]
            assert a == b, name
    finally:
        fast.close()
        slow.close()
