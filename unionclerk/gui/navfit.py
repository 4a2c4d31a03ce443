"""The left navigation as wide as its names: an English title ("Table 4 Services to
workers") is twice as long as the Chinese one and was cut to "表四 Services t…".

The navigation's minimum width is what its visible columns (name, state, progress) need,
so the splitter never squeezes a name; capped so that the form keeps most of the window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QTreeView

MAX_WIDTH = 520  # pixels: a very long name is cut rather than the form


def navigation_width(nav: QTreeView) -> int:
    """The width the navigation needs to show every visible column whole."""
    model = nav.model()
    if model is None:
        return 0
    header = nav.header()
    # a section sized to its contents also makes room for its (hidden) header's text
    need = sum(max(nav.sizeHintForColumn(c), header.sectionSizeHint(c))
               for c in range(model.columnCount()) if not nav.isColumnHidden(c))
    scrollbar = nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return need + 2 * nav.frameWidth() + scrollbar + 4


def fit_navigation(nav: QTreeView) -> None:
    """Make the navigation at least as wide as its texts (after its rows change)."""
    nav.setMinimumWidth(min(MAX_WIDTH, navigation_width(nav)))
