"""Regenerate the LibreOffice-written template fixtures in this folder (needs `soffice`).

    cd <checkout> && PYTHONPATH=$PWD python3 tests/data/lo/make_fixtures.py [CASE...]

(CASE: filled, month, stray, margins; all of them when none is named.)

A blank template is written by the program (demo unit), filled with openpyxl, then opened and
saved again by LibreOffice headless, so the tests read files as LibreOffice writes them
(shared strings, cached formula results, its own styles) without CI needing LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent


def _row(ws, label: str, col: int = 1) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, col).value == label:
            return r
    raise KeyError(label)


def fill(blank: Path, target: Path, case: str) -> None:
    wb = openpyxl.load_workbook(blank)
    cover = wb["封面"]
    cover.cell(_row(cover, "报告期"), 3).value = "2019年度"
    org = wb["表一 组织建设情况"]
    org.cell(_row(org, "基层工会数"), 3).value = 12
    org.cell(_row(org, "其中: 单独建会"), 3).value = 15
    org.cell(_row(org, "其中: 单独建会"), 4).value = "另有3家在筹建\r\n待核实"
    org.cell(_row(org, "会员人数"), 3).value = 300
    org.cell(_row(org, "说明"), 3).value = "第一行\r\n第二行\r第三行"
    cadres = wb["表二 工会干部队伍情况"]
    head = _row(cadres, "序号")
    cols = {
        str(cadres.cell(head, c).value).replace("\n", ""): c  # headings are broken in two
        for c in range(1, cadres.max_column + 1)
    }
    people = [("张三", "男", "1980-10", "主席", "专职"), ("李四", "女", "1985-03", "委员", "兼职")]
    for i, (name, gender, birth, position, appointment) in enumerate(people, start=head + 1):
        cadres.cell(i, cols["姓名"]).value = name
        cadres.cell(i, cols["性别"]).value = gender
        cadres.cell(i, cols["出生年月"]).value = birth
        cadres.cell(i, cols["工会职务"]).value = position
        cadres.cell(i, cols["任职方式"]).value = appointment
    cadres.cell(_row(cadres, "工会志愿者人数"), 6).value = "=100+20"
    if case == "month":
        cadres.cell(head + 1, cols["出生年月"]).value = 1980.1  # as a spreadsheet keeps 1980.10
    if case == "stray":
        org.cell(_row(org, "会员人数"), 2).value = 250  # typed into 计量单位
        org.cell(_row(org, "基层工会数"), 6).value = "漏填的数"  # beside the table
    if case == "margins":  # typed in the header block and the signature rows
        org["A3"] = "填报单位：赤岸镇总工会"  # not the cover's 工会名称
        org["C3"] = "报告期：2019年度"  # the same as the cover's: nothing to say
        org["A5"] = "请于3月底前报送"  # the header block's empty row
        org["E6"] = "备注"  # beside the column headings
        org.cell(_row(org, "单位负责人：骆燕东"), 3).value = "填表人：王五"
        sign = _row(cadres, "联系电话：0579-85711234")
        cadres.cell(sign, 9).value = "报出日期：2020年1月15日"  # the cover's 报出日期 is empty
    wb.save(target)


def main(cases: list[str]) -> int:
    from unionclerk.app import main as app_main

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        app_main(["--data-dir", str(work / "data"), "demo"])
        blank = work / "blank.xlsx"
        app_main(["--data-dir", str(work / "data"), "template", "--out", str(blank)])
        for case in cases or ("filled", "month", "stray", "margins"):
            source = work / f"template_lo_{case}.xlsx"
            fill(blank, source, case)
            out = work / "lo"
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML",
                    "--outdir",
                    str(out),
                    str(source),
                ],
                check=True,
                capture_output=True,
            )
            shutil.copy(out / source.name, HERE / source.name)
        if cases and "filled" not in cases:
            return 0
        filled = HERE / "template_lo_filled.xlsx"
        for ext, filt in (("ods", "ods"), ("xls", "xls:MS Excel 97")):
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "--convert-to",
                    filt,
                    "--outdir",
                    str(work / ext),
                    str(filled),
                ],
                check=True,
                capture_output=True,
            )
            shutil.copy(
                work / ext / f"template_lo_filled.{ext}", HERE / f"template_lo_filled.{ext}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
