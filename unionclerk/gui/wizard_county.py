"""The first-run wizard's page for county staff (县级汇总): the county union's own name and
12-digit division code — not a township's cover. They become the folder's own unit and the
summary's maker (汇总单位), so the county screen opens with them filled in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWizardPage

from unionclerk.gui import dialogs


def county_code_problem(text: str) -> str | None:
    """What is wrong with a typed county division code (None: nothing)."""
    code = text.strip()
    if not code:
        return None
    if not code.isdigit():
        return QCoreApplication.translate("CountyPage", "行政区划代码只能是数字")
    if len(code) != 12:
        return QCoreApplication.translate(
            "CountyPage", "行政区划代码应为 12 位，现在是 {0} 位"
        ).format(len(code))
    if not code.endswith("000000"):
        return QCoreApplication.translate(
            "CountyPage", "县级的代码以 000000 结尾（如义乌市 330782000000）；这像是乡镇的代码"
        )
    return None


class CountyPage(QWizardPage):
    """The county union's name and division code; the last page of the county path."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("本县(市、区)总工会"))
        self.setSubTitle(
            self.tr("汇总文件上写的汇总单位。以后可在“县级汇总”窗口或“设置”菜单中修改。")
        )
        self.name = QLineEdit()
        self.name.setObjectName("county_name")
        self.name.setPlaceholderText(self.tr("如：义乌市总工会"))
        self.code = QLineEdit()
        self.code.setObjectName("county_code")
        self.code.setMaxLength(12)
        self.code.setPlaceholderText(self.tr("12 位，如 330782000000"))
        self.note = QLabel()
        self.note.setObjectName("county_code_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b3261e;")
        layout = QFormLayout(self)
        layout.addRow(self.tr("县级工会名称 *"), self.name)
        layout.addRow(self.tr("行政区划代码 *"), self.code)
        layout.addRow("", self.note)
        for edit in (self.name, self.code):
            edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        self.note.setText(county_code_problem(self.code.text()) or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        code = self.code.text().strip()
        return bool(self.name.text().strip() and code) and county_code_problem(code) is None

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        problem = county_code_problem(self.code.text())
        if problem:
            dialogs.show_error(self, problem)
            return False
        return True
