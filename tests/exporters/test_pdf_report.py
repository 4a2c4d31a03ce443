"""The submission PDF: text on the right pages (pdftotext), page count, embedded font
(pdffonts), 草稿 on every page, page numbers, QR payload, deterministic bytes, escaping,
and a warning for characters the font lacks."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from unionclerk.domain.records import COMPLETE
from unionclerk.services import demo, exporting
from unionclerk.services.workspace import database

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
CLOCK = datetime(2018, 12, 20, 10, 31, tzinfo=timezone(timedelta(hours=8)))
FIXED_ID = "00000000-0000-0000-0000-000000000001"


def export(ws, out: Path, report=None) -> Path:
    report = report or demo.build_demo(ws)
    return exporting.export_report(
        ws, report, out, ["pdf"], clock=lambda: CLOCK, new_id=lambda: FIXED_ID
    ).files[0]


def pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return text.split("\f")[:-1]


@pytest.fixture
def pdf(ws, tmp_path) -> Path:
    return export(ws, tmp_path)


def test_text_on_the_right_pages(pdf):
    text = pages(pdf)
    assert len(text) == 8
    assert "乡镇(街道)工会工作情况报表" in text[0] and "佛堂镇总工会" in text[0]
    assert "2018年度" in text[0] and "330782101000" in text[0] and "单位盖章" in text[0]
    assert "组织建设情况" in text[1] and "基层工会数" in text[1] and "201" in text[1]
    assert "25,952" in text[1] and "93.0" in text[1]
    assert "工会干部队伍情况" in text[2] and "骆燕东" in text[2]
    assert (
        "330782************" in text[2]
        and "4019" not in text[2]
        and "330782196307" not in "".join(text)
    )
    assert any("1,200,000.00" in t for t in text)
    for number, page in enumerate(text, start=1):
        assert f"第{number}页共{len(text)}页" in page.replace(" ", "")
        assert "草稿" in page


def test_font_is_embedded(pdf):
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        assert "WenQuanYiMicroHei" in line
        assert line.split()[-5] == "yes"  # emb


def test_deterministic_given_the_clock(ws, tmp_path, pdf):
    second = tmp_path / "again"
    second.mkdir()
    assert export(ws, second, ws.find_report(demo.PERIOD)).read_bytes() == pdf.read_bytes()


def test_complete_report_has_no_draft_mark(ws, tmp_path):
    report = demo.build_demo(ws)
    with database(ws).transaction() as tx:
        tx.set_status(report.id, COMPLETE)
    text = pages(export(ws, tmp_path, ws.find_report(demo.PERIOD)))
    assert not any("草稿" in page for page in text)


def test_user_text_is_escaped_and_missing_glyphs_warned(ws, tmp_path):
    report = demo.build_demo(ws)
    with database(ws).transaction() as tx:
        uuid, _ = tx.load_data(report.id).rows["cadres"][2]
        tx.set_value(report.id, "cadres", "home_post", "A&B <b>公司</b>", row_uuid=uuid)
        tx.set_value(report.id, "cadres", "notes", "名字含𠮷", row_uuid=uuid)
    done = exporting.export_report(ws, report, tmp_path, ["pdf"], clock=lambda: CLOCK)
    assert "A&B <b>公司</b>" in "".join(pages(done.files[0]))
    assert len(done.warnings) == 1
    assert "第 3 行" in done.warnings[0] and "备注" in done.warnings[0]
    assert "U+20BB7" in done.warnings[0]


def test_qr_payload_names_unit_period_and_hash(ws, tmp_path):
    report = demo.build_demo(ws)
    done = exporting.export_report(ws, report, tmp_path, ["pdf"], clock=lambda: CLOCK)
    assert done.payload_hash in "".join(pages(done.files[0]))
    info = subprocess.run(["pdfinfo", str(done.files[0])], capture_output=True, text=True).stdout
    assert f"UNIONCLERK|330782101000|2018|{done.payload_hash}" in info
