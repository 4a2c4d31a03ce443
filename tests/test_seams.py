"""The seams issue 15 cut stay cut: no module imports another module's private names, and the
readers name what a file is with one vocabulary (`FileKind`), so `inspect` and the county merge
say the same of the same file without translating."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from unionclerk import paths
from unionclerk.domain import i18n
from unionclerk.domain.errors import UserError
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.exporters import return_file
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.exporters.summary import model as sm
from unionclerk.formspec import shipped_forms
from unionclerk.services import county, demo, exporting, review_files
from unionclerk.services import template as template_service
from unionclerk.services.county.reading import read_found
from unionclerk.services.county.sources import Found
from unionclerk.services.inspection import describe, exit_code, inspect_file, masking_label

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


def _edited_copy(src: Path, dst: Path) -> Path:
    """The workbook with one figure on a visible sheet changed by hand."""
    wb = load_workbook(src)
    for sheet in wb.worksheets:
        if sheet.sheet_state != "visible":
            continue
        cell = next(
            (
                c
                for row in sheet.iter_rows()
                for c in row
                if isinstance(c.value, int) and not isinstance(c.value, bool) and c.row > 6
            ),
            None,
        )
        if cell is not None:
            cell.value += 1
            break
    wb.save(dst)
    return dst


def _return_file(forms, path: Path) -> Path:  # noqa: ANN001
    doc = return_file.ReturnDoc(
        return_id="r-1",
        returned_at="2019-01-05T09:00:00+08:00",
        division_code="330782101000",
        union_name="佛堂镇总工会",
        period=Period(2018),
        export_id="e-1",
        payload_sha256="0" * 64,
        exported_at="2018-12-20T10:31:00+08:00",
        made_by={"union_name": "义乌市总工会", "division_code": "330782000000"},
        reviewer="李审",
        reason="请核实",
        comments=[],
    )
    path.write_text(return_file.dumps(return_file.build(doc, forms)), "utf-8")
    return path


@pytest.fixture(scope="module")
def produced(tmp_path_factory) -> dict[str, tuple[Path, FileKind]]:  # noqa: ANN001
    """Every kind of file the program writes (and some junk), with what each one is."""
    from unionclerk.services.workspace import Workspace

    root = tmp_path_factory.mktemp("kinds")
    paths.set_data_dir(root / "data")  # made once for the module, isolated as conftest does
    i18n.set_catalogue_dir(paths.resources_dir() / "i18n")
    ws = Workspace.open(root / "data")
    forms = shipped_forms()
    report = demo.build_demo(ws)
    township = root / "township"
    township.mkdir()
    own = exporting.export_report(ws, report, township, ["xlsx", "json", "pdf"]).files
    xlsx, json_file, pdf = (
        next(f for f in own if f.suffix == s) for s in (".xlsx", ".json", ".pdf")
    )
    _, _, outcome = county.merge_files(
        ws, [xlsx], Period(2018), root / "county", store=False, workers=1
    )
    assert outcome is not None
    summary_xlsx, summary_pdf, summary_json = outcome.files
    template = template_service.write_template(ws, root / "模板.xlsx", Period(2018), None)
    plain = root / "自己整理的表.xlsx"  # a workbook with no machine data
    Workbook().save(plain)
    photo = root / "表一 拍照.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64)
    broken = root / "坏了.json"
    broken.write_text('{"format": "unionclerk.report", "forms": {', "utf-8")
    empty = root / "没传完.xlsx"
    empty.write_bytes(b"")
    ws.close()
    paths.set_data_dir(None)
    return {
        "submission xlsx": (xlsx, FileKind.SUBMISSION),
        "submission json": (json_file, FileKind.JSON_REPORT),
        "submission pdf": (pdf, FileKind.PRINTOUT),
        "edited workbook": (_edited_copy(xlsx, root / "改过.xlsx"), FileKind.SUBMISSION),
        "summary xlsx": (summary_xlsx, FileKind.SUMMARY),
        "summary json": (summary_json, FileKind.SUMMARY),
        "summary pdf": (summary_pdf, FileKind.NOT_A_REPORT),
        "return file": (_return_file(forms, root / "退回.json"), FileKind.RETURN),
        "template": (template, FileKind.TEMPLATE),
        "plain workbook": (plain, FileKind.NOT_A_REPORT),
        "photo": (photo, FileKind.NOT_A_REPORT),
        "broken json": (broken, FileKind.UNREADABLE),
        "empty file": (empty, FileKind.UNREADABLE),
    }


KINDS = [
    "submission xlsx",
    "submission json",
    "submission pdf",
    "edited workbook",
    "summary xlsx",
    "summary json",
    "summary pdf",
    "return file",
    "template",
    "plain workbook",
    "photo",
    "broken json",
    "empty file",
]


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
