"""Every kind of file the program writes, and some junk, each with the `FileKind` it is (not a
test module): `tests/test_seams.py` holds inspect and the merge to one name for each, and
`tests/gui/test_county_kinds.py` shows them on the county screen."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from unionclerk import paths
from unionclerk.domain import i18n
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.period import Period
from unionclerk.exporters import return_file
from unionclerk.formspec import shipped_forms
from unionclerk.services import county, demo, exporting
from unionclerk.services import template as template_service
from unionclerk.services.workspace import Workspace


def edited_copy(src: Path, dst: Path) -> Path:
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


def return_file_of(forms, path: Path) -> Path:  # noqa: ANN001
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


def make_files(root: Path) -> dict[str, tuple[Path, FileKind]]:
    """Every kind of file the program writes (and some junk), made in `root` from the demo
    report in a workspace of its own, with what each one is."""
    before = paths.data_dir(create=False)
    paths.set_data_dir(root / "data")  # a data folder of its own, as conftest gives each test
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
    paths.set_data_dir(before)
    return {
        "submission xlsx": (xlsx, FileKind.SUBMISSION),
        "submission json": (json_file, FileKind.JSON_REPORT),
        "submission pdf": (pdf, FileKind.PRINTOUT),
        "edited workbook": (edited_copy(xlsx, root / "改过.xlsx"), FileKind.SUBMISSION),
        "summary xlsx": (summary_xlsx, FileKind.SUMMARY),
        "summary json": (summary_json, FileKind.SUMMARY),
        "summary pdf": (summary_pdf, FileKind.NOT_A_REPORT),
        "return file": (return_file_of(forms, root / "退回.json"), FileKind.RETURN),
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
