"""Pasting from Excel into a roster: every value read by its type, bad cells kept and marked,
one undo step; and the bad blocks a clerk's clipboard brings (too wide, merged cells, titles
and headers, huge cells, rounded ID numbers, formulas)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from unionclerk.domain.report import YearMonth
from unionclerk.formspec.rawcells import RAW_KEY
from unionclerk.formspec.validators import id_check_char
from unionclerk.services import reports
from unionclerk.services.roster_cells import to_tsv

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
BIRTHS = ("{y}/{m}/1", "{y}年{m}月", "{y}-{m:02d}", "{y}{m:02d}")
POLITICAL = ("中共党员", "中 共 党 员", "党员", "群众", "共青团员")
EDUCATION = ("大学本科", "大学　本科", "本科", "大专", "研究生")
FRONTLINE = ("是", "否", "√", "", "Y")
# row -> (column, text, its field): cells that cannot be read, kept as entered and marked
BAD = {
    10: ("birth", "1980年13月"),
    50: ("gender", "未知"),
    120: ("frontline", "也许"),
    150: ("since", "去年"),
    33: ("position", "办公室主任"),
}


def id_for(i: int, y: int, m: int, female: bool) -> str:
    seq = f"{(i % 49) * 2 + (0 if female else 1):03d}"
    body = f"330782{y}{m:02d}15{seq}"
    return body + id_check_char(body)


def cadre_block(n: int = 200) -> tuple[list[list[str]], list[dict]]:
    """`n` rows in the table's column order as a clerk's Excel has them, and the values
    each row must end up with."""
    rows, expected = [], []
    for i in range(n):
        y, m, female = 1960 + i % 35, 1 + i % 12, i % 3 == 0
        gender = "女" if female else "男"
        birth = BIRTHS[i % 4].format(y=y, m=m)
        pol, edu, front = POLITICAL[i % 5], EDUCATION[i % 5], FRONTLINE[i % 5]
        notes = "=SUM(A1:A3)" if i == 77 else ("" if i % 2 else f"备注{i}")
        cells = {
            "name": f"干部{i:03d}",
            "gender": gender,
            "birth": birth,
            "ethnicity": "汉" if i % 7 else "其他：穿青人",
            "political": pol,
            "education": edu,
            "position": "　委员 " if i % 9 else "女职委委员",
            "appointment": " 兼职",
            "home_post": f"单位{i}",
            "frontline": front,
            "since": "2016年5月",
            "phone": f"138{i:08d}",
            "id_number": id_for(i, y, m, female),
            "notes": notes,
        }
        want = {
            "name": f"干部{i:03d}",
            "gender": gender,
            "birth": YearMonth(y, m),
            "ethnicity": "汉族" if i % 7 else "其他",
            "political": {"党员": "中共党员", "中 共 党 员": "中共党员"}.get(pol, pol),
            "education": {"大学　本科": "大学本科", "本科": "大学本科"}.get(edu, edu),
            "position": "委员" if i % 9 else "女职委委员",
            "appointment": "兼职",
            "home_post": f"单位{i}",
            "frontline": {"是": True, "√": True, "Y": True, "否": False}.get(front),
            "since": YearMonth(2016, 5),
            "phone": f"138{i:08d}",
            "id_number": cells["id_number"],
            "notes": notes or None,
        }
        if i % 7 == 0:
            want["ethnicity_other"] = "穿青人"
        if i in BAD:
            key, text = BAD[i]
            cells[key] = text
            want[key] = None
            want[RAW_KEY] = {key: text}
        rows.append(list(cells.values()))
        expected.append({k: v for k, v in want.items() if v is not None})
    return rows, expected


@pytest.fixture
def cadres(cadres):
    """The roster as the shared fixture gives it, with the keyboard focus in its table."""
    cadres[1].view.setFocus()
    return cadres


def paste(qtbot, table, text: str, row: int = 0, column: int = 0) -> None:
    """Put `text` on the clipboard and press Ctrl+V on a cell, as a clerk does."""
    table.view.go_to(row, column)
    table.view.setFocus()
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_paste_200_rows_checks_every_value_and_mark(qtbot, ws, cadres) -> None:
    w, table = cadres
    before = [dict(r.values) for r in w.session.data.rows["cadres"]]
    block, expected = cadre_block(200)
    steps = w.undo_stack.count()
    paste(qtbot, table, to_tsv(block))
    assert w.undo_stack.count() == steps + 1  # one paste, one step
    rows = w.session.data.rows["cadres"]
    assert len(rows) == 200 and table.model.rowCount() == 201  # and the empty row
    for i, (row, want) in enumerate(zip(rows, expected, strict=True)):
        assert row.values == want, f"row {i + 1}"
    saved = reports.load(ws, w.session.report).rows["cadres"]
    assert [r.values for r in saved] == [r.values for r in rows]
    unparsed = {(p.row_index, p.field) for p in w.session.problems() if p.rule == "unparsed"}
    assert unparsed == {(i, key) for i, (key, _text) in BAD.items()}
    model = table.model
    for i, (key, text) in BAD.items():
        index = model.index(i, model.column_of(key))
        assert index.data() == text  # shown as entered
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert text in index.data(Qt.ItemDataRole.ToolTipRole)
    formula = model.index(77, model.column_of("notes"))
    assert formula.data() == "=SUM(A1:A3)" and formula.data(Qt.ItemDataRole.BackgroundRole) is None
    assert "5 个单元格无法识别" in table.message.text()
    assert "错误" in table.status.text()
    selected = table.view.selectionModel().selectedIndexes()
    assert len(selected) == 200 * len(model.columns)

    w.undo_stack.undo()
    assert [r.values for r in w.session.data.rows["cadres"]] == before
    assert [r.values for r in reports.load(ws, w.session.report).rows["cadres"]] == before
    w.undo_stack.redo()
    assert [r.values for r in w.session.data.rows["cadres"]] == expected


def test_paste_with_a_title_and_a_shuffled_header_goes_by_the_header(qtbot, cadres) -> None:
    w, table = cadres
    n = len(w.session.data.rows["cadres"])  # paste on the empty row for new entries
    block = [
        ["佛堂镇工会干部花名册", "", "", "", ""],
        ["序号", "职务", "姓名", "性别", "身份证号"],
        ["1", "主席", "新干部甲", "女", ""],
        ["2", "委员", "新干部乙", "男", ""],
    ]
    paste(qtbot, table, to_tsv(block), row=n, column=3)  # below the last row
    rows = w.session.data.rows["cadres"]
    assert len(rows) == n + 2
    assert rows[n].values["name"] == "新干部甲" and rows[n].values["position"] == "主席"
    assert rows[n + 1].values["gender"] == "男"
    assert rows[n].values["ethnicity"] == "汉族"  # the column's default, as 添加一行 gives
    assert "标题行" in table.message.text() and "序号" in table.message.text()


def test_a_block_wider_than_the_table_asks_first(qtbot, dialogs, cadres) -> None:
    w, table = cadres
    model = table.model
    last = len(model.columns) - 2  # two columns left from here
    before = [dict(r.values) for r in w.session.data.rows["cadres"]]
    dialogs.expect("question", No)
    paste(qtbot, table, "甲\t乙\t丙\t丁\r\n", row=0, column=last)
    assert "4 列" in dialogs.seen[-1][1] and "2 列" in dialogs.seen[-1][1]
    assert [r.values for r in w.session.data.rows["cadres"]] == before
    dialogs.expect("question", Yes)
    paste(qtbot, table, "甲\t乙\t丙\t丁\r\n", row=0, column=last)
    values = w.session.data.rows["cadres"][0].values
    assert values["id_number"] == "甲" and values["notes"] == "乙"


def test_merged_cells_copy_as_empty_columns_that_are_dropped(qtbot, dialogs, cadres) -> None:
    w, table = cadres
    model = table.model
    start = model.column_of("phone")  # phone, id_number, notes: 3 columns
    number = w.session.data.rows["cadres"][5].values["id_number"]
    block = f"13800000001\t{number}\t\t备注一\r\n13800000002\t\t\t备注二\r\n"
    paste(qtbot, table, block, 0, start)  # the ID number was merged over two columns
    rows = w.session.data.rows["cadres"]
    assert rows[0].values["phone"] == "13800000001" and rows[0].values["id_number"] == number
    assert rows[1].values["notes"] == "备注二" and "id_number" not in rows[1].values
    assert "合并单元格" in table.message.text()
    assert dialogs.seen == []


def test_a_huge_cell_refuses_the_whole_paste(qtbot, dialogs, cadres) -> None:
    w, table = cadres
    before = [dict(r.values) for r in w.session.data.rows["cadres"]]
    dialogs.expect("warning", QMessageBox.StandardButton.Ok)
    block = [["张三", "男"], ["李四", "字" * 10_001]]
    paste(qtbot, table, to_tsv(block))
    message = dialogs.seen[-1][1]
    assert "粘贴内容第 2 行" in message and "性别" in message and "没有粘贴任何内容" in message
    assert [r.values for r in w.session.data.rows["cadres"]] == before


def test_a_long_cell_within_the_cap_is_kept_and_marked(qtbot, cadres) -> None:
    w, table = cadres
    model = table.model
    paste(qtbot, table, "字" * 10_000, row=0, column=model.column_of("notes"))
    values = w.session.data.rows["cadres"][0].values
    assert values[RAW_KEY]["notes"] == "字" * 10_000
    problem = next(p for p in w.session.problems() if p.rule == "unparsed")
    assert problem.field == "notes" and "过长" in problem.message


def test_rounded_id_numbers_are_refused_naming_the_rows(qtbot, dialogs, cadres) -> None:
    w, table = cadres
    before = [dict(r.values) for r in w.session.data.rows["cadres"]]
    model = table.model
    dialogs.expect("warning", QMessageBox.StandardButton.Ok)
    paste(
        qtbot,
        table,
        "330782199001011234\r\n3.30782E+17\r\n3.30782E+17\r\n",
        row=0,
        column=model.column_of("id_number"),
    )
    message = dialogs.seen[-1][1]
    assert "粘贴内容第 2 行、粘贴内容第 3 行" in message and "文本" in message
    assert [r.values for r in w.session.data.rows["cadres"]] == before


def test_one_value_fills_the_selection(qtbot, cadres) -> None:
    w, table = cadres
    model = table.model
    column = model.column_of("appointment")
    table.view.select_block(0, column, 4, column)
    QGuiApplication.clipboard().setText("专职\r\n")
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [r.values["appointment"] for r in w.session.data.rows["cadres"][:5]] == ["专职"] * 5


def test_a_copied_block_repeats_down_a_larger_selection(qtbot, cadres) -> None:
    """Two cells copied, six rows selected: Excel repeats the pair three times."""
    w, table = cadres
    column = table.model.column_of("appointment")
    before = [dict(r.values) for r in w.session.data.rows["cadres"]]
    table.view.select_block(0, column, 5, column)
    QGuiApplication.clipboard().setText("专职\r\n兼职\r\n")
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [r.values["appointment"] for r in w.session.data.rows["cadres"][:6]] == [
        "专职",
        "兼职",
    ] * 3
    assert len(w.session.data.rows["cadres"]) == len(before)  # no rows added
    w.undo_stack.undo()  # one step, as for any paste
    assert [r.values for r in w.session.data.rows["cadres"]] == before


def test_pasting_services_reads_dates_money_and_units(qtbot, demo_window) -> None:
    w = demo_window
    w.select_form("services")
    table = w.pages["services"].roster
    n = len(table.model.rows)
    block = [
        [
            "送清凉",
            "送清凉",
            "",
            "2018/7/1",
            "2018年7月31日",
            "12",
            "1,200",
            "人次",
            "3.5万",
            "镇财政",
            "",
            "",
        ],
        [
            "子女托管",
            "子女托管（四点半学校、暑托班）",
            "",
            "2018-07-10",
            "20180820",
            "约20",
            "300",
            "人",
            "1234.567",
            "上级工会",
            "",
            "",
        ],
    ]
    paste(qtbot, table, to_tsv(block), row=n, column=0)
    first, second = (r.values for r in w.session.data.rows["services"][n:])
    assert first["start"] == date(2018, 7, 1) and first["end"] == date(2018, 7, 31)
    assert first["served"] == 1200 and str(first["funds"]) == "35000.00"
    assert second["category"] == "子女托管(四点半学校、暑托班)"
    assert second["end"] == date(2018, 8, 20)
    assert second[RAW_KEY] == {"sessions": "约20", "funds": "1234.567"}
