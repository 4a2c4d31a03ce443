"""The one period picker, in the set-up wizard and the new-period dialog, driven by keys."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from unionclerk.domain.period import PARTS, Period
from unionclerk.gui.exportdlg import PeriodDialog
from unionclerk.gui.periodpicker import PeriodPicker
from unionclerk.gui.wizard import FirstRunWizard


def type_period(qtbot, picker: PeriodPicker, year: str, downs: int) -> None:
    """What a clerk does: select the year, type another, step down the part list."""
    picker.year.setFocus()
    qtbot.keyClick(picker.year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(picker.year, year)
    for _ in range(downs):
        qtbot.keyClick(picker.part, Qt.Key.Key_Down)


def test_wizard_and_new_period_dialog_share_one_picker(ws, qtbot) -> None:
    wizard = FirstRunWizard(ws)
    dialog = PeriodDialog(Period(2019, "h1"), "")
    qtbot.addWidget(wizard)
    qtbot.addWidget(dialog)
    for owner, name in ((wizard, "period"), (dialog, "new")):
        pickers = owner.findChildren(PeriodPicker)
        assert len(pickers) == 1
        assert pickers[0].year.objectName() == f"{name}_year"
        assert [pickers[0].part.itemText(i) for i in range(3)] == ["年度", "上半年", "下半年"]
    assert dialog.period() == Period(2019, "h1")

    type_period(qtbot, wizard.picker, "2021", 2)
    assert wizard.period == Period(2021, "h2")
    type_period(qtbot, dialog.picker, "2020", 1)
    assert dialog.period() == Period(2020, "h2")


@settings(max_examples=30, deadline=None)
@given(year=st.integers(1990, 2100), part=st.sampled_from(PARTS))
def test_any_period_shown_is_the_period_read(qapp, year: int, part: str) -> None:
    picker = PeriodPicker(Period(2018), "probe")
    picker.set_period(Period(year, part))
    assert picker.period() == Period(year, part)
    assert f"{picker.year.value()}{picker.part.currentText()}" == Period(year, part).label
    picker.deleteLater()
