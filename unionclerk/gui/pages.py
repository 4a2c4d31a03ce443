"""One page per form on the right of the window, built from the form's definition.

A single-record form is a `RecordForm`; a roster form is its editor (`RosterTable`) with,
above it, the summary part (if the form has one) as a `RecordForm`. A page forwards edit requests to the
window as plain values and knows how to show a problem's place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from unionclerk.domain.problems import Problem
from unionclerk.domain.report import COVER, ReportData
from unionclerk.gui.recordform import RecordForm

if TYPE_CHECKING:  # the session module pulls in the database layer: not at start-up
    from unionclerk.formspec import FormDef
    from unionclerk.gui.roster.table import RosterTable
    from unionclerk.services.editing import EditSession


class FormPage(QWidget):
    """The editing page of one form."""

    # form key, field key, row uuid (or None), old value, new value
    edit_requested = Signal(str, str, object, object, object)
    explain_requested = Signal(object, str)
    add_row_requested = Signal(str, int)
    rows_requested = Signal(str, object, str)  # form key, RowsPlan, label of the undo step
    move_row_requested = Signal(str, str, int)  # form key, row uuid, new position
    nothing_requested = Signal(str, bool)  # form key, marked 本期无此项 or not

    def __init__(self, form: FormDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.setObjectName(f"page_{form.key}")
        self.stale = True
        title = QLabel(form.display_title)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        unit = QLabel(self.tr("计量单位：{0}").format(form.units_shown) if form.unit_label else "")
        unit.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        self.nothing = QCheckBox(self.tr("本期无此项"), self)  # a parent first: never a window
        self.nothing.setObjectName("nothing_box")
        self.nothing.setToolTip(
            self.tr(
                "本报告期这张表确实没有需要填报的内容时勾选：报表和 PDF 上会写明，"
                "审核时就知道不是漏填。表里填了内容就不能勾选。"
            )
        )
        self.nothing.setVisible(form.key != COVER)
        self.nothing.clicked.connect(lambda on: self.nothing_requested.emit(form.key, bool(on)))
        heading.addWidget(self.nothing)
        layout.addLayout(heading)
        layout.addWidget(unit)
        self.record: RecordForm | None = None
        self.roster: RosterTable | None = None
        self.summary_splitter: QSplitter | None = None
        self.summary_dragged = False
        if form.is_roster:
            from unionclerk.gui.roster.table import RosterTable  # needs the validators

            self.roster = RosterTable(form)
            self.roster.model.edit_requested.connect(
                lambda row, key, old, new: self.edit_requested.emit(form.key, key, row, old, new)
            )
            self.roster.add_requested.connect(lambda at: self.add_row_requested.emit(form.key, at))
            self.roster.rows_requested.connect(
                lambda plan, label: self.rows_requested.emit(form.key, plan, label)
            )
            self.roster.move_requested.connect(
                lambda row, at: self.move_row_requested.emit(form.key, row, at)
            )
            splitter = QSplitter(Qt.Orientation.Vertical)
            if form.summary:
                self.record = RecordForm(form)
                box = QGroupBox(self.tr("汇总情况"))
                inner = QVBoxLayout(box)
                inner.setContentsMargins(4, 4, 4, 4)
                inner.addWidget(self.record)
                splitter.addWidget(box)
            splitter.addWidget(self.roster)
            if form.summary:
                splitter.setSizes([190, 560])
                splitter.setStretchFactor(1, 1)
                splitter.splitterMoved.connect(self._summary_moved)
                self.summary_splitter = splitter
            layout.addWidget(splitter, 1)
        else:
            self.record = RecordForm(form)
            layout.addWidget(self.record, 1)
        if self.record is not None:
            self.record.edit_requested.connect(
                lambda key, old, new: self.edit_requested.emit(form.key, key, None, old, new)
            )
            self.record.explain_requested.connect(self.explain_requested)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """The summary part takes a quarter of the height (80 to 190 pixels) until the clerk
        drags the divider: on a 1366×768 laptop the roster keeps room for its rows."""
        super().resizeEvent(event)
        splitter = self.summary_splitter
        if splitter is not None and not self.summary_dragged:
            total = sum(splitter.sizes())
            if total > 0:
                summary = max(80, min(190, total // 4))
                splitter.setSizes([summary, total - summary])

    def _summary_moved(self) -> None:
        self.summary_dragged = True

    def refresh(self, session: EditSession, previous: ReportData | None) -> None:
        """Show the session's values and problems (everything on this page)."""
        if self.record is not None:
            before = previous.single.get(self.form.key, {}) if previous is not None else None
            self.record.show_data(session, before)
        if self.roster is not None:
            self.roster.show_session(session)
        marked = self.form.key in session.data.nothing
        self.nothing.setChecked(marked)
        # Only a form with nothing in it can be marked (typing into it takes the mark away).
        self.nothing.setEnabled(session.editable and (marked or not session.started(self.form.key)))
        self.stale = False

    def focus_problem(self, problem: Problem) -> None:
        """Put the cursor where the problem is."""
        if problem.row and self.roster is not None:
            self.roster.focus_cell(problem.row, problem.field)
        elif self.record is not None and problem.field in self.record.rows:
            self.record.focus_field(problem.field, explain=not problem.is_error)
        elif self.roster is not None:  # a roster-wide problem: its column
            self.roster.focus_column(problem.field)
