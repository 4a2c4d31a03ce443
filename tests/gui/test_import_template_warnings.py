"""Issue 13 item 6 in the window: a filled template with text typed in its header block or
signature rows is imported through 文件 → 导入报表文件 (Ctrl+O), and the result the clerk reads
names each such cell (sheet, cell, text, where to put it) under the imported file's line."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

LO = Path(__file__).resolve().parents[1] / "data" / "lo"


def test_the_import_result_names_what_was_not_imported(
    demo_window, dialogs, qtbot, tmp_path
) -> None:
    file = tmp_path / "佛堂镇填报.xlsx"
    shutil.copy(LO / "template_lo_margins.xlsx", file)
    dialogs.expect("open", ([str(file)], ""))
    dialogs.expect("information", QMessageBox.StandardButton.Ok)
    demo_window.activateWindow()
    qtbot.keyClick(demo_window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(kind == "information" for kind, _ in dialogs.seen), timeout=20000)
    text = next(t for kind, t in dialogs.seen if kind == "information")
    lines = text.splitlines()
    done = next(i for i, line in enumerate(lines) if line.startswith("✓ 佛堂镇填报.xlsx"))
    notes = lines[done + 1 :]
    assert len(notes) == 5, text
    assert notes[0].startswith("  ⚠ 表一 组织建设情况 第 3 行（A3）“填报单位：赤岸镇总工会”")
    assert "封面“报出日期”一栏是空的。请把它填到封面“报出日期”一栏" in notes[-1]
