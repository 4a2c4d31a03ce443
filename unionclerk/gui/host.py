"""What the main window's parts may use of the window: one small Protocol per part.

`Editor`, `Workflow`, `Menus` and the comments dialog are handed the window, but each sees it
only through its Protocol here, which names exactly the attributes and methods it uses
(`tests/gui/test_window_parts.py` checks that every `w.<name>` a part writes is in its
Protocol, and that `MainWindow` declares them all). So none of them imports `window.py`, and
a change to the window shows which parts it reaches.

`window()` is every QWidget's own method: for the main window it is the window itself, the
parent of a part's dialogs and actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenuBar, QStatusBar, QWidget

    from unionclerk.domain.problems import Problem
    from unionclerk.domain.records import ReportInfo
    from unionclerk.domain.report import ReportData
    from unionclerk.gui.models import FormsModel
    from unionclerk.gui.pages import FormPage
    from unionclerk.gui.panels import Dashboard, ProblemsPanel
    from unionclerk.services.editing import EditSession
    from unionclerk.services.workspace import Workspace


class EditorHost(Protocol):
    """What `editor.Editor` uses: the session and the undo stack, the pages it refreshes."""

    session: EditSession | None
    ws: Workspace
    previous: ReportData | None
    undo_stack: QUndoStack
    pages: dict[str, FormPage]

    def window(self) -> QWidget: ...
    def page(self, key: str) -> FormPage: ...
    def current_page(self) -> FormPage | None: ...
    def select_form(self, key: str) -> None: ...
    def refresh_all(self) -> None: ...
    def refresh_states(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


class WorkflowHost(Protocol):
    """What `workflow.Workflow` uses: the report's session and the views a step refreshes."""

    session: EditSession | None
    ws: Workspace
    settings: QSettings
    pages: dict[str, FormPage]
    forms_model: FormsModel
    dashboard: Dashboard
    problems: ProblemsPanel

    @property
    def county_role(self) -> bool: ...
    def window(self) -> QWidget: ...
    def attach(self, ws: Workspace) -> None: ...
    def commit_pending(self) -> None: ...
    def current_page(self) -> FormPage | None: ...
    def go_to(self, problem: Problem) -> None: ...
    def refresh_all(self) -> None: ...
    def reload_periods(self, choose: ReportInfo | None = None) -> None: ...
    def select_form(self, key: str) -> None: ...
    def status_changed(self) -> None: ...


class Steps(Protocol):
    """The workflow's steps the menus offer (`workflow.Workflow`)."""

    def new_period(self) -> object: ...
    def import_files(self, dropped: list[str] | None = None) -> object: ...
    def export(self) -> object: ...
    def backup(self) -> object: ...
    def restore(self) -> object: ...
    def add_row(self) -> object: ...
    def delete_row(self) -> object: ...
    def next_problem(self) -> object: ...
    def complete(self) -> object: ...
    def reopen(self) -> object: ...
    def set_role(self, role: str) -> object: ...
    def about(self, text: str) -> object: ...


class CommentsHost(Protocol):
    """What the county's comments dialog (`review_township`) uses: the report and the door
    for a reply (the same undo step as an explanation)."""

    session: EditSession | None
    ws: Workspace

    def window(self) -> QWidget: ...
    def request_explanation(self, problem: Problem, text: str) -> None: ...


class MenusHost(CommentsHost, Protocol):
    """What `menus` uses: the undo stack and problems panel for their actions, the steps to
    call, and where the dialogs it opens are kept (the comments dialog is handed the window,
    so this is a `CommentsHost` too; the county screen takes it for its `ws`)."""

    undo_stack: QUndoStack
    problems: ProblemsPanel
    comments_dialog: QWidget | None
    review_window: QMainWindow | None

    @property
    def workflow(self) -> Steps: ...
    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name
    def close(self) -> bool: ...
    def select_form(self, key: str) -> None: ...
    def show_unit_info(self) -> None: ...
