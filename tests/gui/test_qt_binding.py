"""The Qt binding itself: PySide6-Essentials 6.12.0 on Python 3.11 dropped a reference to
None on every void method call, and a long session crashed ("deallocating None").
pyproject.toml pins below it; this test fails if such a build comes back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("工会")
    assert abs(sys.getrefcount(None) - before) < 100
