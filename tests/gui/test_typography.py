"""Typography on screen (issue 11, item 10): the cover form's inputs start at one x, money
and counts show thousands separators (and typed separators are read back), and problems are
listed as the form reads, top to bottom — not by the fields' internal names."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPoint

from unionclerk.formspec.checker import field_places


def test_cover_inputs_start_at_one_x(demo_window) -> None:
    demo_window.select_form("cover")
    record = demo_window.pages["cover"].record
    body = record.widget()
    xs = {
        key: row.editor.widget.mapTo(body, QPoint(0, 0)).x()
        for key, row in record.rows.items()
        if row.field.type.name != "longtext"
    }
    assert len(xs) > 8
    assert len(set(xs.values())) == 1, xs


def test_money_and_counts_show_thousands_separators(demo_window, clerk) -> None:
    w = demo_window
    w.select_form("support")
    budget = w.pages["support"].record.field_widget("budget")
    assert budget.text() == "1,200,000.00"
    clerk.fill(w, "support", "budget", "1234567.5")
    assert w.session.data.single["support"]["budget"] == Decimal("1234567.50")
    w.select_form("organisation")  # away and back: shown as saved
    w.select_form("support")
    assert budget.text() == "1,234,567.50"
    clerk.fill(w, "organisation", "employees", "26,000")  # typed with a separator: read back
    assert w.session.data.single["organisation"]["employees"] == 26000
    employees = w.pages["organisation"].record.field_widget("employees")
    w.select_form("cover")
    w.select_form("organisation")
    assert employees.text() == "26,000"


def test_problems_are_listed_in_form_order(demo_window, clerk, forms) -> None:
    w = demo_window
    for key in ("union_name", "city", "head_name", "filler_phone"):  # all required
        clerk.fill(w, "cover", key, "")
    model = w.problems.model
    group = next(g for g in range(model.rowCount()) if model.groups[g][0].key == "cover")
    listed = [model.groups[group][1][r].field for r in range(model.rowCount(model.index(group, 0)))]
    assert {"union_name", "city", "head_name", "filler_phone"} <= set(listed)
    place = field_places(forms)
    assert listed == sorted(listed, key=lambda k: place[("cover", k)]), listed
    assert listed != sorted(listed), "the names' order would differ from the form's"
