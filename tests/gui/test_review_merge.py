"""Issue 16: a report the county merges is reviewable without a second step, across two data
folders, driven in the windows.

The township exports (workbook, its PDF, a JSON report) → the county adds them on the 县级汇总
screen, which shows each file's short hash (the same as `inspect` prints, and the PDF's QR
code's) → it exports the summary → 审核下级报表 lists the report; typing the short hash finds
it → a comment, a return → the township sends a newer export; the county merges it together
with the old file again → one new submission, 已重报, and what changed.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import Cli
from unionclerk import paths
from unionclerk.domain.period import Period
from unionclerk.domain.review import RECEIVED
from unionclerk.services import demo, exporting
from unionclerk.services.editing import EditSession
from unionclerk.services.workspace import Workspace, database

Ok = QMessageBox.StandardButton.Ok
CODE, PERIOD = demo.DIVISION_CODE, Period(2018)


def _inspect_short(cli: Cli, file: Path, data_dir: Path) -> str:
    """The short hash `unionclerk inspect FILE` prints."""
    code, out, _ = cli(data_dir, "inspect", file)
    assert code == 0
    return re.search(r"校验码：([0-9A-F]{8})", out).group(1)


def _merge(clerk, screen, dialogs, files: list[Path], out: Path) -> str:
    """Restart, add the files (添加文件…), export the summary (导出汇总…); the message shown."""
    clerk.click(screen, "restart")
    dialogs.expect("open", ([str(f) for f in files], ""))
    clerk.click(screen, "add_files")
    clerk.qtbot.waitUntil(lambda: not screen.busy, timeout=60_000)
    out.mkdir()
    dialogs.expect("question", QMessageBox.StandardButton.Yes)  # the demo report is a draft
    dialogs.expect("folder", str(out))
    dialogs.expect("information", Ok)
    clerk.click(screen, "export")
    clerk.qtbot.waitUntil(lambda: not screen.busy, timeout=60_000)
    assert list(out.glob("*.json")), dialogs.seen
    return dialogs.seen[-1][1]


def _received(county: Workspace) -> list:
    with database(county).read() as tx:
        return tx.list_submissions(county.find_report(PERIOD, CODE).id, direction=RECEIVED)


def test_a_report_merged_on_the_county_screen_is_reviewable(
    qtbot, ws, clerk, dialogs, cli, tmp_path, shots, save_shot
) -> None:
    from unionclerk.gui.county.review import ReviewWindow
    from unionclerk.gui.county.screen import CountyWindow

    demo.build_demo(ws)
    township = ws
    for folder in ("v1", "v2"):
        (tmp_path / folder).mkdir()
    v1 = exporting.export_report(
        township, township.find_report(PERIOD), tmp_path / "v1", ["xlsx", "pdf", "json"]
    ).files
    book, paper, as_json = (
        next(f for f in v1 if f.suffix == s) for s in (".xlsx", ".pdf", ".json")
    )
    short = _inspect_short(cli, book, tmp_path / "cli")
    county = Workspace.open(tmp_path / "county")
    paths.set_data_dir(township.data_dir)
    try:
        screen = CountyWindow(county, PERIOD)
        qtbot.addWidget(screen)
        screen.show()
        said = _merge(clerk, screen, dialogs, [book, paper, as_json], tmp_path / "s1")
        assert "其中 1 份报表已接收供审核" in said
        files = screen.files
        assert files.headerData(3, Qt.Orientation.Horizontal) == "校验码"
        rows = {r[0]: r for r in files.rows}
        assert rows[book.name][2] == "已使用" and rows[book.name][3] == short
        assert rows[paper.name][3] == short  # the paper's QR code carries the same hash
        assert rows[as_json.name][3] == short == _inspect_short(cli, as_json, tmp_path / "cli")
        paths.set_data_dir(township.data_dir)
        save_shot(screen, shots / "county-short-hash.png")

        # -- 审核下级报表 lists it at once; typing the short hash finds it ---------------------
        review = ReviewWindow(county, PERIOD)
        qtbot.addWidget(review)
        review.show()
        with qtbot.waitActive(review):
            review.activateWindow()
        assert [review.units.item(0, c).text() for c in (0, 2, 3)] == [CODE, "已报", short]
        assert review.heading.text() == ""  # nothing chosen yet
        clerk.type(review.qr, short)
        assert review.units.currentRow() == 0 and f"校验码：{short}" in review.heading.text()
        review.reviewer.setText("李审")
        review.forms.setCurrentRow(county.forms.keys().index("organisation"))
        members = review.pages["organisation"].record.field_widget("members")
        members.setFocus(Qt.FocusReason.MouseFocusReason)
        qtbot.waitUntil(
            lambda: (
                QApplication.focusWidget() is members
                or members.isAncestorOf(QApplication.focusWidget())
            )
        )
        dialogs.expect("text", ("会员人数请核实", True))
        clerk.click(review, "review_comment_here")
        assert review.comments.item(0, 0).toolTip() == "organisation.members"
        back = tmp_path / "back"
        back.mkdir()
        dialogs.expect("text", ("请核实", True))
        dialogs.expect("folder", str(back))
        dialogs.expect("information", Ok)
        clerk.click(review, "review_return")
        assert review.units.item(0, 2).text() == "退回修改中" and list(back.glob("*.json"))

        # -- a newer export, merged beside the old file: the resubmission, once -------------
        EditSession(township, township.find_report(PERIOD)).set_value(
            "organisation", "members", 24000
        )
        (v2,) = exporting.export_report(
            township, township.find_report(PERIOD), tmp_path / "v2", ["xlsx"]
        ).files
        said = _merge(clerk, screen, dialogs, [v2, book], tmp_path / "s2")
        assert "其中 1 份报表已接收供审核" in said
        newer = _inspect_short(cli, v2, tmp_path / "cli")
        paths.set_data_dir(township.data_dir)
        assert {r[0]: r[3] for r in screen.files.rows} == {v2.name: newer, book.name: short}
        said = _merge(clerk, screen, dialogs, [v2, book], tmp_path / "s3")  # the same again
        assert "已接收供审核" not in said
        assert [s.short for s in _received(county)] == [short, newer]
        review.reload(CODE)
        assert [review.units.item(0, c).text() for c in (2, 3)] == ["已重报", newer]
        text = review.changes.toPlainText()
        assert f"与上次报送（校验码 {short}）相比，本次（校验码 {newer}）共 1 处改动" in text
        assert "[organisation.members]" in text
        save_shot(review, shots / "review-after-merge.png")
    finally:
        county.close()
        paths.set_data_dir(township.data_dir)
