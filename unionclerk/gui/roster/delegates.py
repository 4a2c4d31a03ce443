"""Cell editors of the roster table, one per field type (never per form).

- choice: an editable drop-down of the choices, filtered as you type; for a list with 其他,
  text that is not in the list means 其他 with that text ("其他：穿青人");
- date / year-month: a line that reads 2018/9/1, 2018年9月, 2018-09, with a calendar (or a
  month picker) behind the button at its end;
- yes/no: a check box in the cell (click or Space), or 是 / 否 from a drop-down;
- everything else (text, numbers, phone, ID number in full): a line.

Every editor shows at once, by a red frame and its tooltip, when its text cannot be read; the
text is still saved as entered (and marked) when the clerk leaves the cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QGridLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from unionclerk.domain.errors import ValueRefused

if TYPE_CHECKING:
    from unionclerk.formspec import FieldDef
    from unionclerk.gui.roster.model import RosterModel

Index = QModelIndex | QPersistentModelIndex
BAD = "border: 2px solid #b3261e;"


def _calendar_icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#5f6368"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 4, QColor("#5f6368"))
    for x in (4, 8, 12):
        painter.drawPoint(x, 9)
        painter.drawPoint(x, 12)
    painter.end()
    return QIcon(pixmap)


def problem_of(field: FieldDef, text: str) -> str | None:
    """Why typed text cannot be read (None: it can)."""
    from unionclerk.services.roster_cells import CellRefused, read_text

    try:
        cell = read_text(field, text)
    except CellRefused as exc:
        return exc.kind
    if cell.raw is None:
        return None
    try:
        field.parse_text(text)
    except ValueRefused as exc:
        return exc.message
    return None


class CellLine(QLineEdit):
    """A line editor that marks unreadable text as it is typed."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"cell_{field.key}")
        if field.type.numeric:
            self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.textChanged.connect(self._check)

    def _check(self, text: str) -> None:
        reason = problem_of(self.field, text)
        self.setStyleSheet(BAD if reason else "")
        self.setToolTip(reason or "")


class DateLine(CellLine):
    """A date or year-month line with a calendar / month picker behind its button."""

    picked = Signal()  # a date was chosen in the picker: save it, as Enter would

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.menu = QMenu(self)
        holder = QWidgetAction(self.menu)
        self.picker: QWidget = QCalendarWidget() if field.type.name == "date" else MonthPicker()
        holder.setDefaultWidget(self.picker)
        self.menu.addAction(holder)
        if isinstance(self.picker, QCalendarWidget):
            self.picker.clicked.connect(lambda d: self._picked(d.toString("yyyy-MM-dd")))
        else:
            self.picker.picked.connect(self._picked)
        action = QAction(_calendar_icon(), self.tr("选择日期"), self)
        action.setObjectName("pick_date")
        action.triggered.connect(self._open_picker)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)

    def _open_picker(self) -> None:
        from unionclerk.domain.report import YearMonth

        try:
            value = self.field.parse_text(self.text())
        except ValueRefused:  # unreadable text: start from today
            value = None
        if isinstance(self.picker, QCalendarWidget) and value is not None:
            self.picker.setSelectedDate(QDate(value.year, value.month, value.day))
        elif isinstance(self.picker, MonthPicker) and isinstance(value, YearMonth):
            self.picker.year.setValue(value.year)
        self.menu.popup(self.mapToGlobal(self.rect().bottomRight()))

    def _picked(self, text: str) -> None:
        self.menu.close()
        self.setText(text)
        self.picked.emit()


class MonthPicker(QWidget):
    """A year and twelve month buttons."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setRange(1900, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.setSuffix(self.tr(" 年"))
        grid = QGridLayout()
        for m in range(1, 13):
            button = QPushButton(self.tr("{0}月").format(m))
            button.setObjectName(f"month_{m}")
            button.clicked.connect(
                lambda _=False, m=m: self.picked.emit(f"{self.year.value():04d}-{m:02d}")
            )
            grid.addWidget(button, (m - 1) // 4, (m - 1) % 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.year)
        layout.addLayout(grid)


class ChoiceBox(QComboBox):
    """An editable drop-down of a field's choices, filtered by what is typed."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"cell_{field.key}")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(["", *field.choices] if field.type.name == "choice" else ["", "是", "否"])
        completer = QCompleter(field.choices, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        if field.has_other:
            line.setPlaceholderText(self.tr("选择，或输入“其他”的具体内容"))
        line.textChanged.connect(self._check)

    def _check(self, text: str) -> None:
        from unionclerk.services.roster_cells import read_choice

        bad = self.field.type.name == "choice" and read_choice(self.field, text).raw is not None
        self.setStyleSheet(BAD if bad else "")

    def text(self) -> str:
        text = self.currentText().strip()
        if (
            self.field.has_other
            and text
            and text not in self.field.choices
            and not text.startswith("其他")
        ):
            from unionclerk.services.roster_cells import read_choice

            if read_choice(self.field, text).raw is not None:
                return f"其他：{text}"  # free text in a list with 其他: 其他 with that text
        return text

    def set_text(self, text: str) -> None:
        self.setCurrentText(text)
        self.lineEdit().selectAll()


class RosterDelegate(QStyledItemDelegate):
    """Creates the editor of a cell by its column's field type."""

    def __init__(self, model: RosterModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def field_at(self, index: Index) -> FieldDef:
        return self.model.columns[index.column()]

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: Index,
    ) -> QWidget:
        field = self.field_at(index)
        kind = field.type.name
        if kind in ("choice", "bool"):
            box = ChoiceBox(field, parent)
            # Enter on the drop-down's suggestions takes one and moves on, as Enter would
            box.completer().activated.connect(lambda _text: self._picked(box))
            return box
        if kind in ("date", "yearmonth"):
            dated = DateLine(field, parent)
            dated.picked.connect(lambda: self._picked(dated))
            return dated
        line = CellLine(field, parent)
        line.setMaxLength(20_000)  # longer than any cell may be: refused with a message
        return line

    def _picked(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, ChoiceBox):
            editor.set_text(text)
        elif isinstance(editor, QLineEdit):
            if editor.text() != text:
                editor.setText(text)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, ChoiceBox):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
