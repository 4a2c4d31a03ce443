"""The layers of DESIGN.md, enforced by the import-linter contracts in pyproject.toml."""

from __future__ import annotations

import ast
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports() == 0


def test_only_storage_mentions_sqlalchemy():
    offenders = []
    for file in (ROOT / "unionclerk").rglob("*.py"):
        if "storage" in file.relative_to(ROOT / "unionclerk").parts:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("sqlalchemy", "alembic") for n in names):
                offenders.append(str(file.relative_to(ROOT)))
    assert offenders == []


def test_no_eval_in_the_rule_engine():
    source = (ROOT / "unionclerk" / "formspec" / "expr.py").read_text(encoding="utf-8")
    calls = [n.func.id for n in ast.walk(ast.parse(source))
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    assert "eval" not in calls and "exec" not in calls and "compile" not in calls
