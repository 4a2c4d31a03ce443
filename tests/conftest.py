"""Shared test set-up: offscreen Qt, a fresh data folder per test, no stray dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NamedTuple  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from unionclerk import paths  # noqa: E402
from unionclerk.domain import i18n  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
GUI_TESTS = Path(__file__).resolve().parent / "gui"


# -- the `gui` marker: `pytest -m "not gui"` runs the core alone, without importing Qt -------


def core_only(config: pytest.Config) -> bool:
    """True when the run deselects the GUI tests (`-m "not gui"`)."""
    return " ".join(config.option.markexpr.split()) == "not gui"


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """A core-only run leaves pytest-qt out: its set-up imports Qt before any test is chosen."""
    if core_only(config) and config.pluginmanager.has_plugin("pytest-qt"):
        config.pluginmanager.unregister(name="pytest-qt")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A core-only run does not even import the GUI tests (their modules import Qt)."""
    if core_only(config) and (collection_path == GUI_TESTS or GUI_TESTS in collection_path.parents):
        return True
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/gui, and any test that drives a widget (qtbot), is a GUI test."""
    for item in items:
        path = Path(str(item.path))
        if GUI_TESTS in path.parents or "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


# Property tests draw the same examples on every run by default, so the suite (and CI) gives the
# same answer twice; `UNIONCLERK_HYPOTHESIS=explore pytest …` searches afresh each run, and the
# benchmarks (bench_roundtrip, bench_hostile --fuzz) search far more examples.
settings.register_profile("repeatable", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", database=None, deadline=None)
settings.load_profile(os.environ.get("UNIONCLERK_HYPOTHESIS", "repeatable"))


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own data folder and Chinese messages."""
    data = tmp_path / "data"
    paths.set_data_dir(data)
    i18n.set_catalogue_dir(paths.resources_dir() / "i18n")
    i18n.set_language("zh")
    yield data
    paths.set_data_dir(None)
    i18n.set_language("zh")


@pytest.fixture
def data_dir(_isolated: Path) -> Path:
    return _isolated


@pytest.fixture
def forms():
    from unionclerk.formspec import shipped_forms

    return shipped_forms()


@pytest.fixture
def ws(data_dir: Path):
    from unionclerk.services.workspace import Workspace

    workspace = Workspace.open(data_dir)
    yield workspace
    workspace.close()


@pytest.fixture
def townships() -> list[dict]:
    import json

    file = SHARED / "data" / "townships_2018.json"
    if not file.exists():
        file = paths.resources_dir() / "demo" / "townships_2018.json"
    return json.loads(file.read_text(encoding="utf-8"))


# -- the command line, run in-process as the clerk types it ------------------------------------

# What must never reach the clerk's terminal, whatever the command and however it ends.
NOISE = ("Traceback", "Logging error", "Exception ignored")


class CliResult(NamedTuple):
    """One command's exit code and what it printed on stdout and stderr."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        """Everything it printed, stdout then stderr."""
        return self.out + self.err


def command_line(args: tuple[object, ...], options: dict[str, object]) -> list[str]:
    """The words of a command: `args` as written, then each option as `--name value`.

    An option's name is the keyword with `_` as `-` (a trailing `_` dropped, for `from_`);
    True is the bare flag, None and False leave it out: `out=folder, replace=True` is
    `--out folder --replace`.
    """
    words = [str(a) for a in args]
    for name, value in options.items():
        if value is None or value is False:
            continue
        words.append("--" + name.rstrip("_").replace("_", "-"))
        if value is not True:
            words.append(str(value))
    return words


Cli = Callable[..., CliResult]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """`cli(folder, "import", file, replace=True)` runs `unionclerk import FILE --replace
    --data-dir FOLDER` through `unionclerk.app.main` and returns its `CliResult`.

    `--data-dir` comes after the command (tests/cli/test_cli.py checks both places); a folder of
    None leaves it out. Output printed before the call is dropped, and no command may print a
    traceback or a logging error.
    """
    from unionclerk.app import main

    def run(folder: Path | None, *args: object, **options: object) -> CliResult:
        argv = command_line(args, options)
        if folder is not None:
            argv += ["--data-dir", str(folder)]
        capsys.readouterr()
        code = main(argv)
        out, err = capsys.readouterr()
        assert not any(n in out + err for n in NOISE), out + err
        return CliResult(code, out, err)

    return run
