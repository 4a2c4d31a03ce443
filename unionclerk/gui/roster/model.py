"""The roster as Qt models: `RosterModel` over the session's rows, `RosterProxy` to filter and
sort what the table shows.

`RosterModel` has one column per field (a choice's 其他 text shows inside its choice cell, not
as a column of its own) and reads the session's `RosterRow`s directly. What the clerk types
arrives through `setData` as text, is read by the column's type (`services.roster_cells`) and
leaves as a request — one cell (`edit_requested`) or a whole row plan (`rows_requested`) —
that the window turns into an undo command; unreadable text is kept and marked, not refused.
Problems colour their cells and show on hover; ID numbers show masked unless revealed.
While the report may be edited, a last, empty row (marked *) stands ready: typing or pasting
there adds rows, as the empty rows below a spreadsheet's data do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from unionclerk.domain.i18n import pick
from unionclerk.domain.problems import Problem
from unionclerk.domain.report import RosterRow
from unionclerk.formspec.idmask import is_masked, mask
from unionclerk.formspec.model import OTHER
from unionclerk.formspec.rawcells import Raw, cell, raw_texts

if TYPE_CHECKING:  # types only: the forms engine loads when the window needs it
    from unionclerk.formspec import FieldDef, FormDef

Index = QModelIndex | QPersistentModelIndex
ERROR_BG, WARNING_BG = QColor("#f9d6d3"), QColor("#fdf0c8")
RAW_FG = QColor("#8c1d18")
Role = Qt.ItemDataRole


def cell_display(field: FieldDef, values: dict[str, Any], reveal_ids: bool = False) -> str:
    """A cell as the table shows it: kept text as entered, 其他 with its text, IDs masked."""
    raw = raw_texts(values)
    if field.key in raw:
        return raw[field.key]
    value = values.get(field.key)
    if value is None:
        return ""
    if field.sensitive and not reveal_ids and not is_masked(str(value)):
        return mask(str(value))
    if value == OTHER and field.has_other and values.get(field.other_key):
        return f"{OTHER}：{values[field.other_key]}"
    return field.display(value)


class RosterModel(QAbstractTableModel):
    """Columns are the roster's fields; rows are `RosterRow`s (shared with the session)."""

    edit_requested = Signal(str, str, object, object)  # row uuid, field key, old, new
    rows_requested = Signal(object, str)  # a services.editing.RowsPlan, the step's label
    refused = Signal(int, str, str)  # row, field key, reason
    kept = Signal(int, str, str)  # row, field key, why the text could not be read

    def __init__(self, form: FormDef, parent: Any = None) -> None:
        super().__init__(parent)
        self.form = form
        self.columns: list[FieldDef] = [f for f in form.fields if not f.companion_of]
        self._column_of = {f.key: i for i, f in enumerate(self.columns)}
        for f in form.fields:  # a 其他 text belongs to its choice's column
            if f.companion_of:
                self._column_of[f.key] = self._column_of[f.companion_of]
        self._rows: list[RosterRow] = []
        self._problems: dict[tuple[str, int], list[Problem]] = {}
        self.editable = True
        self.reveal_ids = False
        self.open_row: str | None = None  # the row the cursor is on: its ID shows as typed

    # -- feeding -------------------------------------------------------------------------
    @property
    def rows(self) -> list[RosterRow]:
        return self._rows

    @property
    def new_row(self) -> int | None:
        """The row number of the empty row for new entries (None when not editable)."""
        return len(self._rows) if self.editable else None

    def is_new_row(self, row: int) -> bool:
        return row >= len(self._rows)

    def sync(self, rows: list[RosterRow], problems: list[Problem], editable: bool) -> None:
        """Follow the session's rows: rows added at one place or removed from one place are
        signalled as such (the view keeps its place); anything else resets the model."""
        if editable != self.editable:  # the empty row for new entries comes or goes
            n = len(self._rows)
            if editable:
                self.beginInsertRows(QModelIndex(), n, n)
                self.editable = True
                self.endInsertRows()
            else:
                self.beginRemoveRows(QModelIndex(), n, n)
                self.editable = False
                self.endRemoveRows()
        mine = [r.uuid for r in self._rows]
        theirs = [r.uuid for r in rows]
        if mine != theirs:
            head = next(
                (i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b),
                min(len(mine), len(theirs)),
            )
            tail = len(theirs) - len(mine)
            if tail > 0 and mine[head:] == theirs[head + tail :]:
                self.beginInsertRows(QModelIndex(), head, head + tail - 1)
                self._rows = list(rows)
                self.endInsertRows()
            elif tail < 0 and theirs[head:] == mine[head - tail :]:
                self.beginRemoveRows(QModelIndex(), head, head - tail - 1)
                self._rows = list(rows)
                self.endRemoveRows()
            elif tail != 0 or not self._moved(mine, theirs, head, rows):
                self.beginResetModel()
                self._rows = list(rows)
                self.endResetModel()
        self.set_problems(problems)

    def _moved(self, mine: list[str], theirs: list[str], head: int, rows: list[RosterRow]) -> bool:
        """Signal one row moved from one place to another (True), if that is what happened."""
        last = max(i for i in range(len(mine)) if mine[i] != theirs[i])
        if theirs[head:last] == mine[head + 1 : last + 1] and theirs[last] == mine[head]:
            source, destination = head, last + 1  # moved down
        elif theirs[head + 1 : last + 1] == mine[head:last] and theirs[head] == mine[last]:
            source, destination = last, head  # moved up
        else:
            return False
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        self._rows = list(rows)
        self.endMoveRows()
        return True

    def set_problems(self, problems: list[Problem]) -> None:
        found: dict[tuple[str, int], list[Problem]] = {}
        for p in problems:
            if p.form == self.form.key and p.row:
                found.setdefault((p.row, self._column_of.get(p.field, 0)), []).append(p)
        self._problems = found
        if self._rows and self.columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1)
            )

    def row_has_problem(self, row: int) -> bool:
        if self.is_new_row(row):
            return False
        uuid = self._rows[row].uuid
        return any((uuid, c) in self._problems for c in range(len(self.columns)))

    def counts(self) -> tuple[int, int]:
        """Errors and warnings in the roster's cells."""
        flat = [p for ps in self._problems.values() for p in ps]
        errors = sum(p.is_error for p in flat)
        return errors, len(flat) - errors

    def row_uuid(self, row: int) -> str:
        return self._rows[row].uuid if row < len(self._rows) else ""

    def row_of(self, uuid: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.uuid == uuid), None)

    def column_of(self, key: str) -> int:
        return self._column_of.get(key, 0)

    def set_reveal_ids(self, reveal: bool) -> None:
        self.reveal_ids = reveal
        for c, f in enumerate(self.columns):
            if f.sensitive and self._rows:
                self.dataChanged.emit(self.index(0, c), self.index(len(self._rows) - 1, c))

    def set_open_row(self, uuid: str | None) -> None:
        """The clerk is on this row: its ID number shows as typed, masked on every other."""
        if uuid == self.open_row:
            return
        before, self.open_row = self.open_row, uuid
        for c, f in enumerate(self.columns):
            if not f.sensitive:
                continue
            for row in (
                self.row_of(before) if before else None,
                self.row_of(uuid) if uuid else None,
            ):
                if row is not None:
                    self.dataChanged.emit(self.index(row, c), self.index(row, c))

    # -- cells as text -------------------------------------------------------------------
    def display_text(self, row: int, column: int) -> str:
        if self.is_new_row(row):
            return ""
        values = self._rows[row]
        return cell_display(
            self.columns[column], values.values, self.reveal_ids or values.uuid == self.open_row
        )

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows) + (1 if self.editable else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if self.is_new_row(r):
            return "" if role in (Role.DisplayRole, Role.EditRole) else None
        row, field = self._rows[r], self.columns[c]
        if role == Role.DisplayRole:
            return self.display_text(r, c)
        if role == Role.EditRole:
            from unionclerk.services.roster_cells import cell_text

            return cell_text(field, row.values)
        if role == Role.CheckStateRole and field.type.name == "bool":
            value = row.values.get(field.key)
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role in (Role.ForegroundRole, Role.FontRole) and field.key in raw_texts(row.values):
            if role == Role.ForegroundRole:
                return QBrush(RAW_FG)
            font = QFont()
            font.setItalic(True)
            return font
        problems = self._problems.get((row.uuid, c))
        if role == Role.BackgroundRole and problems:
            return QBrush(ERROR_BG if any(p.is_error for p in problems) else WARNING_BG)
        if role == Role.ToolTipRole and problems:
            return "\n".join(p.message for p in problems)
        if role == Role.TextAlignmentRole and field.type.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Role.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Role.ToolTipRole and self.is_new_row(section):
                return self.tr("在这一行输入或粘贴，即添加新行")
            if role != Role.DisplayRole:
                return None
            return "*" if self.is_new_row(section) else str(section + 1)
        field = self.columns[section]
        if role == Role.DisplayRole:
            return field.title + (" *" if field.required else "")
        if role == Role.ToolTipRole:
            return pick(field.help or "", field.help_en) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
            if self.columns[index.column()].type.name == "bool" and not self.is_new_row(
                index.row()
            ):
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(
        self,
        index: Index,
        value: Any,  # noqa: N802
        role: int = Role.EditRole,
    ) -> bool:
        if not index.isValid() or not self.editable:
            return False
        field = self.columns[index.column()]
        if role == Role.CheckStateRole and field.type.name == "bool":
            value = "是" if Qt.CheckState(value) == Qt.CheckState.Checked else "否"
        elif role != Role.EditRole:
            return False
        return self.set_text(index.row(), index.column(), "" if value is None else str(value))

    def set_text(self, row: int, column: int, text: str) -> bool:
        """Read typed text into a cell and ask for it to be saved (False: refused)."""
        from unionclerk.services.editing import EditSession, RowsPlan, copy_values
        from unionclerk.services.roster_cells import CellRefused, read_text, refusal_message

        field = self.columns[column]
        try:
            read = read_text(field, text)
        except CellRefused as exc:
            self.refused.emit(
                row,
                field.key,
                refusal_message(
                    exc.kind, field, [self.tr("第 {0} 行").format(row + 1)], exc.length
                ),
            )
            return False
        if self.is_new_row(row):  # typed into the empty last row: a new row with it
            if read.empty:
                return True
            values = {f.key: f.default for f in self.form.fields if f.default is not None}
            read.put_into(values, field)
            self.rows_requested.emit(
                RowsPlan(insert=[(row, EditSession.new_uuid(), values)]), self.tr("添加一行")
            )
            if read.raw is not None:
                self.kept.emit(row, field.key, read.raw)
            return True
        target = self._rows[row]
        old = cell(target.values, field.key)
        new = Raw(read.raw) if read.raw is not None else read.value
        if read.other is not None and read.other != target.values.get(field.other_key):
            values = copy_values(target.values)
            read.put_into(values, field)
            self.rows_requested.emit(
                RowsPlan(update={target.uuid: values}),
                self.tr("修改“{0}”").format(field.plain_label),
            )
        elif new != old:
            self.edit_requested.emit(target.uuid, field.key, old, new)
        if read.raw is not None:
            self.kept.emit(row, field.key, read.raw)
        return True
