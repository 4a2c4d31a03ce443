"""Start-up: one copy per data folder, the first-run wizard, languages and translations."""

from __future__ import annotations

import re
import shutil
import string
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from unionclerk import paths, translations_build
from unionclerk.gui import main, translations
from unionclerk.gui.lock import FolderLock
from unionclerk.services import demo

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def demo_folder(ws):
    demo.build_demo(ws)
    return ws


def test_second_copy_says_so_and_exits(qtbot, data_dir, dialogs) -> None:
    first = FolderLock(data_dir)
    assert first.acquire()
    try:
        dialogs.expect("warning", QMessageBox.StandardButton.Ok)
        code, started = main.start("zh")
        assert (code, started) == (main.EXIT_LOCKED, None)
        assert "另一个正在运行" in dialogs.seen[-1][1]
    finally:
        first.release()


def test_start_opens_the_window_and_holds_the_lock(qtbot, demo_folder, data_dir) -> None:
    code, started = main.start("zh")
    assert code == main.EXIT_OK and started is not None
    try:
        qtbot.addWidget(started.window)
        assert started.window.isVisible()
        assert started.window.session.report.unit.union_name == "佛堂镇总工会"
        assert not FolderLock(data_dir).acquire()  # a second copy would be refused
    finally:
        started.close()
    again = FolderLock(data_dir)
    assert again.acquire()
    again.release()


def test_fresh_folder_opens_the_wizard_and_cancel_ends(qtbot, ws, dialogs) -> None:
    dialogs.expect("exec", QDialog.DialogCode.Rejected)
    assert main.start("zh") == (main.EXIT_OK, None)
    assert dialogs.seen[-1] == ("exec", "FirstRunWizard")


def test_english_interface(qtbot, demo_folder, monkeypatch) -> None:
    from unionclerk.domain import i18n

    monkeypatch.setattr(i18n, "_CATALOGUE_DIR", None)  # start() finds the messages itself
    code, started = main.start("en")
    assert started is not None
    try:
        window = started.window
        qtbot.addWidget(window)
        states = [
            window.forms_model.index(r, 1).data() for r in range(1, window.forms_model.rowCount())
        ]
        assert "Complete" in states and not any(CJK.search(s or "") for s in states), states
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "&File" and not any(CJK.search(m) for m in menus)
        for menu in window.menuBar().actions():
            for action in menu.menu().actions():
                assert not CJK.search(action.text()), action.text()
        assert not CJK.search(window.dashboard.step.text())
        window.select_form("organisation")
        assert (
            window.pages["organisation"].record.rows["members"].label.text().startswith("Members")
        )
    finally:
        started.close()
    assert QCoreApplication.translate("Menus", "文件(&F)") == "文件(&F)"  # removed again


def test_chinese_standard_buttons(qtbot) -> None:
    app = main.application()
    installed = translations.install(app, "zh")
    try:
        assert installed, "qtbase_zh_CN.qm not found"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        translations.remove(app, installed)


def test_ts_is_complete_with_matching_placeholders() -> None:
    root = ET.parse(translations.ts_file("en")).getroot()
    fields = string.Formatter()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        assert node is not None and node.get("type") is None and node.text, source
        names = {n for _, n, _, _ in fields.parse(source) if n is not None}
        assert names == {n for _, n, _, _ in fields.parse(node.text) if n is not None}, source
        assert source.count("\n") == node.text.count("\n"), source


def test_qm_is_compiled_into_the_data_folder_when_missing(tmp_path, monkeypatch) -> None:
    ts = tmp_path / "resources" / "translations" / "unionclerk_en.ts"
    ts.parent.mkdir(parents=True)
    shutil.copy(translations.ts_file("en"), ts)
    monkeypatch.setattr(translations, "ts_file", lambda lang: ts)
    qm = translations.find_qm("en")
    if translations_build.lrelease_program() is None:
        pytest.skip("no lrelease here")
    assert qm == paths.data_dir() / "translations" / "unionclerk_en.qm"
    assert qm.stat().st_size > 0
    assert translations.find_qm("en", build=False) == qm  # fresh: reused, not rebuilt


def test_ts_reader_is_the_last_resort(qtbot) -> None:
    reader = translations.TsTranslator(translations.ts_file("en"))
    assert reader.translate("Menus", "文件(&F)") == "&File"
    assert reader.translate("Menus", "没有这句") == ""
    assert not reader.isEmpty()


def test_menu_role_keys_are_the_services_roles(demo_window) -> None:
    from unionclerk.services import setup

    assert {k.removeprefix("role_") for k in demo_window.acts if k.startswith("role_")} == set(
        setup.ROLES
    )
    demo_window.acts["role_county"].trigger()
    assert setup.role(demo_window.ws) == setup.COUNTY
    assert demo_window.period_box.currentText().startswith("佛堂镇总工会")
