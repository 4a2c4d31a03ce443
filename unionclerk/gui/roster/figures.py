"""The cadres roster's derived figures beside the table, recomputed after every change.

Committee size, women, Party members, frontline workers and their share, average age at the
period's end, and the counts by position and by appointment — the same function
(`formspec.derived.cadre_figures`) the exports and the county summary use.

The figures are plain labels in a grid (a name and its value per line), not one rich-text
label: a word-wrapped rich-text label is laid out again at every size the splitter tries,
which made the first opening of 表二 miss its 100 ms goal. When only the values change (the
usual case: a cell edited) the labels are kept and only their texts are set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from unionclerk.domain.period import Period
from unionclerk.domain.report import RosterRow
from unionclerk.formspec.derived import CadreFigures, cadre_figures

if TYPE_CHECKING:
    from unionclerk.formspec import FormDef

Line = tuple[str, str, bool, bool]
"""One line of the panel: name, value, indented, a section title."""


class FiguresPanel(QGroupBox):
    def __init__(self, form: FormDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("名单统计（自动计算）"))
        self.setObjectName("roster_figures")
        self.form = form
        self.body = QWidget()
        self.body.setObjectName("figures_text")
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 2, 2, 2)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(0, 1)  # names take the room; values keep to the right
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll)
        self.setMinimumWidth(230)
        self._names: list[tuple[str, bool, bool]] = []
        self._values: list[QLabel | None] = []

    def show_rows(self, rows: list[RosterRow], period: Period) -> None:
        f = self.form
        fig = cadre_figures(
            (r.values for r in rows),
            period.end,
            f.field("position").choices,
            f.field("appointment").choices,
        )
        self._show(self._lines(fig))

    def lines(self) -> list[tuple[str, str]]:
        """What the panel shows, a (name, value) pair per line (titles with an empty value)."""
        out = []
        for (name, _indent, _title), value in zip(self._names, self._values, strict=True):
            out.append((name, value.text() if value is not None else ""))
        return out

    def _lines(self, fig: CadreFigures) -> list[Line]:
        person = self.tr("{0} 人")

        def pct(value: object) -> str:
            return "—" if value is None else f"{value}%"

        age = "—" if fig.average_age is None else self.tr("{0} 岁").format(fig.average_age)
        lines: list[Line] = [
            (self.tr("总人数"), person.format(fig.committee_size), False, False),
            (self.tr("其中：女性"), person.format(fig.women), True, False),
            (self.tr("其中：中共党员（含预备）"), person.format(fig.party_members), True, False),
            (self.tr("其中：一线职工"), person.format(fig.frontline), True, False),
            (self.tr("一线职工占比"), pct(fig.frontline_share), False, False),
            (self.tr("平均年龄（报告期末）"), age, False, False),
        ]
        for title, counts in (
            (self.tr("按职务"), fig.by_position),
            (self.tr("按任职方式"), fig.by_appointment),
        ):
            lines.append((title, "", False, True))
            if not counts:
                lines.append(("—", "", True, False))
            for key, count in counts.items():
                lines.append((key, person.format(count), True, False))
        return lines

    def _show(self, lines: list[Line]) -> None:
        names = [(name, indent, title) for name, _value, indent, title in lines]
        if names != self._names:
            self._rebuild(names)
        for (_name, value, _indent, _title), label in zip(lines, self._values, strict=True):
            if label is not None and label.text() != value:
                label.setText(value)

    def _rebuild(self, names: list[tuple[str, bool, bool]]) -> None:
        """New lines (a position or appointment appeared or went): the grid made again."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._values = []
        for row, (name, indent, title) in enumerate(names):
            label = QLabel(name)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)  # a long English name wraps; its value stays in sight
            if indent:
                label.setContentsMargins(self.fontMetrics().horizontalAdvance("\u3000"), 0, 0, 0)
            value: QLabel | None = None
            if title:
                font = QFont(label.font())
                font.setBold(True)
                label.setFont(font)
                label.setContentsMargins(0, 8, 0, 0)
                self.grid.addWidget(label, row, 0, 1, 2)
            else:
                self.grid.addWidget(label, row, 0)
                value = QLabel()
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(value, row, 1)
            self._values.append(value)
        self.grid.setRowStretch(len(self._names), 0)  # the empty row below the lines takes
        self.grid.setRowStretch(len(names), 1)  # the spare height: lines stay at the top
        self._names = names
