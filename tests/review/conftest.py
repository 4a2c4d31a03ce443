"""Two data folders, as in the field: a township (the demo report) and its county."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import Cli, CliResult
from unionclerk import paths
from unionclerk.services import demo, exporting
from unionclerk.services.workspace import Workspace

CODE = demo.DIVISION_CODE
PERIOD = demo.PERIOD


@pytest.fixture
def township(ws: Workspace) -> Workspace:
    demo.build_demo(ws)
    return ws


@pytest.fixture
def county(tmp_path: Path, data_dir: Path) -> Iterator[Workspace]:
    other = Workspace.open(tmp_path / "county")
    paths.set_data_dir(data_dir)
    yield other
    other.close()


def _export(ws: Workspace, out: Path, formats: tuple[str, ...] = ("xlsx",)) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    done = exporting.export_report(ws, ws.find_report(PERIOD), out, list(formats))
    return next(f for f in done.files if f.suffix == f".{formats[0]}")


@pytest.fixture
def export():
    """The township's export, as the window and the command line make it."""
    return _export


def _edit(ws: Workspace, form: str, field: str, value: object, row: int | None = None) -> None:
    from unionclerk.services.editing import EditSession

    session = EditSession(ws, ws.find_report(PERIOD))
    uuid = session.data.rows[form][row].uuid if row is not None else None
    session.set_value(form, field, value, row=uuid)


@pytest.fixture
def edit():
    """Change one value as the clerk's edit session does (saved at once)."""
    return _edit


AREA = Decimal("1200.5")


@pytest.fixture
def review(cli: Cli) -> Cli:
    """The clerk's `review` commands: `review(county, "receive", file)` runs `unionclerk review
    receive FILE --data-dir COUNTY`; options as keywords, `verdict="通过"` is `--verdict 通过`."""

    def run(folder: Path, action: str, *args: object, **options: object) -> CliResult:
        return cli(folder, "review", action, *args, **options)

    return run
