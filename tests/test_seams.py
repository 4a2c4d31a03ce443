"""The seams issue 15 cut stay cut: no module imports another module's private names, and the
readers name what a file is with one vocabulary (`FileKind`), so `inspect` and the county merge
say the same of the same file without translating."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

from openpyxl import Workbook

from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.period import Period
from unionclerk.formspec import shipped_forms
from unionclerk.services import county
from unionclerk.services.county.reading import read_found
from unionclerk.services.county.sources import Found
from unionclerk.services.inspection import inspect_file

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import countydata  # noqa: E402


def test_no_module_imports_another_modules_private_names():
    """`from unionclerk.x import _name` (at the top, in a function or under TYPE_CHECKING):
    what two modules share has a public name in the module that owns it."""
    offenders = []
    for file in sorted((ROOT / "unionclerk").rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("unionclerk"):
                offenders += [
                    f"{file.relative_to(ROOT)}:{node.lineno} {node.module}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
    assert offenders == []


def test_progress_callbacks_have_one_type():
    """Work that reports how far it got takes `domain.progress.Progress`; no module spells
    the callback's shape (`Callable[[int, int, str], None]`) or names a `Progress` again."""
    home = ROOT / "unionclerk" / "domain" / "progress.py"
    offenders = []
    for file in sorted((ROOT / "unionclerk").rglob("*.py")):
        if file == home:
            continue
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            where = f"{file.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [getattr(t, "id", getattr(t, "attr", "")) for t in targets]
                offenders += [f"{where} defines {n}" for n in names if n == "Progress"]
            if isinstance(node, ast.Subscript) and ast.unparse(node).replace(" ", "") in (
                "Callable[[int,int,str],None]",
                "collections.abc.Callable[[int,int,str],None]",
                "typing.Callable[[int,int,str],None]",
            ):
                offenders.append(f"{where} spells {ast.unparse(node)}")
    assert offenders == []


def _merge_kind(path: Path, spill: Path) -> str:
    return read_found(
        Found(path.name, path, "2019-01-01T00:00:00"), Period(2018), str(spill), 0
    ).kind


def test_inspect_and_merge_name_a_file_the_same_kind(ws, tmp_path):
    forms = shipped_forms()
    docs = countydata.township_documents(2, sizes=("small",))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for doc in docs:
        code = doc["forms"]["cover"]["division_code"]
        (inbox / f"{code}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    _, _, outcome = county.merge_files(ws, [inbox], Period(2018), tmp_path / "out", workers=1)
    assert outcome is not None
    summary_xlsx, _, summary_json = outcome.files
    plain = tmp_path / "自己整理的表.xlsx"  # a workbook with no machine data
    Workbook().save(plain)
    spill = tmp_path / "spill"
    spill.mkdir()
    expected = {
        next(inbox.glob("*.json")): FileKind.JSON_REPORT,
        summary_xlsx: FileKind.SUMMARY,
        plain: FileKind.NOT_A_REPORT,
    }
    for path, kind in expected.items():
        said = inspect_file(forms, path).kind
        merged = _merge_kind(path, spill)
        assert (said, merged) == (kind, kind), path.name
        assert isinstance(said, FileKind) and isinstance(merged, FileKind)
    assert _merge_kind(summary_json, spill) == FileKind.SUMMARY
