"""Issue 13 item 6: what a person typed in a filled template's header block or signature rows
is not imported (those rows repeat the cover), so it is named in a warning of the import result
— sheet, cell, the text, why, and which cover row to put it in — never dropped without a word.
The file is written by LibreOffice (tests/data/lo/template_lo_margins.xlsx, make_fixtures.py):
a unit name and a 填表人 that differ from the cover's, a 报出日期 the cover lacks, a note in the
header block's empty row and a word beside the column headings; a 报告期 that agrees with the
cover's is not reported."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

from openpyxl import load_workbook

from unionclerk.services import importing, reports

LO = Path(__file__).resolve().parents[1] / "data" / "lo"
ORG, CADRES = "表一 组织建设情况", "表二 工会干部队伍情况"


def copy(name: str, tmp_path: Path) -> Path:
    file = tmp_path / name
    shutil.copy(LO / name, file)
    return file


def test_each_typed_header_and_signature_cell_is_named(ws, tmp_path) -> None:
    outcome = importing.import_file(ws, copy("template_lo_margins.xlsx", tmp_path))
    found = outcome.warnings
    assert len(found) == 5, found
    name, note, heading, filler, day = found
    assert name.startswith(
        f"{ORG} 第 3 行（A3）“填报单位：赤岸镇总工会”：表头只是重复封面的内容，不会被导入"
    )
    assert "以封面“工会名称”一栏为准（现为“佛堂镇总工会”）" in name
    assert note.startswith(
        f"{ORG} 第 5 行（A5）“请于3月底前报送”：表头不是填写栏，这里的内容不会被导入"
    )
    assert "说明请填到“说明”栏" in note
    assert heading.startswith(f"{ORG} 第 6 行（E6）“备注”：表头不是填写栏")
    assert filler.startswith(f"{ORG} 第 38 行（C38）“填表人：王五”：签名栏只是重复封面的内容")
    assert "以封面“填表人”一栏为准（现为“骆春美”）" in filler
    assert day.startswith(f"{CADRES} 第 216 行（I216）“报出日期：2020年1月15日”：签名栏")
    assert "封面“报出日期”一栏是空的。请把它填到封面“报出日期”一栏" in day
    assert not any("报告期：2019年度" in w for w in found)  # agrees with the cover
    # the rest of the file arrived as it would without them
    data = reports.load(ws, outcome.report)
    assert data.single["cover"]["union_name"] == "佛堂镇总工会"
    assert data.single["organisation"]["members"] == 300


def test_the_command_line_prints_them_and_imports(cli, data_dir, tmp_path) -> None:
    file = copy("template_lo_margins.xlsx", tmp_path)
    code, out, _ = cli(data_dir, "import", file)
    assert code == 0, out
    assert "已导入：" in out
    assert f"  注意：{ORG} 第 3 行（A3）“填报单位：赤岸镇总工会”" in out
    assert f"  注意：{CADRES} 第 216 行（I216）“报出日期：2020年1月15日”" in out


def test_an_untouched_header_and_signature_say_nothing(ws, tmp_path) -> None:
    """What the program wrote itself, and values that agree with the cover, are no news."""
    assert importing.import_file(ws, copy("template_lo_filled.xlsx", tmp_path)).warnings == []


def test_a_signature_that_agrees_with_the_cover_says_nothing(ws, tmp_path) -> None:
    file = copy("template_lo_margins.xlsx", tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(file)
    org = wb[ORG]
    org["A3"], org["A5"], org["E6"] = "填报单位：佛堂镇总工会", None, None
    sign = next(r for r in range(1, org.max_row + 1) if org.cell(r, 3).value == "填表人：王五")
    org.cell(sign, 3).value = "填表人： 骆春美"  # a space after the colon: the same name
    cover = wb["封面"]
    day = next(r for r in range(1, cover.max_row + 1) if cover.cell(r, 1).value == "报出日期")
    cover.cell(day, 3).value = "2020-01-15"  # now the cover has it: 2020年1月15日 agrees
    cadres = wb[CADRES]  # openpyxl keeps no formula result: the formula becomes its value
    volunteers = next(
        r for r in range(1, cadres.max_row + 1) if cadres.cell(r, 1).value == "工会志愿者人数"
    )
    cadres.cell(volunteers, 6).value = 120
    wb.save(file)
    outcome = importing.import_file(ws, file)
    assert outcome.warnings == []
    assert str(reports.load(ws, outcome.report).single["cover"]["report_date"]) == "2020-01-15"
