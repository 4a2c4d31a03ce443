"""The window fits the screen it opens on (issue 11, item 7): first start on a 1366×768
laptop or at 150 % scaling keeps the status bar and the problems list on screen, the size is
remembered when the window closes (and fitted again on a smaller screen), and the cadres
roster is usable at 1366×768."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QScreen

from unionclerk.gui import geometry
from unionclerk.gui.window import MainWindow

# Free areas (the taskbar taken off): 1366×768, and 1600×1000 at 150 % (1066×666 for Qt).
LAPTOP, SCALED = QRect(0, 0, 1366, 728), QRect(0, 0, 1066, 626)


@pytest.fixture
def screen(monkeypatch):
    """Pretend the screen's free area is `area` (the window asks its QScreen)."""

    def use(area: QRect) -> None:
        monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(area))

    return use


def on_screen(window: MainWindow, area: QRect) -> bool:
    frame = window.geometry().adjusted(0, -30, 0, 0)  # with the title bar
    return area.contains(frame)


@pytest.mark.parametrize(
    ("area", "least_rows"), [(LAPTOP, 8), (SCALED, 5)], ids=["1366x768", "150%"]
)
def test_first_start_fits_the_screen(demo_window, ws, qtbot, screen, area, least_rows) -> None:
    screen(area)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    assert on_screen(window, area), window.geometry()
    bar = window.statusBar()
    assert bar.isVisible()
    assert window.rect().contains(bar.geometry()) and window.rect().contains(
        window.problems.geometry()
    )
    window.select_form("cadres")
    view = window.pages["cadres"].roster.view
    qtbot.wait(50)
    rows = view.viewport().height() // view.verticalHeader().defaultSectionSize()
    assert rows >= least_rows, f"only {rows} roster rows show at {area.width()}×{area.height()}"


def test_size_is_remembered_and_fitted_again(demo_window, ws, qtbot, screen) -> None:
    # (offscreen, Qt keeps a restored window inside its own 800×800 screen)
    first = MainWindow(ws)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(40, 60, 700, 560)
    first.close()
    again = MainWindow(ws)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (700, 560)
    again.close()
    screen(QRect(0, 0, 640, 480))  # the same folder opened on a smaller screen
    third = MainWindow(ws)
    qtbot.addWidget(third)
    third.show()
    assert on_screen(third, QRect(0, 0, 640, 480)), third.geometry()


areas = st.builds(
    QRect,
    st.integers(-2000, 2000),
    st.integers(-1000, 1000),
    st.integers(640, 4000),
    st.integers(480, 2400),
)


@given(
    areas,
    st.integers(-3000, 5000),
    st.integers(-3000, 3000),
    st.integers(200, 5000),
    st.integers(200, 3000),
)
def test_fitted_rect_is_inside_the_free_area(area, x, y, width, height) -> None:
    fitted = geometry.fit_into(QRect(x, y, width, height), area)
    assert area.contains(fitted.adjusted(0, -30, 0, 0))
    assert fitted.width() <= width and fitted.height() <= height
    first = geometry.initial_geometry(area)
    assert area.contains(first.adjusted(0, -30, 0, 0))
    assert first.width() <= geometry.PREFERRED.width()


@pytest.mark.parametrize("area", [LAPTOP, SCALED], ids=["1366x768", "150%"])
def test_roster_summary_shows_three_fields(demo_window, ws, qtbot, screen, area) -> None:
    """表二's 汇总情况 part is not framed twice: three of its fields show whole on a small
    screen without scrolling (a box inside the box had left room for two)."""
    screen(area)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    window.select_form("cadres")
    qtbot.wait(50)
    record = window.pages["cadres"].record
    port = record.viewport()
    whole = []
    for key, row in record.rows.items():
        editor = row.editor.widget
        if port.rect().contains(QRect(editor.mapTo(port, QPoint(0, 0)), editor.size())):
            whole.append(key)
    assert len(whole) >= 3, whole
