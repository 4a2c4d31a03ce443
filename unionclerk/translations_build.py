"""Compiling the window's translations (Qt Linguist `.ts` → `.qm`): the one place that does it.

Three callers, one function each:

- the package build (`setup.py`'s `build_py`, run by `pip install`) compiles
  `resources/translations/*.ts` beside themselves with :func:`compile_folder`;
- the frozen build (`build.spec`) does the same before bundling, and stops if one fails;
- the window at start-up (`gui/translations.py`) compiles one `.ts` into the data folder with
  :func:`compile_ts` when no fresh `.qm` came with the program.

Only the standard library, and nothing of the package: `setup.py` imports this module in
pip's isolated build environment, where neither PySide6 nor the program's dependencies may be
installed. The compiler is the `lrelease` that ships inside PySide6 (found without importing
Qt), else one on PATH.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

_EXE = "lrelease.exe" if sys.platform == "win32" else "lrelease"
# Asked of a separate interpreter when this one cannot see PySide6: pip's isolated build
# environment hides the installed packages, and `-I` ignores the variables that hide them.
_PROBE = "import os, PySide6; print(os.path.dirname(PySide6.__file__))"


def _runnable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _pyside_folder() -> Path | None:
    """PySide6's folder, without importing Qt (when this interpreter can see PySide6)."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _probed_pyside_folders() -> Iterator[Path]:
    """PySide6's folder as the running interpreter sees it outside a build's isolation."""
    if getattr(sys, "frozen", False):  # sys.executable is the program itself, not Python
        return
    import subprocess  # only when PySide6 is not visible here: in a build, not at start-up

    for command in ([sys.executable, "-c", _PROBE], [sys.executable, "-I", "-c", _PROBE]):
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            continue
        if run.returncode == 0 and run.stdout.strip():
            yield Path(run.stdout.strip())


def lrelease_program() -> list[str] | None:
    """The command that compiles .ts into .qm, if one is at hand: PySide6's own `lrelease`,
    else `pyside6-lrelease` or `lrelease` on PATH."""
    import shutil

    folder = _pyside_folder()
    folders: Iterable[Path] = [folder] if folder is not None else _probed_pyside_folders()
    for candidate in folders:
        if _runnable(candidate / _EXE):
            return [str(candidate / _EXE)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compile_ts(ts: Path, qm: Path, program: list[str] | None = None) -> bool:
    """Compile one .ts into .qm (written to a temporary name, then renamed, so a half-written
    catalogue is never read); True if done. `program` defaults to :func:`lrelease_program`."""
    import subprocess  # only when a catalogue is compiled: not on an ordinary start

    program = program or lrelease_program()
    if program is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(qm.name + ".part")
    try:
        subprocess.run(
            [*program, "-silent", str(ts), "-qm", str(partial)],
            check=True,
            timeout=60,
            capture_output=True,
        )
        os.replace(partial, qm)
    except (OSError, subprocess.SubprocessError):
        partial.unlink(missing_ok=True)
        return False
    return qm.exists()


def compile_folder(folder: Path) -> list[Path]:
    """Compile every .ts in `folder` into the .qm beside it; the .ts files left uncompiled
    (all of them when no `lrelease` is at hand)."""
    sources = sorted(folder.glob("*.ts"))
    program = lrelease_program() if sources else None
    if program is None:
        return sources
    return [ts for ts in sources if not compile_ts(ts, ts.with_suffix(".qm"), program)]
