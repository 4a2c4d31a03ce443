"""The models of the roster import dialog: the column matching and the preview.

`MappingModel` lists the columns of the clerk's sheet — letter, header text, a sample value
and the field it goes to, which the clerk may change (a drop-down, `MappingDelegate`).
`PreviewModel` shows the first rows as they would be imported, each cell read by its field's
type, coloured and explained where a check finds a problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from unionclerk.domain.problems import Problem
from unionclerk.gui.roster.model import ERROR_BG, WARNING_BG, cell_display

if TYPE_CHECKING:
    from unionclerk.formspec import FieldDef, FormDef

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


def column_letter(i: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as Excel names columns)."""
    out = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        out = chr(65 + rest) + out
    return out


class MappingModel(QAbstractTableModel):
    """One row per column of the sheet: 列, 表头, 示例, 导入为 (editable)."""

    LETTER, HEADER, SAMPLE, TARGET = range(4)
    changed = Signal()

    def __init__(self, form: FormDef, parent: Any = None) -> None:
        super().__init__(parent)
        self.form = form
        self.headers: list[str] = []
        self.samples: list[str] = []
        self.keys: list[str | None] = []

    def set_columns(self, headers: list[str], samples: list[str], keys: list[str | None]) -> None:
        self.beginResetModel()
        self.headers, self.samples, self.keys = headers, samples, keys
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def title(self, key: str | None) -> str:
        return self.form.field(key).title if key else self.tr("（不导入）")

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role in (Role.DisplayRole, Role.EditRole):
            return (
                column_letter(r),
                self.headers[r],
                self.samples[r],
                self.title(self.keys[r]) if role == Role.DisplayRole else self.keys[r],
            )[c]
        if role == Role.ForegroundRole and c == self.TARGET and self.keys[r] is None:
            return QBrush(Qt.GlobalColor.gray)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Role.DisplayRole,
    ) -> Any:
        if role != Role.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("列"), self.tr("表头"), self.tr("示例"), self.tr("导入为"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.TARGET else flags

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != self.TARGET or role != Role.EditRole:
            return False
        key = value or None
        if key is not None and not self.form.has_field(key):
            return False
        r = index.row()
        if key is not None:  # a field goes to one column only: take it from the other
            for other, k in enumerate(self.keys):
                if k == key and other != r:
                    self.keys[other] = None
                    self.dataChanged.emit(self.index(other, 0), self.index(other, 3))
        self.keys[r] = key
        self.dataChanged.emit(self.index(r, 0), self.index(r, 3))
        self.changed.emit()
        return True


class MappingDelegate(QStyledItemDelegate):
    """The 导入为 drop-down: every field of the form, or not imported."""

    def __init__(self, form: FormDef, parent: Any = None) -> None:
        super().__init__(parent)
        self.form = form

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: Index,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("mapping_combo")
        combo.addItem(self.tr("（不导入）"), "")
        for f in self.form.fields:
            combo.addItem(f.title, f.key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Role.EditRole) or "")))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Role.EditRole)


class PreviewModel(QAbstractTableModel):
    """The first rows to import: one column per field that a sheet column goes to."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.fields: list[FieldDef] = []
        self.rows: list[dict[str, Any]] = []
        self.numbers: list[int] = []
        self.problems: list[dict[str, list[Problem]]] = []

    def set_rows(
        self,
        fields: list[FieldDef],
        rows: list[dict[str, Any]],
        numbers: list[int],
        problems: list[list[Problem]],
    ) -> None:
        self.beginResetModel()
        self.fields, self.rows, self.numbers = fields, rows, numbers
        self.problems = []
        for found in problems:
            by_field: dict[str, list[Problem]] = {}
            for p in found:
                by_field.setdefault(p.field, []).append(p)
            self.problems.append(by_field)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.fields)

    def cell_problems(self, row: int, field: FieldDef) -> list[Problem]:
        found = self.problems[row] if row < len(self.problems) else {}
        out = list(found.get(field.key, []))
        if field.has_other:
            out += found.get(field.other_key, [])
        return out

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, field = index.row(), self.fields[index.column()]
        if role == Role.DisplayRole:
            return cell_display(field, self.rows[r])
        problems = self.cell_problems(r, field)
        if role == Role.BackgroundRole and problems:
            return QBrush(ERROR_BG if any(p.is_error for p in problems) else WARNING_BG)
        if role == Role.ToolTipRole and problems:
            return "\n".join(p.message for p in problems)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Role.DisplayRole,
    ) -> Any:
        if role != Role.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.fields[section].title
        return self.tr("第 {0} 行").format(self.numbers[section])
