"""The left navigation as wide as its names: an English title ("Table 4 Services to
workers") is twice as long as the Chinese one and was cut to "表四 Services t…".

The splitter gives the navigation what its visible columns (name, state, progress) need,
whenever the rows change and whenever the window is resized, up to 45 % of the window (a
narrow window keeps room for the form; nothing here makes the window wider). A width the
clerk dragged wider is kept.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSplitter, QStyle, QTreeView

MAX_SHARE = 0.45
MARGINS = 24  # the left column's layout margins around the navigation


def navigation_width(nav: QTreeView) -> int:
    """The width the navigation needs to show every visible column whole."""
    model = nav.model()
    if model is None:
        return 0
    header = nav.header()
    # a section sized to its contents also makes room for its (hidden) header's text
    need = sum(
        max(nav.sizeHintForColumn(c), header.sectionSizeHint(c))
        for c in range(model.columnCount())
        if not nav.isColumnHidden(c)
    )
    scrollbar = nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return need + 2 * nav.frameWidth() + scrollbar + 4


def fit_navigation(nav: QTreeView, splitter: QSplitter) -> None:
    """Give the navigation the width its texts need, if the window has room for it."""
    sizes = splitter.sizes()
    total = sum(sizes)
    if len(sizes) < 2 or total <= 0 or not splitter.isVisible():
        return
    want = min(navigation_width(nav) + MARGINS, int(total * MAX_SHARE))
    if sizes[0] < want:
        splitter.setSizes([want, total - want, *sizes[2:]])


class NavigationFitter(QObject):
    """Fits the navigation again when the splitter is shown or resized."""

    def __init__(self, nav: QTreeView, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self.nav, self.splitter = nav, splitter
        splitter.installEventFilter(self)

    def fit(self) -> None:
        fit_navigation(self.nav, self.splitter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.fit()
        return False
