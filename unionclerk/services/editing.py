"""One report open for editing: values in memory, every accepted edit saved at once,
checks re-run only where the edit reaches.

The window (and the roster editor) change data only through an `EditSession`; each call
returns the `Change` it made so views can refresh just what it touches. A roster cell may
hold text kept as entered (`rawcells.Raw`) instead of a value; many rows changed at once (a
paste, an import, their undo) go through `apply_rows`: one transaction, one re-check.
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass, field
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.problems import Problem
from unionclerk.domain.records import DRAFT, ReportInfo
from unionclerk.domain.report import COVER, ReportData, RosterRow
from unionclerk.domain.review import Comment
from unionclerk.formspec import Change, Checker, door, explanation_key
from unionclerk.formspec.checker import iter_unexplained
from unionclerk.formspec.codec import NOTHING_KEY, encode_stored_row
from unionclerk.formspec.model import FormDef
from unionclerk.formspec.rawcells import RAW_KEY, Raw, cell, put
from unionclerk.services import reports
from unionclerk.services.workspace import Workspace, database


@dataclass(frozen=True)
class FormState:
    """What the navigation shows for one form."""

    errors: int
    warnings: int  # warnings still without an explanation
    filled: int
    total: int
    nothing: bool = False  # marked 本期无此项

    @property
    def progress(self) -> int:
        return round(100 * self.filled / self.total) if self.total else 100

    @property
    def label(self) -> str:
        if self.nothing:
            return tr("本期无此项")
        if self.errors:
            return tr("有错误 {n}", n=self.errors)
        if self.warnings:
            return tr("有警告 {n}", n=self.warnings)
        if self.filled == 0:
            return tr("未填")
        return tr("已完成") if self.filled >= self.total else tr("填报中")


@dataclass
class RowsPlan:
    """Many rows of one roster changed at once. `update` maps a row UUID to the row's
    complete new values; `insert` holds (position in the resulting roster, UUID, values);
    `delete` the UUIDs to remove. `EditSession.apply_rows` returns the plan that undoes it."""

    update: dict[str, dict[str, Any]] = field(default_factory=dict)
    insert: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.update or self.insert or self.delete)


def copy_values(values: dict[str, Any]) -> dict[str, Any]:
    """A row's values to keep aside (values are immutable; the kept texts are a dict)."""
    out = dict(values)
    if RAW_KEY in out:
        out[RAW_KEY] = dict(out[RAW_KEY])
    return out


class EditSession:
    def __init__(self, ws: Workspace, report: ReportInfo) -> None:
        self.ws, self.report = ws, report
        self.forms = ws.forms
        self.data: ReportData = reports.load(ws, report)
        self.checker = Checker(ws.forms, report.period)
        self.result = self.checker.check(self.data)
        self._problems: list[Problem] | None = None
        self._outstanding: list[Problem] | None = None
        self._comments: list[Comment] | None = None  # the county's (上级意见), if returned
        # Problems of a form nobody has started (no value, no row) stay out of sight — it
        # shows as 未填 — until the clerk tries 标记完成 (`reveal_all`).
        self.revealed = False

    # -- reading ------------------------------------------------------------------------
    def problems(self) -> list[Problem]:
        """The problems the clerk sees: none yet on forms not started (see `started`)."""
        if self._problems is None:
            hidden = (
                set() if self.revealed else {f.key for f in self.forms if not self.started(f.key)}
            )
            self._problems = [
                p for p in self.result.problems(self.data, self.forms) if p.form not in hidden
            ] + self._comment_problems()
        return self._problems

    def _comment_problems(self) -> list[Problem]:
        """The county's comments still open, as 上级意见 at their fields (review_township);
        shown on every form, started or not: the county asked."""
        from unionclerk.services import review_township

        if self._comments is None:
            self._comments = review_township.comments(self.ws, self.report)
        if not self._comments:
            return []
        return review_township.comment_problems(self.ws, self.report, self.data, self._comments)

    def started(self, form: str) -> bool:
        """The form holds something the clerk typed (or is marked 本期无此项)."""
        fdef = self.forms[form]
        values = self.data.single.get(form, {})
        typed = any(
            values.get(f.key) is not None for f in fdef.record_fields if not f.type.computed
        )
        return typed or bool(self.data.rows.get(form)) or form in self.data.nothing

    def reveal_all(self) -> None:
        """标记完成 was tried: from now on every problem shows, started or not."""
        self.revealed = True
        self._forget_problems()

    def empty_forms(self) -> list[FormDef]:
        """Forms (not the cover) with nothing in them and not marked 本期无此项."""
        return [f for f in self.forms if f.key != COVER and not self.started(f.key)]

    def mark_nothing(self, forms: list[str], on: bool = True) -> None:
        """Mark forms 本期无此项 (or take the mark away), in one transaction."""
        self._guard()
        with database(self.ws).transaction() as tx:
            for form in forms:
                tx.set_value(self.report.id, form, NOTHING_KEY, True if on else None)
        for form in forms:
            if on:
                self.data.nothing.add(form)
            else:
                self.data.nothing.discard(form)
        self._forget_problems()

    def outstanding(self) -> list[Problem]:
        """Errors, and warnings without an explanation: what blocks completion."""
        return list(self._unexplained())

    def _unexplained(self) -> list[Problem]:
        # Kept until the next change: the navigation asks once per form after every edit.
        if self._outstanding is None:
            self._outstanding = list(iter_unexplained(self.problems(), self.data.explanations))
        return self._outstanding

    def _forget_problems(self) -> None:
        self._problems = self._outstanding = None

    def value(self, form: str, field: str, row: str | None = None) -> Any:
        if row is None:
            return self.data.single.get(form, {}).get(field)
        found = self._row(form, row)
        return found.values.get(field) if found else None

    def form_state(self, form: FormDef) -> FormState:
        left = [p for p in self._unexplained() if p.form == form.key]
        errors = sum(p.is_error for p in left)
        if form.is_roster:
            n = len(self.data.rows.get(form.key, []))
            filled, total = (1, 1) if n else (0, 1)
        else:
            fields = [f for f in form.fields if not f.type.computed and not f.companion_of]
            values = self.data.single.get(form.key, {})
            filled, total = sum(f.key in values for f in fields), len(fields)
        return FormState(errors, len(left) - errors, filled, total, form.key in self.data.nothing)

    @property
    def editable(self) -> bool:
        return self.report.status == DRAFT

    # -- writing ------------------------------------------------------------------------
    def _guard(self) -> None:
        if not self.editable:
            raise UserError(tr("报表已标记完成，修改前请先“重新打开”并填写原因"))

    def _row(self, form: str, row: str) -> RosterRow | None:
        return next((r for r in self.data.rows.get(form, []) if r.uuid == row), None)

    def cell(self, form: str, field: str, row: str) -> Any:
        """A roster cell: its value, `Raw(text)` when kept as entered, or None."""
        found = self._row(form, row)
        return cell(found.values, field) if found else None

    def set_value(self, form: str, field: str, value: Any, row: str | None = None) -> Change:
        """Save a typed value (None clears it; `Raw(text)` keeps unreadable text in a roster
        cell) and re-check what depends on it."""
        self._guard()
        fdef = self.forms[form].field(field)
        if row is None:
            if isinstance(value, Raw):
                raise UserError(
                    tr("“{label}”无法识别“{text}”", label=fdef.plain_label, text=value.text[:30])
                )
            with database(self.ws).transaction() as tx:
                tx.set_value(
                    self.report.id, form, field, None if value is None else fdef.to_json(value)
                )
            values = self.data.single.setdefault(form, {})
            if value is None:
                values.pop(field, None)
            else:
                values[field] = value
            return self._rechecked(Change(form, field, row))
        target = self._row(form, row)
        if target is None:
            raise UserError(tr("找不到这一行，可能已被删除"))
        after = copy_values(target.values)
        put(after, field, value)
        stored = None if value is None or isinstance(value, Raw) else fdef.to_json(value)
        with database(self.ws).transaction() as tx:
            tx.set_value(self.report.id, form, field, stored, row_uuid=row)
            if after.get(RAW_KEY) != target.values.get(RAW_KEY):
                tx.set_value(self.report.id, form, RAW_KEY, after.get(RAW_KEY), row_uuid=row)
        put(target.values, field, value)
        return self._rechecked(Change(form, field, row))

    def set_text(self, form: str, field: str, text: str, row: str | None = None) -> Change:
        """Parse what the clerk typed; raises ValueRefused with the reason if it can't."""
        return self.set_value(form, field, self.forms[form].field(field).parse_text(text), row)

    def insert_row(
        self, form: str, position: int | None = None, values: dict[str, Any] | None = None
    ) -> str:
        self._guard()
        fdef = self.forms[form]
        row = RosterRow(
            dict(values)
            if values is not None
            else {f.key: f.default for f in fdef.fields if f.default is not None}
        )
        rows = self.data.rows.setdefault(form, [])
        position = len(rows) if position is None else max(0, min(position, len(rows)))
        with database(self.ws).transaction() as tx:
            tx.insert_row(
                self.report.id, form, position, row.uuid, encode_stored_row(fdef, row.values)
            )
        rows.insert(position, row)
        self._rechecked(Change(form, None, row.uuid))
        return row.uuid

    def delete_row(self, form: str, row: str) -> tuple[int, dict[str, Any]]:
        """Remove a row; returns its position and values (for undo)."""
        self._guard()
        rows = self.data.rows.get(form, [])
        index = next(i for i, r in enumerate(rows) if r.uuid == row)
        with database(self.ws).transaction() as tx:
            tx.delete_row(self.report.id, row)
        removed = rows.pop(index)
        self._rechecked(Change(form, None, row, removed=True))
        return index, removed.values

    def restore_row(self, form: str, position: int, values: dict[str, Any], row: str) -> None:
        """Put back a deleted row under its old UUID (undo of delete)."""
        self._guard()
        encoded = encode_stored_row(self.forms[form], values)
        with database(self.ws).transaction() as tx:
            tx.insert_row(self.report.id, form, position, row, encoded)
        self.data.rows.setdefault(form, []).insert(position, RosterRow(dict(values), row))
        self._rechecked(Change(form, None, row))

    def move_row(self, form: str, row: str, position: int) -> None:
        self._guard()
        rows = self.data.rows.get(form, [])
        index = next(i for i, r in enumerate(rows) if r.uuid == row)
        with database(self.ws).transaction() as tx:
            tx.move_row(self.report.id, row, position)
        moved = rows.pop(index)
        rows.insert(max(0, min(position, len(rows))), moved)
        self._forget_problems()

    def apply_rows(self, form: str, plan: RowsPlan) -> RowsPlan:
        """Change many rows of a roster in one transaction with one re-check pass; returns
        the plan that undoes it. Nothing changes (in memory or on disk) if it fails."""
        self._guard()
        fdef = self.forms[form]
        rows = self.data.rows.setdefault(form, [])
        at = {r.uuid: i for i, r in enumerate(rows)}
        gone = set(plan.delete)
        if (
            any(u not in at for u in [*plan.delete, *plan.update])
            or gone & set(plan.update)
            or any(u in at for _, u, _ in plan.insert)
        ):
            raise UserError(tr("找不到要修改的行，可能已被删除；请刷新后重试"))
        undo = RowsPlan(
            update={u: copy_values(rows[at[u]].values) for u in plan.update},
            insert=sorted((at[u], u, copy_values(rows[at[u]].values)) for u in plan.delete),
            delete=[u for _, u, _ in plan.insert],
        )
        after = [r for r in rows if r.uuid not in gone]
        for position, uuid, values in sorted(plan.insert, key=lambda p: p[0]):
            after.insert(max(0, min(position, len(after))), RosterRow(copy_values(values), uuid))
        with database(self.ws).transaction() as tx:
            tx.apply_row_batch(
                self.report.id,
                form,
                [r.uuid for r in after],
                list(plan.delete),
                {u: encode_stored_row(fdef, v) for _, u, v in plan.insert},
                {u: encode_stored_row(fdef, v) for u, v in plan.update.items()},
            )
        for uuid, values in plan.update.items():
            rows[at[uuid]].values = copy_values(values)
        rows[:] = after
        self.checker.recheck_rows(
            self.data,
            self.result,
            form,
            [*plan.update, *(u for _, u, _ in plan.insert)],
            list(plan.delete),
        )
        if plan.update or plan.insert:
            self._unmark(form)
        self._forget_problems()
        return undo

    def set_explanation(self, problem: Problem, text: str) -> None:
        """Save a warning's written explanation (`ValueRefused` when the text cannot be
        kept: door.clean_explanation says why); for a 上级意见, the clerk's reply to it."""
        self._guard()
        from unionclerk.services import review_township

        if review_township.is_comment(problem):
            review_township.reply(self.ws, review_township.comment_uid(problem), text)
            self._comments = None
            self._forget_problems()
            return
        key = explanation_key(problem)
        text = door.clean_explanation(text)
        with database(self.ws).transaction() as tx:
            tx.set_explanation(self.report.id, key, text or None)
        if text:
            self.data.explanations[key] = text
        else:
            self.data.explanations.pop(key, None)
        self._forget_problems()

    def explanation(self, problem: Problem) -> str:
        from unionclerk.services import review_township

        if review_township.is_comment(problem):
            uid = review_township.comment_uid(problem)
            return next((c.reply or "" for c in self._comments or [] if c.uid == uid), "")
        return self.data.explanations.get(explanation_key(problem), "")

    def _rechecked(self, change: Change) -> Change:
        self._unmark(change.form)
        self.checker.recheck(self.data, self.result, change)
        self._forget_problems()
        return change

    def _unmark(self, form: str) -> None:
        """Something was typed into a form marked 本期无此项: it has something after all."""
        if form in self.data.nothing:
            with database(self.ws).transaction() as tx:
                tx.set_value(self.report.id, form, NOTHING_KEY, None)
            self.data.nothing.discard(form)

    # -- status -------------------------------------------------------------------------
    def refresh_report(self) -> None:
        with database(self.ws).read() as tx:
            self.report = tx.get_report_by_id(self.report.id)

    def complete(self) -> None:
        reports.complete(self.ws, self.report)
        self.refresh_report()

    def reopen(self, reason: str) -> None:
        reports.reopen(self.ws, self.report, reason)
        self.refresh_report()

    @staticmethod
    def new_uuid() -> str:
        return str(uuidlib.uuid4())
