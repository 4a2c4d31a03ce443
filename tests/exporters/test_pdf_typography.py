"""The PDF's typography (issue 11, item 10): the file's creation date is the export time,
roster column headings break between words (工会/职务, never 工会职/务) and are never wrapped
again by the table, the 36-character 导出编号 stays on one line, and an explanation given for
a cover warning is printed on the cover as the workbook shows it."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionclerk import paths
from unionclerk.exporters.headings import tokens as _tokens
from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.pdf.common import para
from unionclerk.exporters.pdf.pages import LANDSCAPE, frame_size, pdf_date
from unionclerk.exporters.pdf.roster import PAD, SIZE, heading, roster_cells
from unionclerk.services import demo, exporting
from unionclerk.services.editing import EditSession

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
CLOCK = datetime(2018, 12, 20, 10, 31, 5, tzinfo=timezone(timedelta(hours=8)))
FIXED_ID = "e3c9e8f9-71ad-4648-9e68-256f8b5063c8"


def export(ws, out: Path, report=None) -> Path:
    report = report or demo.build_demo(ws)
    return exporting.export_report(
        ws, report, out, ["pdf"], clock=lambda: CLOCK, new_id=lambda: FIXED_ID
    ).files[0]


def first_page(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-l", "1", "-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def test_creation_date_is_the_export_time(ws, tmp_path):
    pdf = export(ws, tmp_path)
    raw = pdf.read_bytes()
    assert b"/CreationDate (D:20181220103105+08'00')" in raw
    assert b"/ModDate (D:20181220103105+08'00')" in raw
    assert b"D:20000101" not in raw
    info = subprocess.run(
        ["pdfinfo", "-isodates", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"CreationDate:\s+2018-12-20T10:31:05\+08", info)


def test_pdf_date_format():
    assert pdf_date(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)) == "D:20260102030405+00'00'"
    west = timezone(-timedelta(hours=3, minutes=30))
    assert pdf_date(datetime(2026, 1, 2, 3, 4, 5, tzinfo=west)) == "D:20260102030405-03'30'"


def test_export_id_stays_on_one_line_and_cover_note_is_printed(ws, tmp_path):
    report = demo.build_demo(ws)
    session = EditSession(ws, report)
    session.set_value("cover", "credit_code", "91330782MA2E1234X5")  # not 81/89: a warning
    warning = next(
        p
        for p in session.problems()
        if p.form == "cover" and p.field == "credit_code" and not p.is_error
    )
    session.set_explanation(warning, "本工会暂用镇政府代码，新代码正在办理")
    text = first_page(export(ws, tmp_path, ws.find_report(demo.PERIOD)))
    assert FIXED_ID in text  # whole, on one line
    assert "本工会暂用镇政府代码，新代码正在办理" in text
    assert "说明" in text


@pytest.fixture(scope="module")
def font() -> str:
    return pdf_fonts.register(paths.resources_dir() / "fonts" / "wqy-microhei.ttc")


def drawn_lines(text: str, width: float) -> list[str]:
    """The lines reportlab draws for a heading in a column `width` wide."""
    p = para(text, SIZE)
    p.wrap(width - 2 * PAD, 1000)
    return [
        "".join(w.text if hasattr(w, "text") else str(w) for w in line.words)
        if hasattr(line, "words")
        else "".join(line[1])
        for line in p.blPara.lines
    ]


def test_cadre_headings_break_between_words(ws, forms, font):
    report = demo.build_demo(ws)
    session = EditSession(ws, report)
    rows = [r.values for r in session.data.rows["cadres"]]
    width, _ = frame_size(LANDSCAPE)
    cells = roster_cells(forms["cadres"], rows, False, width)
    heads = dict(zip([h.replace("\n", "") for h in cells.headers], cells.headers, strict=True))
    assert heads["工会职务"] == "工会\n职务"
    assert heads["任职方式"] == "任职\n方式"
    assert heads["是否一线职工"] == "是否一线\n职工"
    assert heads["公民身份号码"] == "公民身份\n号码"
    assert heads["姓名"] == "姓名"
    for text, w in zip(cells.headers, cells.widths, strict=True):
        assert drawn_lines(text, w) == text.split("\n"), f"{text!r} wraps again at {w:.1f} pt"


@pytest.mark.parametrize("key", ["cadres", "venues", "services"])
def test_headings_fit_even_with_long_cells(forms, font, key):
    """Long texts squeeze the text columns; a heading still keeps its own lines."""
    form = forms[key]
    long = {f.key: "很长的文字" * 12 for f in form.fields if f.type.name in ("text", "longtext")}
    width, _ = frame_size(LANDSCAPE)
    cells = roster_cells(form, [long] * 3, False, width)
    assert sum(cells.widths) <= width + 0.01
    for text, w in zip(cells.headers, cells.widths, strict=True):
        assert drawn_lines(text, w) == text.split("\n"), f"{text!r} wraps again at {w:.1f} pt"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="工会职务任职方式是否一线本单位及号码(平方米)", min_size=1, max_size=12))
def test_heading_breaks_only_between_tokens(label):
    text = heading(label)
    assert text.replace("\n", "") == label
    assert text.count("\n") <= 1
    if "\n" in text:
        first, _ = text.split("\n")
        cuts, at = set(), 0
        for token in _tokens(label):
            at += len(token)
            cuts.add(at)
        assert len(first) in cuts


def test_a_very_long_cover_note_goes_on_across_pages(ws, tmp_path):
    report = demo.build_demo(ws)
    session = EditSession(ws, report)
    session.set_value("cover", "credit_code", "91330782MA2E1234X5")
    warning = next(p for p in session.problems() if p.field == "credit_code")
    session.set_explanation(
        warning, "本工会暂用镇政府代码，新代码正在办理。" * 130
    )  # 2,470 characters
    pdf = export(ws, tmp_path, ws.find_report(demo.PERIOD))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "（续）" in text  # the label of the continuation rows (wrapped in its column)
    assert text.replace(" ", "").replace("\n", "").count("新代码正在办理") >= 100
