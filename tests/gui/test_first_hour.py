"""A new clerk's first hour as one story (issue 11, "Done when"): an empty folder → the
wizard's demo path, then (another empty folder) a real unit → a 5-row cadre roster typed
with Tab and Enter only → an error fixed from the problems list → a warning explained →
Ctrl+Z / Ctrl+Y inside a field → 标记完成 with empty forms (asked, marked 本期无此项) →
export → the result box is what the clerk sees (no progress box over it)."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWizard,
)

from tests.gui.conftest import answer_with
from unionclerk import paths
from unionclerk.domain.records import EXPORTED
from unionclerk.gui import main
from unionclerk.services import demo, reports

Click, Ctrl = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier
Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
DIVISION = "330782102000"
CADRES = [
    ("张建国", "男", "主席", "专职"),
    ("李丽芳", "女", "常务副主席", "专职"),
    ("王强", "男", "副主席", "兼职"),
    ("赵敏", "女", "女职委主任", "兼职"),
    ("陈刚", "男", "委员", "兼职"),
]


def focused(window):
    """Where the keys go. Offscreen the window loses its activation when a roster row is
    made (no other window shows; a desktop keeps it): activate it again, as a click would."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QApplication.processEvents()
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard focus was lost"
    return widget


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(window), k, modifier)
    QApplication.processEvents()


def write(qtbot, window, text: str) -> None:
    """Typed text: ASCII key by key; Chinese committed by the input method."""
    if text.isascii():
        for ch in text:
            qtbot.keyClick(focused(window), ch)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(focused(window), event)


def field(window, form: str, name: str):
    return window.pages[form].record.rows[name]


def fill(qtbot, window, form: str, name: str, text: str) -> None:
    """Click into a field, select what is there, type, Enter."""
    window.select_form(form)
    widget = field(window, form, name).editor.widget
    window.pages[form].record.ensureWidgetVisible(widget)
    qtbot.mouseClick(widget, Click)
    widget.selectAll()
    write(qtbot, window, text)
    key(qtbot, window, Qt.Key.Key_Return)


def tick(qtbot, radio) -> None:
    qtbot.mouseClick(radio, Click, pos=QPoint(8, radio.height() // 2))


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def test_the_first_hour(tmp_path, qtbot, dialogs, clerk) -> None:
    # -- an empty folder: the wizard's demo path --------------------------------------------
    def demo_path(wizard) -> QDialog.DialogCode:
        qtbot.addWidget(wizard)
        wizard.show()
        tick(qtbot, wizard.start.demo)
        qtbot.mouseClick(next_button(wizard), Click)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Click)
        return wizard.result()

    paths.set_data_dir(tmp_path / "试一试")
    dialogs.expect("exec", demo_path)
    code, started = main.start("zh")
    assert code == main.EXIT_OK and started is not None
    assert started.window.session.report.unit.union_name == "佛堂镇总工会"
    started.close()

    # -- another empty folder: a real unit ----------------------------------------------------
    def real_unit(wizard) -> QDialog.DialogCode:
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.mouseClick(next_button(wizard), Click)
        unit = wizard.unit
        clerk.fill_unit(
            unit, division_code=DIVISION, credit_code=demo.credit_code(DIVISION, "MA0000001")
        )
        qtbot.mouseClick(next_button(wizard), Click)
        clerk.type(wizard.clerk.editors["filler_name"].widget, "李丽芳", enter=False)
        clerk.type(wizard.clerk.editors["filler_phone"].widget, "13812345678", enter=False)
        wizard.year.setValue(2019)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Click)
        return wizard.result()

    paths.set_data_dir(tmp_path / "赤岸镇")
    dialogs.expect("exec", real_unit)
    code, started = main.start("zh")
    assert code == main.EXIT_OK and started is not None
    w = started.window
    try:
        qtbot.addWidget(w)
        with qtbot.waitActive(w):
            w.activateWindow()
        s = w.session
        assert s.report.unit.union_name == "赤岸镇总工会"
        # A new report: the forms nobody opened say 未填, not red errors.
        states = {r.key: r.state for r in w.forms_model.rows[1:]}
        assert states["organisation"] == "未填" and states["support"] == "未填"
        assert not any(p.form != "cover" for p in s.problems())

        # -- the cover's date, then 表一 with a warning and an error ---------------------------
        fill(qtbot, w, "cover", "report_date", "2020-01-15")
        for name, text in (
            ("grassroots_unions", "100"),
            ("employees", "1000"),
            ("members", "1200"),
            ("single_unions", "120"),
        ):
            fill(qtbot, w, "organisation", name, text)
        assert "错误" in field(w, "organisation", "single_unions").problem.text()

        # -- 表二: five cadres typed with Tab and Enter only ------------------------------------
        w.select_form("cadres")
        table = w.pages["cadres"].roster
        view, model = table.view, table.model
        view.setFocus()
        view.setCurrentIndex(model.index(0, model.column_of("name")))  # the * row
        columns = [model.column_of(k) for k in ("name", "gender", "position", "appointment")]
        for row, texts in enumerate(CADRES):
            for i, text in enumerate(texts):
                assert view.currentIndex().row() == row
                while view.currentIndex().column() < columns[i]:  # Tab over empty cells
                    key(qtbot, w, Qt.Key.Key_Tab)
                write(qtbot, w, text)
                key(qtbot, w, Qt.Key.Key_Tab if i < len(texts) - 1 else Qt.Key.Key_Return)
        saved = reports.load(w.ws, s.report).rows["cadres"]
        assert [
            (r.values["name"], r.values["gender"], r.values["position"], r.values["appointment"])
            for r in saved
        ] == CADRES

        # -- the error, fixed from the problems list -------------------------------------------
        problems = w.problems
        problems.show()
        tree, pmodel = problems.view, problems.model
        target = None
        for g in range(pmodel.rowCount()):
            group = pmodel.index(g, 0)
            for r in range(pmodel.rowCount(group)):
                p = pmodel.problem(pmodel.index(r, 0, group))
                if p is not None and p.field == "single_unions":
                    target = pmodel.index(r, 0, group)
        assert target is not None
        tree.setFocus()
        tree.setCurrentIndex(target)
        qtbot.keyClick(tree, Qt.Key.Key_Return)  # 转到该处
        single = field(w, "organisation", "single_unions").editor.widget
        assert focused(w) is single
        single.selectAll()
        write(qtbot, w, "80")
        key(qtbot, w, Qt.Key.Key_Return)
        assert s.value("organisation", "single_unions") == 80
        assert not any(p.field == "single_unions" for p in s.problems())

        # -- the warning, explained where it is --------------------------------------------------
        members = field(w, "organisation", "members")
        assert members.warning is not None and members.explain.isVisibleTo(w)
        qtbot.mouseClick(members.explain, Click)
        write(qtbot, w, "含本镇退休职工会员 200 人")
        key(qtbot, w, Qt.Key.Key_Return)
        assert s.explanation(members.warning) == "含本镇退休职工会员 200 人"

        # -- Ctrl+Z / Ctrl+Y with the cursor inside a field ---------------------------------------
        fill(qtbot, w, "organisation", "women_members", "500")
        assert s.value("organisation", "women_members") == 500
        here = focused(w)
        assert here.objectName().startswith("field_")
        key(qtbot, w, Qt.Key.Key_Z, Ctrl)
        assert s.value("organisation", "women_members") is None
        key(qtbot, w, Qt.Key.Key_Y, Ctrl)
        assert s.value("organisation", "women_members") == 500

        # -- 表五 (required choices) done; the other empty forms: 标记完成 asks ---------------
        for name in ("lack_staffing", "lack_people", "lack_funds", "lack_premises"):
            clerk.choose(w, "support", name, "部分解决")
        listed: list[str] = []

        def empty_forms(box) -> int:
            listed.append(box.text())
            return answer_with("本期无此项")(box)

        out = tmp_path / "上报文件"
        out.mkdir()

        def export_box(dialog) -> QDialog.DialogCode:
            dialog.folder.setText(str(out))
            return QDialog.DialogCode.Accepted

        seen_progress: list[int] = []

        def result_box(box: QMessageBox) -> int:
            loop = QEventLoop()  # the clerk reads the result for a moment
            QTimer.singleShot(500, loop.quit)
            loop.exec()
            seen_progress.append(
                sum(
                    isinstance(x, QProgressDialog) and x.isVisible()
                    for x in QApplication.topLevelWidgets()
                )
            )
            qtbot.mouseClick(box.findChild(QPushButton, "close"), Qt.MouseButton.LeftButton)
            return 0

        dialogs.expect("exec", empty_forms)  # lists the unfinished forms too
        dialogs.expect("question", Yes)  # export now
        dialogs.expect("exec", export_box)
        dialogs.expect("exec", result_box)  # 打开 PDF / 打开文件夹 / 关闭: 关闭
        key(qtbot, w, Qt.Key.Key_C, Ctrl | Qt.KeyboardModifier.ShiftModifier)
        assert "表三 阵地建设情况" in listed[0] and "表四 服务职工情况" in listed[0]
        job = w.workflow.job
        qtbot.waitUntil(lambda: job is not None and not job.running, timeout=30000)
        assert job.outcome == "done"
        assert seen_progress == [0], "a progress box stood over the result box"
        assert w.session.report.status == EXPORTED
        assert reports.load(w.ws, w.session.report).nothing >= {"venues", "services"}
        names = sorted(p.name for p in out.iterdir())
        assert names and not any("草稿" in n for n in names)
    finally:
        started.close()
