"""Per-column filters and sorting from the roster header's right-click menu.

Right-click a column title: sort up or down, go back to the roster's own order, type a text
the column must contain, or tick the values to show (for columns with a short list of
values, as Excel's filter does). A filtered column's title carries ▼; the filter bar names
every column filter, and 清除筛选 removes them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu, QWidgetAction

if TYPE_CHECKING:
    from unionclerk.gui.roster.host import RosterHost

LISTED = 40  # columns with at most this many distinct values get tick boxes


class ColumnFilters(QObject):
    def __init__(self, table: RosterHost) -> None:
        super().__init__(table)
        self.t = table
        header = table.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.open_menu)
        self.menu: QMenu | None = None

    def menu_for(self, column: int) -> QMenu:
        """The header menu of one column (built fresh each time: values change)."""
        t, proxy = self.t, self.t.proxy
        field = t.model.columns[column]
        menu = QMenu(t)
        menu.setObjectName("column_menu")
        up = menu.addAction(self.tr("升序排列"))
        up.triggered.connect(lambda: t.view.sortByColumn(column, Qt.SortOrder.AscendingOrder))
        down = menu.addAction(self.tr("降序排列"))
        down.triggered.connect(lambda: t.view.sortByColumn(column, Qt.SortOrder.DescendingOrder))
        restore = menu.addAction(self.tr("恢复原顺序"))
        restore.triggered.connect(t.restore_order)
        restore.setEnabled(proxy.sortColumn() >= 0)
        menu.addSeparator()
        line = QLineEdit()
        line.setObjectName("column_filter_text")
        line.setPlaceholderText(self.tr("筛选“{0}”包含…").format(field.title))
        current = proxy.column_filters.get(column)
        if isinstance(current, str):
            line.setText(current)
        line.returnPressed.connect(lambda: (self.set(column, line.text()), menu.close()))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(line)
        menu.addAction(holder)
        values = proxy.distinct_values(column, LISTED + 1)
        if len(values) <= LISTED:
            chosen = current if isinstance(current, set) else set(values)
            for value in values:
                action = QAction(value or self.tr("（空白）"), menu)
                action.setCheckable(True)
                action.setChecked(value in chosen)
                action.setData(value)
                action.toggled.connect(lambda _on, m=menu, c=column: self._ticked(m, c))
                menu.addAction(action)
        menu.addSeparator()
        clear = menu.addAction(self.tr("清除此列筛选"))
        clear.setEnabled(current is not None)
        clear.triggered.connect(lambda: self.set(column, None))
        return menu

    def open_menu(self, pos: QPoint) -> None:
        header = self.t.view.horizontalHeader()
        column = header.logicalIndexAt(pos)
        if column < 0:
            return
        self.menu = self.menu_for(column)
        self.menu.popup(header.mapToGlobal(pos))

    def _ticked(self, menu: QMenu, column: int) -> None:
        ticks = [a for a in menu.actions() if a.isCheckable()]
        allowed = {a.data() for a in ticks if a.isChecked()}
        self.set(column, None if len(allowed) == len(ticks) else allowed)

    def set(self, column: int, allowed: set[str] | str | None) -> None:
        """Filter a column (allowed values, or a text it contains); None removes it."""
        self.t.proxy.set_column_filter(column, allowed)
        self.t.update_status()

    def describe(self) -> str:
        """The column filters in words, for the filter bar."""
        parts = []
        model = self.t.model
        for column, wanted in sorted(self.t.proxy.column_filters.items()):
            title = model.columns[column].title
            if isinstance(wanted, str):
                parts.append(self.tr("“{0}”含“{1}”").format(title, wanted))
            else:
                shown = "、".join(v or self.tr("（空白）") for v in sorted(wanted)[:4])
                more = self.tr("等") if len(wanted) > 4 else ""
                parts.append(self.tr("“{0}”为 {1}{2}").format(title, shown or "—", more))
        return "；".join(parts)
