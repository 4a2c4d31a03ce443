"""The county's comments on the township's report (报表 → 上级意见): every comment of the
returns imported, answered or not, with where it sits, its state (待处理 / 已回复 / 已修改)
and the reply, which the clerk writes or changes right in the list (double-click, or F2).

Open comments also show at their fields and in the problems list; this dialog is where the
answered ones stay in sight. Replies go through the window's undo stack like explanations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from unionclerk.domain.problems import Problem, Severity
from unionclerk.services import review, review_township

if TYPE_CHECKING:
    from unionclerk.gui.host import CommentsHost

REPLY = 3


class CommentsDialog(QDialog):
    def __init__(self, window: CommentsHost) -> None:
        super().__init__(window.window())
        self.setObjectName("county_comments")
        self.w = window
        self.setWindowTitle(self.tr("上级意见"))
        self.hint = QLabel(
            self.tr("双击“回复”一栏（或按 F2）填写或修改回复；回复会随下次导出交给县级。")
        )
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("county_comments_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("位置"), self.tr("意见"), self.tr("状态"), self.tr("回复")]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self.uids: list[str] = []
        self.fill()
        self.table.itemChanged.connect(self._changed)

    def fill(self) -> None:
        s = self.w.session
        found = review_township.comments(self.w.ws, s.report) if s is not None else []
        labels = {
            review_township.OPEN: self.tr("待处理"),
            review_township.ANSWERED: self.tr("已回复"),
            review_township.CHANGED: self.tr("已修改"),
        }
        self.table.blockSignals(True)
        self.table.setRowCount(len(found))
        self.uids = [c.uid for c in found]
        for r, c in enumerate(found):
            state = review_township.state(self.w.ws, c, s.data)  # type: ignore[union-attr]
            texts = (
                review.place(self.w.ws, c),
                self.tr("{0}（{1}）").format(c.text, c.author),
                labels[state],
                c.reply or "",
            )
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if col != REPLY or s is None or not s.editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if col == 0:
                    item.setToolTip(c.target)
                self.table.setItem(r, col, item)
        for col, width in ((0, 220), (1, 300), (2, 70)):
            self.table.setColumnWidth(col, width)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)

    def _changed(self, item: QTableWidgetItem) -> None:
        if item.column() != REPLY or self.w.session is None:
            return
        uid = self.uids[item.row()]
        comment = next(
            c for c in review_township.comments(self.w.ws, self.w.session.report) if c.uid == uid
        )
        # The same way as a reply typed under the field: one undo step in the window.
        problem = Problem(
            Severity.WARNING,
            comment.form,
            comment.field or "",
            comment.text,
            f"{review_township.RULE_PREFIX}{uid}",
            comment.row_uuid,
        )
        self.w.request_explanation(problem, item.text())
        self.fill()


def open_comments(window: CommentsHost) -> CommentsDialog | None:
    if window.session is None:
        return None
    dialog = CommentsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
