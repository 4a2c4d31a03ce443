"""Where the main window goes on the screen: fitted to the screen's free area (without the
taskbar), at the size it had when it was last closed if that still fits.

A laptop at 1366×768, or 1600×1000 at 150 % scaling (1066×666 for Qt), has less room than
the 1280×820 the window asks for; a window taller than the screen hides its status bar and
the problems list. Sizes here are Qt's device-independent pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

PREFERRED = QSize(1280, 820)
# Room for the window's frame and title bar, which geometry() does not include.
FRAME = QSize(16, 40)


def initial_geometry(available: QRect, preferred: QSize = PREFERRED) -> QRect:
    """The first start: the preferred size, shrunk to the free area, centred in it."""
    width = min(preferred.width(), available.width() - FRAME.width())
    height = min(preferred.height(), available.height() - FRAME.height())
    rect = QRect(0, 0, max(width, 1), max(height, 1))
    rect.moveCenter(available.center())
    return fit_into(rect, available)


def fit_into(rect: QRect, available: QRect) -> QRect:
    """`rect` made to fit the free area: smaller if it must be, then moved inside."""
    width = min(rect.width(), available.width() - FRAME.width())
    height = min(rect.height(), available.height() - FRAME.height())
    out = QRect(rect.x(), rect.y(), max(width, 1), max(height, 1))
    left = available.left() + FRAME.width() // 2
    top = available.top() + FRAME.height() - FRAME.width() // 2
    right = available.right() - FRAME.width() // 2
    bottom = available.bottom() - FRAME.width() // 2
    out.moveLeft(max(left, min(out.left(), right - out.width() + 1)))
    out.moveTop(max(top, min(out.top(), bottom - out.height() + 1)))
    return out


def dock_height(available: QRect) -> int:
    """The problems list's first height: a sixth of the screen, 100 to 190 pixels."""
    return max(100, min(190, available.height() // 6))
