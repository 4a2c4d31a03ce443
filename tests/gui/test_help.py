"""Help a clerk reads (issue 11, item 12): 帮助 → 使用说明 opens one Chinese page with the
steps and where the data is; a "?" beside a field shows its help on a click; after an export
the result box opens the PDF in the system viewer, or the folder (QDesktopServices.openUrl is
patched by the GUI conftest and records what was opened)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QToolTip

from unionclerk import paths
from unionclerk.gui.helpdoc import HelpButton, HelpDialog

Yes = QMessageBox.StandardButton.Yes


def _help_action(window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if "帮助" in a.text())
    return next(a for a in help_menu.actions() if a.objectName() == "action_help")


def test_help_menu_opens_the_instructions(demo_window, qtbot) -> None:
    action = _help_action(demo_window)
    assert action.text().startswith("使用说明")
    assert QKeySequence(QKeySequence.StandardKey.HelpContents) in action.shortcuts()
    action.trigger()  # as a click on the menu entry does
    dialog = demo_window.findChild(HelpDialog, "help_dialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    steps = ["填写", "检查", "说明警告", "标记完成", "导出", "报送"]
    at = [text.index(step) for step in steps]
    assert at == sorted(at), "the steps in their order"
    assert "草稿" in text and str(paths.data_dir()) in text and "backups" in text
    assert dialog.windowModality() == Qt.WindowModality.NonModal  # read beside the form
    dialog.text.verticalScrollBar()  # one page: a scrolling browser, nothing more
    _help_action(demo_window).trigger()  # a second time: the same page, not a second one
    assert len(demo_window.findChildren(HelpDialog)) == 1
    close = dialog.findChild(QPushButton)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_f1_opens_the_instructions(demo_window, qtbot) -> None:
    demo_window.activateWindow()
    qtbot.keyClick(demo_window, Qt.Key.Key_F1)
    dialog = demo_window.findChild(HelpDialog, "help_dialog")
    assert dialog is not None and dialog.isVisible()


def test_question_mark_shows_the_fields_help(demo_window, qtbot) -> None:
    demo_window.select_form("organisation")
    record = demo_window.pages["organisation"].record
    helped = [k for k, r in record.rows.items() if r.field.help]
    assert helped, "the forms have help texts"
    buttons = record.findChildren(HelpButton)
    assert len(buttons) == len(helped)
    row = record.rows[helped[0]]
    button = next(b for b in buttons if b.parentWidget() is row.editor.widget.parentWidget())
    assert button.isVisibleTo(demo_window) and button.text() == "?"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert QToolTip.text() == row.field.help
    QToolTip.hideText()
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # Tab still goes field to field


def _export(window, dialogs, qtbot, out, answer):
    def fill(dialog):
        dialog.folder.setText(str(out))
        return QDialog.DialogCode.Accepted

    dialogs.expect("question", Yes)  # a draft: export anyway
    dialogs.expect("exec", fill)
    dialogs.expect("exec", answer)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    job = window.workflow.job
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    assert job.outcome == "done"


def _press(qtbot, name):
    def answer(box):
        assert isinstance(box, QMessageBox) and box.objectName() == "export_result"
        qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
        return 0

    return answer


def test_after_export_open_the_pdf(demo_window, dialogs, qtbot, tmp_path) -> None:
    out = tmp_path / "上报"
    out.mkdir()
    _export(demo_window, dialogs, qtbot, out, _press(qtbot, "open_pdf"))
    pdf = next(out.glob("*.pdf"))
    assert dialogs.opened_urls == [str(pdf)]


def test_after_export_open_the_folder_or_nothing(demo_window, dialogs, qtbot, tmp_path) -> None:
    out = tmp_path / "上报"
    out.mkdir()
    _export(demo_window, dialogs, qtbot, out, _press(qtbot, "open_folder"))
    assert dialogs.opened_urls == [str(out)]
    dialogs.opened_urls.clear()
    _export(demo_window, dialogs, qtbot, out, _press(qtbot, "close"))
    assert dialogs.opened_urls == []
    assert QApplication.activeModalWidget() is None


def test_roster_shows_the_help_of_the_column_the_cursor_is_in(demo_window, qtbot) -> None:
    from unionclerk.gui.helpdoc import ColumnHelp

    demo_window.select_form("cadres")
    table = demo_window.pages["cadres"].roster
    help_line = table.findChild(ColumnHelp, "column_help")
    view = table.view
    columns = table.model.columns
    with_help = next(i for i, f in enumerate(columns) if f.help)
    without = next((i for i, f in enumerate(columns) if not f.help), None)
    view.setFocus()
    view.setCurrentIndex(table.proxy.index(0, 0))
    for _ in range(with_help):  # walk to the column with the arrow keys, as a clerk does
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == with_help
    assert help_line.isVisibleTo(demo_window)
    assert columns[with_help].help in help_line.text()
    if without is not None:
        view.setCurrentIndex(table.proxy.index(0, without))
        assert not help_line.isVisibleTo(demo_window)
