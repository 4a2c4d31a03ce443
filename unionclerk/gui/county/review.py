"""The county's review screen (审核下级报表, issue 16).

On the left, every report received for review in the period with where it stands (已报 /
退回修改中 / 已重报 / 通过), its short hash (the same 8 characters as on the paper copy's QR
code, in `inspect` and in the diff), and how many comments were answered; a box takes a
pasted QR text or hash and finds the submission. On the right, the chosen report read-only
in the clerk's own form views, the comments (with the township's replies) and what changed
since the previous submission. The reviewer comments on the field or roster cell the cursor
is in, or on the whole form, then passes the report or returns it with a return file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.domain.records import ReportInfo
from unionclerk.gui import dialogs
from unionclerk.gui.pages import FormPage
from unionclerk.services import review, review_township
from unionclerk.services.editing import EditSession
from unionclerk.services.review_diff import describe
from unionclerk.services.workspace import Workspace


class ReviewSession(EditSession):
    """A received report, shown read-only, with the reviewer's comments at their places."""

    @property
    def editable(self) -> bool:
        return False

    def _comment_problems(self) -> list:  # type: ignore[override]
        return review_township.comment_problems(self.ws, self.report, self.data, county=True)


class ReviewWindow(QMainWindow):
    def __init__(self, ws: Workspace, period: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_window")
        self.ws, self.period = ws, period
        self.setWindowTitle(self.tr("审核下级报表 — {0}").format(period.label))
        self.session: ReviewSession | None = None
        self.pages: dict[str, FormPage] = {}
        self.codes: list[str] = []

        self.reviewer = QLineEdit()
        self.reviewer.setObjectName("reviewer")
        self.reviewer.setPlaceholderText(self.tr("审核人姓名"))
        receive = self._button("receive", self.tr("接收上报文件…"), self.receive)
        self.qr = QLineEdit()
        self.qr.setObjectName("qr_text")
        self.qr.setPlaceholderText(self.tr("粘贴二维码文字或校验码"))
        self.qr.returnPressed.connect(self.find)
        self.units = QTableWidget(0, 5)
        self.units.setObjectName("review_units")
        self.units.setHorizontalHeaderLabels(
            [
                self.tr("行政区划代码"),
                self.tr("单位名称"),
                self.tr("报送情况"),
                self.tr("校验码"),
                self.tr("批注/已回复"),
            ]
        )
        self.units.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.units.verticalHeader().hide()
        self.units.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )  # headers and values both readable
        self.units.currentCellChanged.connect(lambda row, *_: self.open_row(row))
        left = QWidget()
        lay = QVBoxLayout(left)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("审核人：")))
        top.addWidget(self.reviewer, 1)
        lay.addLayout(top)
        lay.addWidget(receive)
        lay.addWidget(self.qr)
        lay.addWidget(self.units, 1)

        self.heading = QLabel()
        self.heading.setObjectName("review_heading")
        self.heading.setWordWrap(True)
        self.forms = QListWidget()
        self.forms.setObjectName("review_forms")
        for form in ws.forms:
            self.forms.addItem(form.display_title)
        self.forms.setMaximumWidth(self.forms.sizeHintForColumn(0) + 30)
        self.forms.currentRowChanged.connect(self.show_form)
        self.stack = QStackedWidget()
        self.comments = QTableWidget(0, 3)
        self.comments.setObjectName("review_comments")
        self.comments.setHorizontalHeaderLabels(
            [self.tr("位置"), self.tr("批注"), self.tr("乡镇回复")]
        )
        self.comments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comments.horizontalHeader().setStretchLastSection(True)
        self.comments.setWordWrap(True)
        self.comments.verticalHeader().hide()
        self.changes = QPlainTextEdit()
        self.changes.setObjectName("review_changes")
        self.changes.setReadOnly(True)
        buttons = QHBoxLayout()
        for key, text, slot, keys in (
            ("comment_here", self.tr("批注光标所在处…"), self.comment_here, "Ctrl+M"),
            ("comment_form", self.tr("批注整张表…"), self.comment_form, "Ctrl+Shift+M"),
            ("pass", self.tr("审核通过"), self.pass_report, ""),
            ("return", self.tr("退回修改…"), self.return_report, ""),
        ):
            button = self._button(key, text, slot)
            if keys:  # the buttons take no focus (the cursor stays in the field): keys reach them
                button.setShortcut(QKeySequence(keys))
                button.setToolTip(
                    QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
                )
            buttons.addWidget(button)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.forms)
        middle.addWidget(self.stack)
        middle.setStretchFactor(1, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.comments)
        lower.addWidget(self.changes)
        lower.setSizes([660, 240])
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(middle)
        right_split.addWidget(lower)
        right_split.setSizes([520, 200])
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.heading)
        rl.addLayout(buttons)
        rl.addWidget(right_split, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([450, 850])
        self.setCentralWidget(split)
        self.resize(1300, 800)
        self.reload()

    def _button(self, key: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"review_{key}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the field
        button.clicked.connect(slot)
        return button

    # -- the list of received reports ------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        lines = review.overview(self.ws, self.period)
        self.codes = [u.division_code for u in lines]
        self.units.blockSignals(True)
        self.units.setRowCount(len(lines))
        for r, u in enumerate(lines):
            for c, text in enumerate(
                (u.division_code, u.union_name, u.state, u.short, f"{u.comments}/{u.answered}")
            ):
                self.units.setItem(r, c, QTableWidgetItem(text))
        self.units.blockSignals(False)
        if keep in self.codes:
            self.units.setCurrentCell(self.codes.index(keep), 0)
            self.open_row(self.codes.index(keep))

    def receive(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择乡镇的上报文件"),
            str(Path.home()),
            self.tr("上报文件 (*.xlsx *.json)"),
        )
        kept = None
        for name in files:
            try:
                got = review.receive(self.ws, Path(name))
            except UserError as exc:
                dialogs.show_error(self, exc)
                continue
            kept = got.report.unit.division_code
        if kept:
            self.reload(kept)

    def find(self) -> None:
        found = review.find(self.ws, self.qr.text())
        if not found:
            dialogs.show_error(
                self,
                self.tr(
                    "没有找到与“{0}”相符的上报文件：纸质件与收到的文件不一致，或还没有接收"
                ).format(self.qr.text().strip()),
            )
            return
        report, sub = found[-1]
        self.reload(report.unit.division_code)
        newest = review.latest(self.ws, report)
        if newest is not None and newest.id != sub.id:
            dialogs.inform(
                self,
                self.tr(
                    "这份纸质件对应的是 {0} 导出的报送（校验码 {1}），不是最近收到的"
                    "一份（校验码 {2}）。"
                ).format(sub.exported_at[:16].replace("T", " "), sub.short, newest.short),
            )

    # -- one report --------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        if not 0 <= row < len(self.codes):
            return
        report = self.ws.find_report(self.period, self.codes[row])
        self.open_report(report)

    def open_report(self, report: ReportInfo) -> None:
        self.session = ReviewSession(self.ws, report)
        for page in self.pages.values():
            page.stale = True
        line = next(
            u
            for u in review.overview(self.ws, self.period)
            if u.division_code == report.unit.division_code
        )
        self.heading.setText(
            self.tr("{0}（{1}）{2}　报送情况：{3}　校验码：{4}").format(
                report.unit.union_name,
                report.unit.division_code,
                self.period.label,
                line.state,
                line.short,
            )
        )
        if self.forms.currentRow() < 0:
            self.forms.setCurrentRow(0)  # shows it
        else:
            self.show_form(self.forms.currentRow())
        self._show_comments()
        change = review.diff_latest(self.ws, report.unit.division_code, self.period)
        if change is None:
            self.changes.setPlainText(self.tr("第一次报送，没有可比较的上次报送。"))
        else:
            old, new, diff = change
            self.changes.setPlainText(
                "\n".join(
                    [
                        self.tr(
                            "与上次报送（校验码 {0}）相比，本次（校验码 {1}）共 {2} 处改动："
                        ).format(old.short, new.short, len(diff))
                    ]
                    + describe(self.ws.forms, diff)
                )
            )

    def page(self, key: str) -> FormPage:
        if key not in self.pages:
            page = FormPage(self.ws.forms[key])
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_form(self, index: int) -> None:
        if self.session is None or index < 0:
            return
        page = self.page(self.ws.forms.keys()[index])
        if page.stale:
            page.refresh(self.session, None)
        self.stack.setCurrentWidget(page)

    def current_page(self) -> FormPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, FormPage) else None

    def _show_comments(self) -> None:
        if self.session is None:
            return
        found = review.comments(self.ws, self.session.report.unit.division_code, self.period)
        self.comments.setRowCount(len(found))
        for r, c in enumerate(found):
            for col, text in enumerate(
                (
                    review.place(self.ws, c),
                    self.tr("{0}（{1}）").format(c.text, c.author),
                    c.reply or "",
                )
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(c.target)  # the forms.md key
                self.comments.setItem(r, col, item)
        self.comments.resizeColumnsToContents()
        for col in (0, 1):  # long places and comments wrap instead of pushing the reply away
            self.comments.setColumnWidth(col, min(self.comments.columnWidth(col), 200))
        self.comments.resizeRowsToContents()

    def _reviewer(self) -> str:
        return self.reviewer.text().strip() or self.tr("审核人")

    # -- comments and verdicts -----------------------------------------------------------------
    def target_here(self) -> str | None:
        """The forms.md key of the field or roster cell the cursor is in."""
        page = self.current_page()
        if page is None:
            return None
        focus = QApplication.focusWidget()
        if page.roster is not None and (
            focus is page.roster.view
            or (focus is not None and page.roster.view.isAncestorOf(focus))
        ):
            index = page.roster.view.currentIndex()
            if index.isValid():
                source = page.roster.proxy.mapToSource(index)
                field = page.roster.model.columns[source.column()].key
                return f"{page.form.key}.rows[{source.row()}].{field}"
        if page.record is not None and focus is not None:
            for key, row in page.record.rows.items():
                widget = row.editor.widget
                if focus is widget or widget.isAncestorOf(focus):
                    return f"{page.form.key}.{key}"
        return None

    def comment_here(self) -> None:
        target = self.target_here()
        if target is None:
            dialogs.show_error(
                self, self.tr("请先点一下要批注的字段或名单单元格，再按“批注光标所在处”。")
            )
            return
        self._comment(target)

    def comment_form(self) -> None:
        page = self.current_page()
        if page is not None:
            self._comment(page.form.key)

    def _comment(self, target: str) -> None:
        if self.session is None:
            return
        text = dialogs.ask_text(self, self.tr("对 {0} 的批注：").format(target))
        if not text or not text.strip():
            return
        code = self.session.report.unit.division_code
        try:
            review.add_comment(self.ws, code, self.period, target, text, self._reviewer())
        except UserError as exc:
            dialogs.show_error(self, exc)
            return
        self.reload(code)

    def pass_report(self) -> None:
        if self.session is None:
            return
        code = self.session.report.unit.division_code
        review.set_verdict(self.ws, code, self.period, "pass", "", self._reviewer())
        self.reload(code)

    def return_report(self) -> None:
        if self.session is None:
            return
        code = self.session.report.unit.division_code
        reason = dialogs.ask_text(self, self.tr("退回修改的原因："))
        if reason is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("退回文件保存到"), str(Path.home()))
        if not folder:
            return
        try:
            files = review.write_return(
                self.ws, code, self.period, Path(folder), self._reviewer(), reason
            )
        except UserError as exc:
            dialogs.show_error(self, exc)
            return
        self.reload(code)
        dialogs.inform(
            self,
            self.tr(
                "已写出退回文件和退回通知单：\n{0}\n请把 .json 文件交给乡镇导入，.pdf 可打印。"
            ).format("\n".join(str(f) for f in files)),
        )


def open_review(parent: QWidget | None, ws: Workspace, period: Period) -> ReviewWindow:
    window = ReviewWindow(ws, period, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
