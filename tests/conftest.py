"""Shared test set-up: offscreen Qt, a fresh data folder per test, no stray dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from unionclerk import paths  # noqa: E402
from unionclerk.domain import i18n  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"

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
