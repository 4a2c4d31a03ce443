"""Importing a roster from the clerk's own Excel workbook: pick, read, match, confirm, apply.

The file is read in a worker (`services.roster_import.read_source`, the guarded workbook
reader); the dialog then shows the program's guess — the sheet, the header row, which column
is which field — and a preview of the first rows read by type with their problems, so the
clerk can fix the matching before anything changes. Append or replace; either way the whole
import is one request, so one undo step takes it back. Anything that must stop the import
(rounded ID numbers, over-long cells) is named in the dialog, and 导入 stays disabled.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionclerk.gui import dialogs
from unionclerk.gui.roster.importmodels import MappingDelegate, MappingModel, PreviewModel
from unionclerk.gui.workers import Job, start_job

if TYPE_CHECKING:
    from unionclerk.gui.roster.host import RosterHost
    from unionclerk.services.editing import EditSession
    from unionclerk.services.roster_import import Matching, Source

ERROR_STYLE = "color: #b3261e;"


class ImportDialog(QDialog):
    def __init__(self, table: RosterHost, session: EditSession, source: Source) -> None:
        super().__init__(table)
        from unionclerk.services import roster_import

        self.ri = roster_import
        self.form, self.session, self.source = table.form, session, source
        self.existing = len(session.data.rows.get(self.form.key, []))
        self.setObjectName("roster_import")
        self.setWindowTitle(self.tr("从 Excel 导入{0}").format(self.form.display_title))
        self.resize(1100, 720)
        self.matching: Matching = roster_import.guess(self.form, source)
        self.sheet = QComboBox()
        self.sheet.setObjectName("import_sheet")
        self.sheet.addItems(list(source.sheets))
        self.sheet.setCurrentText(self.matching.sheet)
        self.sheet.currentTextChanged.connect(self._sheet_chosen)
        self.header = QSpinBox()
        self.header.setObjectName("import_header")
        self.header.setSpecialValueText(self.tr("没有标题行"))
        self.header.valueChanged.connect(self._header_chosen)
        self.mapping = MappingModel(self.form, self)
        self.mapping.changed.connect(self._preview)
        self.mapping_view = QTableView()
        self.mapping_view.setObjectName("import_mapping")
        self.mapping_view.setModel(self.mapping)
        self.mapping_view.setItemDelegateForColumn(
            MappingModel.TARGET, MappingDelegate(self.form, self)
        )
        self.mapping_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.mapping_view.verticalHeader().hide()
        head = self.mapping_view.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(True)
        for column, width in ((0, 32), (1, 110), (2, 110)):
            self.mapping_view.setColumnWidth(column, width)
        row_height = self.fontMetrics().height() + 10
        self.preview = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setObjectName("import_preview")
        self.preview_view.setModel(self.preview)
        self.preview_view.setWordWrap(False)
        for view in (self.mapping_view, self.preview_view):
            view.verticalHeader().setDefaultSectionSize(row_height)
        self.append = QRadioButton(self.tr("追加到现有 {0} 行之后").format(self.existing))
        self.append.setObjectName("import_append")
        self.replace = QRadioButton(
            self.tr("替换现有名单（现有 {0} 行将被删除）").format(self.existing)
        )
        self.replace.setObjectName("import_replace")
        (self.replace if self.existing == 0 else self.append).setChecked(True)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.blocking = QLabel()
        self.blocking.setObjectName("import_blocking")
        self.blocking.setWordWrap(True)
        self.blocking.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("文件：{0}").format(source.path.name)))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("工作表")))
        top.addWidget(self.sheet)
        top.addWidget(QLabel(self.tr("标题行")))
        top.addWidget(self.header)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("各列对应到（可修改）")))
        column.addWidget(self.mapping_view)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            QLabel(
                self.tr("预览前 {0} 行（红色为错误，黄色为警告，鼠标停留可看原因）").format(
                    roster_import.PREVIEW
                )
            )
        )
        column.addWidget(self.preview_view)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([380, 720])
        modes = QHBoxLayout()
        modes.addWidget(self.append)
        modes.addWidget(self.replace)
        modes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.blocking)
        layout.addLayout(modes)
        layout.addWidget(self.buttons)
        self._show_matching()

    # -- the matching --------------------------------------------------------------------
    def _rows(self) -> list[list[Any]]:
        return self.source.sheets[self.matching.sheet]

    def _show_matching(self) -> None:
        rows = self._rows()
        self.header.blockSignals(True)
        self.header.setRange(0, max(1, min(len(rows), 50)))
        self.header.setValue(0 if self.matching.header is None else self.matching.header + 1)
        self.header.blockSignals(False)
        head = rows[self.matching.header] if self.matching.header is not None else []
        data = self.ri.data_rows(self.source, self.matching)
        width = len(self.matching.columns)
        headers = [_text(head[i]) if i < len(head) else "" for i in range(width)]
        samples = [
            next((_text(r[i]) for _, r in data[:50] if i < len(r) and _text(r[i])), "")
            for i in range(width)
        ]
        self.mapping.set_columns(headers, samples, list(self.matching.columns))
        self._preview()

    def _sheet_chosen(self, name: str) -> None:
        if name in self.source.sheets:
            self.matching = self.ri.guess(self.form, self.source, name)
            self._show_matching()

    def _header_chosen(self, value: int) -> None:
        from unionclerk.formspec.headers import match_header

        rows = self._rows()
        header = value - 1 if value > 0 else None
        width = max((len(r) for r in rows[:200]), default=0)
        columns = (
            match_header(self.form, rows[header])
            if header is not None
            else list(self.matching.columns)
        )
        self.matching.header = header
        self.matching.columns = columns + [None] * (width - len(columns))
        self._show_matching()

    def set_column(self, column: int, key: str | None) -> None:
        """Send a sheet column to a field (None: do not import it), as the drop-down does."""
        self.mapping.setData(self.mapping.index(column, MappingModel.TARGET), key or "")

    def _preview(self) -> None:
        self.matching.columns = list(self.mapping.keys)
        data = self.ri.data_rows(self.source, self.matching)
        keys = self.matching.columns
        blocking = self.ri.refusals(self.form, data, keys)
        rows = self.ri.build_rows(self.form, data, keys, limit=self.ri.PREVIEW)
        fields = [
            f
            for f in self.form.fields
            if not f.companion_of and (f.key in keys or (f.has_other and f.other_key in keys))
        ]
        problems = self.ri.preview_problems(
            self.session.forms, self.session.report.period, self.form.key, rows.values
        )
        self.preview.set_rows(fields, rows.values, rows.sheet_rows, problems)
        total = len(data)
        self.summary.setText(
            self.tr(
                "工作表“{0}”：标题行以下 {1} 行，{2} 列对应到名单；前 {3} 行中有 {4} 行有问题。"
            ).format(
                self.matching.sheet,
                total,
                sum(k is not None for k in keys),
                len(rows.values),
                sum(bool(p) for p in problems),
            )
        )
        if not fields:
            blocking = [self.tr("还没有任何一列对应到名单：请在左边“导入为”中选择")] + blocking
        self.blocking.setText("\n".join(blocking))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blocking)

    @property
    def blocked(self) -> bool:
        return bool(self.blocking.text())


def _text(value: Any) -> str:
    """A sheet cell as the dialog shows it (a date without its midnight time)."""
    if value is None:
        return ""
    if isinstance(value, datetime) and value.time() == time():
        value = value.date()
    return " ".join(str(value).split())[:40]


class RosterImport(QObject):
    """The import from the table's button: file, worker, dialog, request."""

    def __init__(self, table: RosterHost, session: EditSession) -> None:
        super().__init__(table)
        self.t, self.session = table, session
        self.dialog: ImportDialog | None = None

    def start(self) -> None:
        if not self.t.model.editable:
            self.t.say(self.tr("报表已标记完成，不能导入。如需修改，请先“重新打开”。"))
            return
        files, _ = QFileDialog.getOpenFileNames(
            self.t,
            self.tr("选择要导入的名单（Excel 工作簿）"),
            "",
            self.tr("Excel 工作簿 (*.xlsx *.xlsm);;文本表格 (*.csv *.txt);;所有文件 (*)"),
        )
        if files:
            self.read(Path(files[0]))

    def read(self, path: Path) -> Job:
        from unionclerk.services.roster_import import read_source

        return start_job(
            self.t,
            self.tr("正在读取 {0}……").format(path.name),
            lambda progress, _cancelled: read_source(path, progress),
            self.confirm,
        )

    def confirm(self, source: Source) -> None:
        from unionclerk.services import roster_import

        self.dialog = ImportDialog(self.t, self.session, source)
        if self.dialog.exec() != QDialog.DialogCode.Accepted or self.dialog.blocked:
            return
        d = self.dialog
        data = roster_import.data_rows(source, d.matching)
        rows = roster_import.build_rows(self.t.form, data, d.matching.columns)
        if not rows.values:
            dialogs.show_error(self.t, self.tr("没有可导入的行（空行、合计行和标题行已跳过）"))
            return
        existing = self.session.data.rows.get(self.t.form.key, [])
        replace = d.replace.isChecked()
        plan = roster_import.plan(existing, rows.values, replace)
        label = (
            self.tr("导入名单（替换，{0} 行）") if replace else self.tr("导入名单（追加 {0} 行）")
        ).format(len(rows.values))
        self.t.rows_requested.emit(plan, label)
        self.t.select_rows([u for _, u, _ in plan.insert[:1]], [self.t.model.columns[0].key])
        text = self.tr("已从“{0}”导入 {1} 行").format(source.path.name, len(rows.values))
        if rows.kept:
            text += self.tr("；{0} 个单元格无法识别，已保留原文并标红，请改正").format(rows.kept)
        if rows.skipped:
            text += self.tr("；跳过了 {0} 个空行、合计行或重复的标题行").format(rows.skipped)
        self.t.say(text, error=bool(rows.kept))
