"""The summary's three files agree with each other, its workbook can be merged again, its PDF
embeds the font and shows the charts' words; and the roll-up maths on small cases."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.period import Period
from unionclerk.exporters import json_report, machine
from unionclerk.exporters.reading import safe as xlsx_safe
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.formspec.rollup import Rollup
from unionclerk.services import county

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import countydata  # noqa: E402


@pytest.fixture
def summary(ws, tmp_path):
    docs = countydata.township_documents(5)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for doc in docs:
        code = doc["forms"]["cover"]["division_code"]
        (inbox / f"{code}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    _, plan, outcome = county.merge_files(ws, [inbox], Period(2018), tmp_path / "out", workers=1)
    assert plan.problems == []
    return docs, outcome


def test_machine_data_is_the_summary_json_and_hashes_right(summary, forms):
    _, outcome = summary
    xlsx, _, js = outcome.files
    doc = json.loads(js.read_text(encoding="utf-8"))
    with xlsx_safe.open_workbook(xlsx) as wb:
        assert wb[machine.SHEET].sheet_state == "veryHidden"
        rows = [(r[0], r[1]) for r in xlsx_safe.sheet_rows(wb[machine.SHEET])]
    data = machine.read_rows(rows)
    assert not data.corrupt
    assert data.document() == doc
    assert data.payload == json_report.canonical(doc).decode("utf-8")
    assert data.manifest["format"] == machine.SUMMARY
    assert data.manifest["unit"] == doc["made_by"]
    info = xlsx_reader.inspect_workbook(xlsx, forms)
    assert info.kind == FileKind.SUMMARY and info.period == Period(2018)
    assert list(doc) == [
        "format",
        "format_version",
        "period",
        "made_by",
        "units",
        "totals",
        "reports",
        "expected",
        "problems",
    ]


def test_wide_sheets_print_across_pages_repeating_the_unit_columns(summary):
    """A 30-column form fitted to one A4 width prints too small to read: it goes across
    several pages, each repeating 序号 / 行政区划代码 / 单位名称; narrow sheets keep one."""
    from openpyxl import load_workbook

    _, outcome = summary
    wb = load_workbook(outcome.files[0])
    wide = wb["表一 组织建设情况"]
    assert wide.page_setup.fitToWidth >= 2 and wide.sheet_properties.pageSetUpPr.fitToPage
    assert wide.print_title_cols == "$A:$C"
    narrow = wb["问题清单"]
    assert int(narrow.page_setup.fitToWidth) == 1 and not narrow.print_title_cols
    cadres = wb["表二 工会干部队伍情况 名单"]
    political = next(c for c in cadres[3] if c.value == "政治面貌").column_letter
    assert cadres.column_dimensions[political].width >= 13  # 中共预备党员 is not cut off


def test_every_included_report_reads_back_as_a_report(summary, forms):
    docs, outcome = summary
    doc = json.loads(outcome.files[2].read_text(encoding="utf-8"))
    for report, sent in zip(doc["reports"], docs, strict=True):
        parsed = json_report.parse_document(report, forms)
        assert parsed.division_code == sent["forms"]["cover"]["division_code"]
        assert len(parsed.data.rows["venues"]) == len(sent["forms"]["venues"]["rows"])


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdf_embeds_the_font_and_shows_charts_and_tables(summary):
    docs, outcome = summary
    pdf = outcome.files[1]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts and all(
        line.split()[-5] == "yes" for line in fonts.splitlines()[2:]
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    for words in (
        "入会率（按单位）",
        "阵地：按类型",
        "服务项目：按类别",
        "报送情况",
        "问题清单",
        "表一 组织建设情况",
        docs[0]["forms"]["cover"]["union_name"],
    ):
        assert words in text, words
    assert "第1页共" in text.replace(" ", "")


def test_rollup_rates_units_and_counts(forms):
    r = Rollup(forms, Period(2018))
    r.add(
        "330782101000",
        "甲",
        {
            "organisation": {"members": 90, "employees": 100, "grassroots_unions": 3},
            "support": {"quota_fixed": True, "lack_funds": "已解决", "budget": 100.5},
        },
    )
    r.add(
        "330782102000",
        "乙",
        {
            "organisation": {"members": 50},  # no employees: no rate
            "support": {"quota_fixed": False, "lack_funds": "未解决", "budget": 0.25},
        },
    )
    r.add(
        "330782103000",
        "丙",
        {
            "organisation": {"members": 10, "employees": 40},
            "venues": {
                "rows": [
                    {"venue_type": "职工书屋", "area": 20.5},
                    {"venue_type": "职工书屋"},
                    {"venue_type": "其他", "area": 1},
                ]
            },
        },
    )
    totals = r.totals()
    org = totals["organisation"]
    assert org["members"] == {"value": 150, "units": 3}
    assert org["employees"] == {"value": 140, "units": 2}
    assert org["membership_rate"] == {"value": 71.4, "units": 2}  # (90+10)/(100+40)
    assert "units_required" not in org and "coverage_rate" not in org  # nobody filled them
    assert totals["support"]["budget"] == {"value": 100.75, "units": 2}
    assert totals["support"]["quota_fixed"] == {"value": 1, "units": 2}
    assert totals["support"]["lack_funds"] == {"value": {"已解决": 1, "未解决": 1}, "units": 2}
    venues = totals["venues"]
    assert venues["rows"] == 3
    assert venues["fields"]["area"] == {"value": 21.5, "rows": 2}
    assert venues["by_venue_type"] == {"职工书屋": 2, "其他": 1}
    assert r.record_totals("organisation")["membership_rate"] == (Decimal("71.4"), 2)


def test_rollup_derived_cadre_figures_over_all_rows(forms):
    r = Rollup(forms, Period(2018))
    rows_a = [
        {
            "position": "主席",
            "appointment": "专职",
            "gender": "女",
            "birth": "1978-03",
            "political": "中共党员",
            "frontline": False,
        }
    ]
    rows_b = [
        {
            "position": "委员",
            "appointment": "兼职",
            "gender": "男",
            "birth": "1990-12",
            "frontline": True,
        },
        {"position": "委员", "appointment": "兼职", "gender": "女"},
    ]
    r.add("330782101000", "甲", {"cadres": {"rows": rows_a}})
    r.add("330782102000", "乙", {"cadres": {"rows": rows_b}})
    derived = r.totals()["cadres"]["derived"]
    assert derived["committee_size"] == 3
    assert derived["by_appointment"] == {"专职": 1, "兼职": 2}
    assert derived["by_position"] == dict(Counter(["主席", "委员", "委员"]))
    assert derived["women"] == 2 and derived["party_members"] == 1 and derived["frontline"] == 1
    assert derived["average_age"] == 34.0  # (40 + 28) / 2, at 2018-12-31


def test_pdf_of_a_province_fits_its_charts_on_pages(forms, tmp_path):
    from datetime import datetime

    from unionclerk import paths
    from unionclerk.exporters.summary import pdf as summary_pdf
    from unionclerk.exporters.summary.model import SummaryHead

    rollup, lines = Rollup(forms, Period(2018)), []
    for i in range(1400):  # 88 counties in 11 cities: one bar per city
        code = f"33{i % 11 + 1:02d}{i // 16 % 88 + 1:02d}{i % 16 + 101:03d}000"
        lines.append(
            rollup.add(
                code,
                f"{i}镇总工会",
                {
                    "cover": {"county": f"县{code[:6]}", "city": f"市{code[:4]}"},
                    "organisation": {"members": 900 + i % 50, "employees": 1000},
                },
            )
        )
    head = SummaryHead(
        Period(2018),
        {"union_name": "浙江省总工会", "division_code": "330000000000"},
        datetime(2019, 1, 5),
    )
    target = tmp_path / "province.pdf"
    font = paths.resources_dir() / "fonts" / "wqy-microhei.ttc"
    assert summary_pdf.write_summary_pdf(target, forms, head, rollup, lines, font) == []
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True
        ).stdout
        assert "入会率（按设区市）" in text and "市3311" in text


def test_a_summary_is_checked_whatever_language_wrote_it(ws, tmp_path, forms):
    """Sheet names and total-row words follow the merging clerk's language, and text with
    Windows line breaks comes back with \\n: none of that is an edit."""
    from unionclerk.domain import i18n
    from unionclerk.services import inspection

    docs = countydata.township_documents(3)
    docs[0]["forms"]["organisation"]["notes"] = "第一行\r\n第二行\r第三行"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for doc in docs:
        code = doc["forms"]["cover"]["division_code"]
        (inbox / f"{code}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    i18n.set_language("en")
    try:
        _, _, outcome = county.merge_files(ws, [inbox], Period(2018), tmp_path / "out", workers=1)
    finally:
        i18n.set_language("zh")
    xlsx = outcome.files[0]
    with xlsx_safe.open_workbook(xlsx) as wb:
        assert wb.sheetnames[:2] == ["About", "Units"]  # written with English sheet names
    info = inspection.inspect_file(forms, xlsx)
    assert info.kind == FileKind.SUMMARY
    assert info.integrity == xlsx_reader.INTACT, [str(c) for c in info.edited_cells]
