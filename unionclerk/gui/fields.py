"""One editor per field, chosen by the field's type (never per form).

An editor shows a typed value, checks what is typed as it is typed (the field type's own
parsing and format check: the reason appears at once), and on Enter / leaving the field
emits `committed(value)` with the parsed value when it differs from what is saved. Saving is
the window's business (through an undo command and the edit session).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.problems import Severity
from unionclerk.gui.undokeys import forget_own_history, forward_undo_keys

if TYPE_CHECKING:  # types only: the forms engine loads when the window needs it
    from unionclerk.formspec import FieldDef

LINE_TYPES = {
    "text",
    "int",
    "money",
    "area",
    "date",
    "yearmonth",
    "phone",
    "idnumber",
    "creditcode",
    "divisioncode",
}


def live_problem(field: FieldDef, text: str) -> tuple[Severity, str] | None:
    """What is wrong with typed text by the field's type alone (None: nothing)."""
    try:
        value = field.parse_text(text)
    except ValueRefused as exc:
        return Severity.ERROR, exc.message
    if value is None:
        return None
    problem = field.type.format_problem(value)
    return (field.check_severity, problem) if problem else None


class _PlainText(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focus_lost.emit()


class FieldEditor(QObject):
    """Wraps the widget that edits one field."""

    committed = Signal(object)  # the parsed value to save (None clears)
    checked = Signal(object)  # live result while typing: (Severity, message) or None

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._value: Any = None
        kind = field.type.name
        self.widget: QWidget
        if kind == "rate":
            self.widget = QLabel(parent)
            self.widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif kind in ("choice", "bool"):
            combo = QComboBox(parent)
            combo.addItem("", None)
            for choice in field.choices if kind == "choice" else []:
                combo.addItem(choice, choice)
            if kind == "bool":
                combo.addItem(self.tr("是"), True)
                combo.addItem(self.tr("否"), False)
            combo.activated.connect(self._combo_activated)
            self.widget = combo
        elif kind == "longtext":
            text = _PlainText(parent)
            text.setTabChangesFocus(True)
            text.setFixedHeight(64)
            text.focus_lost.connect(self.commit)
            text.textChanged.connect(lambda: self._check(text.toPlainText()))
            forward_undo_keys(text)
            self.widget = text
        else:
            line = QLineEdit(parent)
            if field.type.numeric:
                line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            line.textEdited.connect(self._check)
            line.editingFinished.connect(self.commit)
            forward_undo_keys(line)
            self.widget = line
        self.widget.setObjectName(f"field_{field.key}")

    # -- showing -------------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        """Show a saved value (does not emit; leaves a half-typed edit alone if unchanged)."""
        self._value = value
        w = self.widget
        if isinstance(w, QLabel):
            w.setText("" if value is None else self.field.display(value))
        elif isinstance(w, QComboBox):
            i = w.findData(value) if value is not None else 0
            if i < 0:  # a value not in the list (an older form version): show it as it is
                w.addItem(str(value), value)
                i = w.count() - 1
            w.setCurrentIndex(i)
        elif isinstance(w, QPlainTextEdit):
            if self._parsed(w.toPlainText()) != value:
                w.setPlainText(self.field.type.to_text(value))
        elif isinstance(w, QLineEdit) and (self._parsed(w.text()) != value or not w.hasFocus()):
            # numbers with thousands separators, as the workbook and the PDF show them (the
            # separators are read back when typed)
            numeric = self.field.type.numeric and value is not None
            w.setText(self.field.display(value) if numeric else self.field.type.to_text(value))
            w.setCursorPosition(0)
        self.checked.emit(None)

    def set_read_only(self, read_only: bool) -> None:
        w = self.widget
        if isinstance(w, QLineEdit | QPlainTextEdit):
            w.setReadOnly(read_only)
        elif isinstance(w, QComboBox):
            w.setEnabled(not read_only)

    def text(self) -> str:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            return w.currentText()
        return w.text() if isinstance(w, QLineEdit | QLabel) else ""

    @property
    def value(self) -> Any:
        return self._value

    # -- typing --------------------------------------------------------------------------
    def _parsed(self, text: str) -> Any:
        try:
            return self.field.parse_text(text)
        except ValueRefused:
            return object()  # never equal to a saved value

    def _check(self, text: str) -> None:
        self.checked.emit(live_problem(self.field, text))

    def _combo_activated(self, index: int) -> None:
        assert isinstance(self.widget, QComboBox)
        value = self.widget.itemData(index)
        if value != self._value:
            self.committed.emit(value)

    def commit(self) -> None:
        """Save what is typed if it parses and differs from the saved value."""
        w = self.widget
        if isinstance(w, QLabel | QComboBox) or (isinstance(w, QLineEdit) and w.isReadOnly()):
            return
        text = self.text()
        problem = live_problem(self.field, text)
        if problem is not None and problem[1] and self._refused(text):
            self.checked.emit(problem)
            return
        value = self.field.parse_text(text)
        if value != self._value:
            self.committed.emit(value)
        if isinstance(w, QLineEdit | QPlainTextEdit):
            forget_own_history(w)  # Ctrl+Z now undoes the saved change (the window's)

    def refuses(self, text: str) -> bool:
        """The field's type cannot read `text` (it would not be saved)."""
        return self._refused(text)

    def _refused(self, text: str) -> bool:
        try:
            self.field.parse_text(text)
        except ValueRefused:
            return True
        return False
