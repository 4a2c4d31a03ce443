"""The window's translations are compiled in one place (`unionclerk/translations_build.py`):
the package build (setup.py), the frozen build (build.spec) and the start-up all call it, and
it works where the package build runs it — an interpreter that cannot see PySide6."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from unionclerk import paths, translations_build

ROOT = Path(__file__).resolve().parents[1]
TS = paths.resources_dir() / "translations" / "unionclerk_en.ts"
CALLERS = {
    "setup.py": "compile_folder",
    "build.spec": "compile_folder",
    "unionclerk/gui/translations.py": "compile_ts",
}


def needs_lrelease() -> None:
    if translations_build.lrelease_program() is None:
        pytest.skip("no lrelease here")


@pytest.mark.parametrize("caller", sorted(CALLERS))
def test_every_caller_compiles_through_the_one_module(caller: str) -> None:
    """No caller runs lrelease itself: each imports the one function and runs no process."""
    tree = ast.parse((ROOT / caller).read_text(encoding="utf-8"))
    imported = {
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert ("unionclerk.translations_build", CALLERS[caller]) in imported
    modules = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {module for module, _ in imported}
    assert "subprocess" not in modules and "PySide6" not in modules


def test_a_folder_is_compiled_beside_its_sources(tmp_path: Path) -> None:
    needs_lrelease()
    shutil.copy(TS, tmp_path / TS.name)
    (tmp_path / "notes.txt").write_text("not a catalogue", encoding="utf-8")
    assert translations_build.compile_folder(tmp_path) == []
    qm = tmp_path / "unionclerk_en.qm"
    assert qm.read_bytes()[:16] == bytes.fromhex(
        "3cb86418caef9c95cd211cbf60a1bddd"
    )  # Qt's .qm magic
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", qm.name, TS.name]


def test_a_broken_source_is_named_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    needs_lrelease()
    broken = tmp_path / "broken.ts"
    broken.write_text("<TS version='2.1'><context><name>X</name>", encoding="utf-8")
    shutil.copy(TS, tmp_path / TS.name)
    assert translations_build.compile_folder(tmp_path) == [broken]
    assert not (tmp_path / "broken.qm").exists()
    assert not list(tmp_path.glob("*.part"))
    assert (tmp_path / "unionclerk_en.qm").exists()  # the good one is compiled all the same


def test_without_lrelease_every_source_is_left_for_start_up(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(translations_build, "lrelease_program", lambda: None)
    shutil.copy(TS, tmp_path / TS.name)
    assert translations_build.compile_folder(tmp_path) == [tmp_path / TS.name]
    assert translations_build.compile_ts(tmp_path / TS.name, tmp_path / "x.qm") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == [TS.name]


def test_the_package_build_compiles_where_pyside6_is_hidden(tmp_path: Path) -> None:
    """pip's isolated build environment cannot import the installed PySide6; `-S -I` is such an
    interpreter. The module asks the real one where PySide6's lrelease is."""
    needs_lrelease()
    shutil.copy(TS, tmp_path / TS.name)
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import importlib.util as u; "
        "assert u.find_spec('PySide6') is None; "
        "from unionclerk.translations_build import compile_folder; "
        "print(compile_folder(__import__('pathlib').Path(sys.argv[2])))"
    )
    run = subprocess.run(
        [sys.executable, "-S", "-I", "-c", script, str(ROOT), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
    assert (tmp_path / "unionclerk_en.qm").stat().st_size > 0
