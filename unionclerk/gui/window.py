"""A first main window: the reports of the folder, each form's values and its problems.

The full clerk's window (wizard, editing, dashboard) grows from here in its own issue.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionclerk import APP_TITLE
from unionclerk.domain.problems import Problem
from unionclerk.domain.records import STATUS_LABELS, ReportInfo
from unionclerk.domain.report import ReportData
from unionclerk.formspec import FormDef
from unionclerk.services import demo, reports
from unionclerk.services.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex


class RecordModel(QAbstractTableModel):
    """Rows: the fields of one form (or one roster's rows); columns: label, value, problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []
        self._headers = [self.tr("项目"), self.tr("填报值"), self.tr("问题")]

    def set_form(self, form: FormDef | None, data: ReportData | None,
                 problems: list[Problem]) -> None:
        self.beginResetModel()
        self._rows = []
        if form is not None and data is not None:
            mine = [p for p in problems if p.form == form.key]
            values = data.single.get(form.key, {})
            computed = form.computed(values)
            for f in form.record_fields:
                if f.companion_of:
                    continue
                value = computed.get(f.key) if f.type.computed else values.get(f.key)
                text = f.display(value) if value is not None else ""
                notes = "；".join(p.message for p in mine if p.field == f.key and p.row is None)
                self._rows.append(("　" * f.depth + f.title, text, notes))
            for i, row in enumerate(data.rows.get(form.key, [])):
                first = form.fields[0]
                notes = "；".join(p.message for p in mine if p.row == row.uuid)
                self._rows.append((self.tr("第 {0} 行").replace("{0}", str(i + 1)),
                                   first.display(row.values.get(first.key)), notes))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.report: ReportInfo | None = None
        self.data: ReportData | None = None
        self.problems: list[Problem] = []
        self.setWindowTitle(APP_TITLE)
        self.resize(1100, 700)
        self.forms_list = QListWidget()
        self.model = RecordModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 320)
        self.table.setColumnWidth(1, 220)
        splitter = QSplitter()
        splitter.addWidget(self.forms_list)
        splitter.addWidget(self.table)
        splitter.setSizes([260, 840])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(splitter)
        self.setCentralWidget(central)
        self.forms_list.currentRowChanged.connect(self._show_form)
        self.reload()

    def reload(self) -> None:
        all_reports = reports.list_reports(self.ws)
        self.report = all_reports[0] if all_reports else None
        self.forms_list.clear()
        if self.report is None:
            self.statusBar().showMessage(self.tr("还没有报表"))
            self.model.set_form(None, None, [])
            return
        self.data = reports.load(self.ws, self.report)
        self.problems = reports.check(self.ws, self.report, self.data)
        for form in self.ws.forms:
            n_err = sum(p.is_error for p in self.problems if p.form == form.key)
            n_warn = sum(not p.is_error for p in self.problems if p.form == form.key)
            state = (self.tr("有错误 {0}").replace("{0}", str(n_err)) if n_err else
                     self.tr("有警告 {0}").replace("{0}", str(n_warn)) if n_warn else
                     self.tr("已完成"))
            QListWidgetItem(f"{form.display_title}　{state}", self.forms_list)
        self.statusBar().showMessage(f"{self.report.unit.union_name} {self.report.period.label} "
                                     f"{STATUS_LABELS[self.report.status]}")
        self.forms_list.setCurrentRow(0)

    def _show_form(self, row: int) -> None:
        forms = list(self.ws.forms)
        form = forms[row] if 0 <= row < len(forms) else None
        self.model.set_form(form, self.data, self.problems)

    def offer_demo_if_empty(self) -> None:
        if self.report is not None:
            return
        answer = QMessageBox.question(
            self, APP_TITLE, self.tr("数据文件夹是空的。要先载入演示报表（佛堂镇总工会 2018年度）看看吗？"))
        if answer == QMessageBox.StandardButton.Yes:
            demo.build_demo(self.ws)
            self.reload()
