"""Issue 16 "Done when": the whole review loop across two data folders, driven in the windows.

Township exports → the county receives it in 审核下级报表, comments on a field, a roster cell
and a whole form, returns it → the township imports the return and sees each comment at its
field, its roster cell and in the problems panel as 上级意见, changes two values, replies,
exports → the county sees exactly those two changes and the replies, passes it → the
summary's 报送情况 says 通过.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from unionclerk import paths
from unionclerk.domain.period import Period
from unionclerk.services import county as county_merge
from unionclerk.services import demo, exporting
from unionclerk.services.workspace import Workspace

Ok = QMessageBox.StandardButton.Ok
CODE, PERIOD = demo.DIVISION_CODE, Period(2018)


def _focus(qtbot, widget) -> None:
    """Put the cursor in a widget as a click does."""
    if QApplication.activeWindow() is not widget.window():  # a click brings it to the front
        widget.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget())
        )
    )


def _cell(qtbot, table, row: int, key: str) -> None:
    index = table.proxy.mapFromSource(table.model.index(row, table.model.column_of(key)))
    table.view.setCurrentIndex(index)
    qtbot.mouseClick(
        table.view.viewport(), Qt.MouseButton.LeftButton, pos=table.view.visualRect(index).center()
    )
    _focus(qtbot, table.view)


def _form(review, key: str) -> None:
    review.forms.setCurrentRow(review.ws.forms.keys().index(key))


def test_review_loop_across_two_data_folders(
    qtbot, ws, clerk, dialogs, tmp_path, shots, save_shot
) -> None:
    from unionclerk.gui.county.review import ReviewWindow

    demo.build_demo(ws)
    township = ws
    sent = exporting.export_report(
        township, township.find_report(PERIOD), tmp_path, ["xlsx"]
    ).files[0]
    county = Workspace.open(tmp_path / "county")
    paths.set_data_dir(township.data_dir)
    try:
        review = ReviewWindow(county, PERIOD)
        qtbot.addWidget(review)
        review.show()
        with qtbot.waitActive(review):
            review.activateWindow()
        review.reviewer.setText("李审")

        # -- the county receives, comments on a field, a roster cell and a form, returns --
        dialogs.expect("open", ([str(sent)], ""))
        clerk.click(review, "review_receive")
        assert review.units.item(0, 2).text() == "已报"
        short = review.units.item(0, 3).text()
        _form(review, "organisation")
        _focus(qtbot, review.pages["organisation"].record.field_widget("members"))
        dialogs.expect("text", ("会员人数与上年相差太大，请核实", True))
        clerk.click(review, "review_comment_here")
        _form(review, "venues")
        _cell(qtbot, review.pages["venues"].roster, 1, "area")
        dialogs.expect("text", ("面积请补填", True))
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
        )  # Ctrl+M, the cursor in the cell
        qtbot.waitUntil(lambda: review.comments.rowCount() == 2)  # the shortcut is queued
        _form(review, "cadres")
        dialogs.expect("text", ("干部名单缺少经审会主任", True))
        clerk.click(review, "review_comment_form")
        assert [review.comments.item(r, 0).toolTip() for r in range(3)] == [
            "organisation.members",
            "venues.rows[1].area",
            "cadres",
        ]
        assert review.comments.item(1, 0).text() == "表三 阵地建设情况 第 2 行 面积(平方米)"
        back = tmp_path / "back"
        back.mkdir()
        dialogs.expect("text", ("三处需核实", True))
        dialogs.expect("folder", str(back))
        dialogs.expect("information", Ok)
        clerk.click(review, "review_return")
        assert review.units.item(0, 2).text() == "退回修改中"
        (returned,) = back.glob("*.json")
        _form(review, "venues")
        review.pages["venues"].roster.view.horizontalScrollBar().setValue(0)
        save_shot(review, shots / "review-county.png")

        # -- the township imports the return and sees every comment where it belongs --------
        window = clerk.window(township)
        with qtbot.waitActive(window):
            window.activateWindow()
        dialogs.expect("open", ([str(returned)], ""))
        dialogs.expect("information", Ok)
        job = window.workflow.import_files()
        qtbot.waitUntil(lambda: not job.running, timeout=10000)
        assert "已重新打开（3 条上级意见）" in dialogs.seen[-1][1]
        assert window.session.report.status == "draft"
        window.select_form("organisation")
        members = clerk.row(window, "organisation", "members")
        assert members.problem.isVisible()
        assert "上级意见：会员人数与上年相差太大，请核实（李审）" in members.problem.text()
        window.resize(1280, 820)  # the picture at a usual office screen's size
        save_shot(window, shots / "review-township.png")
        window.select_form("venues")
        roster = window.pages["venues"].roster
        area = roster.model.index(1, roster.model.column_of("area"))
        assert "上级意见：面积请补填" in area.data(Qt.ItemDataRole.ToolTipRole)
        window.select_form("cadres")
        assert (
            "上级意见：干部名单缺少经审会主任" in window.pages["cadres"].record.form_problems.text()
        )
        panel = window.problems.model
        county_rows = [
            (panel.problem(i).target, panel.data(i.siblingAtColumn(1)))
            for i in _problem_indexes(panel)
            if panel.problem(i).rule.startswith("review:")
        ]
        assert county_rows == [
            ("organisation.members", "上级意见"),
            ("cadres", "上级意见"),
            ("venues.rows[1].area", "上级意见"),
        ]

        # -- the clerk replies to the form's comment in the problems panel, changes two values
        view = window.problems.view
        cadres = next(
            i for i in _problem_indexes(panel) if panel.problem(i).target == "cadres"
        ).siblingAtColumn(panel.NOTE)
        view.setFocus()
        view.setCurrentIndex(cadres)
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        clerk.type(editor, "已补录经审会主任王五")
        QApplication.processEvents()  # the editor commits on Enter through a queued call
        assert not any(
            p.target == "cadres" and p.rule.startswith("review:") for p in window.session.problems()
        )  # answered: no longer a problem
        assert window.undo_stack.undoText() == "填写说明"  # one undo step, like an explanation
        clerk.fill(window, "organisation", "members", "24000")
        window.select_form("venues")
        table = window.pages["venues"].roster
        _cell(qtbot, table, 1, "area")
        for ch in "1200.5":
            qtbot.keyClick(QApplication.focusWidget(), ch)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()
        assert not [p for p in window.session.problems() if p.rule.startswith("review:")]
        (tmp_path / "v2").mkdir()
        again = exporting.export_report(
            township, window.session.report, tmp_path / "v2", ["xlsx"]
        ).files[0]

        # -- the county sees exactly those two changes and the reply, and passes it ---------
        dialogs.expect("open", ([str(again)], ""))
        clerk.click(review, "review_receive")
        assert review.units.item(0, 2).text() == "已重报"
        assert review.units.item(0, 3).text() != short
        text = review.changes.toPlainText()
        assert "共 2 处改动" in text
        assert "[organisation.members]" in text and "[venues.rows[1].area]" in text
        assert "回复：已补录经审会主任王五" in text
        save_shot(review, shots / "review-resubmitted.png")
        assert review.comments.item(2, 2).text() == "已补录经审会主任王五"
        clerk.click(review, "review_pass")
        assert review.units.item(0, 2).text() == "通过"
        review.units.clearSelection()
        dialogs.expect("information", Ok)
        clerk.type(review.qr, f"UNIONCLERK|{CODE}|2018|{short.lower()}")  # the first paper
        assert "不是最近收到的一份" in dialogs.seen[-1][1] and short in dialogs.seen[-1][1]
        assert review.units.currentRow() == 0 and CODE in review.heading.text()
        dialogs.expect("warning", Ok)
        clerk.type(review.qr, f"UNIONCLERK|{CODE}|2018|0123456789abcdef")
        assert "没有找到" in dialogs.seen[-1][1]
        expected = tmp_path / "expected.csv"
        expected.write_text(f"{CODE},佛堂镇总工会\n", encoding="utf-8")
        from unionclerk.services.county import expected as expected_list

        options = county_merge.Options(expected=expected_list.read_expected(expected))
        _s, _p, outcome = county_merge.merge_files(
            county, [again], PERIOD, tmp_path / "sum", options, workers=1
        )
        summary = next(f for f in outcome.files if f.suffix == ".json")
        states = json.loads(summary.read_text(encoding="utf-8"))["expected"]
        assert states == [{"division_code": CODE, "name": "佛堂镇总工会", "state": "通过"}]
    finally:
        county.close()
        paths.set_data_dir(township.data_dir)


def _problem_indexes(model):
    out = []
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        out += [model.index(r, 0, parent) for r in range(model.rowCount(parent))]
    return out


def _drop(qtbot, window, file: Path, dialogs) -> None:
    """Drag a file over the window and drop it, through the window's native handle as a
    real drag from the file manager arrives."""
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(file))])
    args = (
        QPoint(400, 300),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(window.windowHandle(), enter)
    assert enter.isAccepted()
    dialogs.expect("information", Ok)
    QApplication.sendEvent(window.windowHandle(), QDropEvent(*args))
    assert window.workflow.job is not None  # the import started
    qtbot.waitUntil(lambda: not window.workflow.job.running, timeout=10000)
    assert "已重新打开（1 条上级意见）" in dialogs.seen[-1][1]


def test_the_box_under_a_county_comment_takes_the_reply(
    qtbot, ws, clerk, tmp_path, dialogs
) -> None:
    from unionclerk.services import review, review_township

    demo.build_demo(ws)
    sent = exporting.export_report(ws, ws.find_report(PERIOD), tmp_path, ["xlsx"]).files[0]
    county = Workspace.open(tmp_path / "county")
    try:
        review.receive(county, sent)
        review.add_comment(county, CODE, PERIOD, "rights.disputes", "调处件数偏少，请核实", "李审")
        (back := tmp_path / "back").mkdir()
        returned = review.write_return(county, CODE, PERIOD, back, "李审", "请核实")[0]
    finally:
        county.close()
        paths.set_data_dir(ws.data_dir)
    window = clerk.window(ws)
    _drop(qtbot, window, returned, dialogs)  # the return file dropped on the window
    assert window.session.report.status == "draft"
    window.select_form("rights")
    row = clerk.row(window, "rights", "disputes")
    label = row.explain.parentWidget().layout().itemAt(0).widget()
    assert row.explain.isVisible() and label.text() == "回复："
    clerk.type(row.explain, "已核实，与镇调解委台账一致")
    (comment,) = review_township.comments(ws, window.session.report)
    assert comment.reply == "已核实，与镇调解委台账一致"
    assert not row.problem.isVisible()  # answered: no longer shown as open
    window.undo_stack.undo()  # the reply is one undo step, like an explanation
    (comment,) = review_township.comments(ws, window.session.report)
    assert comment.reply is None and "上级意见" in row.problem.text()

    # 报表 → 上级意见: every comment stays in sight with its state; the reply is written there
    window.acts["county_comments"].trigger()
    dialog = window.comments_dialog
    table = dialog.table
    assert [table.item(0, c).text() for c in range(3)] == [
        "表六 维权服务情况 参与调处劳动争议(件)",
        "调处件数偏少，请核实（李审）",
        "待处理",
    ]
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    table.setFocus()
    table.setCurrentCell(0, 3)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    from PySide6.QtWidgets import QLineEdit

    (editor,) = table.viewport().findChildren(QLineEdit)  # the cell's editor, opened by F2
    clerk.type(editor, "已核实")
    QApplication.processEvents()
    (comment,) = review_township.comments(ws, window.session.report)
    assert comment.reply == "已核实" and table.item(0, 2).text() == "已回复"
    assert not row.problem.isVisible()  # the field no longer shows it as open
