"""Reading a clerk's own roster (no Qt): cells by type, headers by text and synonyms, the
header row found past titles, bad files refused with a plain reason, nothing half-done."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.domain.report import RosterRow, YearMonth
from unionclerk.exporters.reading import safe as xlsx_safe
from unionclerk.formspec.headers import guess_header_row, match_header
from unionclerk.formspec.rawcells import RAW_KEY
from unionclerk.formspec.validators import id_check_char
from unionclerk.services import roster_import as ri
from unionclerk.services.roster_cells import (
    CellRefused,
    cell_text,
    parse_tsv,
    read_choice,
    read_text,
    read_value,
    to_tsv,
)

ZHANG_LI = "33078219850615012" + id_check_char("33078219850615012")
HEADER = [
    "序号",
    "身份证号",
    "姓 名",
    "性别",
    "职务",
    "专兼职",
    "出生日期",
    "文化程度",
    "是否一线",
    "手机",
    "年龄",
]


def roster_book(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["佛堂镇工会干部名单（2018年）"])
    ws.merge_cells("A1:K1")
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.create_sheet("说明").append(["本表由工会办公室整理"])
    wb.save(path)
    return path


def good_rows() -> list[list]:
    return [
        [
            1,
            ZHANG_LI,
            "张丽",
            "女",
            "主席",
            "专职",
            datetime(1985, 6, 15),
            "本科",
            "否",
            13812345678,
            33,
        ],
        [2, "", "王强", "男 ", "委员", "兼职", "1979.10", "大专", "是", "0579-85123456", 39],
        [3, None, "李明", "男", "办公室主任", "兼职", 1990.1, "硕士", None, None, 28],
        [None, None, None, None, None, None, None, None, None, None, None],
        ["合计", None, None, None, None, None, None, None, None, None, None],
    ]


def test_cells_are_read_by_type(forms) -> None:
    f = forms["cadres"]
    assert read_choice(f.field("ethnicity"), "汉").value == "汉族"
    assert read_choice(f.field("ethnicity"), "回").value == "回族"
    assert read_choice(f.field("education"), "大学 本科").value == "大学本科"
    other = read_choice(f.field("ethnicity"), "其他（穿青人）")
    assert (other.value, other.other) == ("其他", "穿青人")
    assert read_choice(f.field("gender"), "未知").raw == "未知"
    assert read_text(f.field("birth"), "2018/9/1").value == YearMonth(2018, 9)
    assert read_text(f.field("birth"), "2018年9月").value == YearMonth(2018, 9)
    assert read_text(f.field("birth"), "2018-09").value == YearMonth(2018, 9)
    assert read_text(f.field("frontline"), "是").value is True
    assert read_text(f.field("frontline"), "否").value is False
    assert read_text(f.field("notes"), "=SUM(A1:A3)").value == "=SUM(A1:A3)"
    assert read_value(f.field("birth"), datetime(1985, 6, 15)).value == YearMonth(1985, 6)
    assert read_value(f.field("birth"), 1990.1).raw == "1990.1"  # 1990.10 or 1990.01? ask
    assert read_value(f.field("birth"), 1990.09).value == YearMonth(1990, 9)
    assert read_value(f.field("phone"), 13812345678).value == "13812345678"
    assert read_value(f.field("phone"), 13812345678.0).value == "13812345678"
    assert read_value(f.field("frontline"), True).value is True
    s = forms["services"]
    assert read_value(s.field("start"), datetime(2018, 7, 1, 0, 0)).value == date(2018, 7, 1)
    assert str(read_value(s.field("funds"), 1234.5).value) == "1234.50"
    for bad in (330782198506150123, 3.30782198506150e17):
        with pytest.raises(CellRefused):
            read_value(f.field("id_number"), bad)
    with pytest.raises(CellRefused):
        read_text(f.field("id_number"), "3.30782E+17")
    with pytest.raises(CellRefused):
        read_text(f.field("notes"), "字" * 10_001)


def test_clipboard_text_round_trip(forms) -> None:
    rows = [["甲", 'say "hi"', "two\nlines", ""], ["乙", "tab\there", "", "末"]]
    assert parse_tsv(to_tsv(rows)) == rows
    assert parse_tsv("a\tb\r\nc\r\n") == [["a", "b"], ["c", ""]]
    assert parse_tsv("") == []
    f = forms["cadres"]
    values = {"ethnicity": "其他", "ethnicity_other": "穿青人", RAW_KEY: {"birth": "八零后"}}
    assert cell_text(f.field("ethnicity"), values) == "其他：穿青人"
    assert cell_text(f.field("birth"), values) == "八零后"


def test_headers_match_by_text_and_synonyms(forms) -> None:
    f = forms["cadres"]
    assert match_header(f, HEADER) == [
        None,
        "id_number",
        "name",
        "gender",
        "position",
        "appointment",
        "birth",
        "education",
        "frontline",
        "phone",
        None,
    ]
    rows = [["名单"], [], HEADER, ["1", "x"]]
    assert guess_header_row(f, rows) == 2
    assert guess_header_row(f, [["张三", "男"], ["李四", "女"]]) is None
    v = forms["venues"]
    assert match_header(v, ["阵地名称", "面积（㎡）", "类型", "关注人数"]) == [
        "name",
        "area",
        "venue_type",
        "followers",
    ]


def test_a_workbook_is_read_matched_and_built(tmp_path, forms) -> None:
    path = roster_book(tmp_path / "干部名单.xlsx", good_rows())
    source = ri.read_source(path)
    assert list(source.sheets) == ["花名册", "说明"]
    form = forms["cadres"]
    matching = ri.guess(form, source)
    assert (matching.sheet, matching.header) == ("花名册", 2)
    data = ri.data_rows(source, matching)
    assert ri.refusals(form, data, matching.columns) == []
    rows = ri.build_rows(form, data, matching.columns)
    assert rows.sheet_rows == [4, 5, 6] and rows.skipped == 2  # a blank and a 合计 row
    first, second, third = rows.values
    assert first == {
        "ethnicity": "汉族",
        "id_number": ZHANG_LI,
        "name": "张丽",
        "gender": "女",
        "position": "主席",
        "appointment": "专职",
        "birth": YearMonth(1985, 6),
        "education": "大学本科",
        "frontline": False,
        "phone": "13812345678",
    }
    assert second["birth"] == YearMonth(1979, 10) and second["gender"] == "男"
    assert third[RAW_KEY] == {"position": "办公室主任", "birth": "1990.1"}
    assert third["education"] == "研究生" and rows.kept == 2
    problems = ri.preview_problems(forms, Period(2018), "cadres", rows.values)
    assert problems[0] == []
    assert {p.field for p in problems[2] if p.rule == "unparsed"} == {"position", "birth"}


def test_rounded_and_huge_cells_block_the_import(tmp_path, forms) -> None:
    rows = good_rows()[:3]
    rows[0][1] = 330782198506150123  # Excel made it a number
    rows[2][1] = 3.30782199001e17
    rows[1][-2] = "字" * 10_001
    path = roster_book(tmp_path / "bad.xlsx", rows)
    source = ri.read_source(path)
    form = forms["cadres"]
    matching = ri.guess(form, source)
    messages = ri.refusals(form, ri.data_rows(source, matching), matching.columns)
    assert len(messages) == 2
    assert "第 4 行、第 6 行" in messages[0] and "身份号码" in messages[0]
    assert "第 5 行" in messages[1] and "10,001" in messages[1]
    matching.columns[1] = None  # the clerk leaves the ID column out
    matching.columns[9] = None
    assert ri.refusals(form, ri.data_rows(source, matching), matching.columns) == []


def test_append_or_replace_is_one_plan() -> None:
    existing = [RosterRow({"name": "甲"}), RosterRow({"name": "乙"})]
    new = [{"name": "丙"}, {"name": "丁"}]
    append = ri.plan(existing, new, replace=False)
    assert [p for p, _, _ in append.insert] == [2, 3] and append.delete == []
    replace = ri.plan(existing, new, replace=True)
    assert [p for p, _, _ in replace.insert] == [0, 1]
    assert replace.delete == [r.uuid for r in existing]


def test_csv_in_utf8_or_gbk(tmp_path, forms) -> None:
    text = "姓名,性别,职务\n张三,男,委员\n李四,女,主席\n"
    for encoding in ("utf-8-sig", "gbk"):
        path = tmp_path / f"名单-{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        source = ri.read_source(path)
        matching = ri.guess(forms["cadres"], source)
        rows = ri.build_rows(forms["cadres"], ri.data_rows(source, matching), matching.columns)
        assert [r["name"] for r in rows.values] == ["张三", "李四"]


@pytest.mark.parametrize("kind", ["text", "password", "xls", "truncated", "empty"])
def test_files_that_are_not_rosters_are_refused(tmp_path, kind) -> None:
    path = tmp_path / "名单.xlsx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    if kind == "text":
        path.write_text("这不是工作簿", encoding="utf-8")
        expected = "不是 Excel 工作簿"
    elif kind == "password":
        path.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64)
        expected = "密码"
    elif kind == "xls":
        path.write_bytes(ole + "Workbook".encode("utf-16-le"))
        expected = ".xls"
    elif kind == "truncated":
        roster_book(path, good_rows())
        path.write_bytes(path.read_bytes()[:2000])
        expected = "损坏"
    else:
        Workbook().save(path)
        expected = "没有任何内容"
    with pytest.raises(UserError) as caught:
        ri.read_source(path)
    assert expected in str(caught.value)


def test_huge_files_and_sheets_are_refused(tmp_path, monkeypatch) -> None:
    path = roster_book(tmp_path / "big.xlsx", good_rows() * 20)
    monkeypatch.setattr(ri, "MAX_ROWS", 50)
    with pytest.raises(UserError, match="超过 50 行"):
        ri.read_source(path)
    monkeypatch.setattr(xlsx_safe, "MAX_FILE", 1000)
    with pytest.raises(UserError, match="过大"):
        ri.read_source(path)


def test_a_zip_bomb_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    with pytest.raises(UserError, match="压缩炸弹"):
        ri.read_source(path)
