"""What the roster table shows: `RosterProxy` filters and sorts the `RosterModel`.

Filters: a text looked for in every column, per-column filters (a set of allowed values or a
text the cell must contain), and "only rows with problems". Text is compared without spaces,
full-width forms or case. Rows added while a filter is on stay in sight until the filter
changes, and an edit never makes a row jump or vanish under the cursor (no dynamic re-sort).

Sorting is stable and predictable: by the typed value (numbers as numbers, dates as dates,
text by character code, 拼音 not attempted), empty cells last either way, equal cells in
roster order; rows added since the sort follow in roster order, the empty row for new entries
last.

The proxy keeps the order itself — a list of source rows, worked out with Python's `sorted`
over precomputed keys — instead of letting QSortFilterProxyModel compare rows: that calls back
into Python n·log n times, two seconds for a 20,000-row roster. A sort is a layout change
(persistent indexes follow their rows); a filter change removes and inserts rows, as
QSortFilterProxyModel does, so the view keeps the selection and the cursor where it can.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from unionclerk.formspec.rawcells import raw_texts
from unionclerk.formspec.text import fold
from unionclerk.gui.roster.model import RosterModel

Index = QModelIndex | QPersistentModelIndex
MARK = " ▼"  # on the title of a filtered column
_LATER = 1 << 40  # rank of rows added since the sort: after every sorted row
# A change of this many separate runs of rows or more is signalled as one layout change: row
# by row, a filter over 20,000 rows would send thousands of signals.
_MANY_RUNS = 32


def _runs(positions: list[int]) -> Iterator[tuple[int, int]]:
    """Sorted positions as (first, last) runs of consecutive numbers."""
    start = prev = None
    for p in positions:
        if start is None:
            start = prev = p
        elif p == prev + 1:
            prev = p
        else:
            yield start, prev
            start = prev = p
    if start is not None:
        yield start, prev


class RosterProxy(QAbstractTableModel):
    def __init__(self, model: RosterModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.roster = model
        self.text = ""
        self.column_filters: dict[int, set[str] | str] = {}
        self.problems_only = False
        self._seen: set[str] | None = None  # rows present when the filter was last set
        self._texts: dict[int, list[str]] = {}  # per column: folded display texts
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder
        self._rank: dict[str, int] = {}  # row UUID → place in the sorted order
        self._order: list[int] = []  # proxy row → source row
        self._pos: list[int] = []  # source row → proxy row (-1: filtered out)
        self._moving: list[tuple[QPersistentModelIndex, str | None, int]] = []
        self._laying_out = False  # between layoutAboutToBeChanged and layoutChanged
        self._shown: set[str] = set()  # UUIDs of the rows shown when a layout change began
        model.dataChanged.connect(self._source_data_changed)
        model.headerDataChanged.connect(self._source_header_changed)
        model.rowsAboutToBeRemoved.connect(self._source_rows_about_to_be_removed)
        model.rowsRemoved.connect(self._source_rows_removed)
        model.rowsInserted.connect(self._source_rows_inserted)
        model.rowsAboutToBeMoved.connect(self._source_rows_renumbered)
        model.rowsMoved.connect(lambda *_: self._end_layout())
        model.layoutAboutToBeChanged.connect(self._source_rows_renumbered)
        model.layoutChanged.connect(lambda *_: self._end_layout())
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        self._set_order(self._compute())

    # -- the order -----------------------------------------------------------------------
    def _compute(self, keep: set[int] | None = None) -> list[int]:
        """The source rows shown, in the order shown (the empty row for new entries last):
        those the filters accept, or, with `keep`, those rows whatever the filters say now
        (only a change of filter filters again: edits never make rows vanish)."""
        model = self.roster
        rows = range(len(model.rows))
        if keep is not None:
            shown = [r for r in rows if r in keep]
        else:
            shown = [r for r in rows if self._accepts(r)] if self.filtering else list(rows)
        if self._rank:
            rank, uuids = self._rank.get, [r.uuid for r in model.rows]
            shown.sort(key=lambda r: rank(uuids[r], _LATER + r))
        if model.new_row is not None:
            shown.append(model.new_row)
        return shown

    def _set_order(self, order: list[int]) -> None:
        self._order = order
        self._pos = pos = [-1] * self.roster.rowCount()
        for proxy_row, source_row in enumerate(order):
            pos[source_row] = proxy_row

    def _move_to(self, wanted: list[int]) -> None:
        """From the current order to `wanted`: as removals then insertions when the rows both
        show keep their relative order (filters and additions never reorder rows) and the
        change comes in few runs; else as one layout change."""
        keep = set(wanted)
        gone = list(_runs([p for p, s in enumerate(self._order) if s not in keep]))
        have = set(self._order)
        new = list(_runs([p for p, s in enumerate(wanted) if s not in have]))
        if len(gone) + len(new) >= _MANY_RUNS:
            self._begin_layout()
            self._end_layout(wanted)
            return
        for first, last in reversed(gone):
            self.beginRemoveRows(QModelIndex(), first, last)
            self._set_order(self._order[:first] + self._order[last + 1 :])
            self.endRemoveRows()
        for first, last in new:
            self.beginInsertRows(QModelIndex(), first, last)
            self._set_order(self._order[:first] + wanted[first : last + 1] + self._order[first:])
            self.endInsertRows()
        if self._order != wanted:  # rows kept changed places: say so
            self._begin_layout()
            self._end_layout(wanted)

    def _begin_layout(self) -> None:
        """Before the rows change places: note which rows are shown and which row each
        persistent index is on (by UUID: the source rows may be renumbered meanwhile)."""
        self._laying_out = True
        self.layoutAboutToBeChanged.emit()
        model = self.roster
        self._shown = {model.rows[s].uuid for s in self._order if s < len(model.rows)}
        self._moving = []
        for index in self.persistentIndexList():
            source = self._order[index.row()] if 0 <= index.row() < len(self._order) else -1
            uuid = (
                model.rows[source].uuid if 0 <= source < len(model.rows) else None
            )  # None: the empty row for new entries
            self._moving.append((QPersistentModelIndex(index), uuid, index.column()))

    def _end_layout(self, order: list[int] | None = None) -> None:
        """After: the new order (the same rows, or `order`), and each persistent index on
        the row it was on."""
        model = self.roster
        if order is None:
            order = self._compute({i for i, r in enumerate(model.rows) if r.uuid in self._shown})
        self._set_order(order)
        where = {r.uuid: i for i, r in enumerate(model.rows)}
        old, new = [], []
        for persistent, uuid, column in self._moving:
            source = model.new_row if uuid is None else where.get(uuid)
            row = self._pos[source] if source is not None and source < len(self._pos) else -1
            old.append(QModelIndex(persistent))
            new.append(self.index(row, column) if row >= 0 else QModelIndex())
        self._moving = []
        self.changePersistentIndexList(old, new)
        self._laying_out = False
        self.layoutChanged.emit()

    # -- following the roster ------------------------------------------------------------
    def _source_reset(self) -> None:
        self._texts.clear()
        self._set_order(self._compute())
        self.endResetModel()

    def _source_rows_renumbered(self, *_args: Any) -> None:
        self._texts.clear()  # cached by source row number
        self._begin_layout()

    def _source_rows_about_to_be_removed(self, _parent: Index, first: int, last: int) -> None:
        self._texts.clear()
        gone = list(_runs(sorted(p for p in self._pos[first : last + 1] if p >= 0)))
        if len(gone) >= _MANY_RUNS:  # scattered over a sorted table: one layout change
            self._begin_layout()
            return
        for run_first, run_last in reversed(gone):
            self.beginRemoveRows(QModelIndex(), run_first, run_last)
            self._set_order(self._order[:run_first] + self._order[run_last + 1 :])
            self.endRemoveRows()

    def _source_rows_removed(self, _parent: Index, first: int, last: int) -> None:
        if self._laying_out:
            self._end_layout()
            return
        count = last - first + 1
        self._set_order([s - count if s > last else s for s in self._order])

    def _source_rows_inserted(self, _parent: Index, first: int, last: int) -> None:
        self._texts.clear()
        count = last - first + 1
        self._set_order([s + count if s >= first else s for s in self._order])
        shown = {s for s in self._order if s < len(self.roster.rows)}
        self._move_to(self._compute(shown | set(range(first, last + 1))))  # new rows in sight

    def _source_data_changed(
        self, top_left: Index, bottom_right: Index, roles: list[int] | None = None
    ) -> None:
        self._texts.clear()
        shown = [p for p in self._pos[top_left.row() : bottom_right.row() + 1] if p >= 0]
        if shown:
            self.dataChanged.emit(
                self.index(min(shown), top_left.column()),
                self.index(max(shown), bottom_right.column()),
                roles or [],
            )

    def _source_header_changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.headerDataChanged.emit(orientation, first, last)
        elif self._order:
            self.headerDataChanged.emit(orientation, 0, len(self._order) - 1)

    # -- filtering -----------------------------------------------------------------------
    @property
    def filtering(self) -> bool:
        return bool(self.text or self.column_filters or self.problems_only)

    @contextmanager
    def _changing_filter(self) -> Iterator[None]:
        yield
        self._seen = {r.uuid for r in self.roster.rows} if self.filtering else None
        self._move_to(self._compute())
        if self.roster.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.roster.columnCount() - 1)

    def set_filters(self, text: str | None = None, problems_only: bool | None = None) -> None:
        with self._changing_filter():
            if text is not None:
                self.text = fold(text)
            if problems_only is not None:
                self.problems_only = problems_only

    def set_column_filter(self, column: int, allowed: set[str] | str | None) -> None:
        """Allowed display values, or a text the cell must contain; None removes it."""
        with self._changing_filter():
            if allowed is None or allowed == "":
                self.column_filters.pop(column, None)
            else:
                self.column_filters[column] = allowed if isinstance(allowed, set) else fold(allowed)

    def clear_filters(self) -> None:
        with self._changing_filter():
            self.text, self.column_filters, self.problems_only = "", {}, False

    def column_texts(self, column: int) -> list[str]:
        """Every row's display text in a column (folded), cached until the rows change."""
        if column not in self._texts:
            model = self.roster
            self._texts[column] = [
                fold(model.display_text(r, column)) for r in range(len(model.rows))
            ]
        return self._texts[column]

    def distinct_values(self, column: int, limit: int = 300) -> list[str]:
        """The values a column holds (display texts, empty first), for a column filter."""
        model = self.roster
        seen = dict.fromkeys(model.display_text(r, column) for r in range(len(model.rows)))
        return sorted(seen, key=lambda t: (t != "", t))[:limit]

    def _accepts(self, source_row: int) -> bool:
        model = self.roster
        if self._seen is not None and model.rows[source_row].uuid not in self._seen:
            return True  # added since the filter was set: keep it in sight
        if self.problems_only and not model.row_has_problem(source_row):
            return False
        for column, wanted in self.column_filters.items():
            if isinstance(wanted, set):
                if model.display_text(source_row, column) not in wanted:
                    return False
            elif wanted not in self.column_texts(column)[source_row]:
                return False
        if self.text:
            return any(
                self.text in self.column_texts(c)[source_row] for c in range(model.columnCount())
            )
        return True

    # -- sorting -------------------------------------------------------------------------
    def sortColumn(self) -> int:  # noqa: N802 - QSortFilterProxyModel's name
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:  # noqa: N802 - QSortFilterProxyModel's name
        return self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (-1: back to the roster's order)."""
        self._sort_column, self._sort_order = max(column, -1), order
        self._rank = {} if column < 0 else self._ranks(column, order)
        self._begin_layout()
        self._end_layout()

    def _ranks(self, column: int, order: Qt.SortOrder) -> dict[str, int]:
        model = self.roster
        field = model.columns[column]
        values: list[Any] = []  # typed values, sorted as such
        texts: list[tuple[str, int]] = []  # kept text and text values, sorted as text
        empty: list[int] = []
        for i, row in enumerate(model.rows):
            raw = raw_texts(row.values).get(field.key)
            value = row.values.get(field.key) if raw is None else None
            if value is None and raw is None:
                empty.append(i)
            elif raw is not None or isinstance(value, str):
                texts.append((model.display_text(i, column), i))
            else:
                values.append((value, i))
        down, first = order == Qt.SortOrder.DescendingOrder, itemgetter(0)
        # Python's sort is stable even reversed: equal cells stay in roster order.
        ordered = [i for _, i in sorted(values, key=first, reverse=down)]
        ordered += [i for _, i in sorted(texts, key=first, reverse=down)]
        ordered += empty
        rows = model.rows
        return {rows[i].uuid: place for place, i in enumerate(ordered)}

    def resort(self) -> None:
        """Sort again by the current column (after many rows changed at once)."""
        if self._sort_column >= 0:
            self.sort(self._sort_column, self._sort_order)

    # -- mapping --------------------------------------------------------------------------
    def mapToSource(self, proxy_index: Index) -> QModelIndex:  # noqa: N802 - Qt's name
        """The roster model's index for a cell as shown."""
        if not proxy_index.isValid() or proxy_index.row() >= len(self._order):
            return QModelIndex()
        return self.roster.index(self._order[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:  # noqa: N802 - Qt's name
        """Where a roster model cell is shown (invalid when filtered out)."""
        if not source_index.isValid() or source_index.row() >= len(self._pos):
            return QModelIndex()
        row = self._pos[source_index.row()]
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    # -- Qt model ------------------------------------------------------------------------
    # A table model, not a QAbstractProxyModel: Qt then answers parent() and hasChildren()
    # itself; as Python methods they were called hundreds of thousands of times a paste.
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (
            0 <= row < len(self._order) and 0 <= column < self.roster.columnCount()
        ):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.roster.columnCount()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.roster.data(self.mapToSource(index), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self.roster.flags(self.mapToSource(index))

    def setData(
        self,
        index: Index,
        value: Any,  # noqa: N802
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        return self.roster.setData(self.mapToSource(index), value, role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        # Asked of the roster model directly: PySide's conversion of an empty QVariant from
        # C++ hands back None without its reference, and thousands of header paints then
        # crash Python ("deallocating None").
        model = self.roster
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._order):
                return None
            return model.headerData(self._order[section], orientation, role)
        value = model.headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and section in self.column_filters:
            return f"{value}{MARK}"
        return value
