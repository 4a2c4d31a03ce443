"""Bad input at the field: a clear reason, or normalised — never a crash, never saved wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt

from unionclerk.services import reports


def test_text_pasted_into_a_number_field(ws, demo_window, clerk) -> None:
    w = demo_window
    clerk.fill(w, "organisation", "members", "约两万人")
    row = clerk.row(w, "organisation", "members")
    assert row.problem.isVisibleTo(w) and "不是整数" in row.problem.text()
    assert reports.load(ws, w.session.report).single["organisation"]["members"] == 24143
    assert w.undo_stack.count() == 0


def test_full_width_digits_and_separators_are_normalised(ws, demo_window, clerk) -> None:
    w = demo_window
    clerk.fill(w, "organisation", "members", "２４，０００")
    assert w.session.value("organisation", "members") == 24000


def test_a_10000_character_name(ws, demo_window, clerk) -> None:
    w = demo_window
    w.select_form("cover")
    widget = w.pages["cover"].record.field_widget("union_name")
    widget.setText("工" * 10_000)
    widget.editingFinished.emit()
    row = clerk.row(w, "cover", "union_name")
    # Refused outright or saved with an error at the field; either way the reason shows.
    assert row.problem.isVisibleTo(w) and "错误" in row.problem.text()
    assert "字" in row.problem.text()
    assert w.session.value("cover", "union_name") != "工" * 10_000 or any(
        p.field == "union_name" and p.is_error for p in w.session.problems()
    )


def test_an_impossible_date(ws, demo_window, clerk) -> None:
    w = demo_window
    clerk.fill(w, "cover", "report_date", "2018-02-30")
    row = clerk.row(w, "cover", "report_date")
    assert "不存在" in row.problem.text()
    assert w.session.value("cover", "report_date") != "2018-02-30"


def test_full_width_id_number_in_the_roster(ws, demo_window) -> None:
    w = demo_window
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    model = table.model
    full = w.session.data.rows["cadres"][0].values["id_number"]
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else "ｘ" for c in full)
    index = model.index(1, model.column_of("id_number"))
    assert model.setData(index, wide)
    uuid = model.row_uuid(1)
    assert w.session.value("cadres", "id_number", uuid) == full  # normalised (a duplicate now)
    assert any(p.row == uuid and p.field == "id_number" for p in w.session.problems())


def test_unreadable_roster_cell_is_kept_and_says_why(ws, demo_window) -> None:
    # Since the Excel-like roster (issue 5): typed text that cannot be read is kept as
    # entered and marked as an error naming the reason, never thrown away.
    w = demo_window
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    model = table.model
    index = model.index(0, model.column_of("birth"))
    assert model.setData(index, "1980年13月")
    assert "第 1 行" in table.message.text() and "已保留原文" in table.message.text()
    assert index.data() == "1980年13月"
    assert "不存在" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert w.session.value("cadres", "birth", model.row_uuid(0)) is None
