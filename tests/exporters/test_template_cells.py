"""Issue 13 item 6/7: a filled template never loses what a person typed. Files written by
LibreOffice (tests/data/lo, made once by make_fixtures.py) and by openpyxl: the 说明 column
arrives as explanations, line breaks arrive as \\n, a formula's result arrives, and a cell the
reader cannot take — a year-month stored as 1980.1, a value outside the fill-in columns, a
formula with no result — is refused with the sheet and cell named. An .ods or .xls template
is told to be saved as .xlsx."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Cli
from tests.helpers import stored_reports
from unionclerk.domain.period import Period
from unionclerk.domain.report import YearMonth
from unionclerk.services import importing, reports

LO = Path(__file__).resolve().parents[1] / "data" / "lo"


def imported(ws, name: str, tmp_path: Path):
    file = tmp_path / name
    shutil.copy(LO / name, file)
    outcome = importing.import_file(ws, file)
    return reports.load(ws, outcome.report)


def refused_cli(cli: Cli, data_dir: Path, file: Path) -> str:
    code, _, err = cli(data_dir, "import", file)
    assert code == 2, err
    assert "意外错误" not in err  # and no traceback (the cli fixture)
    assert stored_reports(data_dir) == 0  # nothing was stored
    return err


def test_libreoffice_template_arrives_whole(ws, tmp_path: Path) -> None:
    data = imported(ws, "template_lo_filled.xlsx", tmp_path)
    org = data.single["organisation"]
    assert org["grassroots_unions"] == 12 and org["members"] == 300
    assert org["notes"] == "第一行\n第二行\n第三行"  # \r\n and \r as LibreOffice keeps them
    # the 说明 column is the field's written explanation
    assert data.explanations["organisation.single_unions"] == "另有3家在筹建\n待核实"
    # a formula LibreOffice computed arrives as its result
    assert data.single["cadres"]["volunteers"] == 120
    births = [r.values["birth"] for r in data.rows["cadres"]]
    assert births == [YearMonth(1980, 10), YearMonth(1985, 3)]


def test_explanation_from_template_reaches_every_export(ws, tmp_path: Path) -> None:
    file = tmp_path / "t.xlsx"
    shutil.copy(LO / "template_lo_filled.xlsx", file)
    outcome = importing.import_file(ws, file)
    from unionclerk.services import exporting

    out = tmp_path / "out"
    out.mkdir()
    files = exporting.export_report(ws, outcome.report, out, ["json", "xlsx"]).files
    text = next(f for f in files if f.suffix == ".json").read_text(encoding="utf-8")
    assert "另有3家在筹建\\n待核实" in text


def test_a_year_month_stored_as_1980_1_is_asked_not_guessed(cli, data_dir, tmp_path) -> None:
    file = tmp_path / "m.xlsx"
    shutil.copy(LO / "template_lo_month.xlsx", file)
    err = refused_cli(cli, data_dir, file)
    assert "表二 工会干部队伍情况 第 7 行（D7）" in err
    assert "“出生年月”是数字 1980.1" in err and "1980-01 或 1980-10" in err


def test_a_value_outside_the_fill_in_columns_is_named(cli, data_dir, tmp_path) -> None:
    file = tmp_path / "s.xlsx"
    shutil.copy(LO / "template_lo_stray.xlsx", file)
    err = refused_cli(cli, data_dir, file)
    assert "表一 组织建设情况" in err
    assert "F9“漏填的数”" in err and "B23“250”" in err and "不在填写栏内" in err


def test_a_formula_without_its_result_is_named(ws, cli, data_dir, tmp_path) -> None:
    """openpyxl (like scripts) writes a formula with no cached result: it must not read as
    empty."""
    file = tmp_path / "f.xlsx"
    shutil.copy(LO / "template_lo_filled.xlsx", file)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(file)
    org = wb["表一 组织建设情况"]
    row = next(r for r in range(1, org.max_row + 1) if org.cell(r, 1).value == "会员人数")
    org.cell(row, 3).value = "=200+100"
    wb.save(file)
    err = refused_cli(cli, data_dir, file)
    assert f"表一 组织建设情况 第 {row} 行（C{row}）" in err
    assert "“会员人数”是公式，文件里没有它的计算结果" in err


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("template_lo_filled.ods", "OpenDocument 表格（.ods）"),
        ("template_lo_filled.xls", "旧版 Excel 文件（.xls）"),
    ],
)
def test_ods_and_xls_templates_are_told_to_save_as_xlsx(
    cli, data_dir, tmp_path, name, kind
) -> None:
    file = tmp_path / name
    shutil.copy(LO / name, file)
    err = refused_cli(cli, data_dir, file)
    assert kind in err and "另存为" in err and "Excel 工作簿（*.xlsx）" in err
    assert "让对方" not in err  # advice for received files is not for the clerk's own


def test_received_ods_keeps_the_received_file_advice(ws, tmp_path) -> None:
    from unionclerk.exporters.reading import sniff

    head, size = sniff.read_head(LO / "template_lo_filled.ods")
    assert "让对方" in (sniff.refusal(head, LO / "template_lo_filled.ods", size) or "")


def test_lo_template_period_is_read(ws, tmp_path) -> None:
    file = tmp_path / "t.xlsx"
    shutil.copy(LO / "template_lo_filled.xlsx", file)
    assert importing.import_file(ws, file).report.period == Period(2019)


def test_an_ods_roster_workbook_is_told_to_save_as_xlsx(tmp_path) -> None:
    from unionclerk.domain.errors import UserError
    from unionclerk.services import roster_import

    file = tmp_path / "名单.ods"
    shutil.copy(LO / "template_lo_filled.ods", file)
    with pytest.raises(UserError) as exc:
        roster_import.read_source(file)
    assert "OpenDocument 表格（.ods）" in exc.value.message and "另存为" in exc.value.message
    assert exc.value.where == "名单.ods"
