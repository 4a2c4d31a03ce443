"""The county screen on the same 30 townships' files as the end-to-end merge test: add the
folder, see every file's status, resolve the edited file, export, and merge again after a
late file arrives (dropped on the window) without adding the others again."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QMessageBox

from unionclerk.domain.period import Period

ROOT = Path(__file__).resolve().parents[2]


def inbox_module():
    name = "unionclerk_tests_merge_inbox"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, ROOT / "tests" / "services" / "merge_inbox.py"
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


mi = inbox_module()


@pytest.fixture
def screen(qtbot, ws):
    from unionclerk.gui.county.screen import CountyWindow

    window = CountyWindow(ws, Period(2018))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def test_county_screen_merges_the_inbox(
    qtbot, qtmodeltester, clerk, screen, dialogs, ws, tmp_path, tmp_path_factory
):
    inbox = mi.shared_inbox(tmp_path_factory)
    codes = [d["forms"]["cover"]["division_code"] for d in inbox.docs]
    dialogs.expect("open", ([str(inbox.expected_csv)], ""))
    clerk.click(screen, "expected")
    assert "32" in screen.list_label.text()
    dialogs.expect("folder", str(inbox.folder))
    clerk.click(screen, "add_folder")
    qtbot.waitUntil(lambda: not screen.busy, timeout=120_000)
    files = {r[0]: r for r in screen.files.rows}
    assert len(files) == 34

    def state(role: str) -> str:
        label = inbox.files[role].relative_to(inbox.folder.parent).as_posix()
        return files[label][2]

    assert state("edited") == state("superseded") == state("photo") == state("word") == "未使用"
    assert state("last_year") == "未使用"
    assert sum(r[2] == "已使用" for r in screen.files.rows) == 29
    states = {r[0]: r[2] for r in screen.units.rows}
    assert len(states) == 32 and states[codes[mi.EDITED]] == "有问题"
    assert sorted(c for c, s in states.items() if s == "未报") == [c for c, _ in mi.MISSING]
    assert "纳入汇总 29 个单位" in screen.figures.text()
    assert "应报 32：已报 29，未报 2，有问题 1" in screen.figures.text()
    qtmodeltester.check(screen.files)
    qtmodeltester.check(screen.units)

    # the clerk looks at the edited file and decides to count it after all
    screen.units_view.selectRow(screen.units.codes.index(codes[mi.EDITED]))

    def use_edited(dialog: QDialog) -> int:
        rows = [dialog.choices.item(i).data(256) for i in range(dialog.choices.count())]
        dialog.choices.setCurrentRow(next(i for i, v in enumerate(rows) if "#" in v))
        return QDialog.DialogCode.Accepted

    dialogs.expect("exec", use_edited)
    clerk.click(screen, "decide")
    assert "纳入汇总 30 个单位" in screen.figures.text()
    assert {r[0]: r[2] for r in screen.units.rows}[codes[mi.EDITED]] == "有问题"  # still flagged

    out = tmp_path / "汇总"
    out.mkdir()
    dialogs.expect("question", QMessageBox.StandardButton.Yes)  # two townships sent drafts
    dialogs.expect("folder", str(out))
    dialogs.expect("information", QMessageBox.StandardButton.Ok)
    clerk.click(screen, "export")
    qtbot.waitUntil(lambda: not screen.busy, timeout=120_000)
    assert "草稿" in next(text for kind, text in dialogs.seen if kind == "question")
    summary = json.loads(next(out.glob("*_汇总_草稿.json")).read_text(encoding="utf-8"))
    assert len(summary["units"]) == 30
    assert summary["totals"]["organisation"]["members"]["value"] == sum(
        d["forms"]["organisation"]["members"] for d in inbox.docs
    )
    edited = next(p for p in summary["problems"] if p["kind"] == "edited")
    assert "用户选择" in edited["detail"] or "按选择" in edited["detail"]

    # a late file: the screen starts from the reports already kept, the file is dropped on it
    late = mi.countydata.township_document(
        None, "稠江街道", mi.MISSING[0][0], county="义乌市", city="金华市", size="small", seed=99
    )
    late_file = tmp_path / "late" / "稠江街道.json"
    late_file.parent.mkdir()
    late_file.write_text(json.dumps(late, ensure_ascii=False), encoding="utf-8")
    clerk.click(screen, "restart")
    assert screen.files.rowCount() == 0
    assert "纳入汇总 30 个单位" in screen.figures.text()  # kept in the database
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(late_file))])
    screen.dropEvent(
        QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    qtbot.waitUntil(lambda: not screen.busy, timeout=60_000)
    assert "纳入汇总 31 个单位" in screen.figures.text()
    assert "未报 1" in screen.figures.text()


def test_exporting_a_summary_of_drafts_asks_first(qtbot, clerk, screen, tmp_path, dialogs):
    import hostile

    inbox = tmp_path / "inbox"
    hostile.write_workbook(inbox / "a.xlsx", hostile.documents(1)[0], status="draft")
    dialogs.expect("folder", str(inbox))
    clerk.click(screen, "add_folder")
    qtbot.waitUntil(
        lambda: not screen.busy and screen.plan is not None and len(screen.plan.winners) == 1,
        timeout=60_000,
    )
    out = tmp_path / "out"
    out.mkdir()
    dialogs.expect("question", QMessageBox.StandardButton.No)
    clerk.click(screen, "export")
    assert screen.job is None or not screen.busy
    assert not any(out.iterdir()) and "草稿" in dialogs.seen[-1][1]
    dialogs.expect("question", QMessageBox.StandardButton.Yes)
    dialogs.expect("folder", str(out))
    dialogs.expect("information", QMessageBox.StandardButton.Ok)
    clerk.click(screen, "export")
    qtbot.waitUntil(lambda: not screen.busy and any(out.iterdir()), timeout=60_000)
    assert sorted(p.suffix for p in out.glob("*_汇总_草稿.*")) == [".json", ".pdf", ".xlsx"]


def test_clicks_on_the_county_screen_never_read_the_reports_again(
    qtbot, clerk, screen, tmp_path, dialogs
):
    """Item 12: the figures come from what was read once (province size: 1,400 reports were
    re-read after every click; benchmarks/bench_county_screen.py measures it)."""
    import hostile

    from unionclerk.services.county.writing import roll_up

    inbox = tmp_path / "inbox"
    for i, doc in enumerate(hostile.documents(3)):
        hostile.write_json(inbox / f"{i}.json", doc)
    dialogs.expect("folder", str(inbox))
    clerk.click(screen, "add_folder")
    qtbot.waitUntil(
        lambda: not screen.busy and screen.plan is not None and len(screen.plan.winners) == 3,
        timeout=60_000,
    )
    reads = screen.session.figures.reads
    assert reads == 3
    box = screen.findChild(QCheckBox)
    for _ in range(4):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert screen.session.figures.reads == reads
    rollup, _ = roll_up(screen.ws, screen.plan, screen.period)
    members = rollup.record_totals("organisation")["members"][0]
    rate = rollup.record_totals("organisation")["membership_rate"][0]
    assert f"会员 {members:,} 人" in screen.figures.text()
    assert f"入会率 {rate:.1f}%" in screen.figures.text()
    assert f"干部 {rollup.roster_rows('cadres')} 人" in screen.figures.text()
