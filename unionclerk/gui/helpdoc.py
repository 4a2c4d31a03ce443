"""帮助 → 使用说明: one page, in Chinese, that a clerk reads once and keeps open.

The steps of a report in order (填写 → 检查 → 说明警告 → 标记完成 → 导出 → 报送), what 草稿
means, and where the data and its backups are (this machine's real folders). Not modal: the
clerk reads it beside the form. Also the "?" buttons that show a field's help on a click, and
the line under a roster with the help of the column the cursor is in, for clerks who do not
know that resting the mouse shows a tooltip.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from unionclerk import APP_TITLE, paths
from unionclerk.domain.i18n import pick


class HelpDialog(QDialog):
    """The 使用说明 page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(self.tr("使用说明 — {0}").format(APP_TITLE))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName("help_text")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(self.page())
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(640, 700)

    def page(self) -> str:
        folder = escape(str(paths.data_dir()))
        backups = escape(str(paths.data_dir() / "backups"))
        steps = [
            (
                self.tr("一、填写"),
                self.tr(
                    "在左边选一张表，逐项填写。每填完一格按回车或 Tab 即自动保存，不需要“保存”按钮。"
                    "名单表（干部、阵地、服务项目）像 Excel 一样填写，也可以从 Excel 复制粘贴或导入。"
                    "字段旁的“?”按钮说明这一项该怎么填。"
                ),
            ),
            (
                self.tr("二、检查"),
                self.tr(
                    "每填一格，程序立即检查。问题显示在该项下面，红色是错误（必须改正），"
                    "橙色是警告（请核对）。窗口下方的“问题列表”（F8）列出全部问题，双击即可跳到那一项。"
                ),
            ),
            (
                self.tr("三、说明警告"),
                self.tr(
                    "警告不一定是错：数字确实如此时，在警告下面的“说明”框里写明原因"
                    "（例如“本年度新建站点尚未验收”），县里审核时能看到这段说明。"
                ),
            ),
            (
                self.tr("四、标记完成"),
                self.tr(
                    "所有错误改正、警告都有说明后，点“报表 → 标记完成”。"
                    "某张表本期确实没有内容的，按提示标为“本期无此项”，以免被当成漏填。"
                ),
            ),
            (
                self.tr("五、导出"),
                self.tr(
                    "点“文件 → 导出上报文件”（Ctrl+E），选择文件夹，生成 Excel 工作簿和 PDF。"
                    "导出后可以直接打开 PDF 查看，或打开所在文件夹。"
                ),
            ),
            (
                self.tr("六、报送"),
                self.tr(
                    "把 PDF 打印出来，负责人签字、盖章；把 Excel 工作簿（和盖章的 PDF 扫描件）按县总工会的要求"
                    "通过 U 盘、邮件或工作群报送。请不要手工改动导出的工作簿：县里的程序能发现改动，会退回。"
                ),
            ),
        ]
        draft = self.tr(
            "<b>什么是“草稿”：</b>报表还没有标记完成时也可以导出，导出的文件名带“草稿”，"
            "每一页都印有“草稿”字样，只供核对，不能作为正式报送的文件。标记完成后再导出，就是正式文件。"
        )
        where = self.tr(
            "<b>数据在哪里：</b>所有报表保存在数据文件夹 {0} 中的一个数据库文件里。"
            "程序每次启动、导入和汇总之前都会自动备份到 {1}，也可以用“文件 → 备份数据”手动备份；"
            "“文件 → 从备份恢复”可以找回以前的数据。换电脑时，把整个数据文件夹复制过去即可。"
        ).format(folder, backups)
        heading = self.tr("工会报表助手使用说明")  # outside the f-string, where lupdate sees it
        parts = [f"<h2>{escape(heading)}</h2>"]
        parts += [f"<h3>{escape(title)}</h3><p>{escape(text)}</p>" for title, text in steps]
        parts += [f"<p>{draft}</p>", f"<p>{where}</p>"]
        return "\n".join(parts)


def show_help(parent: QWidget) -> HelpDialog:
    """Open the 使用说明 beside the window (not modal), one at a time."""
    dialog = parent.findChild(HelpDialog, "help_dialog")
    if dialog is None:
        dialog = HelpDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


class HelpButton(QToolButton):
    """A visible "?" beside a field: a click shows the field's help right there."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.help = text
        self.setObjectName("help_button")
        self.setText("?")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.setToolTip(text)
        self.setAccessibleName(self.tr("填写说明"))
        self.clicked.connect(self.show_help)

    def show_help(self) -> None:
        QToolTip.showText(
            self.mapToGlobal(QPoint(0, self.height())), self.help, self, QRect(), 30_000
        )


class ColumnHelp(QLabel):
    """Under a roster: the help of the column the cursor is in, visible as the clerk moves
    (the headers' tooltips show only to a resting mouse)."""

    def __init__(
        self, view: QAbstractItemView, fields: list, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("column_help")
        self.setWordWrap(True)
        self.setStyleSheet("color: #5f6368;")
        self.fields = fields
        view.selectionModel().currentChanged.connect(self.follow)
        self.hide()

    def follow(self, current: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        column = current.column() if current.isValid() else -1
        field = self.fields[column] if 0 <= column < len(self.fields) else None
        text = pick(field.help or "", field.help_en) if field is not None else ""
        if text:
            self.setText(self.tr("？{0}：{1}").format(field.title, text))
        self.setVisible(bool(text))
