"""Undo / redo of the clerk's edits (QUndoStack commands over the edit session).

Every command changes data only through `EditSession` and, whichever way it runs, tells the
window what it touched (`Notify`), so the view can refresh and show the place. Consecutive
edits of the same cell merge into one step (typing 12, then correcting it to 120, undoes in
one go back to the value before); an edit that ends where it started disappears.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from unionclerk.domain.errors import UserError
from unionclerk.domain.problems import Problem

if TYPE_CHECKING:  # the session module pulls in the database layer: not at start-up
    from unionclerk.services.editing import EditSession, RowsPlan

# notify(form, field, row, error): called after each run; `error` set when it was refused.
Notify = Callable[[str, str | None, str | None, UserError | None], None]

MERGE_SAME_CELL = 1


class _Command(QUndoCommand):
    def __init__(self, session: EditSession, notify: Notify, form: str, text: str) -> None:
        super().__init__(text)
        self.session, self.notify, self.form = session, notify, form

    def _run(self, action: Callable[[], Any], field: str | None, row: str | None) -> None:
        try:
            action()
        except UserError as exc:
            self.setObsolete(True)  # a refused step leaves the stack
            self.notify(self.form, field, row, exc)
            return
        self.notify(self.form, field, row, None)


class SetValue(_Command):
    """Set one cell (a record field, or a roster cell when `row` is given)."""

    def __init__(
        self,
        session: EditSession,
        notify: Notify,
        form: str,
        field: str,
        row: str | None,
        old: Any,
        new: Any,
        label: str,
    ) -> None:
        super().__init__(session, notify, form, label)
        self.field, self.row, self.old, self.new = field, row, old, new

    def redo(self) -> None:
        self._run(
            lambda: self.session.set_value(self.form, self.field, self.new, self.row),
            self.field,
            self.row,
        )

    def undo(self) -> None:
        self._run(
            lambda: self.session.set_value(self.form, self.field, self.old, self.row),
            self.field,
            self.row,
        )

    def id(self) -> int:
        return MERGE_SAME_CELL

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetValue) or other.isObsolete():
            return False
        if (other.form, other.field, other.row) != (self.form, self.field, self.row):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True


class InsertRow(_Command):
    """Add a roster row; undo deletes it, redo puts it back under the same UUID."""

    def __init__(
        self,
        session: EditSession,
        notify: Notify,
        form: str,
        position: int,
        values: dict[str, Any] | None,
        label: str,
    ) -> None:
        super().__init__(session, notify, form, label)
        self.position, self.values = position, values
        self.row: str | None = None

    def redo(self) -> None:
        def action() -> None:
            if self.row is None:
                self.row = self.session.insert_row(self.form, self.position, self.values)
                added = self.session.data.rows[self.form]
                self.values = dict(next(r.values for r in added if r.uuid == self.row))
            else:
                self.session.restore_row(self.form, self.position, self.values or {}, self.row)

        self._run(action, None, self.row)

    def undo(self) -> None:
        assert self.row is not None
        self._run(lambda: self.session.delete_row(self.form, self.row or ""), None, None)


class ApplyRows(_Command):
    """Many rows of a roster at once (a paste, an import, fill down, several rows deleted):
    one step, undone by the plan the session gives back."""

    def __init__(
        self, session: EditSession, notify: Notify, form: str, plan: RowsPlan, label: str
    ) -> None:
        super().__init__(session, notify, form, label)
        self.plan = plan
        self.inverse: RowsPlan | None = None

    def redo(self) -> None:
        def action() -> None:
            self.inverse = self.session.apply_rows(self.form, self.plan)

        self._run(action, None, None)

    def undo(self) -> None:
        def action() -> None:
            assert self.inverse is not None
            self.plan = self.session.apply_rows(self.form, self.inverse)

        self._run(action, None, None)


class MoveRow(_Command):
    """Move a roster row to another position; undo moves it back."""

    def __init__(
        self,
        session: EditSession,
        notify: Notify,
        form: str,
        row: str,
        old: int,
        new: int,
        label: str,
    ) -> None:
        super().__init__(session, notify, form, label)
        self.row, self.old, self.new = row, old, new

    def redo(self) -> None:
        self._run(lambda: self.session.move_row(self.form, self.row, self.new), None, self.row)

    def undo(self) -> None:
        self._run(lambda: self.session.move_row(self.form, self.row, self.old), None, self.row)


class Explain(_Command):
    """Write (or clear) the explanation of a warning."""

    def __init__(
        self, session: EditSession, notify: Notify, problem: Problem, old: str, new: str, label: str
    ) -> None:
        super().__init__(session, notify, problem.form, label)
        self.problem, self.old, self.new = problem, old, new

    def redo(self) -> None:
        self._run(
            lambda: self.session.set_explanation(self.problem, self.new),
            self.problem.field,
            self.problem.row,
        )

    def undo(self) -> None:
        self._run(
            lambda: self.session.set_explanation(self.problem, self.old),
            self.problem.field,
            self.problem.row,
        )


class MarkNothing(_Command):
    """Mark a form 本期无此项, or take the mark away; undo does the opposite."""

    def __init__(
        self, session: EditSession, notify: Notify, form: str, on: bool, label: str
    ) -> None:
        super().__init__(session, notify, form, label)
        self.on = on

    def redo(self) -> None:
        self._run(lambda: self.session.mark_nothing([self.form], self.on), None, None)

    def undo(self) -> None:
        self._run(lambda: self.session.mark_nothing([self.form], not self.on), None, None)
