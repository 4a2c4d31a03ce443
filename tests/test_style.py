"""ruff over the package, the tests and the benchmarks (as tests/test_typing.py runs mypy), so
the README's test command — and so CI — fails on a lint finding or a file not laid out the
project's way: the rules under `[tool.ruff.lint]`, the layout under `[tool.ruff.format]` of
pyproject.toml (line length under `[tool.ruff]`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TREES = ["unionclerk", "tests", "benchmarks"]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache", *TREES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ruff_check_is_clean() -> None:
    run = ruff("check")
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_leaves_every_file_as_it_is() -> None:
    run = ruff("format", "--check")
    assert run.returncode == 0, run.stdout + run.stderr
