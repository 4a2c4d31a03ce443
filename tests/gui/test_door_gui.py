"""Issue 13 at the window: what a clerk types or pastes passes the same door as files do —
hidden characters are refused at the field with the character named (nothing saved), line
breaks of every style are kept as \\n, and a pasted roster cell holding a control character
is kept visibly (␛) and marked, so it can always be stored and exported."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from unionclerk.formspec.rawcells import RAW_KEY
from unionclerk.services import reports
from unionclerk.services.roster_cells import to_tsv


def test_a_zero_width_character_typed_into_the_name_is_refused(ws, demo_window, clerk) -> None:
    w = demo_window
    clerk.fill(w, "cover", "union_name", "佛堂镇\u200b总工会")
    row = clerk.row(w, "cover", "union_name")
    assert row.problem.isVisibleTo(w)
    assert "第 4 个字符是看不见的零宽字符（U+200B）" in row.problem.text()
    assert reports.load(ws, w.session.report).single["cover"]["union_name"] == "佛堂镇总工会"


def test_pasted_notes_with_any_line_breaks_are_kept_as_line_breaks(ws, demo_window, clerk) -> None:
    w = demo_window
    w.select_form("organisation")
    box = w.pages["organisation"].record.field_widget("notes")
    box.setFocus()
    box.selectAll()
    QGuiApplication.clipboard().setText("第一行\r\n第二行\r第三行_x000D_第四行")
    clerk.qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    w.pages["organisation"].record.field_widget("members").setFocus()  # leaving the box saves
    clerk.qtbot.waitUntil(lambda: w.session.value("organisation", "notes") is not None)
    saved = reports.load(ws, w.session.report).single["organisation"]["notes"]
    assert saved == "第一行\n第二行\n第三行\n第四行"  # Excel's escape too


def test_a_pasted_escape_sequence_is_kept_visibly_and_marked(ws, demo_window, clerk) -> None:
    w = demo_window
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    table.view.go_to(0, table.model.column_of("birth"))
    table.view.setFocus()
    QGuiApplication.clipboard().setText(to_tsv([["1980\x1b[2K年"]]))
    clerk.qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    uuid = table.model.row_uuid(0)
    row = next(r for r in reports.load(ws, w.session.report).rows["cadres"] if r.uuid == uuid)
    assert row.values[RAW_KEY]["birth"] == "1980␛[2K年"
    assert any(p.row == uuid and p.field == "birth" and p.is_error for p in w.session.problems())


def test_an_explanation_with_a_hidden_character_is_refused_and_not_saved(
    ws, demo_window, clerk, dialogs
) -> None:
    w = demo_window
    clerk.fill(w, "organisation", "employees", "1,000")
    clerk.fill(w, "organisation", "members", "1200")
    members = clerk.row(w, "organisation", "members")
    assert members.explain.isVisibleTo(w)
    dialogs.expect("warning", None)
    clerk.type(members.explain, "含退休职工\u202e会员")
    assert any(
        kind == "warning" and "说明无法保存：第 6 个字符是改变文字方向的隐藏控制符" in text
        for kind, text in dialogs.seen
    ), dialogs.seen
    assert w.session.explanation(members.warning) == ""
    assert reports.load(ws, w.session.report).explanations.get("organisation.members") is None
    clerk.type(members.explain, "含退休职工会员\r\n200 人")
    assert w.session.explanation(members.warning) == "含退休职工会员\n200 人"
