"""The county screen (县级汇总): add townships' files or folders (or drop them on the window),
watch each file's status as it is read, resolve duplicates and edited files, see the key
figures, and export the summary workbook, PDF and JSON.

Reading and writing run in a worker thread (`gui.workers.Job`: progress, Cancel). Reports
already received for the period (kept in the county's database by an earlier merge) are in
from the start, so a late file is simply added and the summary exported again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.exporters.summary.model import group
from unionclerk.gui import dialogs
from unionclerk.gui.county.decide import DEFAULT, DecisionDialog
from unionclerk.gui.county.models import FilesModel, UnitsModel
from unionclerk.gui.workers import Job, start_job
from unionclerk.services import county, reports
from unionclerk.services.county import expected as expected_list
from unionclerk.services.county import identity, lines, received
from unionclerk.services.county.results import FileResult
from unionclerk.services.workspace import Workspace


class _Feed(QObject):
    """Carries each file's result from the worker thread to the table (queued)."""

    read = Signal(object)


def _table(model: Any, widths: list[int]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(22)
    for column, width in enumerate(widths):  # by content type: never measured over all rows
        view.setColumnWidth(column, width)
    return view


class CountyWindow(QMainWindow):
    def __init__(
        self, ws: Workspace, period: Period | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("county_window")
        self.ws = ws
        self.job: Job | None = None
        self.plan: county.Plan | None = None
        self.session: county.MergeSession | None = None
        self.outcome: Any = None
        self.options = county.Options(expected=expected_list.kept(ws), made_by=identity.kept(ws))
        self.feed = _Feed(self)
        self.feed.read.connect(self._file_read)
        self.setWindowTitle(self.tr("县级汇总"))
        self.setAcceptDrops(True)
        self._build(period or self._default_period())
        self.restart()
        self.resize(1200, 760)

    # -- building ------------------------------------------------------------------------
    def _build(self, period: Period) -> None:
        self.period_edit = QLineEdit(period.code)
        self.period_edit.setObjectName("period")
        self.period_edit.setMaximumWidth(90)
        self.period_edit.editingFinished.connect(self._period_changed)
        made_by = self.options.made_by or {}
        self.name_edit = QLineEdit(made_by.get("union_name", ""))
        self.name_edit.setPlaceholderText(self.tr("如：义乌市总工会（不填则按各乡镇的报表推定）"))
        self.code_edit = QLineEdit(made_by.get("division_code", ""))
        self.code_edit.setPlaceholderText(self.tr("行政区划代码"))
        self.code_edit.setMaximumWidth(130)
        for edit in (self.name_edit, self.code_edit):
            edit.editingFinished.connect(self._made_by_changed)
        self.list_label = QLabel()
        top = QHBoxLayout()
        for widget in (
            QLabel(self.tr("报告期")),
            self.period_edit,
            QLabel(self.tr("汇总单位")),
            self.name_edit,
            self.code_edit,
            self.list_label,
            self._button("expected", self.tr("应报单位名单…"), self.choose_expected),
        ):
            top.addWidget(widget)
        self.use_edited = QCheckBox(self.tr("也使用导出后被改动的文件"))
        self.use_edited.toggled.connect(self._use_edited)
        actions = QHBoxLayout()
        for widget in (
            self._button("add_files", self.tr("添加文件…"), self.add_files),
            self._button("add_folder", self.tr("添加文件夹…"), self.add_folder),
            self._button("decide", self.tr("选择计入的文件…"), self.decide_selected),
            self._button("view", self.tr("查看该单位报表"), self.view_selected),
            self._button("restart", self.tr("重新开始"), self.restart),
        ):
            actions.addWidget(widget)
        actions.addWidget(self.use_edited)
        actions.addStretch(1)
        actions.addWidget(self._button("export", self.tr("导出汇总…"), self.export))
        self.files = FilesModel(self)
        self.units = UnitsModel(self)
        self.files_view = _table(self.files, [430, 230, 70, 80])
        self.units_view = _table(self.units, [110, 150, 70, 70, 330, 120])
        self.files_view.setObjectName("files")
        self.units_view.setObjectName("units")
        self.units_view.doubleClicked.connect(lambda _index: self.decide_selected())
        self.figures = QLabel(self.tr("把乡镇报送的文件或文件夹拖到这里，或点“添加文件…”"))
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.files_view)
        splitter.addWidget(self.units_view)
        layout = QVBoxLayout()
        for part in (top, actions):
            layout.addLayout(part)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.figures)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self._show_list()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _default_period(self) -> Period:
        periods = reports.periods(self.ws)
        if periods:
            return periods[0]
        from unionclerk.services import setup

        today = date.today()
        return setup.default_period(today.year, today.month)

    @property
    def period(self) -> Period:
        return self.session.period if self.session else Period.parse(self.period_edit.text())

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    # -- the session ---------------------------------------------------------------------
    def restart(self) -> None:
        """Forget the files added; start again from the reports kept for the period."""
        if self.busy:
            return
        try:
            period = Period.parse(self.period_edit.text())
        except UserError as exc:
            dialogs.show_error(self, exc)
            return
        if self.session is not None:
            self.session.close()
        self.session = county.MergeSession(self.ws, period, include_stored=True)
        self.options.decisions = received.kept_decisions(self.ws, period)
        self.files.replace([], [])
        self._replan()

    def _period_changed(self) -> None:
        if self.session is not None and self.period_edit.text().strip() != self.period.code:
            self.restart()

    def _made_by_changed(self) -> None:
        name, code = self.name_edit.text().strip(), self.code_edit.text().strip()
        made_by = {"union_name": name, "division_code": code} if code else None
        if made_by != self.options.made_by:
            self.options.made_by = made_by
            identity.keep(self.ws, made_by)
            self._replan()

    def _use_edited(self, on: bool) -> None:
        self.options.use_edited = on
        self._replan()

    def _replan(self) -> None:
        """Decide again (after a file, a choice or an option changed) and show it."""
        if self.session is None:
            return
        self.plan = self.session.plan(self.options)
        self.files.show_lines(lines.file_lines(self.session.results, self.plan))
        self.units.show_plan(self.plan)
        self._show_figures()

    def _show_figures(self) -> None:
        plan = self.plan
        if plan is None or not plan.winners:
            return
        assert self.session is not None
        figures = self.session.figures.of(plan.winners)  # no report re-read on this thread
        parts = [self.tr("纳入汇总 {0} 个单位").replace("{0}", str(len(plan.winners)))]
        if plan.expected is not None:
            count = {
                s: sum(group(e.state) == s for e in plan.expected)
                for s in ("已报", "未报", "有问题")
            }
            parts.append(
                self.tr("应报 {0}：已报 {1}，未报 {2}，有问题 {3}")
                .replace("{0}", str(len(plan.expected)))
                .replace("{1}", str(count["已报"]))
                .replace("{2}", str(count["未报"]))
                .replace("{3}", str(count["有问题"]))
            )
        parts += figures.texts()  # the figures the forms declare (forms/*.yaml)
        if figures.rows:
            parts.append(figures.rows_text())
        problems = len(plan.problems)
        if problems:
            parts.append(self.tr("问题清单 {0} 条").replace("{0}", str(problems)))
        self.figures.setText("；".join(parts))

    # -- adding files --------------------------------------------------------------------
    def add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择乡镇报送的文件"),
            str(Path.home()),
            self.tr("报表文件 (*.xlsx *.json *.zip);;所有文件 (*)"),
        )
        if files:
            self.add_paths([Path(f) for f in files])

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择存放报送文件的文件夹"), str(Path.home())
        )
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> Job | None:
        if self.busy or self.session is None:
            return None
        session = self.session

        def work(progress: Any, cancelled: Any) -> list[FileResult]:
            return session.add(paths, progress, cancelled, on_result=self.feed.read.emit)

        return self._start(
            self.tr("正在读取文件……"), work, lambda _r: self._replan(), on_cancelled=self._replan
        )

    def _file_read(self, result: FileResult) -> None:
        self.files.add_read(result)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # -- expected units and decisions ----------------------------------------------------
    def choose_expected(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择应报单位名单（行政区划代码、名称）"),
            str(Path.home()),
            self.tr("名单 (*.xlsx *.csv)"),
        )
        if not files:
            return
        try:
            wanted = expected_list.read_expected(Path(files[0]))
        except UserError as exc:
            dialogs.show_error(self, exc)
            return
        expected_list.keep(self.ws, wanted)
        self.options.expected = wanted
        self._show_list()
        self._replan()

    def _show_list(self) -> None:
        wanted = self.options.expected
        self.list_label.setText(
            self.tr("应报 {0} 个单位").replace("{0}", str(len(wanted)))
            if wanted is not None
            else self.tr("未设应报单位名单")
        )

    def selected_code(self) -> str | None:
        rows = self.units_view.selectionModel().selectedRows()
        return self.units.codes[rows[0].row()] if rows else None

    def decide_selected(self) -> None:
        code = self.selected_code()
        if code is None or self.plan is None or code not in self.plan.groups:
            return
        dialog = DecisionDialog(self.plan, code, self.options.decisions.get(code, DEFAULT), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        if choice == DEFAULT:
            self.options.decisions.pop(code, None)
        else:
            self.options.decisions[code] = choice
        received.keep_decisions(self.ws, self.period, self.options.decisions)
        self._replan()

    def view_selected(self) -> None:
        """Open the unit's received report in the main window (kept after an export)."""
        code = self.selected_code()
        if code is None:
            return
        report = reports.find(self.ws, code, self.period)
        opener = getattr(self.parent(), "open_report", None)
        if report is None or opener is None:
            dialogs.inform(self, self.tr("这个单位的报表还没有保存在程序中：导出汇总后即可查看。"))
            return
        opener(report)
        self.parent().raise_()

    # -- exporting -----------------------------------------------------------------------
    def export(self) -> Job | None:
        if self.busy or self.session is None or self.plan is None:
            return None
        if not self.plan.winners:
            dialogs.show_error(self, self.tr("还没有可以汇总的报表：请先添加乡镇报送的文件。"))
            return None
        drafts = [w.union_name for w in self.plan.winners if w.draft]
        if drafts and not dialogs.confirm(
            self,
            self.tr(
                "有 {0} 个单位报来的是草稿（未标记完成）：{1}。\n\n含有草稿的汇总也是草稿："
                "每页和文件名都会标明“草稿”。仍要生成吗？"
            )
            .replace("{0}", str(len(drafts)))
            .replace("{1}", "、".join(drafts[:10]) + ("……" if len(drafts) > 10 else "")),
        ):
            return None
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择保存汇总文件的文件夹"), str(Path.home())
        )
        if not folder:
            return None
        session, plan, options = self.session, self.plan, self.options

        def work(progress: Any, cancelled: Any) -> Any:
            return session.write(
                Path(folder), plan, options, progress=progress, cancelled=cancelled
            )

        return self._start(self.tr("正在生成汇总……"), work, self._exported)

    def _exported(self, outcome: Any) -> None:
        self.outcome = outcome
        text = self.tr("汇总已生成：\n{0}").replace("{0}", "\n".join(str(f) for f in outcome.files))
        if outcome.received:
            text += "\n\n" + self.tr(
                "其中 {0} 份报表已接收供审核：在“汇总 → 审核下级报表”中可以查看、批注、退回修改。"
            ).replace("{0}", str(len(outcome.received)))
        if outcome.warnings:
            text += "\n\n" + "\n".join(outcome.warnings)
        dialogs.inform(self, text)

    def _start(self, label: str, work: Any, on_done: Any, on_cancelled: Any = None) -> Job:
        self.job = start_job(self, label, work, on_done, on_cancelled)
        return self.job

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.busy:
            event.ignore()
            return
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)


def open_county(window: Any) -> CountyWindow | None:
    """Open the county screen beside the main window (one at a time)."""
    ws = getattr(window, "ws", None)
    if ws is None:
        return None
    current = window.findChild(CountyWindow, "county_window")
    if current is not None and current.isVisible():
        current.raise_()
        current.activateWindow()
        return current
    screen = CountyWindow(ws, parent=window)
    screen.setWindowFlag(Qt.WindowType.Window, True)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.show()
    return screen
