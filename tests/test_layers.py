"""The layers of DESIGN.md, enforced by the import-linter contracts in pyproject.toml, and the
import graph checked for loops (grimp, the graph import-linter builds on)."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def import_loops() -> list[set[str]]:
    """Every group of the package's modules that import one another (every import counts:
    at the top, inside a function, or under TYPE_CHECKING)."""
    graph = grimp.build_graph("unionclerk", cache_dir=None)
    loops: list[set[str]] = []
    for module in sorted(graph.modules):
        if not module.startswith("unionclerk") or any(module in loop for loop in loops):
            continue
        loop = graph.find_upstream_modules(module) & graph.find_downstream_modules(module)
        if loop:
            loops.append(loop | {module})
    return loops


def test_import_contracts_are_kept():
    # In a process of its own: import-linter's start-up disables the loggers already made, which
    # would silence the program's log for every test that runs after this one.
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports())",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_only_storage_mentions_sqlalchemy():
    offenders = []
    for file in (ROOT / "unionclerk").rglob("*.py"):
        if "storage" in file.relative_to(ROOT / "unionclerk").parts:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(n.split(".")[0] in ("sqlalchemy", "alembic") for n in names):
                offenders.append(str(file.relative_to(ROOT)))
    assert offenders == []


def test_no_eval_in_the_rule_engine():
    source = (ROOT / "unionclerk" / "formspec" / "expr.py").read_text(encoding="utf-8")
    calls = [
        n.func.id
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    ]
    assert "eval" not in calls and "exec" not in calls and "compile" not in calls


def test_the_window_reads_only_through_services():
    """No GUI module imports storage (the contract) nor reaches the database through a
    workspace (which the contract cannot see): not its private `_db`, not the services' own
    accessor `services.workspace.database`; the window asks services."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    forbidden = [
        c
        for c in contracts["tool"]["importlinter"]["contracts"]
        if c["type"] == "forbidden" and "unionclerk.gui" in c["source_modules"]
    ]
    assert any("unionclerk.storage" in c["forbidden_modules"] for c in forbidden)
    offenders = []
    for file in (ROOT / "unionclerk" / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            private = isinstance(node, ast.Attribute) and node.attr in ("db", "_db")
            accessor = (
                isinstance(node, ast.ImportFrom)
                and node.module == "unionclerk.services.workspace"
                and any(a.name == "database" for a in node.names)
            ) or (
                isinstance(node, ast.Attribute)
                and node.attr == "database"
                and isinstance(node.value, ast.Name)
                and node.value.id == "workspace"
            )
            if private or accessor:
                offenders.append(f"{file.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_the_top_level_helpers_sit_under_a_contract():
    """paths, logsetup, folderlock, syscheck and translations_build are a layer of their own (above
    domain/, below the rest) and must not import Qt."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = contracts["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    helpers = {m.strip() for m in layers[-2].split("|")}
    assert helpers == {
        "unionclerk.paths",
        "unionclerk.logsetup",
        "unionclerk.folderlock",
        "unionclerk.syscheck",
        "unionclerk.translations_build",
    }
    assert layers[-1] == "unionclerk.domain"
    no_qt = next(c for c in contracts if c.get("forbidden_modules") == ["PySide6"])
    assert helpers <= set(no_qt["source_modules"])


def test_the_import_graph_has_no_loop():
    """No group of the package's modules imports one another (issue 15 cut the last five)."""
    assert [sorted(loop) for loop in import_loops()] == []
