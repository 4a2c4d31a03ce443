"""Bare Linux machines (issue 11, item 14): before the window starts, the system libraries Qt
needs are looked up; a missing one is named with the apt command that installs it, the
program exits 2 with that message, and nothing else starts."""

from __future__ import annotations

import ctypes
import sys

import pytest

from unionclerk import app, syscheck

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def lacking(*names: str):
    def load(lib: str) -> object:
        if lib in names:
            raise OSError(f"{lib}: cannot open shared object file: No such file or directory")
        return object()

    return load


def test_missing_library_is_named_with_its_package() -> None:
    env = {"DISPLAY": ":0"}
    missing = syscheck.missing_libraries(env, lacking("libxcb-cursor.so.0", "libEGL.so.1"))
    assert missing == [("libEGL.so.1", "libegl1"), ("libxcb-cursor.so.0", "libxcb-cursor0")]
    text = syscheck.message(missing)
    assert "libEGL.so.1、libxcb-cursor.so.0" in text
    assert "“sudo apt install libegl1 libxcb-cursor0”" in text


def test_xcb_libraries_only_for_x11() -> None:
    load = lacking("libxcb-cursor.so.0")
    assert syscheck.missing_libraries({"QT_QPA_PLATFORM": "offscreen"}, load) == []
    assert syscheck.missing_libraries({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, load) == []
    assert syscheck.missing_libraries({"QT_QPA_PLATFORM": "xcb"}, load) != []
    assert syscheck.missing_libraries({"DISPLAY": ":0"}, load) != []
    assert syscheck.missing_libraries({"DISPLAY": ":0"}, lacking()) == []


def test_import_error_names_the_library() -> None:
    error = syscheck.from_import_error(
        ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    )
    assert error is not None and "libEGL.so.1" in str(error) and "libegl1" in str(error)
    assert syscheck.from_import_error(ImportError("No module named 'PySide6'")) is None


@pytest.mark.gui  # imports the window's module (Qt)
def test_gui_command_refuses_with_the_message(monkeypatch, tmp_path, cli) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    real = ctypes.CDLL

    def load(lib: str, *args: object, **kwargs: object) -> object:
        if lib == "libxcb-cursor.so.0":
            raise OSError(lib)
        return real(lib, *args, **kwargs)

    monkeypatch.setattr(syscheck.ctypes, "CDLL", load)
    started = []
    import unionclerk.gui.main as gui_main

    monkeypatch.setattr(gui_main, "run", lambda **kw: started.append(kw) or 0)
    # only the library taken away is looked for (this machine may lack other X11 ones)
    monkeypatch.setattr(syscheck, "QT_LIBS", [])
    monkeypatch.setattr(syscheck, "XCB_LIBS", [("libxcb-cursor.so.0", "libxcb-cursor0")])
    code, _, err = cli(tmp_path / "data", "gui")
    assert code == app.EXIT_REFUSED
    assert "libxcb-cursor.so.0" in err and "sudo apt install libxcb-cursor0" in err
    assert started == []
