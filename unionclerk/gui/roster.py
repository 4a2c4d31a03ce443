"""A roster form in a plain editable table (the Excel-like editor is its own issue).

`RosterModel` is a table model over the session's plain rows: one row per roster row, one
column per field. Edits are parsed by the field type and handed to the window as requests
(which become undo commands through the edit session); problems colour their cells and show
on hover. ID numbers show masked unless being edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.i18n import pick
from unionclerk.domain.problems import Problem
from unionclerk.domain.report import RosterRow
from unionclerk.formspec.validators import is_masked_id, mask_id

if TYPE_CHECKING:  # types only: the forms engine loads when the window needs it
    from unionclerk.formspec import FormDef

Index = QModelIndex | QPersistentModelIndex
ERROR_BG, WARNING_BG = QColor("#f9d6d3"), QColor("#fdf0c8")


class RosterModel(QAbstractTableModel):
    """Columns are the roster's fields; rows are `RosterRow`s (shared with the session)."""

    edit_requested = Signal(str, str, object, object)  # row uuid, field key, old, new
    refused = Signal(int, str, str)  # row, field key, reason

    def __init__(self, form: FormDef, parent: Any = None) -> None:
        super().__init__(parent)
        self.form = form
        self.columns = list(form.fields)
        self._rows: list[RosterRow] = []
        self._problems: dict[tuple[str, str], list[Problem]] = {}
        self.editable = True

    # -- feeding -------------------------------------------------------------------------
    def sync(self, rows: list[RosterRow], problems: list[Problem], editable: bool) -> None:
        """Follow the session's rows: one row added or removed is signalled as such."""
        self.editable = editable
        mine = [r.uuid for r in self._rows]
        theirs = [r.uuid for r in rows]
        if len(theirs) == len(mine) + 1 and all(u in theirs for u in mine):
            at = next((i for i, u in enumerate(mine) if theirs[i] != u), len(mine))
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows = list(rows)
            self.endInsertRows()
        elif len(theirs) == len(mine) - 1 and all(u in mine for u in theirs):
            at = next((i for i, u in enumerate(theirs) if mine[i] != u), len(theirs))
            self.beginRemoveRows(QModelIndex(), at, at)
            self._rows = list(rows)
            self.endRemoveRows()
        elif mine != theirs:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        self.set_problems(problems)

    def set_problems(self, problems: list[Problem]) -> None:
        found: dict[tuple[str, str], list[Problem]] = {}
        for p in problems:
            if p.form == self.form.key and p.row:
                found.setdefault((p.row, p.field), []).append(p)
        self._problems = found
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.columns) - 1))

    def row_uuid(self, row: int) -> str:
        return self._rows[row].uuid

    def row_of(self, uuid: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.uuid == uuid), None)

    def column_of(self, key: str) -> int:
        return next((i for i, f in enumerate(self.columns) if f.key == key), 0)

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, field = self._rows[index.row()], self.columns[index.column()]
        value = row.values.get(field.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if field.sensitive and not is_masked_id(str(value)):
                return mask_id(str(value))
            return field.display(value)
        if role == Qt.ItemDataRole.EditRole:
            return field.type.to_text(value)
        problems = self._problems.get((row.uuid, field.key))
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return QBrush(ERROR_BG if any(p.is_error for p in problems) else WARNING_BG)
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(p.message for p in problems)
        if role == Qt.ItemDataRole.TextAlignmentRole and field.type.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                field = self.columns[section]
                return field.title + (" *" if field.required else "")
            return str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            field = self.columns[section]
            return pick(field.help or "", field.help_en) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.editable else base

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        row, field = self._rows[index.row()], self.columns[index.column()]
        try:
            new = field.parse_text("" if value is None else str(value))
        except ValueRefused as exc:
            self.refused.emit(index.row(), field.key, exc.message)
            return False
        old = row.values.get(field.key)
        if new != old:
            self.edit_requested.emit(row.uuid, field.key, old, new)
        return True

    def cell_changed(self, uuid: str, key: str | None) -> None:
        row = self.row_of(uuid)
        if row is None:
            return
        first = self.column_of(key) if key else 0
        last = first if key else len(self.columns) - 1
        self.dataChanged.emit(self.index(row, first), self.index(row, last))


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for choice and yes/no columns; other columns edit as text."""

    def __init__(self, model: RosterModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        field = self.model.columns[index.column()]
        if field.type.name == "choice":
            combo = QComboBox(parent)
            combo.addItems(["", *field.choices])
            return combo
        if field.type.name == "bool":
            combo = QComboBox(parent)
            combo.addItems(["", "是", "否"])
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class RosterTable(QWidget):
    """The table with its add / delete buttons and a line for refused input."""

    add_requested = Signal(int)  # position
    delete_requested = Signal(str)  # row uuid

    def __init__(self, form: FormDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RosterModel(form, self)
        self.view = QTableView()
        self.view.setObjectName(f"roster_{form.key}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ChoiceDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(26)
        for i, field in enumerate(self.model.columns):  # sized by type, never over all rows
            chars = max(len(field.title) + 2, 6 if field.type.numeric else 10)
            if field.type.name in ("idnumber", "text", "choice"):
                chars = max(chars, 12)
            self.view.setColumnWidth(i, min(chars * 14, 260))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        add = QPushButton(self.tr("添加一行"))
        add.setObjectName("add_row")
        add.clicked.connect(self._add)
        remove = QPushButton(self.tr("删除所选行"))
        remove.setObjectName("delete_row")
        remove.clicked.connect(self._delete)
        self.buttons = (add, remove)
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addWidget(remove)
        bar.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.model.refused.connect(self._refused)

    def _refused(self, row: int, key: str, reason: str) -> None:
        title = self.model.form.field(key).title
        self.message.setText(self.tr("第 {0} 行“{1}”未保存：{2}").format(row + 1, title, reason))

    def _add(self) -> None:
        current = self.view.currentIndex()
        self.add_requested.emit(current.row() + 1 if current.isValid() else
                                self.model.rowCount())

    def _delete(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.delete_requested.emit(self.model.row_uuid(current.row()))

    def set_editable(self, editable: bool) -> None:
        for button in self.buttons:
            button.setEnabled(editable)

    def focus_cell(self, uuid: str, key: str) -> None:
        row = self.model.row_of(uuid)
        if row is None:
            return
        index = self.model.index(row, self.model.column_of(key))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_column(self, key: str) -> None:
        column = self.model.column_of(key)
        index = self.model.index(0, column)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
