"""The workbooks as a spreadsheet prints them (issue 11, item 11): every visible cell's text
fits its printed box — measured with the embedded font's metrics (`xlsx_measure`), so no
office suite is needed — in the submission workbook (long address, long explanation, the
36-character 导出编号, 已遮盖…) and in the county summary (codes, phones, 合计 texts, long
file names, long roster texts); and the page header and footer have room for their text."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Side

from unionclerk.domain.period import Period
from unionclerk.exporters.xlsx import measure as xlsx_measure
from unionclerk.services import county, demo, exporting, inspection
from unionclerk.services.editing import EditSession

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import countydata  # noqa: E402

CLOCK = datetime(2018, 12, 20, 10, 31, tzinfo=timezone(timedelta(hours=8)))
LONG_ADDRESS = "浙江省金华市义乌市佛堂镇佛堂大道188号佛堂镇人民政府大院内东侧三号楼二楼工会办公室"


def test_the_measure_finds_a_cut_cell(tmp_path):
    """The check itself: a text wider than its column, a wrapped text taller than its row, a
    number too wide for its column (Excel's ###) are each reported; fitting ones are not."""
    wb = Workbook()
    ws = wb.active
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 4
    ws["A1"] = "81330782MC04170327"  # 18 characters in 10 units
    ws["A1"].border = Border(left=Side(style="thin"), right=Side(style="thin"))
    ws["B1"] = "浙江省义乌市佛堂镇佛堂大道188号"
    ws["B1"].alignment = Alignment(wrap_text=True)
    ws["C1"] = 1234567
    ws["C1"].number_format = "#,##0"
    ws["A2"] = "佛堂镇"
    ws["B2"] = "短"
    ws["B2"].alignment = Alignment(wrap_text=True)
    path = tmp_path / "cut.xlsx"
    wb.save(path)
    found = {o.cell for o in xlsx_measure.overflows(path)}
    assert found == {"A1", "B1", "C1"}


def submission_workbook(ws, out: Path) -> Path:
    report = demo.build_demo(ws)
    session = EditSession(ws, report)
    session.set_value("cover", "address", LONG_ADDRESS)
    session.set_value("cover", "credit_code", "91330782MA2E1234X5")  # not 81/89: a warning
    warning = next(p for p in session.problems() if p.field == "credit_code")
    session.set_explanation(
        warning,
        "本年度新建的服务站点尚在装修，面积待竣工验收后补报；"
        "已与县总工会联系确认，先按空缺上报。" * 2,
    )
    return exporting.export_report(
        ws,
        ws.find_report(demo.PERIOD),
        out,
        ["xlsx"],
        clock=lambda: CLOCK,
        new_id=lambda: "e3c9e8f9-71ad-4648-9e68-256f8b5063c8",
    ).files[0]


def test_submission_workbook_prints_every_cell_whole(ws, tmp_path):
    path = submission_workbook(ws, tmp_path)
    assert xlsx_measure.overflows(path) == []


def test_page_header_and_footer_have_room(ws, tmp_path):
    """A 14 pt 草稿 in the page header needs about 0.25 in between the header margin and the
    top margin; with 0.3 in under a 0.6 in top margin it was printed cut in half."""
    path = submission_workbook(ws, tmp_path)
    wb = load_workbook(path)
    try:
        for sheet in wb.worksheets:
            if sheet.sheet_state != "visible":
                continue
            m = sheet.page_margins
            room = 14 * 1.3 / 72  # inches for one 14 pt line
            assert m.top - m.header >= room, sheet.title
            assert m.bottom - m.footer >= room, sheet.title
    finally:
        wb.close()


@pytest.fixture
def summary_workbook(ws, tmp_path) -> Path:
    docs = countydata.township_documents(4)
    docs[0]["forms"]["cover"]["address"] = LONG_ADDRESS
    docs[1]["forms"]["cover"]["filler_phone"] = "0579-85711234"
    rows = docs[2]["forms"]["cadres"]["rows"]
    rows[0]["home_post"] = "义乌市佛堂镇某某某某有限公司党支部书记兼工会主席兼办公室主任"
    inbox = tmp_path / "来自各乡镇的报表（2018年度，第一批，含补报材料）"
    inbox.mkdir()
    for doc in docs:
        code = doc["forms"]["cover"]["division_code"]
        name = f"{code}_{doc['forms']['cover']['union_name']}_2018年度_工会工作报表_最终修改版.json"
        (inbox / name).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (inbox / "会议通知（请各乡镇于12月20日前报送）_不是报表的文件.txt").write_text("通知", "utf-8")
    _, _plan, outcome = county.merge_files(ws, [inbox], Period(2018), tmp_path / "out", workers=1)
    return outcome.files[0]


def test_summary_workbook_prints_every_cell_whole(summary_workbook):
    assert summary_workbook.suffix == ".xlsx"
    assert xlsx_measure.overflows(summary_workbook) == []
    wb = load_workbook(summary_workbook)
    try:
        problems = wb.worksheets[-2]  # 问题清单: the long file name is there, whole
        texts = [c.value for row in problems.iter_rows() for c in row if c.value]
        assert any("会议通知" in str(t) for t in texts)
        for sheet in wb.worksheets:
            if sheet.sheet_state == "visible":
                m = sheet.page_margins
                assert m.top - m.header >= 14 * 1.3 / 72, sheet.title
    finally:
        wb.close()


TEXT = (
    st.text(
        alphabet=st.sampled_from(
            list("工会职务佛堂镇浙江省义乌市大道号楼室（）“”，。、") + list("ABCxyz0123456789-_ ./")
        ),
        min_size=1,
        max_size=120,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(address=TEXT, post=TEXT, note=TEXT)
def test_any_text_prints_whole(ws, tmp_path_factory, address, post, note):
    """Whatever the clerk types — long or short, Chinese, Latin, digits, no spaces — the
    workbook's rows and columns grow until it prints whole."""
    report = ws.find_report(demo.PERIOD) if ws.own_unit() else demo.build_demo(ws)
    session = EditSession(ws, report)
    session.set_value("cover", "address", address)
    first = session.data.rows["cadres"][0].uuid
    session.set_value("cadres", "home_post", post, row=first)
    session.set_value("cover", "credit_code", "91330782MA2E1234X5")
    warning = next(p for p in session.problems() if p.field == "credit_code")
    session.set_explanation(warning, note)
    out = tmp_path_factory.mktemp("any")
    path = exporting.export_report(
        ws,
        report,
        out,
        ["xlsx"],
        clock=lambda: CLOCK,
        new_id=lambda: "e3c9e8f9-71ad-4648-9e68-256f8b5063c8",
    ).files[0]
    assert xlsx_measure.overflows(path) == []


def test_a_workbook_with_the_earlier_headings_is_still_intact(ws, tmp_path, monkeypatch) -> None:
    """Roster headings now carry a line break between words; a workbook exported before
    (headings in one piece) still reads as intact and is checked cell by cell."""
    from unionclerk.exporters.reading import workbook as xlsx_reader
    from unionclerk.exporters.xlsx import sheets as xlsx_sheets

    report = demo.build_demo(ws)
    with monkeypatch.context() as old:
        old.setattr(xlsx_sheets, "heading", lambda label: label)
        book = exporting.export_report(ws, report, tmp_path, ["xlsx"]).files[0]
    wb = load_workbook(book)
    try:
        assert "公民身份号码" in [c.value for c in wb["表二 工会干部队伍情况"][6]]
    finally:
        wb.close()
    info = inspection.inspect_file(ws.forms, book)
    assert info.integrity == xlsx_reader.INTACT, info.edited_cells
    assert not any("未逐格核对" in line for line in inspection.describe(info))
