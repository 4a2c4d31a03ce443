"""Dialogs that ask for what a step needs: where and how to export, which new period."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionclerk.domain.period import Period
from unionclerk.gui.periodpicker import PeriodPicker


class ExportDialog(QDialog):
    """Folder, formats and whether ID numbers go out in full."""

    def __init__(
        self, folder: str, formats: list[str], parent: QWidget | None = None, draft: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出草稿") if draft else self.tr("导出上报文件"))
        self.draft_note = QLabel(
            self.tr(
                "这是草稿：报表还没有标记完成。文件名带“草稿”，PDF 每页印有“草稿”，"
                "只供核对，不能作为正式上报文件。"
            )
            if draft
            else ""
        )
        self.draft_note.setObjectName("draft_note")
        self.draft_note.setWordWrap(True)
        self.draft_note.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.draft_note.setVisible(draft)
        self.folder = QLineEdit(folder)
        self.folder.setObjectName("export_folder")
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        line = QHBoxLayout()
        line.addWidget(self.folder, 1)
        line.addWidget(browse)
        labels = {
            "xlsx": self.tr("Excel 工作簿 (.xlsx)"),
            "pdf": self.tr("PDF 文件 (.pdf)"),
            "json": self.tr("JSON 数据文件 (.json)"),
        }
        self.checks: dict[str, QCheckBox] = {}
        boxes = QVBoxLayout()
        for fmt in formats:
            box = QCheckBox(labels.get(fmt, fmt))
            box.setObjectName(f"format_{fmt}")
            box.setChecked(fmt != "json" or formats == ["json"])
            boxes.addWidget(box)
            self.checks[fmt] = box
        if formats == ["json"]:
            note = QLabel(self.tr("本版本暂只能导出 JSON；工作簿和 PDF 将在后续版本提供。"))
            note.setWordWrap(True)
            boxes.addWidget(note)
        self.full_ids = QCheckBox(self.tr("导出完整的身份证号码（默认遮盖中间的数字）"))
        self.full_ids.setObjectName("full_ids")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("保存到文件夹"), line)
        form.addRow(self.tr("文件格式"), boxes)
        form.addRow("", self.full_ids)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("选择保存上报文件的文件夹"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def choice(self) -> tuple[Path, list[str], bool]:
        formats = [fmt for fmt, box in self.checks.items() if box.isChecked()]
        return Path(self.folder.text().strip()), formats, self.full_ids.isChecked()


class PeriodDialog(QDialog):
    """Choose the year and half of a new report period."""

    def __init__(self, suggested: Period, carried_from: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建报告期"))
        self.picker = PeriodPicker(suggested, "new")
        self.year, self.part = self.picker.year, self.picker.part
        form = QFormLayout()
        form.addRow(self.tr("报告期"), self.picker)
        note = QLabel(
            self.tr("将从 {0} 结转封面、干部名单和阵地名单；服务项目从空白开始。").format(
                carried_from
            )
            if carried_from
            else self.tr("这是本单位的第一个报告期，所有表从空白开始。")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def period(self) -> Period:
        return self.picker.period()
