"""The window's parts see the window (and the roster table's parts the table) through a narrow
door: a Protocol naming exactly what each part uses (`gui/host.py`, `gui/roster/host.py`).

Read from the source: every `w.<name>` / `self.t.<name>` a part writes must be in its
Protocol, and everything in the Protocol must be used (so the door does not widen or go
stale). The real `MainWindow` and `RosterTable` must have every name of their Protocols from
the moment they are made, and the window makes every attribute it has in its constructor.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Protocol

import pytest

from unionclerk.gui import host
from unionclerk.gui.roster import host as rosterhost

GUI = Path(host.__file__).resolve().parent

# each part of the window, and the Protocol it sees the window through
WINDOW_PARTS = {
    "editor.py": host.EditorHost,
    "workflow.py": host.WorkflowHost,
    "menus.py": host.MenusHost,
    "review_township.py": host.CommentsHost,
}
TABLE_PARTS = ["roster/ops.py", "roster/filters.py", "roster/importing.py"]
HOST_NAMES = {"w", "window", "t", "table"}  # the parameter, or `self.w` / `self.t`


def members(protocol: type, own: bool = False) -> set[str]:
    """The attributes and methods a Protocol names (with its bases' unless `own`)."""
    classes = (
        [protocol]
        if own
        else [
            c for c in protocol.__mro__ if c not in (Protocol, object) and c.__name__ != "Generic"
        ]
    )
    names: set[str] = set()
    for c in classes:
        names |= set(c.__dict__.get("__annotations__", {}))
        names |= {n for n in c.__dict__ if not n.startswith("_")}
    return names


def used_on_host(file: str) -> set[str]:
    """Every `<host>.<name>` the module reads or writes, the host being a parameter or
    variable named w / window / t / table, or `self.w` / `self.t`."""
    tree = ast.parse((GUI / file).read_text(encoding="utf-8"))
    used = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        base = node.value
        if isinstance(base, ast.Name) and base.id in HOST_NAMES:
            used.add(node.attr)
        elif (
            isinstance(base, ast.Attribute)
            and base.attr in ("w", "t")
            and isinstance(base.value, ast.Name)
            and base.value.id == "self"
        ):
            used.add(node.attr)
    return used


@pytest.mark.parametrize("file", list(WINDOW_PARTS))
def test_each_window_part_uses_exactly_its_protocol(file: str) -> None:
    protocol = WINDOW_PARTS[file]
    used = used_on_host(file)
    assert used - members(protocol) == set(), f"{file} uses the window beyond {protocol.__name__}"
    assert members(protocol, own=True) - used == set(), f"{protocol.__name__} names unused parts"
    assert "unionclerk.gui.window" not in (GUI / file).read_text(encoding="utf-8")


def test_the_roster_table_parts_use_exactly_their_protocol() -> None:
    used = {file: used_on_host(file) for file in TABLE_PARTS}
    wanted = members(rosterhost.RosterHost)
    for file, names in used.items():
        assert names - wanted == set(), f"{file} uses the table beyond RosterHost"
        assert "roster.table" not in (GUI / file).read_text(encoding="utf-8")
    assert wanted - set().union(*used.values()) == set()


def test_the_window_makes_every_attribute_in_its_constructor() -> None:
    """No attribute appears on the window later (as `acts` once did, made by the menus)."""
    tree = ast.parse((GUI / "window.py").read_text(encoding="utf-8"))
    window = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "MainWindow")
    made: dict[str, set[str]] = {}
    for method in window.body:
        if isinstance(method, ast.FunctionDef):
            made[method.name] = {
                n.attr
                for n in ast.walk(method)
                if isinstance(n, ast.Attribute)
                and isinstance(n.ctx, ast.Store)
                and isinstance(n.value, ast.Name)
                and n.value.id == "self"
            }
    in_constructor = made.pop("__init__") | made.pop("_build")
    later = set().union(*made.values()) - in_constructor
    assert later == set()


def test_the_window_and_the_table_have_what_their_parts_are_promised(demo_window) -> None:
    """The real objects have every name of their Protocols (read without running a property)."""
    w = demo_window
    for protocol in WINDOW_PARTS.values():
        missing = [n for n in members(protocol) if not _has(w, n)]
        assert missing == [], f"MainWindow lacks {missing} of {protocol.__name__}"
    w.select_form("cadres")
    table = w.pages["cadres"].roster
    missing = [n for n in members(rosterhost.RosterHost) if not _has(table, n)]
    assert missing == []


def _has(obj: object, name: str) -> bool:
    try:
        inspect.getattr_static(obj, name)
    except AttributeError:
        return False
    return True


def test_the_menus_call_only_the_steps_they_are_promised() -> None:
    """The menus call the workflow's steps by name (`flow("export")`) or directly; each is in
    `host.Steps`, and the real `Workflow` has every step of it."""
    from unionclerk.gui.workflow import Workflow

    tree = ast.parse((GUI / "menus.py").read_text(encoding="utf-8"))
    called = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "flow"
        and isinstance(node.args[0], ast.Constant)
    }
    called |= {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "workflow"
    }
    steps = members(host.Steps)
    assert called - steps == set() and steps - called == set()
    assert [s for s in steps if not callable(getattr(Workflow, s, None))] == []
