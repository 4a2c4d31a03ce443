"""The clerk's main window: periods and forms on the left, the chosen form on the right, the
problems panel below; every change goes through an undo command into the edit session.

Views refresh from the `notify` call each command makes: the page of the form it touched,
the navigation states, the problems panel and the dashboard; other pages are marked stale
and refresh when shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from unionclerk import APP_TITLE, paths
from unionclerk.gui import menus
from unionclerk.gui.dropping import DropImport  # files dropped on the window
from unionclerk.gui.models import FormRow, FormsModel
from unionclerk.gui.navfit import NavigationFitter
from unionclerk.gui.panels import Dashboard, ProblemsPanel

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    # What the frame does not need is imported on first use, after the window has painted:
    # the services pull in the database layer; the workflow its dialogs and worker threads.
    from unionclerk.domain.problems import Problem
    from unionclerk.domain.records import ReportInfo
    from unionclerk.domain.report import ReportData
    from unionclerk.gui.editor import Editor
    from unionclerk.gui.pages import FormPage
    from unionclerk.gui.workflow import Workflow
    from unionclerk.services.editing import EditSession
    from unionclerk.services.workspace import Workspace

OVERVIEW = ""

WARM_UP_DELAY_MS = 30  # after the report is on screen


def _import_page_modules() -> None:
    """Import what the form pages need (no widgets are made: nothing changes on screen)."""
    import unionclerk.gui.pages  # noqa: F401
    import unionclerk.gui.roster.table  # noqa: F401


class MainWindow(QMainWindow):
    """Built in two steps so it shows at once: the frame (`MainWindow()`, no database
    needed), then `attach(ws)` once the data folder is open (or `MainWindow(ws)` for both)."""

    def __init__(self, ws: Workspace | None = None) -> None:
        super().__init__()
        self.ws: Workspace = None  # type: ignore[assignment] - set by attach()
        self.settings = QSettings(str(paths.data_dir() / "window.ini"), QSettings.Format.IniFormat)
        self.session: EditSession | None = None
        self.closing = False
        self.previous: ReportData | None = None
        self.reports: list[ReportInfo] = []
        self.pages: dict[str, FormPage] = {}
        self.undo_stack = QUndoStack(self)
        self._workflow: Workflow | None = None
        self._editor: Editor | None = None
        self.comments_dialog: QWidget | None = None  # 报表 → 上级意见, once opened
        self.review_window: QMainWindow | None = None  # 汇总 → 审核下级报表, once opened
        self.setWindowTitle(APP_TITLE)
        self._build()
        self.acts: dict[str, QAction] = menus.build(self)  # the ones enabled and disabled
        self.fit_to_screen()
        self.menus_enabled()
        self.dashboard.show_state(self.tr("正在打开数据……"), "", "")
        if ws is not None:
            self.attach(ws)

    def fit_to_screen(self) -> None:
        """The size it had when last closed, or a size for this screen — either way inside
        the screen's free area, so the status bar and the problems list can be seen."""
        from unionclerk.gui import geometry

        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        saved = self.settings.value("window/geometry")
        if saved is not None and self.restoreGeometry(saved):
            if not (self.isMaximized() or self.isFullScreen()):
                self.setGeometry(geometry.fit_into(self.geometry(), available))
        else:
            self.setGeometry(geometry.initial_geometry(available))
        self.resizeDocks(
            [self.problems], [geometry.dock_height(available)], Qt.Orientation.Vertical
        )

    @property
    def workflow(self) -> Workflow:
        """The report's steps (complete, export, new period, ...), made on first use."""
        if self._workflow is None:
            from unionclerk.gui.workflow import Workflow

            self._workflow = Workflow(self)
        return self._workflow

    @property
    def editor(self) -> Editor:
        """Turns the clerk's edits into undo commands, made on first use."""
        if self._editor is None:
            from unionclerk.gui.editor import Editor

            self._editor = Editor(self)
        return self._editor

    def request_edit(self, form: str, key: str, row: str | None, old: object, new: object) -> None:
        self.editor.request_edit(form, key, row, old, new)

    def request_explanation(self, problem: Problem, text: str) -> None:
        self.editor.request_explanation(problem, text)

    def request_add_row(self, form: str, position: int) -> None:
        self.editor.request_add_row(form, position)

    def attach(self, ws: Workspace) -> None:
        """Start working on an open data folder."""
        from unionclerk.services import setup

        self.ws = ws
        role = setup.role(ws)
        for key in setup.ROLES:
            self.acts[f"role_{key}"].setChecked(key == role)
        self.reload_periods()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.unit_label = QLabel()
        self.unit_label.setWordWrap(True)
        self.unit_label.setStyleSheet("font-weight: bold;")
        self.period_box = QComboBox()
        self.period_box.setObjectName("period_box")
        self.period_box.activated.connect(self._period_chosen)
        new_period = QPushButton(self.tr("新建报告期…"))
        new_period.setObjectName("new_period")
        new_period.clicked.connect(lambda: self.workflow.new_period())
        self.status_label = QLabel()
        self.forms_model = FormsModel(self)
        self.nav = QTreeView()
        self.nav.setObjectName("nav")
        self.nav.setModel(self.forms_model)
        self.nav.setRootIsDecorated(False)
        self.nav.setHeaderHidden(True)
        self.nav.setUniformRowHeights(True)
        for column in (2, 3):
            self.nav.setColumnHidden(column, True)
        header = self.nav.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.nav.selectionModel().currentRowChanged.connect(
            lambda current, _prev: (
                self.show_form(self.forms_model.rows[current.row()].key)
                if current.isValid()
                else None
            )
        )
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.unit_label)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("报告期")))
        row.addWidget(self.period_box, 1)
        column.addLayout(row)
        column.addWidget(new_period)
        column.addWidget(self.status_label)
        column.addWidget(self.nav, 1)
        self.stack = QStackedWidget()
        self.dashboard = Dashboard(self.forms_model)
        self.dashboard.next_step.connect(lambda: self.workflow.next_step())
        self.dashboard.form_chosen.connect(self.select_form)
        self.stack.addWidget(self.dashboard)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 950])
        self.nav_fitter = NavigationFitter(self.nav, self.splitter)
        self.setCentralWidget(self.splitter)
        self.problems = ProblemsPanel(self)
        self.problems.problem_activated.connect(self.go_to)
        self.problems.form_activated.connect(self.select_form)
        self.problems.model.explain_requested.connect(self.request_explanation)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        # Made now, not by the first "已保存" message: adding it later would re-lay the
        # window out under the clerk's hands (and it must fit the screen from the start).
        self.statusBar().setObjectName("status_bar")
        self.drops = DropImport(self, lambda: self.ws is not None)
        self.drops.dropped.connect(lambda files: self.workflow.import_files(files))

    # -- periods -------------------------------------------------------------------------
    def reload_periods(self, choose: ReportInfo | None = None) -> None:
        """Fill the period chooser; open `choose`, else the remembered or newest report."""
        from unionclerk.services import setup

        self.reports = setup.window_reports(self.ws)
        county = setup.role(self.ws) == setup.COUNTY
        self.period_box.clear()
        for report in self.reports:
            label = report.period.shown
            self.period_box.addItem(f"{report.unit.union_name} {label}" if county else label)
        if not self.reports:
            self.open_report(None)
            return
        wanted = choose.id if choose else self.settings.value("last_report", 0, type=int)
        index = next((i for i, r in enumerate(self.reports) if r.id == wanted), 0)
        self.period_box.setCurrentIndex(index)
        self.open_report(self.reports[index])

    def _period_chosen(self, index: int) -> None:
        if 0 <= index < len(self.reports) and (
            self.session is None or self.reports[index].id != self.session.report.id
        ):
            self.open_report(self.reports[index])

    def open_report(self, report: ReportInfo | None) -> None:
        """Start editing a report (None: nothing to show yet)."""
        from unionclerk.services.editing import EditSession

        self.undo_stack.clear()
        self.session = EditSession(self.ws, report) if report is not None else None
        self.previous = None
        if report is not None:
            self.settings.setValue("last_report", report.id)
            # Last period's figures only show beside the fields: load them once the window
            # has painted this report, not before.
            QTimer.singleShot(0, self, lambda r=report: self._load_previous(r))
            # Then load the page modules (the roster editor's are the costly ones) in an idle
            # moment, so that no first switch to a form waits for Python to import them.
            QTimer.singleShot(WARM_UP_DELAY_MS, self, _import_page_modules)
        for page in self.pages.values():
            page.stale = True
        self.refresh_all()
        self.select_form(OVERVIEW)

    def _load_previous(self, report: ReportInfo) -> None:
        from unionclerk.services import reports

        if self.closing or self.session is None or self.session.report.id != report.id:
            return  # closed, or another report was opened meanwhile
        earlier = reports.previous(self.ws, report)
        if earlier is None:
            return
        self.previous = reports.load(self.ws, earlier)
        for page in self.pages.values():
            page.stale = True
        page = self.current_page()
        if page is not None:
            page.refresh(self.session, self.previous)

    # -- showing -------------------------------------------------------------------------
    def refresh_all(self) -> None:
        s = self.session
        self.menus_enabled()
        if s is None:
            self.unit_label.setText(self.tr("还没有报表"))
            self.status_label.setText("")
            self.forms_model.set_rows([])
            self.problems.set_problems([], {}, {})
            if self.county_role:
                unit = self.ws.own_unit() if self.ws is not None else None
                self.unit_label.setText(unit.union_name if unit else "")
                self.dashboard.show_state(
                    self.tr("县级汇总"),
                    self.tr("把各乡镇报送的文件加入县级汇总，检查后导出汇总表。"),
                    self.tr("打开县级汇总 →"),
                )
                return
            self.dashboard.show_state(self.tr("还没有报表"), "", self.tr("新建报告期"))
            return
        report = s.report
        status = self.status_text(report.status)
        self.unit_label.setText(report.unit.union_name)
        self.status_label.setText(self.tr("状态：{0}").format(status))
        self.setWindowTitle(
            f"{APP_TITLE} — {report.unit.union_name} {report.period.shown}（{status}）"
        )
        self.refresh_states()
        page = self.current_page()
        if page is not None:
            page.refresh(s, self.previous)

    def refresh_states(self) -> None:
        """Navigation, dashboard and problems panel (after every change)."""
        s = self.session
        if s is None:
            return
        rows = [FormRow(OVERVIEW, self.tr("概览"))]
        for form in self.ws.forms:
            st = s.form_state(form)
            kind = (
                "nothing"
                if st.nothing
                else "error"
                if st.errors
                else "warning"
                if st.warnings
                else "empty"
                if st.filled == 0
                else "done"
                if st.filled >= st.total
                else "busy"
            )
            rows.append(
                FormRow(
                    form.key,
                    form.display_title,
                    st.label,
                    kind,
                    st.errors,
                    st.warnings,
                    None if form.is_roster else st.progress,
                    len(s.data.rows.get(form.key, [])) if form.is_roster else None,
                )
            )
        self.forms_model.set_rows(rows)
        self.nav_fitter.fit()
        self.workflow.show_dashboard()
        groups, where, notes = [], {}, {}
        by_form: dict[str, list[Problem]] = {}
        for p in s.problems():
            by_form.setdefault(p.form, []).append(p)
        for form in self.ws.forms:
            found = by_form.get(form.key, [])
            if found:
                groups.append((form, found))
            for p in found:
                where[p] = self.place(p)
                if not p.is_error:
                    notes[p] = s.explanation(p)
        self.problems.model.editable = s.editable
        self.problems.set_problems(groups, where, notes)

    @property
    def county_role(self) -> bool:
        """The folder is county staff's (汇总); False before the folder is open."""
        if self.ws is None:
            return False
        from unionclerk.services import setup

        return setup.role(self.ws) == setup.COUNTY

    def status_text(self, status: str) -> str:
        from unionclerk.domain.records import COMPLETE, DRAFT, EXPORTED, STATUS_LABELS

        texts = {DRAFT: self.tr("填报中"), COMPLETE: self.tr("已完成"), EXPORTED: self.tr("已导出")}
        return texts.get(status, STATUS_LABELS.get(status, status))

    def place(self, p: Problem) -> str:
        form = self.ws.forms[p.form]
        label = form.field(p.field).plain_label if p.field and form.has_field(p.field) else ""
        if p.row_index is not None:
            return self.tr("第 {0} 行 {1}").format(p.row_index + 1, label)
        return label or form.display_title

    def current_page(self) -> FormPage | None:
        widget = self.stack.currentWidget()
        return widget if widget is not self.dashboard else None  # type: ignore[return-value]

    def page(self, key: str) -> FormPage:
        if key not in self.pages:
            from unionclerk.gui.pages import FormPage

            page = FormPage(self.ws.forms[key])
            page.edit_requested.connect(self.request_edit)
            page.explain_requested.connect(self.request_explanation)
            page.add_row_requested.connect(self.request_add_row)
            page.rows_requested.connect(self.editor.request_rows)
            page.move_row_requested.connect(self.editor.request_move_row)
            page.nothing_requested.connect(self.editor.request_nothing)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_form(self, key: str) -> None:
        """Show a form's page (or the overview for "")."""
        if key == OVERVIEW or self.session is None or self.ws is None:
            self.stack.setCurrentWidget(self.dashboard)
            return
        page = self.page(key)
        if page.stale:
            page.refresh(self.session, self.previous)
        self.stack.setCurrentWidget(page)

    def select_form(self, key: str) -> None:
        row = self.forms_model.row_of(key)
        self.nav.setCurrentIndex(self.forms_model.index(row, 0))
        self.show_form(key)

    def show_unit_info(self) -> None:
        """设置 → 单位信息: the cover form (a township), or the county screen's 汇总单位."""
        if self.session is not None:
            from unionclerk.domain.report import COVER

            self.select_form(COVER)
            self.page(COVER).record.focus_field("union_name")
        elif self.county_role:
            from unionclerk.gui.county.screen import open_county

            screen = open_county(self)
            if screen is not None:
                screen.name_edit.setFocus()

    def go_to(self, problem: Problem) -> None:
        """Show the form of a problem and put the cursor on its field or cell."""
        self.select_form(problem.form)
        self.page(problem.form).focus_problem(problem)

    def menus_enabled(self) -> None:
        s = self.session
        draft = done = False
        if s is not None:
            from unionclerk.domain.records import DRAFT

            draft, done = s.report.status == DRAFT, s.report.status != DRAFT
        self.acts["complete"].setEnabled(draft)
        self.acts["reopen"].setEnabled(done)
        self.acts["export"].setEnabled(s is not None)
        self.acts["add_row"].setEnabled(draft)
        self.acts["delete_row"].setEnabled(draft)

    def status_changed(self) -> None:
        """After complete / reopen / export: no undo across a status change."""
        assert self.session is not None
        self.undo_stack.clear()
        self.session.refresh_report()
        for page in self.pages.values():
            page.stale = True
        index = next(
            (i for i, r in enumerate(self.reports) if r.id == self.session.report.id), None
        )
        if index is not None:
            self.reports[index] = self.session.report
        self.refresh_all()

    @property
    def complete(self) -> bool:
        from unionclerk.domain.records import COMPLETE

        return self.session is not None and self.session.report.status == COMPLETE

    # -- closing -------------------------------------------------------------------------
    def commit_pending(self) -> None:
        """Save the cell being typed (leaving it fires its commit)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.closing = True
        self.commit_pending()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
