"""Build hook: compile the window's translations (resources/translations/*.ts → .qm).

Everything else about the package is declared in pyproject.toml. The compiled .qm files are
build products (ignored by git). The compiling itself is `unionclerk/translations_build.py`
(shared with build.spec and the window's start-up). If no `lrelease` is at hand at build time
(a clean machine where PySide6 is installed after the package is built), the program compiles
them into the data folder at start-up instead, and as a last resort reads the .ts directly;
see unionclerk/gui/translations.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # pip's isolated build does not put the project on the path

from unionclerk.translations_build import compile_folder  # noqa: E402 - needs the path above


class BuildWithTranslations(build_py):
    def run(self) -> None:
        for ts in compile_folder(ROOT / "resources" / "translations"):
            print(f"warning: {ts.name} not compiled (no lrelease?); it will be compiled at "
                  "start-up", file=sys.stderr)
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
