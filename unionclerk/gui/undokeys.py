"""Ctrl+Z / Ctrl+Y from inside a form field undo and redo the window's saved changes.

A line edit takes those keys for itself (Qt's shortcut override), so the window's 撤销 and
重做 never fired while the cursor was in a field — nearly always, on a form page. The filter
below lets the field keep the keys only while it has text of its own to undo or redo (typed
and not yet saved); otherwise the keys go to the window's actions, as in WPS and Excel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

_REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))


def _is_undo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def _is_redo(event: QKeyEvent) -> bool:
    combo = QKeySequence(event.keyCombination())
    return event.matches(QKeySequence.StandardKey.Redo) or any(
        combo.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in _REDO_KEYS
    )


def _own_history(widget: QObject, redo: bool) -> bool:
    """The field has typed text of its own to undo (or redo)."""
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QPlainTextEdit):
        doc = widget.document()
        return doc.isRedoAvailable() if redo else doc.isUndoAvailable()
    return False


class UndoKeys(QObject):
    """Event filter for text fields: hands Ctrl+Z / Ctrl+Y to the window when the field has
    nothing of its own to undo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier == 0:
            return False
        undo, redo = _is_undo(event), _is_redo(event)
        if not (undo or redo) or _own_history(watched, redo):
            return False  # typed, unsaved text: the field undoes it first
        if event.type() == QEvent.Type.ShortcutOverride:
            event.ignore()  # not overridden: the window's 撤销 / 重做 shortcut fires
        return True


_FILTER: UndoKeys | None = None


def forward_undo_keys(widget: QLineEdit | QPlainTextEdit) -> None:
    """Let Ctrl+Z / Ctrl+Y in `widget` reach the window once its own text is saved."""
    global _FILTER
    if _FILTER is None:
        _FILTER = UndoKeys()
    widget.installEventFilter(_FILTER)


def forget_own_history(widget: QLineEdit | QPlainTextEdit) -> None:
    """After the field's text is saved: its own undo history is the window's now."""
    if isinstance(widget, QLineEdit):
        position = widget.cursorPosition()
        widget.setText(widget.text())  # clears the line edit's undo history
        widget.setCursorPosition(position)
    else:
        widget.document().clearUndoRedoStacks()
