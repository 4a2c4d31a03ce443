"""The period picker: a year box and 年度 / 上半年 / 下半年, one widget used by the set-up wizard
and the new-period dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from unionclerk.domain.period import PARTS, Period


class PeriodPicker(QWidget):
    """Year and part of a report period. `name` prefixes the boxes' object names
    (`{name}_year`, `{name}_part`) so that tests and screenshots can find them."""

    def __init__(self, period: Period, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setObjectName(f"{name}_year")
        self.year.setRange(1990, 2100)
        self.part = QComboBox()
        self.part.setObjectName(f"{name}_part")
        self.part.addItems([self.tr("年度"), self.tr("上半年"), self.tr("下半年")])
        self.set_period(period)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year)
        row.addWidget(self.part)
        row.addStretch(1)

    def set_period(self, period: Period) -> None:
        self.year.setValue(period.year)
        self.part.setCurrentIndex(PARTS.index(period.part))

    def period(self) -> Period:
        return Period(self.year.value(), PARTS[self.part.currentIndex()])
