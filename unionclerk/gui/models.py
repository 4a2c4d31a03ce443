"""Qt models over plain rows: the forms of a report with their state, and its problems.

`FormsModel` feeds both the navigation on the left (overview + one row per form: name,
state, progress) and the dashboard's table. `ProblemsModel` is a two-level tree: forms, and
under each its errors and warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

if TYPE_CHECKING:  # types only: the forms engine loads when the window needs it
    from PySide6.QtGui import QIcon

    from unionclerk.domain.problems import Problem
    from unionclerk.formspec import FormDef

Index = QModelIndex | QPersistentModelIndex
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
COLORS = {
    "error": "#d93025",
    "warning": "#f29900",
    "done": "#188038",
    "empty": "#bdc1c6",
    "busy": "#1a73e8",
    "nothing": "#5f6368",
}
_ICONS: dict[str, QIcon] = {}


def dot(kind: str) -> QIcon:
    """A small coloured disc standing for a state."""
    if kind not in _ICONS:
        # Painting classes are loaded on first use: the window's frame shows without them.
        from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

        pix = QPixmap(12, 12)
        pix.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(COLORS[kind]))
        painter.setPen(QColor(COLORS[kind]))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _ICONS[kind] = QIcon(pix)
    return _ICONS[kind]


@dataclass
class FormRow:
    """What one row of the navigation shows (key "" is the overview)."""

    key: str
    title: str
    state: str = ""
    kind: str = "empty"  # error / warning / done / empty / busy / nothing (本期无此项)
    errors: int = 0
    warnings: int = 0
    progress: int | None = None
    row_count: int | None = None  # rosters: how many rows


class FormsModel(QAbstractTableModel):
    COLUMNS = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[FormRow] = []
        self._headers = [
            self.tr("表"),
            self.tr("状态"),
            self.tr("错误"),
            self.tr("未说明的警告"),
            self.tr("进度 / 行数"),
        ]

    def set_rows(self, rows: list[FormRow]) -> None:
        if [r.key for r in rows] != [r.key for r in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        self.rows = rows
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.COLUMNS - 1))

    def row_of(self, key: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.key == key), 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == DISPLAY:
            if col == 0:
                return row.title
            if not row.key:
                return ""
            return [row.title, row.state, str(row.errors), str(row.warnings), self._progress(row)][
                col
            ]
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and row.key:
            return dot(row.kind)
        if role == TOOLTIP and row.key:
            return f"{row.title}：{row.state}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _progress(self, row: FormRow) -> str:
        if row.row_count is not None:
            return self.tr("{0} 行").format(row.row_count)
        return "" if row.progress is None else f"{row.progress}%"

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = DISPLAY,
    ) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class ProblemsModel(QAbstractItemModel):
    """Forms (top level) and their problems (children); internalId 0 marks a form node,
    n > 0 a problem of form n - 1. A warning's 说明 cell is editable: the explanation."""

    COLUMNS = 4
    NOTE = 3
    explain_requested = Signal(object, str)  # Problem, text

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[FormDef, list[Problem]]] = []
        self.explanations: dict[Problem, str] = {}
        self.where: dict[Problem, str] = {}
        self._headers = [self.tr("位置"), self.tr("级别"), self.tr("问题"), self.tr("说明")]
        self.editable = True

    def set_problems(
        self,
        groups: list[tuple[FormDef, list[Problem]]],
        where: dict[Problem, str],
        explanations: dict[Problem, str],
    ) -> None:
        self.beginResetModel()
        self.groups, self.where, self.explanations = groups, where, explanations
        self.endResetModel()

    def levels(self) -> tuple[str, str, str]:
        """The level column's words: error, warning, the county's comment."""
        return self.tr("错误"), self.tr("警告"), self.tr("上级意见")

    def problem(self, index: Index) -> Problem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def index_of(
        self, problem: Problem, form: FormDef | None, row: int, column: int = 0
    ) -> QModelIndex:
        """Where `problem` is now; if it is gone, the problem now at `row` of the same form
        (or that form's last); an invalid index when the form has no problems left."""
        for g, (_form, found) in enumerate(self.groups):
            if problem in found:
                return self.index(found.index(problem), column, self.index(g, 0))
        for g, (group_form, found) in enumerate(self.groups):
            if form is not None and group_form.key == form.key and found:
                return self.index(min(row, len(found) - 1), column, self.index(g, 0))
        return QModelIndex()

    def form_at(self, index: Index) -> FormDef | None:
        if not index.isValid():
            return None
        group = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.groups[group][0]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMNS

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        p = self.problem(index)
        if p is None:
            form, found = self.groups[index.row()]
            if role == DISPLAY and index.column() == 0:
                errors = sum(x.is_error for x in found)
                return self.tr("{0}（{1} 个错误，{2} 个警告）").format(
                    form.display_title, errors, len(found) - errors
                )
            return None
        if role == DISPLAY:
            county = p.rule.startswith("review:")  # the county's comment (上级意见)
            level = self.levels()[2 if county else 0 if p.is_error else 1]
            note = (
                ""
                if p.is_error
                else (
                    self.explanations.get(p)
                    or (self.tr("（未回复）") if county else self.tr("（未说明）"))
                )
            )
            return [self.where.get(p, ""), level, p.message, note][index.column()]
        if role == Qt.ItemDataRole.EditRole and index.column() == self.NOTE:
            return self.explanations.get(p, "")
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            return dot("error" if p.is_error else "warning")
        if role == TOOLTIP:
            return self.tr("{0}\n规则：{1}\n双击转到该处").format(p.message, p.rule)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        p = self.problem(index)
        if p is not None and not p.is_error and index.column() == self.NOTE and self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self,
        index: Index,
        value: Any,  # noqa: N802
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        p = self.problem(index)
        if (
            p is None
            or p.is_error
            or index.column() != self.NOTE
            or not self.editable
            or role != Qt.ItemDataRole.EditRole
        ):
            return False
        self.explain_requested.emit(p, str(value or ""))
        return True

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = DISPLAY,
    ) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
