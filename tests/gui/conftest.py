"""GUI test set-up: every modal dialog is scripted, and an unexpected one fails the test.

A test that expects a box says so first — `dialogs.expect("question", Yes)`,
`dialogs.expect("text", ("原因", True))`, `dialogs.expect("exec", fill_and_accept)` — and the
box is answered without opening. Any modal box not expected (a `QMessageBox`, an input or
file dialog, any `QDialog.exec`) is answered with "cancel" so the test cannot hang, and the
test fails at teardown naming the box.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWizard

Box = QMessageBox.StandardButton


class DialogScript:
    """The answers a test gives, in order, and what actually opened."""

    def __init__(self) -> None:
        self.expected: deque[tuple[str, Any]] = deque()
        self.seen: list[tuple[str, str]] = []
        self.unexpected: list[str] = []
        self.opened_urls: list[str] = []

    def expect(self, kind: str, answer: Any) -> None:
        self.expected.append((kind, answer))

    def handle(self, kind: str, text: str, default: Any, *args: Any) -> Any:
        self.seen.append((kind, text))
        if self.expected and self.expected[0][0] == kind:
            answer = self.expected.popleft()[1]
            return answer(*args) if callable(answer) else answer
        self.unexpected.append(f"{kind}: {text[:200]}")
        return default


def _text(args: tuple[Any, ...]) -> str:
    return " | ".join(str(a) for a in args[1:3] if isinstance(a, str))


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogScript:
    script = DialogScript()

    def box(kind: str, default: Any) -> Callable[..., Any]:
        def answer(*args: Any, **_kw: Any) -> Any:
            return script.handle(kind, _text(args), default)

        return staticmethod(answer)

    for kind in ("warning", "critical", "information", "question"):
        default = Box.No if kind == "question" else Box.Ok
        monkeypatch.setattr(QMessageBox, kind, box(kind, default))
    monkeypatch.setattr(QInputDialog, "getText", box("text", ("", False)))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", box("text", ("", False)))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", box("folder", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", box("open", ([], "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", box("open1", ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", box("save", ("", "")))

    def exec_(self: QDialog) -> int:
        return script.handle("exec", type(self).__name__, QDialog.DialogCode.Rejected, self)

    for cls in (QDialog, QMessageBox, QWizard, QFileDialog, QInputDialog):
        monkeypatch.setattr(cls, "exec", exec_)
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: script.opened_urls.append(url.toLocalFile())),
    )
    yield script
    assert not script.unexpected, f"unexpected modal dialog(s): {script.unexpected}"


# The unit the first-run tests set up: its names, as typed on the wizard's unit page.
CHIAN = {
    "union_name": "赤岸镇总工会",
    "city": "金华市",
    "county": "义乌市",
    "township": "赤岸镇",
    "head_name": "张建国",
}


class Clerk:
    """Drives the window the way a clerk does: keys into fields, Enter to move on."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot

    def window(self, ws: Any) -> Any:
        from unionclerk.gui.window import MainWindow

        window = MainWindow(ws)
        self.qtbot.addWidget(window)
        window.show()
        return window

    def type(self, widget: Any, text: str, enter: bool = True) -> None:
        """Replace what a line edit holds by typing, then Enter (which saves)."""
        from PySide6.QtCore import Qt

        widget.setFocus()
        widget.selectAll()
        if not text:
            self.qtbot.keyClick(widget, Qt.Key.Key_Delete)
        elif text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:  # Chinese arrives from the input method as committed text, as with an IME
            from PySide6.QtGui import QInputMethodEvent
            from PySide6.QtWidgets import QApplication

            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)
        if enter:
            self.qtbot.keyClick(widget, Qt.Key.Key_Return)

    def fill(self, window: Any, form: str, key: str, text: str) -> None:
        window.select_form(form)
        self.type(window.pages[form].record.field_widget(key), text)

    def choose(self, window: Any, form: str, key: str, choice: str) -> None:
        """Pick a drop-down entry as a click would (`activated`)."""
        window.select_form(form)
        combo = window.pages[form].record.field_widget(key)
        index = combo.findText(choice)
        assert index >= 0, f"{choice} not in {key}"
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    def row(self, window: Any, form: str, key: str) -> Any:
        return window.pages[form].record.rows[key]

    def fill_unit(self, unit: Any, **more: str) -> None:
        """The first-run wizard's unit page as the 赤岸镇 clerk fills it: the names typed, then
        the fields in `more` (in their order), then the union type and head title picked."""
        for key, text in {**CHIAN, **more}.items():
            self.type(unit.editors[key].widget, text, enter=False)
        for key, choice in (("union_type", "乡镇总工会"), ("head_title", "主席")):
            combo = unit.editors[key].widget
            combo.setCurrentIndex(combo.findText(choice))

    def click(self, window: Any, name: str) -> None:
        """Press, with the mouse, the button whose object name is `name` (e.g. "export")."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QPushButton

        button = window.findChild(QPushButton, name)
        assert button is not None, f"no button named {name!r}"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_with(text: str) -> Callable[[QMessageBox], int]:
    """A scripted answer to a question with named buttons: press the one saying `text`."""

    def press(box: QMessageBox) -> int:
        button = next(b for b in box.buttons() if text in b.text())
        button.click()
        return box.result()

    return press


@pytest.fixture
def clerk(qtbot: Any) -> Clerk:
    return Clerk(qtbot)


@pytest.fixture
def demo_window(ws: Any, clerk: Clerk) -> Any:
    from unionclerk.services import demo

    demo.build_demo(ws)
    return clerk.window(ws)


@pytest.fixture
def cadres(demo_window: Any) -> tuple[Any, Any]:
    """The demo window on 表二 (the cadres roster): the window and its roster table."""
    demo_window.select_form("cadres")
    return demo_window, demo_window.pages["cadres"].roster


# -- screenshots (the README's pictures) ---------------------------------------------------
@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: $UNIONCLERK_SCREENSHOTS (e.g. docs/images) or a temporary folder."""
    folder = Path(os.environ.get("UNIONCLERK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def chinese_buttons(qtbot: Any) -> Any:
    """Qt's own strings in Chinese (确定/取消), as the program shows them."""
    from unionclerk.gui import main, translations

    app = main.application()
    installed = translations.install(app, "zh")
    yield
    translations.remove(app, installed)


def _save_shot(widget: Any, path: Path) -> None:
    from PySide6.QtGui import QImage
    from PySide6.QtTest import QTest

    QTest.qWait(150)  # let the layouts settle, as they do on screen
    assert widget.grab().save(str(path), "PNG", 9)
    image = QImage(str(path))
    assert image.width() > 300 and image.height() > 200
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 13)
    }
    assert len(colours) > 20, f"{path.name} looks blank"
    if os.environ.get("QT_SCALE_FACTOR", "1") == "1":  # the README's pictures stay small
        assert path.stat().st_size <= 250 * 1024, f"{path.name} is over 250 KB"


@pytest.fixture
def save_shot() -> Any:
    """save_shot(widget, path): grab, save, and check the picture is not blank or huge."""
    return _save_shot
