"""Issue 13 items 1, 2, 4, 5: every value the program accepts can be exported, and its own
untouched export passes its own check — line breaks of every style, text at each field's
limit in the PDF (notes, explanations, roster cells split across pages), names with control
characters printed harmlessly, and unit names of any length in file names."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import demo_in_2019
from unionclerk.exporters import filenames
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.services import exporting, importing, inspection, reports

pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


@pytest.fixture
def base(ws, tmp_path: Path) -> dict:
    """The demo's JSON export moved to 2019 (a new report when imported)."""
    return demo_in_2019(ws, tmp_path / "demo")


def import_doc(ws, doc: dict, tmp_path: Path, name: str = "in.json"):
    file = tmp_path / name
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return importing.import_file(ws, file).report


def export(ws, report, tmp_path: Path, formats: list[str]) -> list[Path]:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return exporting.export_report(ws, report, out, formats).files


# -- item 1: carriage returns ----------------------------------------------------------------
def test_carriage_returns_and_excel_escapes_leave_the_export_intact(ws, base, tmp_path) -> None:
    base["forms"]["organisation"]["notes"] = "第一行\r\n第二行\r第三行_x000D_\n第四行"
    base["forms"]["cadres"]["rows"][0]["home_post"] = "开山集团\r工会主席"
    base["explanations"]["organisation.members"] = "原文如此\r\n待核实"
    report = import_doc(ws, base, tmp_path)
    data = reports.load(ws, report)
    assert data.single["organisation"]["notes"] == "第一行\n第二行\n第三行\n第四行"
    assert data.rows["cadres"][0].values["home_post"] == "开山集团\n工会主席"
    assert data.explanations["organisation.members"] == "原文如此\n待核实"
    files = export(ws, report, tmp_path, ["xlsx", "json"])
    book = next(f for f in files if f.suffix == ".xlsx")
    info = inspection.inspect_file(ws.forms, book)
    assert info.integrity == xlsx_reader.INTACT, info.messages
    # and the program takes its own file back (into another folder: same unit and period)
    from unionclerk import paths
    from unionclerk.services.workspace import Workspace

    other = Workspace.open(tmp_path / "other")
    try:
        again = reports.load(other, importing.import_file(other, book).report)
        assert again.single["organisation"]["notes"] == "第一行\n第二行\n第三行\n第四行"
    finally:
        other.close()
        paths.set_data_dir(ws.data_dir if hasattr(ws, "data_dir") else None)


# -- item 2: long text in the PDF --------------------------------------------------------------
def _marked(tag: str, n: int) -> str:
    """`n` characters of text that starts and ends with a findable tag."""
    body = ("工会服务职工，说明情况。" * (n // 12 + 1))[: n - 2 * len(tag)]
    return tag + body + tag


@pdftotext
def test_text_at_each_limit_splits_across_pdf_pages(ws, base, tmp_path) -> None:
    base["forms"]["organisation"]["notes"] = _marked("AAQ", 5000)
    base["forms"]["support"]["notes"] = _marked("BBQ", 2000)
    base["forms"]["cover"]["address"] = _marked("CCQ", 1000)  # 5x its 200: kept and marked
    base["explanations"]["organisation.members"] = _marked("DDQ", 5000)
    base["explanations"]["cadres.rows[0].birth"] = _marked("EEQ", 5000)
    base["forms"]["cadres"]["rows"][0]["home_post"] = _marked("FFQ", 1000)
    base["forms"]["venues"]["rows"][0]["name"] = _marked("GGQ", 1000)
    base["forms"]["services"]["rows"][0]["notes"] = _marked("HHQ", 1000)
    # repeated on every page's signature line: whole on the cover, shortened below each form
    base["forms"]["cover"]["head_name"] = "JJQ" + "骆燕东\n" * 245 + "JJQ"
    report = import_doc(ws, base, tmp_path)
    pdf = export(ws, report, tmp_path, ["pdf"])[0]
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    flat = re.sub(r"\s+", "", text)
    for tag in ("AAQ", "BBQ", "CCQ", "DDQ", "EEQ", "FFQ", "GGQ", "HHQ", "JJQ"):
        assert flat.count(tag) >= 2, tag  # both ends printed: the whole text is there
    assert "1（续）" in flat  # a roster row taller than a page continues on the next
    pages = text.split("\f")[:-1]
    assert len(pages) > 12


# -- item 4: control characters from received files are printed harmlessly -------------------
def test_received_names_with_escape_sequences_print_harmlessly(
    cli, base, tmp_path, data_dir
) -> None:
    base["forms"]["cover"]["union_name"] = "\x1b[2K\r已导入：假单位\u202e"
    file = tmp_path / "收到.json"
    file.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    for argv in (
        ["inspect", str(file)],
        ["import", str(file)],
        ["merge", str(file), "--period", "2019", "--out", str(tmp_path / "m")],
    ):
        code, out, err = cli(tmp_path / "county", *argv)
        both = out + err
        assert "\x1b" not in both and "\r" not in both and "\u202e" not in both, argv
        assert "意外错误" not in both  # and no traceback (the cli fixture)
        assert code in (1, 2), argv


# -- item 5: any unit name makes a file name -----------------------------------------------
def test_a_very_long_unit_name_still_exports(ws, base, tmp_path) -> None:
    base["forms"]["cover"]["union_name"] = "浙江省金华市义乌市佛堂镇" * 25  # 300 characters
    report = import_doc(ws, base, tmp_path)
    files = export(ws, report, tmp_path, ["xlsx", "pdf", "json"])
    assert len(files) == 3
    for f in files:
        assert len(f.name.encode("utf-8")) <= 200
        assert f.name.startswith("330782101000_浙江省金华市义乌市佛堂镇")


def test_file_names_drop_invisible_and_unsafe_characters() -> None:
    assert filenames.file_safe("佛堂\u202e镇\u200b总工会:exe\x00", "unit") == "佛堂镇总工会exe"
    assert filenames.file_safe("\u202e\u200b", "unit") == "unit"
    assert len(filenames.file_safe("镇" * 500, "unit")) == filenames.NAME_CHARS
    assert len(filenames.file_safe("𠮷" * 500, "unit").encode()) <= filenames.NAME_BYTES


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice")
def test_a_libreoffice_resave_of_an_export_is_not_corrupt(ws, base, tmp_path) -> None:
    """Excel's `_x000D_` typed or imported as text once made one LibreOffice re-save of the
    program's own export 已损坏 (LibreOffice decodes it inside the machine data)."""
    base["forms"]["organisation"]["notes"] = "第一行_x000D_\n第二行\r\n第三行"
    base["forms"]["cadres"]["rows"][0]["home_post"] = "开山_x000D_集团"
    book = next(f for f in export(ws, import_doc(ws, base, tmp_path), tmp_path, ["xlsx"]))
    resaved = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(resaved),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    info = inspection.inspect_file(ws.forms, resaved / book.name)
    assert info.integrity != xlsx_reader.CORRUPT, info.messages
