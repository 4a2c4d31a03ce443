"""The problems panel (every error and warning, grouped by form) and the period dashboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from unionclerk.gui.models import FormsModel, ProblemsModel

if TYPE_CHECKING:  # types only: the forms engine loads when the window needs it
    from unionclerk.domain.problems import Problem
    from unionclerk.formspec import FormDef


class ProblemsPanel(QDockWidget):
    """A dock listing the report's problems; double-click goes to the field or cell."""

    problem_activated = Signal(object)  # Problem
    form_activated = Signal(str)  # form key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("问题列表"), parent)
        self.setObjectName("problems_panel")
        self.model = ProblemsModel(self)
        self.view = QTreeView()
        self.view.setObjectName("problems_view")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)  # long messages wrap instead of ending in …
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        header = self.view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the message
        metrics = self.view.fontMetrics()
        level = max(metrics.horizontalAdvance(t) for t in self.model.levels())
        for column, width in ((0, 240), (1, max(64, level + 40)), (3, 300)):  # icon + text
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)  # Enter on the keyboard
        self.summary = QLabel()
        hint = QLabel(self.tr("双击一行（或按回车）转到该处；双击警告的“说明”栏可直接填写说明"))
        hint.setStyleSheet("color: #5f6368;")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(hint)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.setWidget(body)

    def set_problems(
        self,
        groups: list[tuple[FormDef, list[Problem]]],
        where: dict[Problem, str],
        explanations: dict[Problem, str],
    ) -> None:
        """Show a new list, keeping the clerk's place in it: the same problem stays current,
        or, once it is fixed, the one that took its place; the list does not scroll away."""
        current = self.view.currentIndex()
        was = self.model.problem(current) if current.isValid() else None
        place = (
            (self.model.form_at(current), current.row(), current.column())
            if current.isValid() and was is not None
            else None
        )
        scrolled = self.view.verticalScrollBar().value()
        self.model.set_problems(groups, where, explanations)
        for row in range(len(groups)):  # a form's heading reads across the whole width
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.view.expandAll()
        if place is not None:
            again = self.model.index_of(was, place[0], place[1], place[2])
            if again.isValid():
                self.view.setCurrentIndex(again)
        self.view.verticalScrollBar().setValue(scrolled)
        errors = sum(p.is_error for _, found in groups for p in found)
        warnings = sum(not p.is_error for _, found in groups for p in found)
        self.summary.setText(
            self.tr("共 {0} 个错误，{1} 个警告").format(errors, warnings)
            if errors or warnings
            else self.tr("没有发现问题")
        )

    def _activated(self, index) -> None:  # noqa: ANN001 - a QModelIndex
        problem = self.model.problem(index)
        if (
            problem is not None
            and index.column() == ProblemsModel.NOTE
            and (self.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
        ):
            self.view.edit(index)  # write the explanation right here
        elif problem is not None:
            self.problem_activated.emit(problem)
        else:
            form = self.model.form_at(index)
            if form is not None:
                self.form_activated.emit(form.key)


class Dashboard(QWidget):
    """Where the period stands: each form's state, the problems by form, the next step."""

    next_step = Signal()
    form_chosen = Signal(str)

    def __init__(self, forms_model: FormsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.step = QPushButton()
        self.step.setObjectName("next_step")
        step_font = QFont(self.step.font())
        step_font.setPointSizeF(step_font.pointSizeF() * 1.2)
        self.step.setFont(step_font)
        self.step.setMinimumHeight(40)
        keep_place = self.step.sizePolicy()  # hidden while there is no step: nothing jumps
        keep_place.setRetainSizeWhenHidden(True)
        self.step.setSizePolicy(keep_place)
        self.step.clicked.connect(self.next_step)
        self.table = QTableView()
        self.table.setObjectName("dashboard_table")
        self.table.setModel(forms_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, FormsModel.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._chosen)
        self.table.activated.connect(self._chosen)
        forms_model.modelReset.connect(self._hide_overview_row)
        self._hide_overview_row()
        hint = QLabel(self.tr("双击一张表打开它。每次修改都会立即保存，无需手动保存。"))
        hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.step, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    def _hide_overview_row(self) -> None:
        model = self.table.model()
        for row in range(model.rowCount()):
            self.table.setRowHidden(row, not model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))

    def _chosen(self, index) -> None:  # noqa: ANN001 - a QModelIndex
        model = self.table.model()
        assert isinstance(model, FormsModel)
        key = model.rows[index.row()].key
        if key:
            self.form_chosen.emit(key)

    def show_state(self, title: str, status: str, step: str) -> None:
        self.title.setText(title)
        self.status.setText(status)
        self.step.setText(step)
        self.step.setVisible(bool(step))  # no empty button while the data folder opens
