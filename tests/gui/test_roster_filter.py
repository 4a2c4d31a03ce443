"""Finding rows: the filter box, per-column filters, "only rows with problems", and sorting
by a Chinese column (stable and predictable); every roster model under qtmodeltester."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from unionclerk.domain.report import YearMonth
from unionclerk.formspec.rawcells import Raw
from unionclerk.gui.roster.importmodels import MappingModel, PreviewModel
from unionclerk.gui.roster.model import RosterModel
from unionclerk.gui.roster.proxy import MARK, RosterProxy

Asc, Desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def shown_names(table) -> list[str]:
    proxy, model = table.proxy, table.model
    column = model.column_of("name")
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_filter_box_and_status_line(qtbot, cadres) -> None:
    w, table = cadres
    names = [r.values["name"] for r in w.session.data.rows["cadres"]]
    assert table.status.text().startswith(f"共 {len(names)} 行")
    table.find.setText("兼职")  # (Chinese comes from the input method, not as key presses)
    qtbot.waitUntil(lambda: "筛选后" in table.status.text())
    expected = [
        r.values["name"]
        for r in w.session.data.rows["cadres"]
        if r.values.get("appointment") == "兼职"
    ]
    assert shown_names(table) == expected + [""]  # and the empty row for new entries
    assert f"筛选后显示 {len(expected)} 行" in table.status.text()
    table.find.clear()
    table.clear_filters.click()
    assert shown_names(table) == names + [""]


def test_filter_ignores_spaces_and_width(qtbot, cadres) -> None:
    w, table = cadres
    table.proxy.set_filters(text="ＣＰ　党员")  # nothing has that: full-width is folded
    assert table.proxy.rowCount() == 1
    table.proxy.set_filters(text="中共 党员")
    assert table.proxy.rowCount() - 1 == sum(
        r.values.get("political") == "中共党员" for r in w.session.data.rows["cadres"]
    )


def test_column_filters(qtbot, cadres) -> None:
    w, table = cadres
    model, proxy = table.model, table.proxy
    gender = model.column_of("gender")
    table.filters.set(gender, {"女"})
    women = [r.values["name"] for r in w.session.data.rows["cadres"] if r.values["gender"] == "女"]
    assert shown_names(table) == women + [""]
    assert proxy.headerData(gender, Qt.Orientation.Horizontal).endswith(MARK)
    assert "“性别”为 女" in table.filter_note.text()
    table.filters.set(model.column_of("education"), "本科")
    both = [
        r.values["name"]
        for r in w.session.data.rows["cadres"]
        if r.values["gender"] == "女" and r.values.get("education") == "大学本科"
    ]
    assert shown_names(table) == both + [""]
    menu = table.filters.menu_for(gender)  # ticking values in the header menu
    ticks = {a.data(): a for a in menu.actions() if a.isCheckable()}
    assert set(ticks) == {"男", "女"} and ticks["女"].isChecked() and not ticks["男"].isChecked()
    ticks["男"].setChecked(True)  # both ticked: the column is no longer filtered
    assert gender not in proxy.column_filters
    table.clear_filters.click()
    assert not proxy.filtering and table.proxy.rowCount() == model.rowCount()


def test_a_new_row_stays_in_sight_under_a_filter(qtbot, cadres) -> None:
    w, table = cadres
    table.filters.set(table.model.column_of("gender"), {"女"})
    shown = table.proxy.rowCount()
    w.request_add_row("cadres", 0)
    assert table.proxy.rowCount() == shown + 1  # an empty row matches nothing, still shown


def test_only_rows_with_problems(qtbot, cadres) -> None:
    w, table = cadres
    model = table.model
    model.set_text(3, model.column_of("birth"), "1980年13月")
    model.set_text(7, model.column_of("phone"), "12345")
    table.problems_only.setChecked(True)
    rows = [
        table.proxy.mapToSource(table.proxy.index(r, 0)).row()
        for r in range(table.proxy.rowCount())
    ]
    assert rows == [3, 7, model.rowCount() - 1]
    assert "错误 1 个，警告 1 个" in table.status.text()


def test_sort_by_a_chinese_column_is_stable_and_predictable(qtbot, cadres) -> None:
    w, table = cadres
    model = table.model
    rows = w.session.data.rows["cadres"]
    model.set_text(4, model.column_of("name"), rows[1].values["name"])  # two of one name
    model.set_text(9, model.column_of("name"), "")  # and one without
    names = [r.values.get("name", "") for r in rows]
    table.view.sortByColumn(model.column_of("name"), Asc)
    order = [
        table.proxy.mapToSource(table.proxy.index(r, 0)).row()
        for r in range(table.proxy.rowCount())
    ]
    filled = sorted((i for i, n in enumerate(names) if n), key=lambda i: (names[i], i))
    assert order == filled + [9, len(rows)]  # by character code; empty, then the new row, last
    assert order.index(1) < order.index(4)  # equal names keep the roster's order
    table.view.sortByColumn(model.column_of("name"), Desc)
    order = [
        table.proxy.mapToSource(table.proxy.index(r, 0)).row()
        for r in range(table.proxy.rowCount())
    ]
    down = sorted((i for i, n in enumerate(names) if n), key=lambda i: names[i], reverse=True)
    assert order == down + [9, len(rows)]
    assert order.index(1) < order.index(4)  # still stable
    table.view.sortByColumn(model.column_of("name"), Desc)  # the same click twice: same order
    assert order == [
        table.proxy.mapToSource(table.proxy.index(r, 0)).row()
        for r in range(table.proxy.rowCount())
    ]
    table.restore_order()
    assert [
        table.proxy.mapToSource(table.proxy.index(r, 0)).row()
        for r in range(table.proxy.rowCount())
    ] == list(range(len(rows) + 1))


def test_sort_by_year_month_puts_kept_text_after_values(qtbot, cadres) -> None:
    w, table = cadres
    model = table.model
    row = w.session.data.rows["cadres"][2].uuid
    w.session.set_value("cadres", "birth", Raw("八零后"), row)
    w.pages["cadres"].refresh(w.session, None)
    table.view.sortByColumn(model.column_of("birth"), Asc)
    births = [
        w.session.data.rows["cadres"][
            table.proxy.mapToSource(table.proxy.index(r, 0)).row()
        ].values.get("birth")
        for r in range(table.proxy.rowCount() - 2)
    ]
    assert births == sorted(births) and all(isinstance(b, YearMonth) for b in births)
    last = table.proxy.mapToSource(table.proxy.index(table.proxy.rowCount() - 2, 0)).row()
    assert w.session.data.rows["cadres"][last].uuid == row


def test_every_roster_model_passes_the_model_tester(qtmodeltester, ws, cadres) -> None:
    w, table = cadres
    qtmodeltester.check(table.model)
    table.filters.set(table.model.column_of("gender"), {"男"})
    table.view.sortByColumn(0, Desc)
    qtmodeltester.check(table.proxy)
    empty = RosterModel(ws.forms["services"])
    qtmodeltester.check(empty)
    qtmodeltester.check(RosterProxy(empty))
    read_only = RosterModel(ws.forms["venues"])
    read_only.sync(w.session.data.rows["venues"], w.session.problems(), False)
    qtmodeltester.check(read_only)
    mapping = MappingModel(ws.forms["cadres"])
    qtmodeltester.check(mapping)
    mapping.set_columns(["姓名", "序号"], ["张三", "1"], ["name", None])
    qtmodeltester.check(mapping)
    preview = PreviewModel()
    qtmodeltester.check(preview)
    form = ws.forms["cadres"]
    preview.set_rows(
        [form.field("name"), form.field("birth")],
        [{"name": "张三", "_raw": {"birth": "八零后"}}],
        [3],
        [[]],
    )
    qtmodeltester.check(preview)


def test_the_cursor_and_selection_stay_on_their_rows_through_sort_and_filter(qtbot, cadres) -> None:
    """Sorting moves rows, not the clerk's place: the current cell and the selected rows are
    the same rows afterwards; a filter keeps them where they are still shown."""
    w, table = cadres
    proxy, model, view = table.proxy, table.model, table.view
    rows = w.session.data.rows["cadres"]
    name = model.column_of("name")
    view.select_block(5, name, 7, name)
    view.selectionModel().setCurrentIndex(
        proxy.index(6, name), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    chosen = [rows[i].uuid for i in (5, 6, 7)]

    def selected() -> set[str]:
        return {
            model.row_uuid(proxy.mapToSource(i).row())
            for i in view.selectionModel().selectedIndexes()
        }

    def current() -> str:
        return model.row_uuid(proxy.mapToSource(view.currentIndex()).row())

    view.sortByColumn(name, Desc)
    assert current() == chosen[1] and selected() == set(chosen)
    assert [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(3)] != [0, 1, 2]
    gender = rows[6].values["gender"]
    table.filters.set(model.column_of("gender"), {gender})
    assert current() == chosen[1]
    assert selected() == {
        u for u in chosen if next(r for r in rows if r.uuid == u).values["gender"] == gender
    }
    table.restore_order()
    assert current() == chosen[1]


def test_a_filter_over_many_scattered_rows_is_one_layout_change(qtbot, qtmodeltester, ws) -> None:
    """300 rows where every other one matches: the proxy signals one layout change, not 150
    removals, and the view, its row header and the cursor all follow."""
    from PySide6.QtWidgets import QTableView

    from unionclerk.domain.report import RosterRow

    form = ws.forms["cadres"]
    model = RosterModel(form)
    rows = [
        RosterRow({"name": f"干部{i:03d}", "gender": "女" if i % 2 else "男"}, f"u{i:03d}")
        for i in range(300)
    ]
    model.sync(rows, [], True)
    proxy = RosterProxy(model)
    qtmodeltester.check(proxy)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.show()
    gender = model.column_of("gender")
    view.setCurrentIndex(proxy.index(101, gender))  # a 女 row
    layouts, removals = [], []
    proxy.layoutChanged.connect(lambda *_: layouts.append(1))
    proxy.rowsRemoved.connect(lambda *_: removals.append(1))
    proxy.set_column_filter(gender, {"女"})
    assert (len(layouts), len(removals)) == (1, 0)
    assert proxy.rowCount() == 150 + 1  # and the empty row for new entries
    assert view.verticalHeader().count() == proxy.rowCount()
    assert model.row_uuid(proxy.mapToSource(view.currentIndex()).row()) == "u101"
    assert view.currentIndex().row() == 50
    proxy.set_column_filter(gender, None)
    assert proxy.rowCount() == 301 and view.verticalHeader().count() == 301
    assert model.row_uuid(proxy.mapToSource(view.currentIndex()).row()) == "u101"


def _roster(ws, n: int):
    from unionclerk.domain.report import RosterRow

    model = RosterModel(ws.forms["cadres"])
    rows = [RosterRow({"name": f"干部{i:03d}", "gender": "男"}, f"u{i:03d}") for i in range(n)]
    model.sync(rows, [], True)
    return model, rows


def _shown(proxy: RosterProxy) -> list[str]:
    return [
        proxy.roster.row_uuid(proxy.mapToSource(proxy.index(r, 0)).row())
        for r in range(proxy.rowCount())
    ]


def test_rows_in_sight_stay_in_sight_when_rows_are_added_or_moved(qtbot, ws) -> None:
    """Only a change of filter filters again: a row edited out of the filter, or moved, stays
    shown when another row is added, as it does while the clerk edits it."""
    from unionclerk.domain.report import RosterRow

    model, rows = _roster(ws, 10)
    proxy = RosterProxy(model)
    proxy.set_filters(text="干部00")
    rows[2].values["name"] = "张三"  # edited: no longer matches, still shown
    model.dataChanged.emit(model.index(2, 0), model.index(2, 0))
    assert "u002" in _shown(proxy)
    model.sync([*rows, RosterRow({"name": "李四"}, "u010")], [], True)  # a row added
    assert _shown(proxy) == [f"u{i:03d}" for i in range(11)] + [""]

    model, rows = _roster(ws, 10)
    proxy = RosterProxy(model)
    proxy.set_filters(text="干部003")
    assert _shown(proxy) == ["u003", ""]
    moved = [*rows[:3], rows[4], rows[3], *rows[5:]]  # 干部003 moved down one place
    model.sync(moved, [], True)
    assert _shown(proxy) == ["u003", ""]
