"""The box after an export: what was written, and the next step a click away.

打开 PDF opens the PDF in the system's viewer (to look it over or print it for signing),
打开文件夹 opens the folder (to send the files); both through QDesktopServices, so the
system's own programs do it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from unionclerk import APP_TITLE


class ExportResult(QObject):
    """Builds and shows the result box (a QObject for its own translation context)."""

    def show(
        self,
        parent: QWidget | None,
        out_dir: Path,
        files: Sequence[Path],
        warnings: Sequence[str] = (),
        draft: bool = False,
    ) -> str:
        """Show the box; returns what was opened: "pdf", "folder" or ""."""
        names = "\n".join(f.name for f in files)
        done = (
            self.tr("已导出草稿 {0} 个文件到\n{1}\n\n{2}")
            if draft
            else self.tr("已导出 {0} 个文件到\n{1}\n\n{2}")
        )
        text = done.format(len(files), out_dir, names)
        if warnings:
            text += "\n\n" + self.tr("请注意：") + "\n" + "\n".join(warnings[:20])
        box = QMessageBox(QMessageBox.Icon.Information, APP_TITLE, text, parent=parent)
        box.setObjectName("export_result")
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 30em; }")  # a file name on one line
        pdf = next((f for f in files if f.suffix.lower() == ".pdf"), None)
        open_pdf = None
        if pdf is not None:
            open_pdf = box.addButton(self.tr("打开 PDF"), QMessageBox.ButtonRole.AcceptRole)
            open_pdf.setObjectName("open_pdf")
        open_dir = box.addButton(self.tr("打开文件夹"), QMessageBox.ButtonRole.AcceptRole)
        open_dir.setObjectName("open_folder")
        close = box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        close.setObjectName("close")
        box.setDefaultButton(open_pdf or open_dir)
        box.setEscapeButton(close)
        box.exec()
        clicked = box.clickedButton()
        if pdf is not None and clicked is open_pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))
            return "pdf"
        if clicked is open_dir:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out_dir)))
            return "folder"
        return ""


def show_export_result(
    parent: QWidget | None,
    out_dir: Path,
    files: Sequence[Path],
    warnings: Sequence[str] = (),
    draft: bool = False,
) -> str:
    return ExportResult(parent).show(parent, out_dir, files, warnings, draft)
