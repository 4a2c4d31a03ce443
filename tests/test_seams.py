"""The seams issue 15 cut stay cut: no module imports another module's private names, and the
readers name what a file is with one vocabulary (`FileKind`), so `inspect` and the county merge
say the same of the same file without translating."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from unionclerk.domain import i18n
from unionclerk.domain.errors import UserError
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.exporters.summary import model as sm
from unionclerk.formspec import shipped_forms
from unionclerk.services import review_files
from unionclerk.services.county.reading import read_found
from unionclerk.services.county.sources import Found
from unionclerk.services.inspection import describe, exit_code, inspect_file, masking_label

sys.path.insert(0, str(Path(__file__).resolve().parent))
from filekinds_files import KINDS, make_files  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


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


@pytest.fixture(scope="module")
def produced(tmp_path_factory) -> dict[str, tuple[Path, FileKind]]:  # noqa: ANN001
    return make_files(tmp_path_factory.mktemp("kinds"))


@pytest.mark.parametrize("name", KINDS)
def test_inspect_and_merge_name_a_file_the_same_kind(produced, name, tmp_path):
    """`inspect` and the county merge (its file list, the window's too) say the same
    `FileKind` of every kind of file the program writes; why a file is not used is a
    problem of its own (问题清单), not what the file is."""
    path, kind = produced[name]
    said = inspect_file(shipped_forms(), path)
    merged = _merge_kind(path, tmp_path)
    assert (said.kind, merged) == (kind, kind)
    assert isinstance(said.kind, FileKind) and isinstance(merged, FileKind)
    if name == "edited workbook":
        assert said.integrity == xlsx_reader.EDITED


def test_inspect_names_each_kind_from_the_one_table(produced):
    for name, (path, kind) in produced.items():
        said = describe(inspect_file(shipped_forms(), path))
        assert said[1] == tr("  类型：{kind}", kind=kind.label), name


def test_every_kind_of_file_is_in_the_table(produced):
    assert sorted(produced) == sorted(KINDS)
    named = {kind for _, kind in produced.values()}
    # the kinds no file of ours can be: a zip is unpacked, a newer format needs a newer program
    assert set(FileKind) - named == {FileKind.ARCHIVE, FileKind.NEWER_FORMAT}


def test_summary_json_and_workbook_say_the_same_of_themselves(produced):
    """The summary JSON is the summary (interchange.md §3): inspect names who made it, the
    period and the same hash its workbook's machine data carries."""
    forms = shipped_forms()
    book = inspect_file(forms, produced["summary xlsx"][0])
    text = inspect_file(forms, produced["summary json"][0])
    assert (text.unit_code, text.unit_name, text.period) == (
        book.unit_code,
        book.unit_name,
        book.period,
    )
    assert text.payload_hash == book.payload_hash and text.payload_hash
    assert exit_code([text]) == 0 and masking_label(text) == masking_label(book)


def test_review_names_a_file_it_cannot_review_by_its_kind(produced):
    """Review takes only a unit's submission; anything else is named as inspect names it."""
    for name in ("summary xlsx", "template"):
        path, kind = produced[name]
        with pytest.raises(UserError) as refused:
            review_files.load(shipped_forms(), path)
        assert kind.label in refused.value.message, name
        assert kind.value not in refused.value.message, name


def test_every_file_kind_has_one_label_in_chinese_and_english():
    """One table names the kinds of file: inspect's 类型 and the summary's 问题清单 use it."""
    chinese = {kind: kind.label for kind in FileKind}
    i18n.set_language("en")
    try:
        english = {kind: kind.label for kind in FileKind}
        problem_en = {kind: sm.kind_label(kind) for kind in FileKind}
    finally:
        i18n.set_language("zh")
    assert len(set(chinese.values())) == len(FileKind)
    for kind in FileKind:
        assert re.search("[\u4e00-\u9fff]", chinese[kind]), kind
        assert english[kind] and not re.search("[\u4e00-\u9fff]", english[kind]), kind
        assert sm.kind_label(kind) == chinese[kind] and problem_en[kind] == english[kind]


def test_inspect_names_a_printout_by_the_unit_and_hash_its_workbook_carries(produced):
    """This program's PDF is what the merge calls it (an attachment, for printing): inspect
    gives its unit code, period and the same hash as its workbook, and does not refuse it."""
    forms = shipped_forms()
    pdf = inspect_file(forms, produced["submission pdf"][0])
    book = inspect_file(forms, produced["submission xlsx"][0])
    assert (pdf.unit_code, pdf.period, pdf.payload_hash) == (
        book.unit_code,
        book.period,
        book.payload_hash,
    )
    assert exit_code([pdf]) == 0
    assert tr("  单位代码：{code}", code=book.unit_code) in describe(pdf)


def test_inspect_tells_a_return_file_and_whether_it_is_as_written(produced, tmp_path):
    """A county's return file is named as such (not "not a report"): for whom, which period;
    one changed after it was written is corrupt, as `import` would refuse it."""
    forms = shipped_forms()
    path = produced["return file"][0]
    info = inspect_file(forms, path)
    assert (info.unit_code, info.unit_name, info.period) == (
        "330782101000",
        "佛堂镇总工会",
        Period(2018),
    )
    assert exit_code([info]) == 0 and info.integrity is None
    assert any("批注 0 条" in m for m in info.messages)
    changed = tmp_path / "改过的退回.json"
    changed.write_text(path.read_text("utf-8").replace("请核实", "请核对"), "utf-8")
    info = inspect_file(forms, changed)
    assert info.kind == FileKind.RETURN and info.integrity == xlsx_reader.CORRUPT
    assert exit_code([info]) == 1 and any("改动过" in m for m in info.messages)
