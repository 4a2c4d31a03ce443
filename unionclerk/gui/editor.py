"""The window's edits as undo commands: every change the clerk makes goes through here.

Pages and panels emit requests (a cell, an explanation, rows to add, change or move); `Editor`
checks the report may still be edited, pushes the matching command onto the window's undo
stack, and after each command runs (or is undone) refreshes what it touched.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from unionclerk.domain.errors import UserError, ValueRefused
from unionclerk.domain.problems import Problem
from unionclerk.formspec import door
from unionclerk.gui import dialogs, undo

if TYPE_CHECKING:
    from unionclerk.gui.host import EditorHost


class Editor(QObject):
    def __init__(self, window: EditorHost) -> None:
        super().__init__(window.window())
        self.w = window

    def _editable(self) -> bool:
        if self.w.session is None:
            return False
        if not self.w.session.editable:
            dialogs.show_error(
                self.w, self.tr("报表已标记完成。如需修改，请先“重新打开”并填写原因。")
            )
            self.w.refresh_all()
            return False
        return True

    def request_edit(self, form: str, key: str, row: str | None, old: object, new: object) -> None:
        if not self._editable():
            return
        assert self.w.session is not None
        label = self.w.ws.forms[form].field(key).plain_label
        self.w.undo_stack.push(
            undo.SetValue(
                self.w.session,
                self.notify,
                form,
                key,
                row,
                old,
                new,
                self.tr("修改“{0}”").format(label),
            )
        )

    def request_explanation(self, problem: Problem, text: str) -> None:
        if self.w.session is None or text.strip() == self.w.session.explanation(problem):
            return
        if not self._editable():
            return
        try:
            text = door.clean_explanation(text)
        except ValueRefused as exc:
            dialogs.show_error(self.w, self.tr("说明无法保存：{0}").format(exc.message))
            self.w.refresh_all()
            return
        self.w.undo_stack.push(
            undo.Explain(
                self.w.session,
                self.notify,
                problem,
                self.w.session.explanation(problem),
                text.strip(),
                self.tr("填写说明"),
            )
        )

    def request_add_row(self, form: str, position: int) -> None:
        if self._editable():
            assert self.w.session is not None
            self.w.undo_stack.push(
                undo.InsertRow(
                    self.w.session, self.notify, form, position, None, self.tr("添加一行")
                )
            )

    def request_rows(self, form: str, plan: object, label: str) -> None:
        """Many rows at once (paste, fill, clear, import, several rows): one undo step."""
        if plan and self._editable():
            assert self.w.session is not None
            self.w.undo_stack.push(undo.ApplyRows(self.w.session, self.notify, form, plan, label))

    def request_move_row(self, form: str, row: str, position: int) -> None:
        if self._editable():
            assert self.w.session is not None
            rows = self.w.session.data.rows.get(form, [])
            old = next((i for i, r in enumerate(rows) if r.uuid == row), None)
            if old is not None and old != position:
                self.w.undo_stack.push(
                    undo.MoveRow(
                        self.w.session, self.notify, form, row, old, position, self.tr("移动一行")
                    )
                )

    def request_nothing(self, form: str, on: bool) -> None:
        """Mark a form 本期无此项 (or take the mark away): one undo step."""
        if self._editable():
            assert self.w.session is not None
            label = self.tr("标记“本期无此项”") if on else self.tr("取消“本期无此项”")
            self.w.undo_stack.push(undo.MarkNothing(self.w.session, self.notify, form, on, label))
        else:
            self.w.page(form).stale = True

    def notify(
        self, form: str, field: str | None, row: str | None, error: UserError | None
    ) -> None:
        """Called by every command after it ran (or was refused)."""
        if error is not None:
            dialogs.show_error(self.w, error)
        if self.w.session is None:
            return
        for key, page in self.w.pages.items():
            if key != form:
                page.stale = True
        page = self.w.page(form)
        page.stale = True
        if self.w.current_page() is not page:
            self.w.select_form(form)  # undo / redo shows where it happened (and refreshes it)
        if page.stale:
            page.refresh(self.w.session, self.w.previous)  # repaints the roster's cells too
        self.w.refresh_states()
        self.w.statusBar().showMessage(
            self.tr("已保存 {0}").format(time.strftime("%H:%M:%S")), 8000
        )
