"""Build hook: compile the window's translations (resources/translations/*.ts → .qm).

Everything else about the package is declared in pyproject.toml. The compiled .qm files are
build products (ignored by git). If no `lrelease` is at hand at build time (a clean machine
where PySide6 is installed after the package is built), the program compiles them into the
data folder at start-up instead, and as a last resort reads the .ts directly; see
unionclerk/gui/translations.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _lrelease() -> str | None:
    """PySide6's own lrelease; pip's isolated build environment hides the installed PySide6,
    so ask the interpreter itself with `-I` (which ignores the isolation's environment)."""
    exe = "lrelease.exe" if os.name == "nt" else "lrelease"
    probe = "import os, PySide6; print(os.path.dirname(PySide6.__file__))"
    for command in ([sys.executable, "-c", probe], [sys.executable, "-I", "-c", probe]):
        try:
            found = subprocess.run(command, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            continue
        candidate = Path(found.stdout.strip() or ".") / exe
        if found.returncode == 0 and candidate.exists():
            return str(candidate)
    return shutil.which("lrelease")


def compile_translations() -> None:
    program = _lrelease()
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        if program is None:
            print(f"warning: no lrelease; {ts.name} will be compiled at start-up", file=sys.stderr)
            return
        subprocess.run([program, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=False)


class BuildWithTranslations(build_py):
    def run(self) -> None:
        compile_translations()
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
