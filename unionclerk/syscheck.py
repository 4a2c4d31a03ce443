"""Before the window opens on Linux: are the system libraries that Qt needs there?

PySide6 brings Qt itself, but on Linux Qt uses the system's graphics, font and X11 (xcb)
libraries. A bare Debian/Ubuntu desktop, or a minimal install, can lack some of them (Qt 6.5+
needs libxcb-cursor0, which few desktops have); Qt then stops with "could not load the Qt
platform plugin xcb" and a core dump, or PySide6 fails to import. Here each library is looked
up the way the dynamic loader does (ctypes), and what is missing is named with the apt
command that installs it, in a message a clerk can pass on.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr

# (library, Debian/Ubuntu package): what QtGui and QtWidgets load on every platform…
QT_LIBS = [
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
]
# …and what the X11 platform plugin (xcb, the default on an X11 desktop) loads on top.
XCB_LIBS = [
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxcb-util.so.1", "libxcb-util1"),
]
PACKAGES = dict(QT_LIBS + XCB_LIBS)
_SONAME = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")


def needs_xcb(env: dict[str, str] | None = None) -> bool:
    """Whether Qt will use the X11 (xcb) plugin: asked for, or an X11 session."""
    env = os.environ if env is None else env
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform:
        return platform == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def missing_libraries(
    env: dict[str, str] | None = None, load: Callable[[str], object] | None = None
) -> list[tuple[str, str]]:
    """(library, package) for each library Qt needs here that cannot be loaded."""
    if not sys.platform.startswith("linux"):
        return []
    load = load or ctypes.CDLL
    wanted = QT_LIBS + (XCB_LIBS if needs_xcb(env) else [])
    out = []
    for lib, package in wanted:
        try:
            load(lib)
        except OSError:
            out.append((lib, package))
    return out


def message(missing: list[tuple[str, str]]) -> str:
    libs = "、".join(lib for lib, _ in missing)
    packages = " ".join(dict.fromkeys(p for _, p in missing))
    return tr(
        "无法打开窗口：这台电脑缺少 Qt 需要的系统库 {libs}。请在 Debian/Ubuntu 上运行"
        "“sudo apt install {packages}”安装后再启动（命令行功能不受影响）。",
        libs=libs,
        packages=packages,
    )


def from_import_error(exc: ImportError) -> UserError | None:
    """A clear error for `import PySide6…` failing on a missing system library."""
    found = _SONAME.search(str(exc))
    if found is None:
        return None
    lib = found.group(1)
    package = PACKAGES.get(lib, lib.split(".so")[0].removeprefix("lib"))
    return UserError(message([(lib, package)]))


def require_qt() -> None:
    """Raise a UserError naming what to install when the window cannot start here."""
    missing = missing_libraries()
    if missing:
        raise UserError(message(missing))
