"""The main window's menus and keyboard shortcuts (shown beside each menu entry).

The menus see the window only through `host.MenusHost`; `build` returns the actions the window
enables and disables (the window's `acts`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from unionclerk import APP_TITLE, __version__, paths

if TYPE_CHECKING:
    from unionclerk.gui.host import MenusHost


class Menus(QObject):
    """Builds the menus (a QObject so its texts have their own translation context)."""

    def build(self, w: MenusHost) -> dict[str, QAction]:
        """Create the menus; return the actions by key (the window enables and disables them)."""
        bar = w.menuBar()
        parent = w.window()
        acts: dict[str, QAction] = {}

        def flow(step: str):  # noqa: ANN202 - the window makes its workflow on first use
            return lambda *_: getattr(w.workflow, step)()

        def add(menu, key: str, text: str, slot, shortcut=None) -> QAction:  # noqa: ANN001
            action = QAction(text, parent)
            action.setObjectName(f"action_{key}")
            if shortcut is not None:
                action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            action.triggered.connect(slot)
            menu.addAction(action)
            acts[key] = action
            return action

        file = bar.addMenu(self.tr("文件(&F)"))
        add(
            file,
            "new_period",
            self.tr("新建报告期(&N)…"),
            flow("new_period"),
            QKeySequence("Ctrl+N"),
        )
        add(
            file,
            "import",
            self.tr("导入报表文件(&I)…"),
            flow("import_files"),
            QKeySequence("Ctrl+O"),
        )
        add(file, "export", self.tr("导出上报文件(&E)…"), flow("export"), QKeySequence("Ctrl+E"))
        file.addSeparator()
        add(file, "backup", self.tr("备份数据(&B)…"), flow("backup"))
        add(file, "restore", self.tr("从备份恢复(&R)…"), flow("restore"))
        file.addSeparator()
        add(file, "quit", self.tr("退出(&X)"), w.close, QKeySequence("Ctrl+Q"))

        edit = bar.addMenu(self.tr("编辑(&E)"))
        undo = w.undo_stack.createUndoAction(parent, self.tr("撤销"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = w.undo_stack.createRedoAction(parent, self.tr("重做"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        undo.setObjectName("action_undo")
        redo.setObjectName("action_redo")
        edit.addAction(undo)
        edit.addAction(redo)
        acts["undo"], acts["redo"] = undo, redo
        edit.addSeparator()
        add(edit, "add_row", self.tr("添加一行(&A)"), flow("add_row"), QKeySequence("Ctrl+Shift+N"))
        add(
            edit,
            "delete_row",
            self.tr("删除所选行(&D)"),
            flow("delete_row"),
            QKeySequence("Ctrl+Shift+D"),
        )

        report = bar.addMenu(self.tr("报表(&R)"))
        add(
            report,
            "overview",
            self.tr("概览(&O)"),
            lambda: w.select_form(""),
            QKeySequence("Ctrl+0"),
        )
        problems = w.problems.toggleViewAction()
        problems.setText(self.tr("问题列表(&P)"))
        problems.setShortcut(QKeySequence("F8"))
        report.addAction(problems)
        add(
            report,
            "next_problem",
            self.tr("下一个问题(&T)"),
            flow("next_problem"),
            QKeySequence("F9"),
        )
        report.addSeparator()
        add(
            report,
            "complete",
            self.tr("标记完成(&C)"),
            flow("complete"),
            QKeySequence("Ctrl+Shift+C"),
        )
        add(report, "reopen", self.tr("重新打开(&R)…"), flow("reopen"))
        add(report, "county_comments", self.tr("上级意见(&U)…"), lambda: _open_comments(w))

        summary = bar.addMenu(self.tr("汇总(&M)"))
        add(summary, "county", self.tr("县级汇总(&S)…"), lambda: _open_county(w))
        add(summary, "review", self.tr("审核下级报表(&V)…"), lambda: _open_review(w))

        settings = bar.addMenu(self.tr("设置(&S)"))
        roles = QActionGroup(parent)
        # The keys are services.setup.ROLES (checked by a test); the check mark is set when
        # the data folder is open.
        for key, text in (("township", self.tr("乡镇(街道)填报")), ("county", self.tr("县级汇总"))):
            action = add(
                settings, f"role_{key}", text, lambda _=False, k=key: w.workflow.set_role(k)
            )
            action.setCheckable(True)
            roles.addAction(action)
        settings.addSeparator()
        add(settings, "unit_info", self.tr("单位信息(&U)…"), lambda: w.show_unit_info())

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        add(
            help_menu,
            "help",
            self.tr("使用说明(&U)"),
            lambda: _open_help(w),
            QKeySequence(QKeySequence.StandardKey.HelpContents),
        )
        add(
            help_menu,
            "about",
            self.tr("关于(&A)"),
            lambda: w.workflow.about(
                self.tr(
                    "{0} {1}\n乡镇(街道)工会工作情况报表：填报、检查、导出。\n数据文件夹：{2}"
                ).format(APP_TITLE, __version__, paths.data_dir())
            ),
        )
        return acts


def _open_help(w: MenusHost) -> None:
    from unionclerk.gui.helpdoc import show_help

    show_help(w.window())


def _open_county(w: MenusHost) -> None:
    from unionclerk.gui.county.screen import open_county  # the county screen (issue 6)

    open_county(w)


def _open_comments(w: MenusHost) -> None:
    from unionclerk.gui.review_township import open_comments  # the county's comments

    w.comments_dialog = open_comments(w)


def _open_review(w: MenusHost) -> None:
    from unionclerk.gui.county.review import open_review  # the review screen (issue 16)

    if w.ws is None:
        return
    if w.session is not None:
        period = w.session.report.period
    else:
        from unionclerk.services import reports  # not before the first paint (test_startup_imports)

        periods = reports.periods(w.ws)
        if not periods:
            return
        period = periods[0]
    w.review_window = open_review(w.window(), w.ws, period)


def build(w: MenusHost) -> dict[str, QAction]:
    """The window's menus; the actions by key."""
    return Menus(w.window()).build(w)
