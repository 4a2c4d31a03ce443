"""A roster form's editor: buttons, filter bar, the table, live figures and a status line.

`RosterTable` puts together the model (`model`), the filter / sort proxy (`proxy`), the
spreadsheet-like view (`view`) and its commands (`ops`), the per-column filters in the
header's right-click menu (`filters`), the import from the clerk's own workbook
(`importing`) and, for the cadres roster, the figures derived from it (`figures`); they see
the table through `host.RosterHost`. It emits requests; the window saves them as undo steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from unionclerk.gui.helpdoc import ColumnHelp
from unionclerk.gui.roster.figures import FiguresPanel
from unionclerk.gui.roster.filters import ColumnFilters
from unionclerk.gui.roster.model import RosterModel
from unionclerk.gui.roster.ops import RosterOps
from unionclerk.gui.roster.proxy import RosterProxy
from unionclerk.gui.roster.view import RosterView

if TYPE_CHECKING:
    from unionclerk.formspec import FormDef
    from unionclerk.services.editing import EditSession

ERROR_STYLE, INFO_STYLE = "color: #b3261e;", "color: #3c4043;"


class RosterTable(QWidget):
    add_requested = Signal(int)  # position
    rows_requested = Signal(object, str)  # RowsPlan, the undo step's label
    move_requested = Signal(str, int)  # row uuid, new position

    def __init__(self, form: FormDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.model = RosterModel(form, self)
        self.proxy = RosterProxy(self.model, self)
        self.view = RosterView(self.model, self.proxy)
        self.ops = RosterOps(self)
        self.filters = ColumnFilters(self)
        self.session: EditSession | None = None
        self.model.rows_requested.connect(self.rows_requested)
        self.model.refused.connect(self._refused)
        self.model.kept.connect(self._kept)

        def button(name: str, text: str, slot, tip: str = "") -> QPushButton:  # noqa: ANN001
            b = QPushButton(text)
            b.setObjectName(name)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        add = button("add_row", self.tr("添加一行"), self._add, self.tr("在当前行下面添加一行"))
        remove = button(
            "delete_row",
            self.tr("删除所选行"),
            self.ops.delete_rows,
            self.tr("删除选中单元格所在的行（Ctrl+-），可撤销"),
        )
        up = button("move_up", self.tr("上移"), lambda: self.ops.move(-1), "Alt+Shift+↑")
        down = button("move_down", self.tr("下移"), lambda: self.ops.move(1), "Alt+Shift+↓")
        self.import_button = button(
            "import_roster",
            self.tr("从 Excel 导入…"),
            self._import,
            self.tr("从自己整理的 Excel 名单导入，可先核对各列的对应"),
        )
        self.buttons = (add, remove, up, down, self.import_button)
        self.reveal = QCheckBox(self.tr("显示完整身份证号"))
        self.reveal.setObjectName("reveal_ids")
        self.reveal.setVisible(any(f.sensitive for f in self.model.columns))
        self.reveal.toggled.connect(self.model.set_reveal_ids)
        bar = QHBoxLayout()
        for b in self.buttons:
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.reveal)

        self.find = QLineEdit()
        self.find.setObjectName("roster_find")
        self.find.setPlaceholderText(self.tr("查找（在所有列中）…"))
        self.find.setClearButtonEnabled(True)
        self._find_timer = QTimer(self, singleShot=True, interval=250)
        self._find_timer.timeout.connect(self._apply_find)
        self.find.textChanged.connect(lambda _t: self._find_timer.start())
        self.problems_only = QCheckBox(self.tr("只看有问题的行"))
        self.problems_only.setObjectName("problems_only")
        self.problems_only.toggled.connect(
            lambda on: (self.proxy.set_filters(problems_only=on), self.update_status())
        )
        self.filter_note = QLabel()
        self.filter_note.setStyleSheet(INFO_STYLE)
        self.clear_filters = button("clear_filters", self.tr("清除筛选"), self._clear_filters)
        self.unsort = button("unsort", self.tr("恢复原顺序"), self.restore_order)
        filters = QHBoxLayout()
        filters.addWidget(self.find, 2)
        filters.addWidget(self.problems_only)
        filters.addWidget(self.filter_note, 1)
        filters.addWidget(self.clear_filters)
        filters.addWidget(self.unsort)

        self.figures = FiguresPanel(form) if form.derived_figures else None
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.view)
        if self.figures is not None:
            middle.addWidget(self.figures)
            middle.setStretchFactor(0, 1)
            middle.setSizes([880, 260])
        self.status = QLabel()
        self.status.setObjectName("roster_status")
        self.message = QLabel()
        self.message.setObjectName("roster_message")
        self._about: tuple[str | None, str, str | None] | None = None  # what it is about
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        foot = QHBoxLayout()
        foot.addWidget(self.status)
        foot.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(middle, 1)
        self.column_help = ColumnHelp(self.view, self.model.columns, self)
        layout.addWidget(self.column_help)
        layout.addLayout(foot)
        self.view.selectionModel().currentRowChanged.connect(self._cursor_row)
        self.proxy.modelReset.connect(self.update_status)
        self.proxy.rowsInserted.connect(self.update_status)
        self.proxy.rowsRemoved.connect(self.update_status)
        self.view.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self.update_status())
        self._sized = False
        self.update_status()

    # -- following the session -----------------------------------------------------------
    def show_session(self, session: EditSession) -> None:
        """Show the session's rows, problems and figures (after any change)."""
        self.session = session
        before = [r.uuid for r in self.model.rows]
        rows = session.data.rows.get(self.form.key, [])
        self.model.sync(rows, session.problems(), session.editable)
        if before != [r.uuid for r in rows] and len(rows) - len(before) not in (-1, 0, 1):
            self.proxy.resort()  # many rows came or went: put them in the sort order
        self.set_editable(session.editable)
        if not self._sized and rows:
            self.view.size_columns()
            self._sized = True
        if self.figures is not None:
            self.figures.show_rows(rows, session.report.period)
        self.update_status()
        self._forget_stale_message()

    def set_editable(self, editable: bool) -> None:
        for b in self.buttons:
            b.setEnabled(editable)
        for action in self.ops.actions.values():
            action.setEnabled(editable or action.objectName() == "roster_copy")

    def _cursor_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.proxy.mapToSource(current).row() if current.isValid() else -1
        rows = self.model.rows
        self.model.set_open_row(rows[source].uuid if 0 <= source < len(rows) else None)

    def update_status(self) -> None:
        total = len(self.model.rows)
        shown = self.proxy.rowCount() - (1 if self.model.new_row is not None else 0)
        errors, warnings = self.model.counts()
        text = self.tr("共 {0} 行").format(f"{total:,}")
        if self.proxy.filtering:
            text += self.tr("，筛选后显示 {0} 行").format(f"{shown:,}")
        text += self.tr("　错误 {0} 个，警告 {1} 个").format(errors, warnings)
        self.status.setText(text)
        self.filter_note.setText(self.filters.describe())
        self.clear_filters.setVisible(self.proxy.filtering)
        self.unsort.setVisible(self.proxy.sortColumn() >= 0)

    def say(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)
        self._about = None

    def _cell_message(self, row: int, key: str, text: str | None, message: str) -> None:
        """A message about one cell: it goes once that cell holds something else."""
        self.say(message)
        rows = self.model.rows
        self._about = (rows[row].uuid if 0 <= row < len(rows) else None, key, text)

    def _refused(self, row: int, key: str, reason: str) -> None:
        self._cell_message(row, key, None, reason)

    def _kept(self, row: int, key: str, text: str) -> None:
        from unionclerk.domain.errors import ValueRefused
        from unionclerk.formspec.rawcells import shown

        field = self.form.field(key)
        try:
            field.parse_text(text)
            reason = ""
        except ValueRefused as exc:
            reason = exc.message
        self._cell_message(
            row,
            key,
            text,
            self.tr("第 {0} 行“{1}”无法识别“{2}”，已保留原文并标红，请改正。{3}").format(
                row + 1, field.plain_label, shown(text), reason
            ),
        )

    def _forget_stale_message(self) -> None:
        """The cell a message was about has been fixed (or its row is gone): clear it."""
        if self._about is None:
            return
        from unionclerk.formspec.rawcells import Raw, cell

        uuid, key, text = self._about
        row = next((r for r in self.model.rows if r.uuid == uuid), None) if uuid else None
        now = cell(row.values, key) if row is not None else None
        if row is None or text is None or not (isinstance(now, Raw) and now.text == text):
            self.say("")

    # -- filters and order ---------------------------------------------------------------
    def _apply_find(self) -> None:
        self.proxy.set_filters(text=self.find.text())
        self.update_status()

    def _clear_filters(self) -> None:
        self.find.blockSignals(True)
        self.find.clear()
        self.find.blockSignals(False)
        self.problems_only.blockSignals(True)
        self.problems_only.setChecked(False)
        self.problems_only.blockSignals(False)
        self.proxy.clear_filters()
        self.update_status()

    def restore_order(self) -> None:
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.update_status()

    # -- commands ------------------------------------------------------------------------
    def _add(self) -> None:
        current = self.view.currentIndex()
        rows = len(self.model.rows)
        if current.isValid():
            self.add_requested.emit(min(rows, self.proxy.mapToSource(current).row() + 1))
        else:
            self.add_requested.emit(rows)

    def _import(self) -> None:
        from unionclerk.gui.roster.importing import RosterImport

        if self.session is not None:
            RosterImport(self, self.session).start()

    # -- showing a place -----------------------------------------------------------------
    def select_rows(self, uuids: list[str], keys: list[str]) -> None:
        """Select the given rows' cells in the given columns (after a paste or a move)."""
        rows = {r.uuid: i for i, r in enumerate(self.model.rows)}
        columns = sorted({self.model.column_of(k) for k in keys}) or [0]
        selection = QItemSelection()
        first = None
        for uuid in uuids:
            if uuid not in rows:
                continue
            left = self.proxy.mapFromSource(self.model.index(rows[uuid], columns[0]))
            right = self.proxy.mapFromSource(self.model.index(rows[uuid], columns[-1]))
            if left.isValid():
                selection.select(left, right)
                first = first or left
        if first is not None:
            flags = QItemSelectionModel.SelectionFlag
            self.view.selectionModel().setCurrentIndex(first, flags.NoUpdate)
            self.view.selectionModel().select(selection, flags.ClearAndSelect)
            self.view.scrollTo(first)

    def focus_cell(self, uuid: str, key: str) -> None:
        row = self.model.row_of(uuid)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, self.model.column_of(key)))
        if not index.isValid():  # hidden by a filter: show everything again
            self._clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, self.model.column_of(key)))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_column(self, key: str) -> None:
        index = self.proxy.index(0, self.model.column_of(key))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
