"""English mode (issue 11, item 13): units read in English (人 → persons, 元 → yuan, 平方米 →
m²) beside the fields and in each form's 计量单位 line; the left navigation says "Table 3"
rather than 表三 and shows every form's name whole, at 1366×768; the workbook and PDF keep
the official Chinese units (tested with the exporters)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel

from unionclerk.domain import i18n
from unionclerk.domain.units import table_no_text, unit_list, unit_text
from unionclerk.gui import main, translations
from unionclerk.services import demo

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english_window(ws, qtbot):
    demo.build_demo(ws)
    app = main.application()
    i18n.set_language("en")
    installed = translations.install(app, "en")
    from unionclerk.gui.window import MainWindow

    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    translations.remove(app, installed)


def test_units_beside_fields_are_english(english_window) -> None:
    w = english_window
    for key in ("support", "organisation", "venues"):
        w.select_form(key)
        page = w.pages[key]
        texts = [label.text() for label in page.findChildren(QLabel)]
        units = [t for t in texts if t.startswith("Units:")]
        assert units and not CJK.search(units[0]), units
        record = page.record
        if record is None:  # a roster with no summary part
            continue
        for row in record.rows.values():
            if row.field.unit:
                shown = [
                    lbl.text()
                    for lbl in record.findChildren(QLabel)
                    if lbl.text() == unit_text(row.field.unit)
                ]
                assert shown, row.field.key
                assert not CJK.search(unit_text(row.field.unit)), row.field.unit
    w.select_form("support")
    assert "Units: persons, yuan, m²" in [
        lbl.text() for lbl in w.pages["support"].findChildren(QLabel)
    ]


def test_navigation_names_are_english_and_whole(english_window) -> None:
    w = english_window
    assert w.period_box.currentText() == "2018"  # not 2018年度
    nav, model = w.nav, w.forms_model
    titles = [model.index(r, 0).data() for r in range(1, model.rowCount())]
    assert titles[1].startswith("Table 1 ") and not any(CJK.search(t) for t in titles), titles
    header = nav.header()
    assert header.sectionSize(0) >= nav.sizeHintForColumn(0), "a name is cut"
    for column in (1, 4):
        assert header.sectionSize(column) >= nav.sizeHintForColumn(column)


def test_unit_words() -> None:
    assert unit_text("人") == "人" and table_no_text("表三") == "表三"
    i18n.set_language("en")
    assert [unit_text(u) for u in ("个", "人", "元", "平方米")] == ["no.", "persons", "yuan", "m²"]
    assert unit_list("件、人、元、户") == "cases, persons, yuan, households"
    assert table_no_text("表三") == "Table 3" and table_no_text("表十") == "Table 10"
    assert unit_text("公斤") == "公斤"  # a unit with no English word stays as it is
    from unionclerk.domain.period import Period

    assert Period(2018, "h1").shown == "2018 H1" and Period(2018).shown == "2018"
    i18n.set_language("zh")
    assert Period(2018, "h1").shown == "2018上半年"


def test_roster_figures_show_their_values_in_english(english_window, qtbot) -> None:
    """The 名单统计 panel beside 表二: a long English name ("of whom Party members (incl.
    probationary)") wraps, and every figure stays in sight at 1366×768 without scrolling
    sideways."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtWidgets import QScrollArea

    w = english_window
    w.select_form("cadres")
    qtbot.wait(50)
    panel = w.pages["cadres"].roster.figures
    port = panel.findChild(QScrollArea).viewport()
    values = [
        label
        for label in panel.findChildren(QLabel)
        if label.alignment() & Qt.AlignmentFlag.AlignRight and label.text()
    ]
    assert len(values) >= 6
    for label in values[:6]:  # the head figures, above any need to scroll down
        box = QRect(label.mapTo(port, QPoint(0, 0)), label.size())
        text = label.fontMetrics().horizontalAdvance(label.text())
        assert box.left() >= 0 and box.right() - text >= 0, label.text()
        assert box.right() <= port.width(), (label.text(), box, port.width())
        assert not CJK.search(label.text()), label.text()  # "25", "16.0%", "40.0 years"
