"""The county screen names every kind of file the program writes as `inspect` and the merge
do: a clerk adds a folder holding a township's files, an earlier summary (workbook and JSON),
a county's return file, a template and junk, and reads on each row what became of it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.period import Period
from unionclerk.exporters.summary import model as sm

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from filekinds_files import make_files  # noqa: E402


@pytest.fixture
def screen(qtbot, ws):
    from unionclerk.gui.county.screen import CountyWindow

    window = CountyWindow(ws, Period(2018))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def test_county_screen_names_each_file_as_inspect_does(qtbot, screen, dialogs, tmp_path):
    files = make_files(tmp_path / "made")
    inbox = tmp_path / "收件"
    inbox.mkdir()
    names = {}
    for name, (path, _kind) in files.items():
        target = inbox / (name.replace(" ", "_") + path.suffix)
        shutil.copy(path, target)
        names[name] = f"收件/{target.name}"
    dialogs.expect("folder", str(inbox))
    qtbot.mouseClick(screen.findChild(QPushButton, "add_folder"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.busy, timeout=60_000)
    rows = {r[0]: r for r in screen.files.rows}  # 文件 / 单位 / 情况 / 校验码 / 说明
    assert set(rows) == set(names.values())

    def row(name: str) -> list[str]:
        return rows[names[name]]

    assert row("submission xlsx")[2] == "已使用"
    assert row("submission pdf")[2] == "附件"
    for summary in ("summary xlsx", "summary json"):  # one summary, in either file
        assert "义乌市总工会的汇总，含 1 个单位的报表" in row(summary)[1]
    # a file that is no report says why, under the name the one table gives its kind
    refusals = {
        "return file": (sm.NOT_A_REPORT, FileKind.RETURN.label),
        "template": (sm.NOT_A_REPORT, FileKind.TEMPLATE.label),
        "summary pdf": (sm.NOT_A_REPORT, "PDF"),
        "plain workbook": (sm.NOT_A_REPORT, "机器数据"),
        "broken json": (sm.UNREADABLE, "第 1 行"),
        "empty file": (sm.UNREADABLE, "空文件"),
    }
    for name, (problem, said) in refusals.items():
        state, why = row(name)[2], row(name)[4]
        assert state == "未使用", name
        assert why.startswith(f"{sm.kind_label(problem)}：") and said in why, (name, why)
    screen.grab().save(str(tmp_path / "county_kinds.png"))
