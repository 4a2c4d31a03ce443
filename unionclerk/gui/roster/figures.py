"""The cadres roster's derived figures beside the table, recomputed after every change.

Committee size, women, Party members, frontline workers and their share, average age at the
period's end, and the counts by position and by appointment — the same function
(`formspec.derived.cadre_figures`) the exports and the county summary use.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from unionclerk.domain.period import Period
from unionclerk.domain.report import RosterRow
from unionclerk.formspec.derived import cadre_figures

if TYPE_CHECKING:
    from unionclerk.formspec import FormDef


class FiguresPanel(QGroupBox):
    def __init__(self, form: FormDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("名单统计（自动计算）"))
        self.setObjectName("roster_figures")
        self.form = form
        self.label = QLabel()
        self.label.setObjectName("figures_text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll)
        self.setMinimumWidth(230)
        self.figures = None

    def show_rows(self, rows: list[RosterRow], period: Period) -> None:
        f = self.form
        fig = cadre_figures(
            (r.values for r in rows),
            period.end,
            f.field("position").choices,
            f.field("appointment").choices,
        )
        self.figures = fig
        person = self.tr("{0} 人")

        def pct(value: object) -> str:
            return "—" if value is None else f"{value}%"

        lines = [
            (self.tr("总人数"), person.format(fig.committee_size), False),
            (self.tr("其中：女性"), person.format(fig.women), True),
            (self.tr("其中：中共党员（含预备）"), person.format(fig.party_members), True),
            (self.tr("其中：一线职工"), person.format(fig.frontline), True),
            (self.tr("一线职工占比"), pct(fig.frontline_share), False),
            (
                self.tr("平均年龄（报告期末）"),
                "—" if fig.average_age is None else self.tr("{0} 岁").format(fig.average_age),
                False,
            ),
        ]
        html = ["<table cellspacing='0' cellpadding='2'>"]
        for label, value, indent in lines:
            html.append(self._row(label, value, indent))
        for title, counts in (
            (self.tr("按职务"), fig.by_position),
            (self.tr("按任职方式"), fig.by_appointment),
        ):
            html.append(f"<tr><td colspan='2'><br><b>{escape(title)}</b></td></tr>")
            if not counts:
                html.append(self._row("—", "", True))
            for key, count in counts.items():
                html.append(self._row(key, person.format(count), True))
        html.append("</table>")
        self.label.setText("".join(html))

    @staticmethod
    def _row(label: str, value: str, indent: bool) -> str:
        pad = "&nbsp;&nbsp;&nbsp;" if indent else ""
        return (
            f"<tr><td>{pad}{escape(label)}</td>"
            f"<td align='right'>&nbsp;&nbsp;{escape(value)}</td></tr>"
        )
