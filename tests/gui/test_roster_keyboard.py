"""The roster from the keyboard, as in Excel: typing, Enter and Tab, F2, Delete, copy, fill
down, rows inserted, deleted and moved — each one undo step, saved at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from unionclerk.domain.records import DRAFT
from unionclerk.domain.report import YearMonth
from unionclerk.services import reports

Ctrl, Alt, Shift = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)


@pytest.fixture
def services(demo_window, qtbot):
    """The services roster, its window active and the table focused (keys go where the
    focus is, as on screen: into the cell editor once one is open)."""
    w = demo_window
    with qtbot.waitActive(w):
        w.activateWindow()
    w.select_form("services")
    table = w.pages["services"].roster
    table.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table.view)
    return w, table


def focus(table):
    return QApplication.focusWidget() or table.view


def press(qtbot, table, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focus(table), key, modifier)
    QApplication.processEvents()  # the editor commits on Enter through a queued call


def typed(qtbot, table, text: str) -> None:
    for ch in text:
        qtbot.keyClick(focus(table), ch)


def cell(table, row: int, key: str):
    return table.model.index(row, table.model.column_of(key))


def values(w, form="services"):
    return [dict(r.values) for r in w.session.data.rows[form]]


def test_typing_replaces_and_enter_moves_down(qtbot, ws, services) -> None:
    w, table = services
    view = table.view
    view.setCurrentIndex(cell(table, 0, "sessions"))
    typed(qtbot, table, "12")
    press(qtbot, table, Qt.Key.Key_Return)
    assert cell(table, 0, "sessions").data() == "12"
    assert view.currentIndex().row() == 1  # Enter saved and moved down
    assert reports.load(ws, w.session.report).rows["services"][0].values["sessions"] == 12
    press(qtbot, table, Qt.Key.Key_F2)  # F2 keeps what is there
    assert focus(table).text() == cell(table, 1, "sessions").data(Qt.ItemDataRole.EditRole)
    press(qtbot, table, Qt.Key.Key_End)
    typed(qtbot, table, "0")
    press(qtbot, table, Qt.Key.Key_Tab)  # Tab saves and moves right, without editing
    assert view.currentIndex().column() == table.model.column_of("served")
    assert view.state() != view.State.EditingState
    assert w.session.data.rows["services"][1].values["sessions"] == 240
    typed(qtbot, table, "999")
    press(qtbot, table, Qt.Key.Key_Escape)  # Escape cancels
    assert w.session.data.rows["services"][1].values["served"] != 999
    press(qtbot, table, Qt.Key.Key_Return)  # not editing: Enter moves down
    assert view.currentIndex().row() == 2
    w.undo_stack.undo()
    assert w.session.data.rows["services"][1].values["sessions"] == 24


def test_dates_and_choices_typed_in_cells(qtbot, services) -> None:
    w, table = services
    table.view.setCurrentIndex(cell(table, 0, "start"))
    typed(qtbot, table, "2018/9/1")
    press(qtbot, table, Qt.Key.Key_Return)
    assert cell(table, 0, "start").data() == "2018年9月1日"
    table.view.setCurrentIndex(cell(table, 0, "category"))
    press(qtbot, table, Qt.Key.Key_F2)
    box = focus(table)
    box.setCurrentText("思想引领宣讲")  # not in the list, which has 其他: 其他 with the text
    press(qtbot, table, Qt.Key.Key_Return)
    row = w.session.data.rows["services"][0].values
    assert (row["category"], row["category_other"]) == ("其他", "思想引领宣讲")
    assert cell(table, 0, "category").data() == "其他：思想引领宣讲"
    w.undo_stack.undo()  # choice and its text: one step
    assert w.session.data.rows["services"][0].values["category"] != "其他"


def test_delete_clears_cells_in_one_step(qtbot, services) -> None:
    w, table = services
    before = values(w)
    table.view.setCurrentIndex(cell(table, 0, "brand"))
    press(qtbot, table, Qt.Key.Key_Delete)
    assert "brand" not in w.session.data.rows["services"][0].values
    table.view.select_block(1, 0, 3, 2)
    steps = w.undo_stack.count()
    press(qtbot, table, Qt.Key.Key_Delete)
    assert w.undo_stack.count() == steps + 1
    for row in w.session.data.rows["services"][1:4]:
        assert not {"name", "category", "brand"} & set(row.values)
    w.undo_stack.undo()
    w.undo_stack.undo()
    assert values(w) == before


def test_copy_a_block_as_excel_text(qtbot, services) -> None:
    w, table = services
    table.view.select_block(0, 0, 1, 3)
    press(qtbot, table, Qt.Key.Key_C, Ctrl)
    rows = w.session.data.rows["services"]
    text = QGuiApplication.clipboard().text()
    lines = text.split("\r\n")
    assert len(lines) == 3 and lines[2] == ""
    assert lines[0].split("\t")[0] == rows[0].values["name"]
    assert lines[1].split("\t")[3] == rows[1].values["start"].isoformat()
    n, second = len(rows), dict(rows[1].values)
    table.view.go_to(n, 0)  # paste the copy onto the empty row: two new rows
    press(qtbot, table, Qt.Key.Key_V, Ctrl)
    again = w.session.data.rows["services"]
    assert len(again) == n + 2
    assert again[-1].values["start"] == second["start"]


def test_fill_down(qtbot, services) -> None:
    w, table = services
    column = table.model.column_of("fund_source")
    first = w.session.data.rows["services"][0].values.get("fund_source")
    table.view.select_block(0, column, 4, column)
    steps = w.undo_stack.count()
    press(qtbot, table, Qt.Key.Key_D, Ctrl)
    assert w.undo_stack.count() == steps + 1
    assert [r.values.get("fund_source") for r in w.session.data.rows["services"][:5]] == [first] * 5
    table.view.select_block(6, column, 6, column)  # one row: from the row above
    press(qtbot, table, Qt.Key.Key_D, Ctrl)
    rows = w.session.data.rows["services"]
    assert rows[6].values.get("fund_source") == rows[5].values.get("fund_source")


def test_insert_delete_and_move_rows(qtbot, ws, services) -> None:
    w, table = services
    before = [r.uuid for r in w.session.data.rows["services"]]
    table.view.select_block(2, 0, 3, 0)
    press(qtbot, table, Qt.Key.Key_Plus, Ctrl)
    rows = w.session.data.rows["services"]
    assert len(rows) == len(before) + 2 and rows[4].uuid == before[2]
    assert rows[2].values == {"served_unit": "人次"}  # new rows start with the defaults
    w.undo_stack.undo()
    assert [r.uuid for r in w.session.data.rows["services"]] == before

    table.view.select_block(1, 0, 2, 3)
    press(qtbot, table, Qt.Key.Key_Minus, Ctrl)
    assert [r.uuid for r in w.session.data.rows["services"]] == before[:1] + before[3:]
    assert "已删除 2 行" in table.message.text()
    w.undo_stack.undo()
    assert [r.uuid for r in reports.load(ws, w.session.report).rows["services"]] == before

    table.view.select_block(2, 0, 3, 0)
    press(qtbot, table, Qt.Key.Key_Up, Alt | Shift)
    moved = [r.uuid for r in w.session.data.rows["services"]]
    assert moved[1:3] == before[2:4] and moved[3] == before[1]
    assert {i.row() for i in table.view.selectionModel().selectedIndexes()} == {1, 2}
    press(qtbot, table, Qt.Key.Key_Down, Alt | Shift)
    assert [r.uuid for r in w.session.data.rows["services"]] == before
    w.undo_stack.undo()
    w.undo_stack.undo()
    assert [r.uuid for r in reports.load(ws, w.session.report).rows["services"]] == before

    table.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # sorted: rows do not move
    table.view.select_block(2, 0, 2, 0)
    press(qtbot, table, Qt.Key.Key_Up, Alt | Shift)
    assert "排序" in table.message.text()
    assert [r.uuid for r in w.session.data.rows["services"]] == before


def test_typing_on_the_empty_row_adds_a_row(qtbot, services) -> None:
    w, table = services
    n = len(w.session.data.rows["services"])
    assert table.model.headerData(n, Qt.Orientation.Vertical) == "*"
    table.view.setCurrentIndex(cell(table, n, "name"))
    typed(qtbot, table, "Yoga")
    press(qtbot, table, Qt.Key.Key_Return)
    rows = w.session.data.rows["services"]
    assert len(rows) == n + 1
    assert rows[-1].values == {"name": "Yoga", "served_unit": "人次"}
    assert table.view.currentIndex().row() == n + 1  # on the empty row again
    w.undo_stack.undo()
    assert len(w.session.data.rows["services"]) == n


def test_check_box_and_id_reveal(qtbot, demo_window) -> None:
    w = demo_window
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    model = table.model
    box = cell(table, 0, "frontline")
    was = w.session.data.rows["cadres"][0].values.get("frontline")
    checked = Qt.CheckState.Unchecked if was else Qt.CheckState.Checked
    assert model.setData(box, checked.value, Qt.ItemDataRole.CheckStateRole)
    assert w.session.data.rows["cadres"][0].values["frontline"] is (not was)
    number = w.session.data.rows["cadres"][0].values["id_number"]
    shown = cell(table, 0, "id_number")
    assert shown.data() != number and "*" in shown.data()
    table.reveal.setChecked(True)
    assert shown.data() == number
    table.reveal.setChecked(False)
    assert "*" in shown.data()


def test_month_picker_saves_a_year_month(qtbot, demo_window) -> None:
    w = demo_window
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    table.view.setCurrentIndex(cell(table, 0, "since"))
    table.view.edit(table.view.currentIndex())
    editor = QApplication.focusWidget() or table.view.indexWidget(table.view.currentIndex())
    editor.picker.year.setValue(2017)
    editor.picker.picked.emit("2017-03")
    assert w.session.data.rows["cadres"][0].values["since"] == YearMonth(2017, 3)


def test_a_completed_report_is_read_only(qtbot, dialogs, demo_window) -> None:
    w = demo_window
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    n = len(w.session.data.rows["cadres"])
    assert table.model.rowCount() == n + 1
    w.session.report = type(w.session.report)(**{**w.session.report.__dict__, "status": "完成"})
    w.pages["cadres"].refresh(w.session, None)
    assert w.session.report.status != DRAFT
    assert table.model.rowCount() == n  # no empty row for new entries
    assert not table.model.flags(cell(table, 0, "name")) & Qt.ItemFlag.ItemIsEditable
    table.ops.paste("张三\t男")
    assert "不能修改" in table.message.text()
    assert len(w.session.data.rows["cadres"]) == n
