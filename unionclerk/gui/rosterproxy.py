"""What the roster table shows: `RosterProxy` filters and sorts the `RosterModel`.

Filters: a text looked for in every column, per-column filters (a set of allowed values or a
text the cell must contain), and "only rows with problems". Text is compared without spaces,
full-width forms or case. Rows added while a filter is on stay in sight until the filter
changes, and an edit never makes a row jump or vanish under the cursor (no dynamic re-sort).

Sorting is stable and predictable: by the typed value (numbers as numbers, dates as dates,
text by character code, 拼音 not attempted), empty cells last either way, equal cells in
roster order. The order is worked out in Python once per click (`sorted` over precomputed
keys); Qt's stable sort then only compares ranks.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication

from unionclerk.formspec.fieldtypes import to_halfwidth
from unionclerk.formspec.rawcells import raw_texts
from unionclerk.gui.roster import RosterModel

Index = QModelIndex | QPersistentModelIndex
MARK = " ▼"  # on the title of a filtered column


def fold(text: str) -> str:
    """Text as filters compare it: half-width, lower case, no spaces."""
    return "".join(to_halfwidth(text).lower().split())


class RosterProxy(QSortFilterProxyModel):
    def __init__(self, model: RosterModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.roster = model
        self.setSourceModel(model)
        self.setDynamicSortFilter(False)
        self.text = ""
        self.column_filters: dict[int, set[str] | str] = {}
        self.problems_only = False
        self._seen: set[str] | None = None  # rows present when the filter was last set
        self._rank: dict[str, int] = {}
        self._texts: dict[int, list[str]] = {}  # per column: folded display texts
        model.modelReset.connect(self._forget)
        model.rowsInserted.connect(self._forget)
        model.rowsRemoved.connect(self._forget)
        model.dataChanged.connect(self._forget)
        self._ranks: list[int] = []
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.rowsMoved):
            signal.connect(self._rank_rows)

    # -- filtering -----------------------------------------------------------------------
    @property
    def filtering(self) -> bool:
        return bool(self.text or self.column_filters or self.problems_only)

    @contextmanager
    def _changing_filter(self) -> Iterator[None]:
        """Change the filter state inside Qt's begin / end (6.9+; older Qt: invalidate)."""
        new_api = hasattr(self, "beginFilterChange")
        if new_api:
            self.beginFilterChange()
        yield
        self._seen = {r.uuid for r in self.roster.rows} if self.filtering else None
        if new_api:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()
        if self.roster.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                        self.roster.columnCount() - 1)

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
                self.column_filters[column] = (allowed if isinstance(allowed, set)
                                               else fold(allowed))

    def clear_filters(self) -> None:
        with self._changing_filter():
            self.text, self.column_filters, self.problems_only = "", {}, False

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked of the roster model directly, not through super(): PySide's conversion of
        # an empty QVariant from C++ hands back None without its reference, and thousands of
        # header paints then crash Python ("deallocating None").
        model = self.roster
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < self.rowCount():
                return None
            section = self.mapToSource(self.index(section, 0)).row()
            return model.headerData(section, orientation, role)
        value = model.headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and section in self.column_filters:
            return f"{value}{MARK}"
        return value

    def _forget(self, *_args: Any) -> None:
        self._texts.clear()

    def column_texts(self, column: int) -> list[str]:
        """Every row's display text in a column (folded), cached until the rows change."""
        if column not in self._texts:
            model = self.roster
            self._texts[column] = [fold(model.display_text(r, column))
                                   for r in range(len(model.rows))]
        return self._texts[column]

    def distinct_values(self, column: int, limit: int = 300) -> list[str]:
        """The values a column holds (display texts, empty first), for a column filter."""
        model = self.roster
        seen = dict.fromkeys(model.display_text(r, column) for r in range(len(model.rows)))
        return sorted(seen, key=lambda t: (t != "", t))[:limit]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.roster
        if not self.filtering or model.is_new_row(source_row):
            return True
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
            return any(self.text in self.column_texts(c)[source_row]
                       for c in range(model.columnCount()))
        return True

    # -- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            self._rank = {}
            self._rank_rows()
            super().sort(-1, order)
            return
        model = self.roster
        field = model.columns[column]
        rows = model.rows
        keyed = []
        for i, row in enumerate(rows):
            raw = raw_texts(row.values).get(field.key)
            value = row.values.get(field.key) if raw is None else None
            if value is None and raw is None:
                keyed.append((2, 0, "", i))
            elif raw is not None or isinstance(value, str):  # kept text sorts as text
                keyed.append((1, 0, model.display_text(i, column), i))
            else:
                keyed.append((0, value, "", i))
        down = order == Qt.SortOrder.DescendingOrder
        # Python's sort is stable even reversed: equal cells stay in roster order.
        filled = [*sorted((k for k in keyed if k[0] == 0), key=lambda k: k[1], reverse=down),
                  *sorted((k for k in keyed if k[0] == 1), key=lambda k: k[2], reverse=down)]
        ordered = filled + [k for k in keyed if k[0] == 2]
        n = len(ordered)
        # Qt sorts descending by "greater first": give it ranks that reproduce our order.
        self._rank = {rows[k[3]].uuid: (n - pos if down else pos)
                      for pos, k in enumerate(ordered)}
        self._rank_rows(down=down)
        busy = len(rows) > 2000  # Qt compares n·log n times through Python: ~1.5 s at 20,000
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            super().sort(column, order)
        finally:
            if busy:
                QGuiApplication.restoreOverrideCursor()

    def _rank_rows(self, *_args: Any, down: bool | None = None) -> None:
        """Each source row's rank, in a list `lessThan` can index (it runs n·log n times):
        rows added since the sort follow in roster order, the empty row for new entries last
        (Qt reverses the comparison for a descending sort)."""
        if not self._rank:
            self._ranks: list[int] = []
            return
        rows, big = self.roster.rows, 1 << 40
        rank = self._rank.get
        self._ranks = [rank(r.uuid, big + i) for i, r in enumerate(rows)]
        if down is None:
            down = self.sortOrder() == Qt.SortOrder.DescendingOrder
        self._ranks.append(-1 if down else 1 << 50)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        try:
            return self._ranks[left.row()] < self._ranks[right.row()]
        except IndexError:  # rows came in before our own signal handler ran
            self._rank_rows()
            return self._ranks[left.row()] < self._ranks[right.row()]

    def resort(self) -> None:
        """Sort again by the current column (after many rows changed at once)."""
        if self.sortColumn() >= 0:
            self.sort(self.sortColumn(), self.sortOrder())

