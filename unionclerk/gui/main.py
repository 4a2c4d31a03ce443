"""Start the desktop program: QApplication, Chinese translations, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from unionclerk import APP_TITLE
from unionclerk.domain.errors import UserError
from unionclerk.services.workspace import Workspace


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Qt's own strings (确定/取消) in Chinese unless English is asked for."""
    if lang == "en":
        return []
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       folder):
        app.installTranslator(translator)
        return [translator]
    return []


def run(lang: str = "zh") -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    keep = install_translators(app, lang)  # noqa: F841 - translators must outlive the window
    from unionclerk.gui.window import MainWindow

    try:
        ws = Workspace.open(None)
    except UserError as exc:
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 2
    window = MainWindow(ws)
    window.show()
    window.offer_demo_if_empty()
    code = app.exec()
    ws.close()
    return code
