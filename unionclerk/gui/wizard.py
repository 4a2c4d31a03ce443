"""The first-run wizard: the folder's role, the unit's cover details and the clerk — or the
demo report to look around first.

The cover fields are drawn from the cover form's definition (labels, choices, types); codes
and the phone are checked as they are typed (the credit code's check character, the 12-digit
division code), so a mistake shows before anything is saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from unionclerk import APP_TITLE
from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import pick
from unionclerk.domain.period import Period
from unionclerk.domain.problems import Severity
from unionclerk.domain.report import COVER
from unionclerk.gui import dialogs
from unionclerk.gui.fields import FieldEditor, live_problem
from unionclerk.gui.periodpicker import PeriodPicker
from unionclerk.gui.wizard_county import CountyPage
from unionclerk.services import demo, setup
from unionclerk.services.workspace import Workspace

UNIT_FIELDS = (
    "union_name",
    "union_type",
    "credit_code",
    "division_code",
    "city",
    "county",
    "township",
    "head_title",
    "head_name",
)
CLERK_FIELDS = ("filler_name", "filler_phone")
START_PAGE, DEMO_PAGE, COUNTY_PAGE, UNIT_PAGE, CLERK_PAGE = range(5)  # the clerk page last


class FieldsPage(QWizardPage):
    """A page of cover fields with a live check under each."""

    def __init__(self, ws: Workspace, keys: tuple[str, ...], title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = ws.forms[COVER]
        self.editors: dict[str, FieldEditor] = {}
        self.notes: dict[str, QLabel] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key in keys:
            field = self.form.field(key)
            editor = FieldEditor(field, self)
            editor.widget.setToolTip(pick(field.help or "", field.help_en))
            note = QLabel()
            note.setWordWrap(True)
            note.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor.widget)
            column.addWidget(note)
            self.layout_.addRow(field.title + (" *" if field.required else ""), cell)
            editor.checked.connect(lambda result, k=key: self._show(k, result))
            if hasattr(editor.widget, "textChanged"):
                editor.widget.textChanged.connect(self.completeChanged)
            if hasattr(editor.widget, "currentIndexChanged"):
                editor.widget.currentIndexChanged.connect(self.completeChanged)
            self.editors[key], self.notes[key] = editor, note

    def _show(self, key: str, result: tuple[Severity, str] | None) -> None:
        note = self.notes[key]
        if result is None:
            text = self.editors[key].text().strip()
            note.setVisible(
                bool(text)
                and self.form.field(key).type.name in ("creditcode", "divisioncode", "phone")
            )
            note.setText(self.tr("✓ 格式正确"))
            note.setStyleSheet("color: #188038;")
            return
        severity, message = result
        note.setText(message)
        note.setStyleSheet("color: #b3261e;" if severity is Severity.ERROR else "color: #8a5300;")
        note.show()

    def values(self) -> dict[str, Any]:
        """The parsed values (raises ValueRefused for text the field cannot hold)."""
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            widget = editor.widget
            if isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            else:
                out[key] = self.form.field(key).parse_text(editor.text())
        return out

    def blocking(self) -> str | None:
        """The first reason this page cannot be left, or None."""
        for key, editor in self.editors.items():
            field = self.form.field(key)
            widget = editor.widget
            text = widget.currentText() if isinstance(widget, QComboBox) else editor.text()
            if field.required and not text.strip():
                return self.tr("请填写“{0}”").format(field.plain_label)
            problem = live_problem(field, text)
            if problem is not None and problem[0] is Severity.ERROR:
                return f"{field.plain_label}：{problem[1]}"
        return None

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        # 下一步 stays off while a required field is empty or a code is wrong (the reason
        # shows under the field as it is typed).
        return self.blocking() is None

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        reason = self.blocking()
        if reason:
            dialogs.show_error(self, reason)
            return False
        return True


class StartPage(QWizardPage):
    """Role, and whether to start the unit's own report or load the demo."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("欢迎使用工会报表助手"))
        self.setSubTitle(
            self.tr("几步设置之后就可以开始填报。以后可在“设置”菜单中更改角色和单位信息。")
        )
        self.township = QRadioButton(self.tr("乡镇(街道)工会：填报本单位的报表"))
        self.county = QRadioButton(self.tr("县级工会：汇总各乡镇报表（也可填报本单位）"))
        self.township.setChecked(True)
        roles = QButtonGroup(self)
        roles.addButton(self.township)
        roles.addButton(self.county)
        self.own = QRadioButton(self.tr("开始填写本单位的报表"))
        self.demo = QRadioButton(self.tr("先载入演示报表看看（佛堂镇总工会 2018年度）"))
        self.own.setChecked(True)
        starts = QButtonGroup(self)
        starts.addButton(self.own)
        starts.addButton(self.demo)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>本单位是：</b>")))
        layout.addWidget(self.township)
        layout.addWidget(self.county)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("<b>现在要：</b>")))
        layout.addWidget(self.own)
        layout.addWidget(self.demo)
        layout.addStretch(1)

    @property
    def role(self) -> str:
        return setup.COUNTY if self.county.isChecked() else setup.TOWNSHIP

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        # The demo gets a page of its own: QWizard decides between 下一步 and 完成 only when
        # a page is entered, so a start page that could end the wizard would show neither.
        if self.demo.isChecked():
            return DEMO_PAGE
        return COUNTY_PAGE if self.county.isChecked() else UNIT_PAGE


class DemoPage(QWizardPage):
    """What the demo is, and how to start one's own report afterwards; 完成 loads it."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("演示报表"))
        self.setSubTitle(self.tr("点“完成”载入演示报表：佛堂镇总工会 2018年度。"))
        text = QLabel(
            self.tr(
                "演示报表已填好全部六张表，可以随意查看、修改、检查和导出，试一试各项功能。\n\n"
                "要填写本单位的报表时，在“设置 → 单位信息”中改成本单位的封面，"
                "或用“文件 → 新建报告期”开始新的报告期。"
            )
        )
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1


class FirstRunWizard(QWizard):
    """Sets up a fresh data folder; `report` holds the report to open afterwards."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.report = None
        self.setWindowTitle(self.tr("{0} — 首次设置").format(APP_TITLE))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.start = StartPage()
        self.unit = FieldsPage(
            ws,
            UNIT_FIELDS,
            self.tr("本单位的封面信息"),
            self.tr("与上报的封面一致。带 * 的必须填写；代码输入时即检查。"),
        )
        self.clerk = FieldsPage(
            ws,
            CLERK_FIELDS,
            self.tr("填表人和报告期"),
            self.tr("填表人的姓名和电话会印在上报文件上。"),
        )
        today = date.today()
        default = setup.default_period(today.year, today.month)
        self.picker = PeriodPicker(default, "period")
        self.year, self.part = self.picker.year, self.picker.part
        self.clerk.layout_.addRow(self.tr("报告期"), self.picker)
        self.county = CountyPage()
        for key, page in (
            (START_PAGE, self.start),
            (COUNTY_PAGE, self.county),
            (UNIT_PAGE, self.unit),
            (CLERK_PAGE, self.clerk),
            (DEMO_PAGE, DemoPage()),
        ):
            self.setPage(key, page)
        self.resize(640, 560)
        self.setMinimumSize(560, 480)
        self.button(QWizard.WizardButton.FinishButton).setObjectName("finish")
        self.button(QWizard.WizardButton.NextButton).setObjectName("next")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    @property
    def period(self) -> Period:
        return self.picker.period()

    def accept(self) -> None:
        """Finish: set the folder up (demo, or the unit with its first report)."""
        try:
            if self.start.demo.isChecked():
                self.report = demo.build_demo(self.ws)
                setup.set_role(self.ws, self.start.role)
            elif self.start.role == setup.COUNTY:
                setup.start_county(self.ws, self.county.name.text(), self.county.code.text())
            else:
                cover = {**self.unit.values(), **self.clerk.values()}
                self.report = setup.start_own_report(self.ws, cover, self.period, self.start.role)
        except UserError as exc:
            dialogs.show_error(self, exc)
            return
        super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Closed by the program (not by the clerk): no question.
        self._quiet = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._quiet = False

    def reject(self) -> None:
        """取消, Escape or the window's ×: say what it means before the program ends."""
        if getattr(self, "_quiet", False) or dialogs.confirm(
            self,
            self.tr(
                "还没有完成首次设置。现在退出程序吗？\n"
                "下次打开时会再次显示这个设置向导，已填的内容不会保存。"
            ),
        ):
            super().reject()
