"""The roster table's commands: clipboard, clear, fill down, insert / delete / move rows.

Each command works on what the view shows (its sort and filter), turns the clerk's intent
into one request — one cell, or one `RowsPlan` for many — and leaves saving to the window,
so every command is one undo step. Pasting reads Excel's clipboard text by the columns' types
(`services.roster_paste`); what cannot be pasted at all is refused with a message naming the
rows, and nothing is pasted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from unionclerk.domain.errors import UserError
from unionclerk.formspec.rawcells import cell, put
from unionclerk.gui import dialogs

if TYPE_CHECKING:
    from unionclerk.gui.roster.host import RosterHost


class RosterOps(QObject):
    def __init__(self, table: RosterHost) -> None:
        super().__init__(table)
        self.t = table
        self.view, self.proxy, self.model = table.view, table.proxy, table.model
        self.actions: dict[str, QAction] = {}
        keys = QKeySequence.StandardKey
        for name, text, shortcuts, slot in (
            ("copy", self.tr("复制"), [QKeySequence(keys.Copy)], self.copy),
            ("cut", self.tr("剪切"), [QKeySequence(keys.Cut)], self.cut),
            ("paste", self.tr("粘贴"), [QKeySequence(keys.Paste)], self.paste),
            (
                "clear",
                self.tr("清除内容"),
                [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)],
                self.clear,
            ),
            ("fill_down", self.tr("向下填充"), [QKeySequence("Ctrl+D")], self.fill_down),
            (None, "", [], None),
            (
                "insert_rows",
                self.tr("在上方插入行"),
                [QKeySequence("Ctrl++"), QKeySequence("Ctrl+Shift+=")],
                self.insert_rows,
            ),
            ("delete_rows", self.tr("删除所选行"), [QKeySequence("Ctrl+-")], self.delete_rows),
            ("move_up", self.tr("上移"), [QKeySequence("Alt+Shift+Up")], lambda: self.move(-1)),
            ("move_down", self.tr("下移"), [QKeySequence("Alt+Shift+Down")], lambda: self.move(1)),
        ):
            if name is None:
                self.view.menu_actions.append(None)
                continue
            action = QAction(text, self.view)
            action.setObjectName(f"roster_{name}")
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.view.addAction(action)
            self.view.menu_actions.append(action)
            self.actions[name] = action

    # -- helpers -------------------------------------------------------------------------
    def _source_row(self, view_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(view_row, 0)).row()

    def _editable(self) -> bool:
        if not self.model.editable:
            self.t.say(self.tr("报表已标记完成，不能修改。如需修改，请先“重新打开”。"))
        return self.model.editable

    def _request(self, plan: Any, label: str) -> None:
        if plan:
            self.t.rows_requested.emit(plan, label)

    # -- clipboard -----------------------------------------------------------------------
    def copy(self) -> None:
        from unionclerk.services.roster_cells import cell_text, to_tsv

        block = self.view.selected_block()
        if block is None:
            return
        top, left, bottom, right = block
        columns = self.model.columns[left : right + 1]
        sources = [self._source_row(r) for r in range(top, bottom + 1)]
        rows = [self.model.rows[r].values for r in sources if not self.model.is_new_row(r)]
        QGuiApplication.clipboard().setText(
            to_tsv([[cell_text(f, v) for f in columns] for v in rows])
        )
        self.t.say(self.tr("已复制 {0} 行 × {1} 列").format(len(rows), len(columns)), error=False)

    def cut(self) -> None:
        self.copy()
        self.clear()

    def paste(self, text: str | None = None) -> None:
        """Paste Excel's clipboard text (or `text`) at the cursor / over the selection."""
        from unionclerk.services.roster_cells import parse_tsv, tile
        from unionclerk.services.roster_paste import TooWide, plan_paste

        if not self._editable():
            return
        grid = parse_tsv(QGuiApplication.clipboard().text() if text is None else text)
        if not grid:
            return
        block = self.view.selected_block() or (self.proxy.rowCount(), 0, self.proxy.rowCount(), 0)
        top, left, bottom, right = block
        grid = tile(grid, bottom - top + 1, right - left + 1)  # as Excel fills a selection
        sources = [self._source_row(r) for r in range(top, self.proxy.rowCount())]
        targets = [self.model.rows[r] for r in sources if not self.model.is_new_row(r)]
        form, columns, at = self.model.form, self.model.columns, len(self.model.rows)
        try:
            try:
                pasted = plan_paste(form, columns, grid, left, targets, at)
            except TooWide as exc:
                if not dialogs.confirm(
                    self.t,
                    exc.message
                    + "\n"
                    + self.tr("多出的 {0} 列（最右边）将不会粘贴。继续粘贴吗？").format(exc.extra),
                ):
                    return
                pasted = plan_paste(form, columns, grid, left, targets, at, allow_wider=True)
        except UserError as exc:
            dialogs.show_error(self.t, exc)
            return
        self._request(pasted.plan, self.tr("粘贴 {0} 行").format(len(pasted.rows)))
        self.t.select_rows(pasted.rows, pasted.keys)
        text_ = self.tr("已粘贴 {0} 行").format(len(pasted.rows))
        if pasted.added:
            text_ += self.tr("（新增 {0} 行）").format(pasted.added)
        if pasted.kept:
            text_ += self.tr("；{0} 个单元格无法识别，已保留原文并标红，请改正").format(pasted.kept)
        self.t.say("；".join([text_, *pasted.notes]), error=bool(pasted.kept))

    # -- cells ---------------------------------------------------------------------------
    def _cells(self) -> dict[int, list[int]]:
        """Selected cells: source row → columns."""
        out: dict[int, list[int]] = {}
        indexes = self.view.selectionModel().selectedIndexes() or (
            [self.view.currentIndex()] if self.view.currentIndex().isValid() else []
        )
        for index in indexes:
            row = self._source_row(index.row())
            if not self.model.is_new_row(row):
                out.setdefault(row, []).append(index.column())
        return out

    def clear(self) -> None:
        from unionclerk.services.editing import RowsPlan, copy_values

        if not self._editable():
            return
        cells = self._cells()
        if not cells:
            return
        if sum(map(len, cells.values())) == 1:  # one cell: one incremental edit
            row, (column,) = next(iter(cells.items()))
            self.model.set_text(row, column, "")
            return
        plan = RowsPlan()
        for row, columns in cells.items():
            target = self.model.rows[row]
            values = copy_values(target.values)
            for c in columns:
                field = self.model.columns[c]
                put(values, field.key, None)
                if field.has_other:
                    put(values, field.other_key, None)
            if values != target.values:
                plan.update[target.uuid] = values
        self._request(plan, self.tr("清除 {0} 个单元格").format(sum(map(len, cells.values()))))

    def fill_down(self) -> None:
        """Copy the top row of the selection down over it (one row: the row above)."""
        from unionclerk.services.editing import RowsPlan, copy_values

        block = self.view.selected_block()
        if block is None or not self._editable():
            return
        top, left, bottom, right = block
        source = top - 1 if top == bottom else top
        if source < 0 or self.model.is_new_row(self._source_row(source)):
            return
        origin = self.model.rows[self._source_row(source)].values
        plan = RowsPlan()
        for r in range(source + 1, bottom + 1):
            if self.model.is_new_row(self._source_row(r)):
                continue
            target = self.model.rows[self._source_row(r)]
            values = copy_values(target.values)
            for field in self.model.columns[left : right + 1]:
                put(values, field.key, cell(origin, field.key))
                if field.has_other:
                    put(values, field.other_key, origin.get(field.other_key))
            plan.update[target.uuid] = values
        self._request(plan, self.tr("向下填充"))

    # -- rows ----------------------------------------------------------------------------
    def insert_rows(self) -> None:
        from unionclerk.services.editing import EditSession, RowsPlan

        if not self._editable():
            return
        rows = self.view.selected_rows()
        at = rows[0] if rows else len(self.model.rows)
        count = max(1, len(rows))
        defaults = {f.key: f.default for f in self.model.form.fields if f.default is not None}
        plan = RowsPlan(
            insert=[(at + i, EditSession.new_uuid(), dict(defaults)) for i in range(count)]
        )
        self._request(plan, self.tr("插入 {0} 行").format(count))
        self.t.select_rows([u for _, u, _ in plan.insert], [self.model.columns[0].key])

    def delete_rows(self) -> None:
        from unionclerk.services.editing import RowsPlan

        rows = self.view.selected_rows()
        if not rows or not self._editable():
            return
        column = max(0, self.view.currentIndex().column())
        plan = RowsPlan(delete=[self.model.rows[r].uuid for r in rows])
        self._request(plan, self.tr("删除 {0} 行").format(len(rows)))
        self.view.go_to(
            self.proxy.mapFromSource(
                self.model.index(min(rows[0], max(0, self.model.rowCount() - 1)), column)
            ).row(),
            column,
        )
        self.t.say(self.tr("已删除 {0} 行（可撤销：Ctrl+Z）").format(len(rows)), error=False)

    def move(self, step: int) -> None:
        """Move the selected rows (a run of rows in roster order) up or down by one."""
        rows = self.view.selected_rows()
        if not rows or not self._editable():
            return
        if self.proxy.sortColumn() >= 0:
            self.t.say(self.tr("表格已按某列排序，不能移动行：请先“恢复原顺序”"))
            return
        first, last = rows[0], rows[-1]
        if last - first + 1 != len(rows):
            self.t.say(self.tr("只能移动相连的几行"))
            return
        neighbour = first - 1 if step < 0 else last + 1
        if not 0 <= neighbour < len(self.model.rows):
            return
        uuids = [self.model.rows[r].uuid for r in rows]
        keys = [self.model.columns[max(0, self.view.currentIndex().column())].key]
        self.t.move_requested.emit(self.model.rows[neighbour].uuid, last if step < 0 else first)
        self.t.select_rows(uuids, keys)
