"""County → city: three county summaries merged into a city summary equal a direct merge of
all their townships; a township inside two county summaries counts once and is listed; a
county's own earlier summary lying among its inputs is not counted into itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.period import Period
from unionclerk.services import county
from unionclerk.services.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import countydata  # noqa: E402

COUNTIES = [("330782", "义乌市", 6), ("330783", "东阳市", 5), ("330784", "永康市", 4)]
P2018 = Period(2018)


def _write(folder: Path, docs: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        cover = doc["forms"]["cover"]
        (folder / f"{cover['division_code']}_{cover['union_name']}.json").write_text(
            json.dumps(doc, ensure_ascii=False), encoding="utf-8"
        )


def _merge(root: Path, name: str, inputs: list[Path]) -> tuple[county.Plan, county.Outcome]:
    with Workspace.open(root / f"{name}-data") as ws:
        _, plan, outcome = county.merge_files(ws, inputs, P2018, root / name, workers=1)
    return plan, outcome


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    root = tmp_path_factory.mktemp("city")
    all_docs, summaries = [], []
    for code, name, n in COUNTIES:
        docs = countydata.township_documents(n, county=code, county_name=name, seed=int(code))
        _write(root / "inbox" / name, docs)
        all_docs += docs
    # 东阳's first township also sent its file to 义乌 by mistake
    stray = countydata.township_documents(1, county="330783", county_name="东阳市", seed=330783)
    _write(root / "inbox" / "义乌市" / "误投", stray)
    for _, name, _ in COUNTIES:
        _, outcome = _merge(root, name, [root / "inbox" / name])
        summaries.append(outcome.files[0 if name != "永康市" else 2])  # xlsx, xlsx, json
    city_plan, city_out = _merge(root, "金华市", summaries)
    direct_plan, direct_out = _merge(root, "直接", [root / "inbox" / n for _, n, _ in COUNTIES])
    return all_docs, (city_plan, city_out), (direct_plan, direct_out), root


def test_city_summary_equals_direct_merge(city):
    all_docs, (_, city_out), (_, direct_out), _ = city
    assert city_out.head.made_by == {"union_name": "金华市总工会", "division_code": "330700000000"}
    assert city_out.totals == direct_out.totals
    city_json = json.loads(city_out.files[2].read_text(encoding="utf-8"))
    direct_json = json.loads(direct_out.files[2].read_text(encoding="utf-8"))
    assert city_json["reports"] == direct_json["reports"]
    assert len(city_json["reports"]) == len(all_docs) == 15
    assert city_json["totals"]["organisation"]["members"]["value"] == sum(
        d["forms"]["organisation"]["members"] for d in all_docs
    )


def test_township_in_two_county_summaries_counts_once_and_is_listed(city):
    _, (city_plan, city_out), _, _ = city
    code = "330783101000"
    assert [u.division_code for u in city_out.head.units].count(code) == 1
    listed = [p for p in city_plan.problems if p.code == code]
    assert [p.kind for p in listed] == ["duplicate"]
    assert "只计一次" in listed[0].detail
    assert "义乌市" in listed[0].file or "义乌市" in listed[0].detail


def test_units_keep_their_export_identity_through_the_levels(city):
    _, (_, city_out), _, _ = city
    sources = [u.source for u in city_out.head.units]
    assert all("汇总" in s for s in sources)  # came in a county summary, original file named


def test_a_summary_among_its_own_inputs_is_not_counted_into_itself(city, tmp_path):
    _, _, _, root = city
    folder = root / "inbox" / "东阳市"
    before = json.loads(next((root / "东阳市").glob("*.json")).read_text(encoding="utf-8"))
    own = next((root / "东阳市").glob("*.xlsx"))
    (folder / own.name).write_bytes(own.read_bytes())  # saved into the inbox by mistake
    try:
        plan, outcome = _merge(tmp_path, "again", [folder])
    finally:
        (folder / own.name).unlink()
    assert outcome.totals == before["totals"]
    skipped = [p for p in plan.problems if p.file.startswith(own.name) or own.name in p.file]
    assert skipped and all(p.kind == "duplicate" and not p.used for p in skipped)
    assert "自己" in skipped[0].detail


def test_an_edited_county_summary_is_named_and_left_out_unless_chosen(city, tmp_path):
    """A county summary whose 汇总表 figures were changed by hand after it was written: inspect
    names the cells; the city merge leaves its units out (listed as edited) unless the clerk
    chooses to use edited files, and then the machine data is what counts, not the edit."""
    from openpyxl import load_workbook

    from unionclerk.exporters.reading import workbook as xlsx_reader
    from unionclerk.formspec import shipped_forms
    from unionclerk.services import inspection

    _, _, _, root = city
    forms = shipped_forms()
    original = next((root / "东阳市").glob("*.xlsx"))
    intact = inspection.inspect_file(forms, original)
    assert intact.kind == FileKind.SUMMARY and intact.integrity == xlsx_reader.INTACT
    assert any("各汇总表的数字与机器数据一致" in line for line in inspection.describe(intact))

    edited = tmp_path / original.name
    book = load_workbook(original)
    sheet = book["表一 组织建设情况"]
    total_row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 3).value == "合计")
    sheet.cell(total_row, 5).value = (sheet.cell(total_row, 5).value or 0) + 100
    book.save(edited)
    info = inspection.inspect_file(forms, edited)
    assert info.integrity == xlsx_reader.EDITED and info.edited_count == 1
    assert str(info.edited_cells[0]) == f"表一 组织建设情况!E{total_row}"
    assert inspection.exit_code([info]) == 1

    city_unit = {"union_name": "金华市总工会", "division_code": "330700000000"}
    with Workspace.open(tmp_path / "city-data") as ws:
        session, plan, outcome = county.merge_files(
            ws, [edited], P2018, tmp_path / "city", county.Options(made_by=city_unit), workers=1
        )
    assert outcome is None and plan.winners == []
    assert {p.kind for p in plan.problems} == {"edited"} and len(plan.problems) == 5
    assert all("所在的汇总文件生成后被改动过" in p.detail for p in plan.problems)
    assert f"表一 组织建设情况!E{total_row}" in session.results[0].detail  # once, for the file
    with Workspace.open(tmp_path / "chosen-data") as ws:
        _, plan, outcome = county.merge_files(
            ws,
            [edited],
            P2018,
            tmp_path / "chosen",
            county.Options(made_by=city_unit, use_edited=True),
            workers=1,
        )
    assert outcome is not None and len(plan.winners) == 5
    before = json.loads(next((root / "东阳市").glob("*.json")).read_text(encoding="utf-8"))
    assert outcome.totals == before["totals"]  # the machine data, not the changed cell
