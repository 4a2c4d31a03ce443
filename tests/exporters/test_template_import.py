"""The blank fill-in template: drop-downs on a hidden list sheet, and importing it back
through each field's parse_text, refusals naming sheet, row and field."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.domain.report import YearMonth
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.formspec import shipped_forms
from unionclerk.formspec.headers import match_columns
from unionclerk.services import importing, reports
from unionclerk.services.template import write_template
from unionclerk.services.workspace import database

CADRES = "表二 工会干部队伍情况"


def load(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_workbook(path)


def row_of(ws, label: str, col: str = "A") -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws[f"{col}{r}"].value == label)


def fill(path: Path, *, id_number: object = "330782196307154019", name: str = "王建国") -> None:
    wb = load(path)
    try:
        cover = wb["封面"]
        for label, value in (
            ("工会名称", "佛堂镇总工会"),
            ("工会类型", "乡镇总工会"),
            ("行政区划代码", 330782101000),
            ("填表人", "骆春美"),
            ("联系电话", "0579-85711234"),
            ("报告期", "2018年度"),
        ):
            cover[f"C{row_of(cover, label)}"] = value
        org = wb["表一 组织建设情况"]
        org[f"C{row_of(org, '基层工会数')}"] = 201
        org[f"C{row_of(org, '其中: 单独建会')}"] = "185"
        cadres = wb[CADRES]
        for col, value in zip(
            "BCDEGHIKMP",
            (
                name,
                "男",
                "1963-07",
                "汉族",
                "中共党员",
                "大学本科",
                "主席",
                "专职",
                "否",
                id_number,
            ),
            strict=True,
        ):
            cadres[f"{col}7"] = value
        cadres["B8"], cadres["C8"], cadres["I8"], cadres["K8"] = "李丽", "女", "委员", "兼职"
        cadres[f"F{row_of(cadres, '工会志愿者人数')}"] = 200
        wb.save(path)
    finally:
        wb.close()


@pytest.fixture
def template(ws, tmp_path) -> Path:
    return write_template(ws, tmp_path / "模板.xlsx")


def test_template_has_dropdowns_on_a_hidden_list_sheet(template):
    wb = load(template)
    try:
        assert wb["_lists"].sheet_state == "hidden"
        assert wb["_unionclerk"].sheet_state == "veryHidden"
        names = set(wb.defined_names)
        assert {"uc_cadres_gender", "uc_cadres_ethnicity", "uc_cover_union_type"} <= names
        checks = {dv.formula1: str(dv.sqref) for dv in wb[CADRES].data_validations.dataValidation}
        assert checks["uc_cadres_gender"].startswith("C7:C")
        assert "uc_cadres_frontline" in checks
        assert wb[CADRES]["A7"].value is None and wb[CADRES].print_title_rows == "$6:$6"
    finally:
        wb.close()


def test_filled_template_imports(ws, template):
    fill(template)
    out = importing.import_file(ws, template)
    data = reports.load(ws, out.report)
    assert out.report.period == Period(2018)
    assert data.single["cover"]["division_code"] == "330782101000"
    assert data.single["organisation"] == {"grassroots_unions": 201, "single_unions": 185}
    rows = data.rows["cadres"]
    assert len(rows) == 2
    assert rows[0].values["birth"] == YearMonth(1963, 7)
    assert rows[0].values["frontline"] is False
    assert rows[0].values["id_number"] == "330782196307154019"
    assert data.single["cadres"] == {"volunteers": 200}


def test_numeric_id_number_is_refused_naming_the_row(ws, template):
    fill(template, id_number=330782196307154019)
    with pytest.raises(UserError) as err:
        importing.import_file(ws, template)
    assert "第 7 行" in str(err.value) and "15 位" in str(err.value)
    with database(ws).read() as tx:
        assert tx.list_reports() == []


def test_bad_value_names_sheet_row_and_field(ws, template):
    fill(template)
    wb = load(template)
    wb[CADRES]["C8"] = "未知"
    wb.save(template)
    wb.close()
    with pytest.raises(UserError) as err:
        importing.import_file(ws, template)
    message = str(err.value)
    assert CADRES in message and "第 8 行" in message and "性别" in message
    with database(ws).read() as tx:
        assert tx.list_reports() == []


def test_template_command_and_import(tmp_path, cli):
    data = tmp_path / "data"
    target = tmp_path / "t.xlsx"
    assert cli(data, "template", out=target, period="2018h1").code == 0
    info = xlsx_reader.inspect_workbook(target, shipped_forms())
    assert info.kind == "template" and info.period == Period(2018, "h1")
    fill(target)
    code, out, _ = cli(data, "import", target)
    assert code == 0
    assert "佛堂镇总工会" in out


def test_header_synonyms(forms):
    match = match_columns(
        forms["cadres"], ["序号", "姓名", "身份证号码", "手机", "性别 ", "任职方式", "职务", "爱好"]
    )
    keys = {c: f.key for c, f in match.columns.items()}
    assert keys == {
        2: "name",
        3: "id_number",
        4: "phone",
        5: "gender",
        6: "appointment",
        7: "position",
    }
    assert match.unmatched == [(8, "爱好")]
    assert match.missing == []
    assert [f.key for f in match_columns(forms["cadres"], ["姓名"]).missing] == [
        "gender",
        "position",
        "appointment",
    ]
