"""Importing a roster from the clerk's own workbook through the window: pick the file, check
and fix the column matching in the dialog, append or replace, undo it all in one step; bad
files refused with a message and nothing imported."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from unionclerk.domain.report import YearMonth
from unionclerk.formspec.rawcells import RAW_KEY
from unionclerk.formspec.validators import id_check_char
from unionclerk.services import reports

Ok = QMessageBox.StandardButton.Ok
# Shuffled and renamed columns, as a clerk's own list has them; 年龄 is not a form field.
HEADER = [
    "序号",
    "职务",
    "姓  名",
    "专(兼)职",
    "身份证号码",
    "性别",
    "出生年月",
    "民族",
    "政治面貌",
    "文化程度",
    "工作单位",
    "手机号码",
    "年龄",
]


def id_number(body: str) -> str:
    return body + id_check_char(body)


def clerks_workbook(path: Path, n: int = 40, id_as_number: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "2018干部"
    ws.append(["佛堂镇总工会委员会及工作人员花名册"])  # a title row over the table
    ws.merge_cells("A1:M1")
    ws.append(HEADER)
    for i in range(n):
        female = i % 2 == 0
        number = id_number(f"3307821980{(i % 12) + 1:02d}15{i % 10}{i % 10}{2 if female else 1}")
        ws.append(
            [
                i + 1,
                "委员" if i else "主席",
                f"成员{i:02d}",
                "兼职" if i else "专职",
                int(number[:17] + "0") if id_as_number and i == 3 else number,
                "女" if female else "男",
                datetime(1980, (i % 12) + 1, 15),
                "汉",
                "党员" if i % 3 else "群众",
                "本科",
                f"单位{i}",
                13900000000 + i,
                38,
            ]
        )
    ws.append(["合计", None, f"{n} 人"])
    wb.create_sheet("填表说明").append(["姓名必填"])
    wb.save(path)
    return path


def run_import(qtbot, dialogs, table, path: Path, answer) -> None:
    """Click 从 Excel 导入…, pick `path`, and let `answer(dialog)` handle the dialog."""
    dialogs.expect("open", ([str(path)], ""))
    dialogs.expect("exec", answer)
    steps = len(dialogs.expected)
    qtbot.mouseClick(table.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: len(dialogs.expected) <= steps - 2 or any(k == "warning" for k, _ in dialogs.seen),
        timeout=10_000,
    )


def test_import_with_a_title_row_and_shuffled_renamed_columns(
    qtbot, ws, dialogs, cadres, tmp_path
) -> None:
    w, table = cadres
    path = clerks_workbook(tmp_path / "我的名单.xlsx")
    before = [dict(r.values) for r in w.session.data.rows["cadres"]]
    seen = {}

    def check_and_accept(dialog):
        seen["header"] = dialog.header.value()
        seen["columns"] = list(dialog.mapping.keys)
        seen["preview"] = dialog.preview.rowCount()
        dialog.replace.setChecked(True)
        return QDialog.DialogCode.Accepted

    steps = w.undo_stack.count()
    run_import(qtbot, dialogs, table, path, check_and_accept)
    assert seen["header"] == 2  # the title in row 1 was passed over
    assert seen["columns"] == [
        None,
        "position",
        "name",
        "appointment",
        "id_number",
        "gender",
        "birth",
        "ethnicity",
        "political",
        "education",
        "home_post",
        "phone",
        None,
    ]
    assert seen["preview"] == 20
    rows = w.session.data.rows["cadres"]
    assert len(rows) == 40 and w.undo_stack.count() == steps + 1
    first = rows[0].values
    assert first["name"] == "成员00" and first["position"] == "主席"
    assert first["birth"] == YearMonth(1980, 1) and first["ethnicity"] == "汉族"
    assert first["political"] == "群众" and rows[1].values["political"] == "中共党员"
    assert first["education"] == "大学本科" and first["phone"] == "13900000000"
    assert not any(RAW_KEY in r.values for r in rows)
    assert [r.values for r in reports.load(ws, w.session.report).rows["cadres"]] == [
        r.values for r in rows
    ]
    assert "已从“我的名单.xlsx”导入 40 行" in table.message.text()
    assert "合计" in table.message.text() or "跳过" in table.message.text()

    w.undo_stack.undo()  # the whole import, one step
    assert [r.values for r in w.session.data.rows["cadres"]] == before
    assert [r.values for r in reports.load(ws, w.session.report).rows["cadres"]] == before


def test_fix_a_column_and_append(qtbot, dialogs, cadres, tmp_path) -> None:
    w, table = cadres
    n = len(w.session.data.rows["cadres"])
    path = clerks_workbook(tmp_path / "名单.xlsx", n=5)

    def fix(dialog):
        assert dialog.append.isChecked()  # a roster with rows: append is offered first
        dialog.set_column(10, "notes")  # 工作单位 goes to 备注 instead
        assert dialog.mapping.keys[10] == "notes"
        dialog.set_column(11, None)  # and the phones are left out
        return QDialog.DialogCode.Accepted

    run_import(qtbot, dialogs, table, path, fix)
    rows = w.session.data.rows["cadres"]
    assert len(rows) == n + 5
    assert rows[n].values["notes"] == "单位0" and "home_post" not in rows[n].values
    assert "phone" not in rows[n].values


def test_numeric_id_numbers_block_the_import(qtbot, dialogs, cadres, tmp_path) -> None:
    w, table = cadres
    before = [dict(r.values) for r in w.session.data.rows["cadres"]]
    path = clerks_workbook(tmp_path / "名单.xlsx", id_as_number=True)
    seen = {}

    def look(dialog):
        seen["blocking"] = dialog.blocking.text()
        seen["ok"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted  # even if forced, nothing is imported

    run_import(qtbot, dialogs, table, path, look)
    assert "第 6 行" in seen["blocking"] and "文本" in seen["blocking"]
    assert seen["ok"] is False
    assert [r.values for r in w.session.data.rows["cadres"]] == before


def test_preview_marks_problems(qtbot, dialogs, cadres, tmp_path) -> None:
    w, table = cadres
    path = clerks_workbook(tmp_path / "名单.xlsx", n=3)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["2018干部"]["G4"] = "1980年13月"
    wb.save(path)
    seen = {}

    def look(dialog):
        model = dialog.preview
        column = next(i for i, f in enumerate(model.fields) if f.key == "birth")
        index = model.index(1, column)
        seen["text"] = index.data()
        seen["tip"] = index.data(Qt.ItemDataRole.ToolTipRole)
        seen["row"] = model.headerData(1, Qt.Orientation.Vertical)
        return QDialog.DialogCode.Rejected

    run_import(qtbot, dialogs, table, path, look)
    assert seen["text"] == "1980年13月" and "不存在" in seen["tip"]
    assert seen["row"] == "第 4 行"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"not a workbook at all", "不是 Excel 工作簿"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"), "密码"),
    ],
)
def test_bad_files_are_refused_with_a_message(
    qtbot, dialogs, cadres, tmp_path, content, expected
) -> None:
    w, table = cadres
    before = [dict(r.values) for r in w.session.data.rows["cadres"]]
    path = tmp_path / "名单.xlsx"
    path.write_bytes(content)
    dialogs.expect("open", ([str(path)], ""))
    dialogs.expect("warning", Ok)
    qtbot.mouseClick(table.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(k == "warning" for k, _ in dialogs.seen), timeout=10_000)
    assert expected in dialogs.seen[-1][1]
    assert [r.values for r in w.session.data.rows["cadres"]] == before
