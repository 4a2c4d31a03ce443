"""Masked ID numbers cannot be recovered from a masked export (interchange.md §2).

For every cadre of the demo report and of generated reports, the test counts the 18-character
numbers consistent with everything each masked file shows about that person — the visible
characters of the masked number, the row's 出生年月 and 性别 (parity of the 17th digit), and the
GB 11643 check character when shown — in the JSON, the workbook, the PDF and the county
summary, and asserts at least 1,000 for every row. The same counter run on the first masking
(first 6 + last 4) finds 2–4, which is why it was replaced.
"""

from __future__ import annotations

import calendar
import importlib.util
import json
import re
import subprocess
import sys
import warnings
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from unionclerk.domain.period import Period
from unionclerk.formspec import idmask
from unionclerk.formspec.validators import id_check_char
from unionclerk.services import county, demo, exporting, importing, inspection

MIN_CANDIDATES = 1000
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
LARGEREPORT = Path(__file__).resolve().parents[2] / "benchmarks" / "largereport.py"
FULL_ID_RE = re.compile(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9])")


def _largereport():
    if "largereport" not in sys.modules:
        spec = importlib.util.spec_from_file_location("largereport", LARGEREPORT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["largereport"] = module
        spec.loader.exec_module(module)
    return sys.modules["largereport"]


@cache
def _seq_parts() -> list[tuple[str, int]]:
    """Each 3-digit sequence with its weighted contribution to the check sum."""
    return [
        (f"{s:03d}", sum(int(c) * w for c, w in zip(f"{s:03d}", _WEIGHTS[14:], strict=True)))
        for s in range(1000)
    ]


def candidates(shown: str, year: int, month: int, male: bool | None) -> int:
    """How many valid numbers match `shown` (visible characters at their places; '*' and '?'
    hide one each), a birth in `year`-`month` and the gender's parity."""
    assert len(shown) == 18, shown
    visible = {i: c for i, c in enumerate(shown) if c not in "*?"}
    region = shown[:6]
    assert region.isdigit(), "the region is shown"
    count = 0
    for day in range(1, calendar.monthrange(year, month)[1] + 1):
        head = f"{region}{year:04d}{month:02d}{day:02d}"
        if any(head[i] != c for i, c in visible.items() if i < 14):
            continue
        base = sum(int(c) * w for c, w in zip(head, _WEIGHTS, strict=False))
        for seq, part in _seq_parts():
            if male is not None and int(seq[2]) % 2 != male:
                continue
            if any(seq[i - 14] != c for i, c in visible.items() if 14 <= i < 17):
                continue
            if 17 in visible and "10X98765432"[(base + part) % 11] != visible[17]:
                continue
            count += 1
    return count


def _old_mask(number: str) -> str:
    return number[:6] + "*" * 8 + number[-4:]


def _assert_row_hides(shown: str, full: str, row_text: str) -> None:
    """`shown` leaves ≥ 1,000 candidates given the true birth month and gender (what the row
    shows, or less), and nothing else in the row carries 6+ hidden digits of the number."""
    year, month = int(full[6:10]), int(full[10:12])
    assert candidates(shown, year, month, int(full[16]) % 2 == 1) >= MIN_CANDIDATES, shown
    hidden = full[6:]
    for run in re.findall(r"[0-9]{6,}", row_text):
        for i in range(len(run) - 5):
            assert run[i : i + 6] not in hidden, (run, full)


def test_the_counter_finds_the_first_masking_reversible() -> None:
    """Control: the counter is not blind — the first format leaves 2–4 numbers per person."""
    for row in demo.document()["forms"]["cadres"]["rows"]:
        full = row["id_number"]
        n = candidates(_old_mask(full), int(full[6:10]), int(full[10:12]), int(full[16]) % 2 == 1)
        assert 1 <= n <= 4
        assert candidates(full, int(full[6:10]), int(full[10:12]), None) == 1


# -- the exports -----------------------------------------------------------------------------
def _with_ids_in_text(doc: dict[str, Any]) -> dict[str, Any]:
    """Some cadres' 备注 and one explanation carry a full ID number, as clerks type them."""
    rows = doc["forms"]["cadres"]["rows"]
    for row in rows[::7]:
        if row.get("id_number"):
            row["notes"] = f"身份证{row['id_number']}（核对用）"
    some = next(r["id_number"] for r in rows if r.get("id_number"))
    doc.setdefault("explanations", {})["organisation.star_3"] = f"联系人身份证号 {some}"
    return doc


def _docs() -> list[dict[str, Any]]:
    large = _largereport().large_document(cadres=120, venues=3, services=3, seed=7)
    large["forms"]["cover"]["division_code"] = "330782102000"
    large["forms"]["cover"]["union_name"] = "上溪镇总工会"
    return [_with_ids_in_text(demo.document()), _with_ids_in_text(large)]


def _one_line(row: list[str]) -> list[str]:
    """A heading row as one-line texts (roster headings break between words: 公民身份\n号码)."""
    return [cell.replace("\n", "") for cell in row]


def _xlsx_rows(path: Path) -> list[list[str]]:
    """The cadres sheet's data rows (every visible cell as text), header found by its label."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path, read_only=True)
    try:
        for name in wb.sheetnames:
            if "干部" not in name or wb[name].sheet_state != "visible":
                continue
            rows = [
                ["" if v is None else str(v) for v in r]
                for r in wb[name].iter_rows(values_only=True)
            ]
            if any("公民身份号码" in _one_line(r) for r in rows):
                break
    finally:
        wb.close()
    head = next(i for i, r in enumerate(rows) if "公民身份号码" in _one_line(r))
    col = _one_line(rows[head]).index("公民身份号码")
    return [[r[col]] + r for r in rows[head + 1 :] if len(r) > col and r[col]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Any]:
    """Both reports imported, exported masked in every format, and merged into a summary."""
    from unionclerk import paths
    from unionclerk.services.workspace import Workspace

    root = tmp_path_factory.mktemp("masking")
    paths.set_data_dir(root / "data")
    docs = _docs()
    out = root / "out"
    out.mkdir()
    files: list[Path] = []
    with Workspace.open(root / "data") as ws:
        for i, doc in enumerate(docs):
            src = root / f"in{i}.json"
            src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            report = importing.import_file(ws, src).report
            files += exporting.export_report(ws, report, out, ["xlsx", "pdf", "json"]).files
    with Workspace.open(root / "county") as ws:
        _s, _p, outcome = county.merge_files(
            ws, [f for f in files if f.suffix == ".xlsx"], Period(2018), root / "summary", workers=1
        )
    assert outcome is not None
    paths.set_data_dir(None)
    full = {
        r["id_number"]: r for d in docs for r in d["forms"]["cadres"]["rows"] if r.get("id_number")
    }
    return {"docs": docs, "files": files, "summary": outcome.files, "full": full}


def _check_rows(rows: list[list[str]], full: dict[str, Any], by_name: dict[str, str]) -> int:
    checked = 0
    for row in rows:
        shown, cells = row[0], row[1:]
        name = next(c for c in cells if c in by_name)
        _assert_row_hides(shown, by_name[name], " ".join(cells))
        checked += 1
    return checked


def test_every_row_of_every_masked_file_leaves_1000_candidates(exported) -> None:
    full = exported["full"]
    by_name = {r["name"]: n for n, r in full.items()}
    seen = 0
    for f in exported["files"]:
        if f.suffix == ".json":
            doc = json.loads(f.read_text(encoding="utf-8"))
            for row in doc["forms"]["cadres"]["rows"]:
                if "id_number" in row:
                    _assert_row_hides(
                        row["id_number"], by_name[row["name"]], json.dumps(row, ensure_ascii=False)
                    )
                    seen += 1
        elif f.suffix == ".xlsx":
            seen += _check_rows(_xlsx_rows(f), full, by_name)
    summary_xlsx = next(f for f in exported["summary"] if f.suffix == ".xlsx")
    seen += _check_rows(_xlsx_rows(summary_xlsx), full, by_name)
    assert seen == 3 * len(full)  # json + workbook + summary, every person


def test_no_file_holds_a_full_number_or_a_hidden_digit(exported) -> None:
    """Whole-file scan of every format, the PDFs as text and the summary's JSON included:
    no full number and no number masked the first way, in any column or free text."""
    texts = []
    for f in [*exported["files"], *exported["summary"]]:
        if f.suffix == ".pdf":
            texts.append(
                subprocess.run(
                    ["pdftotext", "-layout", str(f), "-"],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
        elif f.suffix == ".json":
            texts.append(f.read_text(encoding="utf-8"))
        else:
            texts.append("\n".join(" | ".join(r) for r in _xlsx_rows(f)))
    for text in texts:
        assert not FULL_ID_RE.search(text)
        assert not re.search(r"[0-9]{6}\*{8}[0-9]{3}[0-9X]", text)
        assert not any(number in text for number in exported["full"])
    # notes and explanations kept their words around the masked number
    doc = json.loads(
        next(f for f in exported["files"] if f.suffix == ".json").read_text(encoding="utf-8")
    )
    assert any(
        re.fullmatch(r"身份证[0-9]{6}\*{12}（核对用）", r.get("notes", ""))
        for r in doc["forms"]["cadres"]["rows"]
    )
    assert re.fullmatch(
        r"联系人身份证号 [0-9]{6}\*{12}", doc["explanations"]["organisation.star_3"]
    )


# -- reading the first masking, and what inspect says ----------------------------------------
def test_a_file_masked_the_first_way_still_reads_and_inspect_names_it(ws, tmp_path) -> None:
    doc = demo.document()
    for row in doc["forms"]["cadres"]["rows"]:
        row["id_number"] = _old_mask(row["id_number"])
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    outcome = importing.import_file(ws, old)
    assert not [p for p in outcome.problems if p.form == "cadres" and p.is_error]
    lines = inspection.describe(inspection.inspect_file(ws.forms, old))
    assert any("旧的遮盖方式" in line for line in lines), lines
    # written again, the old masks become the new ones (masked stays masked, and safer)
    again = exporting.export_report(ws, outcome.report, tmp_path, ["json", "xlsx"])
    new_doc = json.loads(next(f for f in again.files if f.suffix == ".json").read_text("utf-8"))
    assert all(
        re.fullmatch(r"[0-9]{6}\*{12}", r["id_number"]) for r in new_doc["forms"]["cadres"]["rows"]
    )
    for f in again.files:
        lines = inspection.describe(inspection.inspect_file(ws.forms, f))
        assert any("只保留前6位地区码" in line for line in lines), lines


def test_inspect_says_full_numbers_when_exported_with_full_ids(ws, tmp_path) -> None:
    report = demo.build_demo(ws)
    done = exporting.export_report(ws, report, tmp_path, ["xlsx"], full_ids=True)
    lines = inspection.describe(inspection.inspect_file(ws.forms, done.files[0]))
    assert any("完整号码" in line for line in lines), lines


def test_an_invalid_number_is_masked_as_invalid_and_the_county_is_told(ws, tmp_path) -> None:
    doc = demo.document()
    row = doc["forms"]["cadres"]["rows"][0]
    row["id_number"] = row["id_number"][:17] + ("0" if row["id_number"][17] != "0" else "1")
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = importing.import_file(ws, src).report
    done = exporting.export_report(ws, report, tmp_path, ["json"])
    shown = json.loads(done.files[0].read_text("utf-8"))["forms"]["cadres"]["rows"][0]
    assert shown["id_number"] == row["id_number"][:6] + "?" * 12
    from unionclerk.services.workspace import Workspace

    with Workspace.open(tmp_path / "county") as county_ws:
        problems = importing.import_file(county_ws, done.files[0]).problems
    assert [p.message for p in problems if p.field == "id_number" and p.is_error] == [
        "“公民身份号码”导出时未通过校验（号码已遮盖，无法核对），请向填报单位核实"
    ]


# -- properties --------------------------------------------------------------------------------
_ids = st.builds(
    lambda body: body + id_check_char(body),
    st.text(alphabet="0123456789", min_size=17, max_size=17),
)


_people = st.builds(
    lambda region, born, seq: (lambda body: body + id_check_char(body))(
        f"{region}{born:%Y%m%d}{seq:03d}"
    ),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.dates(min_value=date(1930, 1, 1), max_value=date(2008, 12, 31)),
    st.integers(0, 999),
)


@settings(max_examples=40, deadline=None)
@given(number=_people)
def test_any_valid_number_masked_leaves_1000_candidates(number: str) -> None:
    """Over the space of valid numbers: with its birth month and gender known, the mask
    still leaves at least 1,000 (in fact 14,000+) numbers."""
    n = candidates(
        idmask.mask(number), int(number[6:10]), int(number[10:12]), int(number[16]) % 2 == 1
    )
    assert n >= 14_000 > MIN_CANDIDATES


@settings(max_examples=200, deadline=None)
@given(number=_ids)
def test_the_mask_shows_the_region_and_nothing_more(number: str) -> None:
    masked = idmask.mask(number)
    assert masked[:6] == number[:6] and len(masked) == 18
    assert set(masked[6:]) <= {"*", "?"}
    assert idmask.is_masked(masked) and idmask.mask(masked) == masked


@settings(max_examples=200, deadline=None)
@given(before=st.text(max_size=20), after=st.text(max_size=20), number=_ids)
def test_ids_in_free_text_are_masked_and_the_rest_kept(
    before: str, after: str, number: str
) -> None:
    # a digit right beside the number makes it part of a longer run, not an ID
    before = before if not before[-1:].isdigit() else before + "，"
    after = after if not after[:1].isdigit() else "，" + after
    text = f"{before}{number}{after}"
    masked = idmask.mask_ids_in_text(text)
    assert number not in masked
    assert masked.startswith(before) and masked.endswith(after)
    assert idmask.mask_ids_in_text(masked) == masked


def test_a_workbook_of_the_first_masking_is_still_checked_cell_by_cell(
    ws, tmp_path, monkeypatch
) -> None:
    """Written as the first version wrote it (first 6 + last 4, and its cover note), a
    workbook still reads as intact, is checked cell by cell, and inspect names its masking."""
    from unionclerk.exporters.reading import workbook as xlsx_reader
    from unionclerk.exporters.xlsx import layout as xlsx_layout
    from unionclerk.exporters.xlsx import sheets as xlsx_sheets

    report = demo.build_demo(ws)
    with monkeypatch.context() as old:
        old.setattr(idmask, "mask", lambda text: _old_mask(text) if len(text) == 18 else text)
        old.setattr(xlsx_sheets, "IDS_NOTE", xlsx_layout.IDS_NOTE_V1)
        book = exporting.export_report(ws, report, tmp_path, ["xlsx"]).files[0]
    info = inspection.inspect_file(ws.forms, book)
    assert info.integrity == xlsx_reader.INTACT, info.edited_cells
    lines = inspection.describe(info)
    assert any("旧的遮盖方式" in line for line in lines), lines
    assert not any("未逐格核对" in line for line in lines)
