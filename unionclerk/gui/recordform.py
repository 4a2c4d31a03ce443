"""A single-record form (or a roster's summary part), drawn from its definition.

For each section of the form a group; for each field a row: the label (indented under its
parent for 其中 fields, help text on hover and behind a "?" button), the editor, the unit, last period's value and the
change from it. Under a field with a problem: the problem in plain words with the rule it
broke, and for a warning a box for the written explanation (说明) right there.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from unionclerk.domain.i18n import pick
from unionclerk.domain.problems import Problem, Severity
from unionclerk.gui.fields import FieldEditor, live_problem
from unionclerk.gui.helpdoc import HelpButton
from unionclerk.gui.undokeys import forget_own_history, forward_undo_keys

if TYPE_CHECKING:  # the session module pulls in the database layer: not at start-up
    from unionclerk.formspec import FieldDef, FormDef
    from unionclerk.services.editing import EditSession

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"
INDENT = 22


@dataclass
class _Row:
    field: FieldDef
    editor: FieldEditor
    label: QLabel
    previous: QLabel
    change: QLabel
    problem: QLabel
    explain: QLineEdit
    companion: FieldEditor | None = None
    warning: Problem | None = None


class RecordForm(QScrollArea):
    """Editing view of `form.record_fields`; emits requests, never saves by itself."""

    edit_requested = Signal(str, object, object)  # field key, old value, new value
    explain_requested = Signal(object, str)  # the warning (Problem), the explanation text

    def __init__(self, form: FormDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.rows: dict[str, _Row] = {}
        self.setWidgetResizable(True)
        body = QWidget()
        body.setObjectName("record_body")
        outer = QVBoxLayout(body)
        self.form_problems = QLabel()
        self.form_problems.setWordWrap(True)
        self.form_problems.hide()
        outer.addWidget(self.form_problems)
        sections = form.sections or []
        groups = [(pick(s.title, s.title_en), s.fields) for s in sections] or [
            ("", [f.key for f in form.record_fields if not f.companion_of])
        ]
        grids = []
        for title, keys in groups:
            # An untitled group (a roster's summary part, already inside its 汇总情况 box) is
            # not framed again: a box in a box cost the rows their room on a small screen.
            box = QGroupBox(title) if title else QWidget()
            grid = QGridLayout(box)
            if not title:
                grid.setContentsMargins(0, 0, 0, 0)
            grid.setColumnStretch(5, 1)
            grid.setHorizontalSpacing(10)
            for key in keys:
                self._add_row(grid, form.field(key))
            outer.addWidget(box)
            grids.append(grid)
        outer.addStretch(1)
        # One label width for every section, so the editors line up down the whole form.
        width = max((r.label.sizeHint().width() for r in self.rows.values()), default=0)
        for grid in grids:
            grid.setColumnMinimumWidth(0, width)
            grid.setColumnMinimumWidth(3, 110)
            grid.setColumnMinimumWidth(4, 70)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(body)

    # -- building ------------------------------------------------------------------------
    def _add_row(self, grid: QGridLayout, field: FieldDef) -> None:
        r = grid.rowCount()
        mark = " *" if field.required else ""
        label = QLabel(field.title + mark)
        label.setContentsMargins(INDENT * field.depth, 0, 0, 0)
        help_text = pick(field.help or "", field.help_en)
        editor = FieldEditor(field, self)
        for w in (label, editor.widget):
            w.setToolTip(help_text)
        label.setBuddy(editor.widget)
        editor.committed.connect(lambda value, key=field.key: self._committed(key, value))
        if isinstance(editor.widget, QLineEdit):  # Enter saves and moves on, as in Excel
            editor.widget.returnPressed.connect(self.focusNextChild)
        grid.addWidget(label, r, 0)
        line = QWidget()
        box = QGridLayout(line)
        box.setContentsMargins(0, 0, 0, 0)
        box.setColumnStretch(3, 1)  # editors start at the column's left edge, all at one x
        box.addWidget(editor.widget, 0, 0)
        if help_text:  # a visible "?", not only a tooltip that few clerks discover
            box.addWidget(HelpButton(help_text, line), 0, 2)
        kind = field.type.name
        if kind != "longtext":  # long text spans the value columns instead
            editor.widget.setFixedWidth(300 if kind in ("text", "choice") else 200)
        companion = None
        if field.has_other and self.form.has_field(field.other_key):
            companion = FieldEditor(self.form.field(field.other_key), self)
            companion.widget.setToolTip(self.tr("选“其他”时请在此注明"))
            companion.widget.setFixedWidth(200)
            companion.committed.connect(
                lambda value, key=field.other_key: self._committed(key, value)
            )
            box.addWidget(companion.widget, 0, 1)
        grid.addWidget(line, r, 1, 1, 4 if kind == "longtext" else 1)
        if kind != "longtext":
            grid.addWidget(QLabel(field.unit_shown), r, 2)
        previous, change = QLabel(), QLabel()
        previous.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        change.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if kind != "longtext":
            grid.addWidget(previous, r, 3)
            grid.addWidget(change, r, 4)
        problem = QLabel()
        problem.setWordWrap(True)
        problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        problem.hide()
        grid.addWidget(problem, r + 1, 1, 1, 5)
        explain = QLineEdit()
        explain.setObjectName(f"explain_{field.key}")
        explain.setPlaceholderText(self.tr("请写明原因（说明），例如：数据来自镇统计站，口径不同"))
        explain.editingFinished.connect(lambda key=field.key: self._explained(key))
        forward_undo_keys(explain)  # Ctrl+Z in a saved 说明 undoes the window's last change
        explain_line = QWidget()
        explain_line.setObjectName(f"explain_line_{field.key}")
        inner = QHBoxLayout(explain_line)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(QLabel(self.tr("说明：")))
        inner.addWidget(explain, 1)
        explain_line.hide()
        grid.addWidget(explain_line, r + 2, 1, 1, 4)
        row = _Row(field, editor, label, previous, change, problem, explain, companion)
        editor.checked.connect(lambda result, row=row: self._show_live(row, result))
        self.rows[field.key] = row

    # -- showing -------------------------------------------------------------------------
    def show_data(self, session: EditSession, previous: dict[str, Any] | None) -> None:
        """Show the saved values, last period's values and every problem of this form."""
        values = session.data.single.get(self.form.key, {})
        computed = self.form.computed(values)
        read_only = not session.editable
        for key, row in self.rows.items():
            f = row.field
            value = computed.get(key) if f.type.computed else values.get(key)
            row.editor.set_value(value)
            row.editor.set_read_only(read_only)
            row.explain.setReadOnly(read_only)
            if row.companion is not None:
                row.companion.set_value(values.get(row.companion.field.key))
                row.companion.set_read_only(read_only)
                row.companion.widget.setEnabled(
                    values.get(key) == "其他" or bool(values.get(row.companion.field.key))
                )
            self._show_previous(row, value, (previous or {}).get(key), previous is not None)
        self.show_problems(session)

    def _show_previous(self, row: _Row, value: Any, before: Any, has_previous: bool) -> None:
        f = row.field
        if not has_previous or before is None:
            row.previous.setText("")
            row.change.setText("")
            return
        row.previous.setText(self.tr("上期 {0}").format(f.display(before)))
        row.previous.setToolTip(self.tr("上一报告期填报的数"))
        if f.type.numeric and value is not None:
            diff = Decimal(str(value)) - Decimal(str(before))
            text = "±0" if diff == 0 else f.display(abs(diff))
            row.change.setText(text if diff == 0 else ("+" if diff > 0 else "−") + text)
        else:
            row.change.setText("")

    def show_problems(self, session: EditSession) -> None:
        mine = [p for p in session.problems() if p.form == self.form.key and p.row is None]
        by_field: dict[str, list[Problem]] = {}
        for p in mine:
            by_field.setdefault(p.field, []).append(p)
        for key, row in self.rows.items():
            found = by_field.get(key, []) + (
                by_field.get(row.companion.field.key, []) if row.companion else []
            )
            self._show_row_problems(row, found, session)
        general = by_field.get("", [])
        self.form_problems.setVisible(bool(general))
        self.form_problems.setText("\n".join(self._line(p) for p in general))
        self.form_problems.setStyleSheet(
            ERROR_STYLE if any(p.is_error for p in general) else WARNING_STYLE
        )

    def _line(self, p: Problem) -> str:
        if p.rule.startswith("review:"):  # 上级意见：… (the county's comment) says what it is
            return p.message
        level = self.tr("错误") if p.is_error else self.tr("警告")
        return self.tr("{0}：{1}").format(level, p.message)

    def _show_row_problems(self, row: _Row, found: list[Problem], session: EditSession) -> None:
        lines = [self._line(p) for p in found]
        unsaved = self._unsaved(row)
        if unsaved:  # what is on screen first: the saved problems are about the old value
            lines.insert(0, unsaved)
        row.problem.setVisible(bool(lines))
        row.problem.setText("\n".join(lines))
        row.problem.setToolTip("\n".join(self.tr("规则：{0}").format(p.rule) for p in found))
        row.problem.setStyleSheet(
            ERROR_STYLE if unsaved or any(p.is_error for p in found) else WARNING_STYLE
        )
        row.warning = next((p for p in found if not p.is_error), None)
        row.explain.parentWidget().setVisible(row.warning is not None)
        self._reply_or_explain(row)
        if row.warning is not None and not row.explain.hasFocus():
            row.explain.setText(session.explanation(row.warning))
        self._mark(row, found)

    def _reply_or_explain(self, row: _Row) -> None:
        """Under a county comment (上级意见) the box takes the clerk's reply, not a 说明."""
        county = row.warning is not None and row.warning.rule.startswith("review:")
        label = row.explain.parentWidget().layout().itemAt(0).widget()
        assert isinstance(label, QLabel)
        label.setText(self.tr("回复：") if county else self.tr("说明："))
        row.explain.setPlaceholderText(
            self.tr("回复上级意见，例如：已核实，数字无误")
            if county
            else self.tr("请写明原因（说明），例如：数据来自镇统计站，口径不同")
        )

    def _mark(self, row: _Row, found: list[Problem]) -> None:
        color = ("#b3261e" if any(p.is_error for p in found) else "#c77700") if found else ""
        style = f"border: 1px solid {color};" if color else ""
        if row.field.type.name not in ("choice", "bool", "rate"):
            row.editor.widget.setStyleSheet(style)

    def _show_live(self, row: _Row, result: tuple[Severity, str] | None) -> None:
        """A problem found while typing (before anything is saved)."""
        if result is None:
            return
        severity, message = result
        row.problem.setVisible(True)
        level = self.tr("错误") if severity is Severity.ERROR else self.tr("警告")
        text = self.tr("{0}：{1}").format(level, message)
        if self._refused(row):
            text += self.tr("（没有保存：请改正，或按 Ctrl+Z 恢复原来的值）")
        row.problem.setText(text)
        row.problem.setStyleSheet(ERROR_STYLE if severity is Severity.ERROR else WARNING_STYLE)

    @staticmethod
    def _refused(row: _Row) -> bool:
        """The field shows text its type cannot read (so it was not saved)."""
        widget = row.editor.widget
        if not isinstance(widget, QLineEdit) or widget.isReadOnly():
            return False
        problem = live_problem(row.field, widget.text())
        return problem is not None and row.editor.refuses(widget.text())

    def _unsaved(self, row: _Row) -> str:
        """The reason the text on screen was not saved ("" when it was)."""
        if not self._refused(row):
            return ""
        problem = live_problem(row.field, row.editor.text())
        assert problem is not None
        return self.tr("错误：{0}（没有保存：请改正，或按 Ctrl+Z 恢复原来的值）").format(problem[1])

    # -- requests ------------------------------------------------------------------------
    def _committed(self, key: str, value: Any) -> None:
        row = self.rows.get(key)
        old = (
            row.editor.value
            if row
            else next(
                (
                    r.companion.value
                    for r in self.rows.values()
                    if r.companion and r.companion.field.key == key
                ),
                None,
            )
        )
        self.edit_requested.emit(key, old, value)

    def _explained(self, key: str) -> None:
        row = self.rows[key]
        if row.warning is not None and not row.explain.isReadOnly():
            self.explain_requested.emit(row.warning, row.explain.text())
            forget_own_history(row.explain)

    def focus_field(self, key: str, explain: bool = False) -> None:
        """Scroll to a field and put the cursor in it, or in its explanation box."""
        row = self.rows.get(key) or next(
            (r for r in self.rows.values() if r.companion and r.companion.field.key == key), None
        )
        if row is None:
            return
        target = row.explain if explain and row.warning is not None else row.editor.widget
        self.ensureWidgetVisible(row.editor.widget, 50, 80)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def field_widget(self, key: str) -> QWidget:
        return self.rows[key].editor.widget
