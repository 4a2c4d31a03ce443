"""The window's few modal questions and messages, in one place.

Every modal box the program opens goes through these functions (and through Qt's static
`QMessageBox` / `QInputDialog` / `QFileDialog` helpers underneath), so tests can script the
answers and fail on any box they did not expect.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from unionclerk import APP_TITLE
from unionclerk.domain.errors import UserError


def show_error(parent: QWidget | None, error: UserError | str) -> None:
    """A calm message for a refused action or an environment problem (never a traceback)."""
    text = str(error)
    QMessageBox.warning(parent, APP_TITLE, text)


def inform(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, APP_TITLE, text)


def confirm(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        APP_TITLE,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, text: str, buttons: list[str], detail: str = "") -> int:
    """A question with named answers (the first is the default); the index of the one
    chosen, or -1 when the box is closed."""
    box = QMessageBox(
        QMessageBox.Icon.Question, APP_TITLE, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("choose")
    if detail:
        box.setInformativeText(detail)
    made = [
        box.addButton(
            label,
            QMessageBox.ButtonRole.AcceptRole if i == 0 else QMessageBox.ButtonRole.RejectRole,
        )
        for i, label in enumerate(buttons)
    ]
    box.setDefaultButton(made[0])
    box.setEscapeButton(made[-1])
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else -1


def ask_text(parent: QWidget | None, label: str, text: str = "") -> str | None:
    """One line of text, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, APP_TITLE, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None
