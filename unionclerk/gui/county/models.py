"""Table models of the county screen, over plain rows: the files read (what each is and what
happened to it) and the units (报送情况: 已报 / 未报 / 有问题, which file counts, problems).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from unionclerk.domain.filekinds import FileKind
from unionclerk.exporters.summary import model as sm
from unionclerk.services.county.decide import Plan
from unionclerk.services.county.lines import (
    ATTACHED,
    EXPANDED,
    PARTLY,
    UNUSED,
    USED,
    FileLine,
    file_short,
)
from unionclerk.services.county.results import FileResult

Index = QModelIndex | QPersistentModelIndex
_RED, _AMBER, _GREEN = QColor("#C00000"), QColor("#B36B00"), QColor("#2E7D32")


class _Rows(QAbstractTableModel):
    headers: list[str] = []

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[list[str]] = []
        self.colors: list[QColor | None] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.state_column:
            color = self.colors[index.row()]
            return QBrush(color) if color is not None else None
        return None

    state_column = 2

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def replace(self, rows: list[list[str]], colors: list[QColor | None]) -> None:
        self.beginResetModel()
        self.rows, self.colors = rows, colors
        self.endResetModel()


class FilesModel(_Rows):
    """One row per file: 文件 / 单位 / 情况 / 校验码 / 说明 (the short hash a unit's file,
    `inspect` and its paper copy's QR code agree on)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("文件"),
            self.tr("单位"),
            self.tr("情况"),
            self.tr("校验码"),
            self.tr("说明"),
        ]

    def add_read(self, result: FileResult) -> None:
        """A file just read (before the decisions): what it is."""
        units = "、".join(f"{c.division_code} {c.union_name}" for c in result.candidates[:3])
        if len(result.candidates) > 3:
            units += self.tr(" 等 {0} 个").replace("{0}", str(len(result.candidates)))
        state = (
            self.tr("已读取")
            if result.candidates or result.kind == FileKind.ARCHIVE
            else self.tr("附件")
            if result.printout is not None
            else self.tr("不能使用")
        )
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append([result.file, units, state, file_short(result), result.detail])
        self.colors.append(None if result.candidates or result.printout else _RED)
        self.endInsertRows()

    def show_lines(self, lines: list[FileLine]) -> None:
        """After the decisions: what happened to every file."""
        names = {
            USED: self.tr("已使用"),
            UNUSED: self.tr("未使用"),
            PARTLY: self.tr("部分使用"),
            EXPANDED: self.tr("已展开"),
            ATTACHED: self.tr("附件"),
        }
        colors = {USED: _GREEN, UNUSED: _RED, PARTLY: _AMBER, EXPANDED: None, ATTACHED: None}
        self.replace(
            [[ln.file, ln.what, names[ln.state], ln.short, ln.why] for ln in lines],
            [colors[ln.state] for ln in lines],
        )


class UnitsModel(_Rows):
    """报送情况: one row per expected unit (then units that sent files but are not expected)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("行政区划代码"),
            self.tr("单位名称"),
            self.tr("报送情况"),
            self.tr("报表状态"),
            self.tr("计入的文件"),
            self.tr("导出时间"),
            self.tr("问题与备注"),
        ]
        self.codes: list[str] = []

    def show_plan(self, plan: Plan) -> None:
        status = {u.division_code: u.status for u in plan.units}
        colors = {sm.REPORTED: _GREEN, sm.MISSING: _RED, sm.TROUBLE: _AMBER}
        rows, cols = [], []
        for e in plan.reporting:
            rows.append(
                [
                    e.division_code,
                    e.name,
                    e.state,
                    status.get(e.division_code, ""),
                    "；".join(e.files),
                    e.exported_at[:16].replace("T", " "),
                    "；".join(e.notes),
                ]
            )
            cols.append(colors.get(sm.group(e.state)))  # the review states are 已报 too
        self.codes = [e.division_code for e in plan.reporting]
        self.replace(rows, cols)
