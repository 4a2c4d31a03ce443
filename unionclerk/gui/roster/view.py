"""The roster's table view, driven from the keyboard like a spreadsheet.

Arrow keys move; Enter moves down (Shift+Enter up) and, while editing, saves and moves down;
Tab / Shift+Tab save and move right / left without opening the next cell; F2 or simply
typing edits (typing replaces the cell, as in Excel); Escape cancels. Clipboard, fill-down
and row commands are actions on the view (see `ops`), so they show with their keys in
the right-click menu. Rows keep one fixed height: the view never measures 20,000 rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)

from unionclerk.gui.roster.delegates import RosterDelegate
from unionclerk.gui.roster.model import RosterModel
from unionclerk.gui.roster.proxy import RosterProxy

Hint = QAbstractItemDelegate.EndEditHint
SAMPLE = 60  # rows measured for column widths: enough to see typical lengths, cheap to open


class RosterView(QTableView):
    def __init__(
        self, model: RosterModel, proxy: RosterProxy, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.roster, self.proxy = model, proxy
        self.setObjectName(f"roster_{model.form.key}")
        self.setModel(proxy)
        self.setItemDelegate(RosterDelegate(model, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        trig = QAbstractItemView.EditTrigger
        self.setEditTriggers(trig.DoubleClicked | trig.EditKeyPressed | trig.AnyKeyPressed)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(True)
        self.setSortingEnabled(True)
        self.menu_actions: list[Any] = []
        self._made: QPersistentModelIndex | None = None  # the row typing into * just made
        self._tab_from: tuple[int, int] | None = None  # (source row, column) Tab started at
        self._spent: QWidget | None = None  # the editor whose text made that row

    def size_columns(self) -> None:
        """Widths from the headers and a sample of rows (never measured over all rows).

        Of the sample, only each column's two widest-looking texts are measured (a Chinese
        character counted as two digits): measuring every sampled cell cost the first
        opening of 表二 some 8 ms."""
        metrics = self.fontMetrics()
        model = self.roster
        sample = range(min(len(model.rows), SAMPLE))
        for c, field in enumerate(model.columns):
            widest = (
                metrics.horizontalAdvance(str(model.headerData(c, Qt.Orientation.Horizontal))) + 28
            )
            texts = {model.display_text(r, c) for r in sample}
            for text in sorted(texts, key=_looks_wide, reverse=True)[:2]:
                widest = max(widest, metrics.horizontalAdvance(text) + 16)
            if field.type.name == "bool":
                widest += 20
            self.setColumnWidth(c, max(56, min(widest, 280)))

    # -- where the cursor is -------------------------------------------------------------
    def setCurrentIndex(self, index: QModelIndex) -> None:  # noqa: N802
        """Accepts an index of the roster model as well as one of the view's own."""
        if index.isValid() and index.model() is self.roster:
            index = self.proxy.mapFromSource(index)
        super().setCurrentIndex(index)

    def go_to(self, row: int, column: int) -> None:
        """Put the cursor on a cell of the view (clamped to the table)."""
        row = max(0, min(row, self.proxy.rowCount() - 1))
        column = max(0, min(column, self.proxy.columnCount() - 1))
        index = self.proxy.index(row, column)
        if index.isValid():
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.scrollTo(index)

    def select_block(self, top: int, left: int, bottom: int, right: int) -> None:
        """Select a rectangle of view cells, the cursor on its top-left cell."""
        model = self.proxy
        if model.rowCount() == 0:
            return
        bottom = min(bottom, model.rowCount() - 1)
        area = QItemSelection(model.index(top, left), model.index(bottom, right))
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(model.index(top, left), flags.NoUpdate)
        self.selectionModel().select(area, flags.ClearAndSelect)
        self.scrollTo(model.index(top, left))

    def selected_block(self) -> tuple[int, int, int, int] | None:
        """The rectangle around the selection (or the cursor): top, left, bottom, right."""
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            current = self.currentIndex()
            if not current.isValid():
                return None
            indexes = [current]
        rows = [i.row() for i in indexes]
        columns = [i.column() for i in indexes]
        return min(rows), min(columns), max(rows), max(columns)

    def selected_rows(self) -> list[int]:
        """Source rows with a selected cell (or the cursor's row), in roster order."""
        indexes = self.selectionModel().selectedIndexes() or (
            [self.currentIndex()] if self.currentIndex().isValid() else []
        )
        rows = {self.proxy.mapToSource(i).row() for i in indexes}
        return sorted(r for r in rows if not self.roster.is_new_row(r))

    # -- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        pressed = QKeySequence(event.keyCombination())
        for action in self.actions():  # its shortcut, when the shortcut system passed it on
            if action.isEnabled() and any(
                s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for s in action.shortcuts()
            ):
                action.trigger()
                return
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            step = -1 if mods & Qt.KeyboardModifier.ShiftModifier else 1
            here = self.currentIndex()
            self.go_to(here.row() + step, self._enter_column(here) if step > 0 else here.column())
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.currentIndex().isValid():
            self._note_tab(self.currentIndex())
        super().keyPressEvent(event)

    def edit(
        self,
        index: QModelIndex,
        trigger: Any = None,  # type: ignore[override]
        event: Any = None,
    ) -> bool:
        """Typing into a cell replaces what it holds, as in Excel (F2 keeps it)."""
        if trigger is None:
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        if opened and trigger == QAbstractItemView.EditTrigger.AnyKeyPressed:
            typed = (
                event.text()
                if isinstance(event, QKeyEvent)
                else event.commitString()
                if isinstance(event, QInputMethodEvent)
                else ""
            )
            editor = self.indexWidget(index) or self.focusWidget()
            line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
            if typed and isinstance(line, QLineEdit):
                line.setText(typed)
        return opened

    def commitData(self, editor: QWidget) -> None:  # noqa: N802
        """Typing into the empty last row (*) makes a new row: the cursor stays on that new
        row, so Tab puts the next value beside the first, as in Excel."""
        if editor is self._spent:
            return  # its text already made a row: Qt's editor now sits on the * row below
        here = self.currentIndex()
        source = self.proxy.mapToSource(here).row() if here.isValid() else -1
        was_new, count = source >= 0 and self.roster.is_new_row(source), len(self.roster.rows)
        super().commitData(editor)
        if was_new and len(self.roster.rows) > count:  # closeEditor moves on from there
            self._made = QPersistentModelIndex(self.roster.index(source, here.column()))
            self._spent = editor

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:  # noqa: N802
        """Enter saves and moves down; Tab saves and moves across without editing."""
        here = self.currentIndex()
        made, self._made = self._made, None
        if made is not None and made.isValid():
            here = self.proxy.mapFromSource(self.roster.index(made.row(), made.column()))
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, Hint.NoHint)
            step = 1 if hint == Hint.EditNextItem else -1
            self._note_tab(here)
            self.go_to(here.row(), here.column() + step)
            return
        super().closeEditor(editor, hint)
        if hint == Hint.SubmitModelCache and here.isValid():
            self.go_to(here.row() + 1, self._enter_column(here))

    def _note_tab(self, here: QModelIndex) -> None:
        """Remember where a row's typing started, for Enter after Tab."""
        source = QPersistentModelIndex(self.proxy.mapToSource(here))
        if self._tab_from is None or self._tab_from[0] != source.row():
            self._tab_from = (source.row(), here.column())

    def _enter_column(self, here: QModelIndex) -> int:
        """Enter after typing across a row with Tab goes back to the column where that row's
        typing started (as in Excel), else straight down."""
        started, self._tab_from = self._tab_from, None
        if started is not None and started[0] == self.proxy.mapToSource(here).row():
            return started[1]
        return here.column()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = QMenu(self)
        for action in self.menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(event.globalPos())


def _looks_wide(text: str) -> int:
    """A text's width in digit widths, roughly: wide (CJK, full-width) characters count two."""
    return len(text) + sum(1 for ch in text if ord(ch) >= 0x2E80)
