"""The merge never falls over (issue 12): one file's fault is that file's line, duplicates are
judged by content, file times never decide, odd export times are flagged, nothing is kept in
the database unless the summary was written."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers import stored_reports
from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.exporters.summary import model as sm
from unionclerk.services import county, scratch
from unionclerk.services.county import expected as expected_list
from unionclerk.services.county import lines, reading
from unionclerk.services.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import hostile  # noqa: E402

P2018 = Period(2018)


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return hostile.documents(4)


@pytest.fixture(scope="module")
def goods(tmp_path_factory, docs) -> list[Path]:
    folder = tmp_path_factory.mktemp("goods")
    return [hostile.write_workbook(folder / f"good{i}.xlsx", d) for i, d in enumerate(docs[:3])]


def merge(ws, inputs, out, **kw):
    session, plan, outcome = county.merge_files(ws, inputs, P2018, out, workers=1, **kw)
    by_file = {
        line.file.rsplit("/", 1)[-1]: line for line in lines.file_lines(session.results, plan)
    }
    return plan, outcome, by_file


def members(docs: list[dict]) -> int:
    return sum(d["forms"]["organisation"]["members"] for d in docs)


# -- item 1: one bad file is one line --------------------------------------------------------
def test_each_hostile_file_is_its_own_line_and_the_good_totals_are_exact(
    tmp_path, goods, docs, cli
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for g in goods:
        shutil.copy(g, inbox / g.name)
    hostile.password_zip(goods[0], inbox / "带密码.zip")
    hostile.member_flagged(goods[0], inbox / "flag.xlsx")
    hostile.member_deflate64(goods[0], inbox / "deflate64.xlsx")
    for kind in ("nan", "bigint", "surrogate"):
        hostile.json_with(docs[3], inbox / f"{kind}.json", kind)
    done = cli(tmp_path / "data", "merge", inbox, period=2018, out=tmp_path / "out")
    code, out = done.code, done.text
    assert code == 1, out
    assert "意外错误" not in out  # and no traceback (the cli fixture)
    reasons = {
        "带密码.zip!good0.xlsx": "密码",
        "flag.xlsx": "加密",
        "deflate64.xlsx": "压缩方式",
        "nan.json": "会员人数",
        "bigint.json": "会员人数",
        "surrogate.json": "工会名称",
    }
    for name, word in reasons.items():
        line = next(x for x in out.splitlines() if x.startswith(f"未使用：inbox/{name}"))
        assert word in line, line
    summary = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert summary["totals"]["organisation"]["members"]["value"] == members(docs[:3])
    assert {p["file"].split("/")[-1] for p in summary["problems"]} >= set(reasons)


def test_an_unforeseen_error_in_one_file_is_logged_on_its_line(
    ws, tmp_path, goods, docs, monkeypatch, caplog
):
    real = reading.FileReader.workbook

    def boom(self):
        if self.label.endswith("good1.xlsx"):
            raise ZeroDivisionError("a bug")
        return real(self)

    monkeypatch.setattr(reading.FileReader, "workbook", boom)
    plan, outcome, by_file = merge(ws, goods, tmp_path / "out")
    assert outcome is not None and len(plan.winners) == 2
    line = by_file["good1.xlsx"]
    assert line.state == lines.UNUSED and "ZeroDivisionError" in line.why and "日志" in line.why
    assert "good1.xlsx" in caplog.text


def test_sixty_copies_of_one_report_still_make_a_summary(tmp_path, goods, cli):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(60):
        shutil.copy(goods[0], inbox / f"佛堂镇第{i:02d}次转发的报表.xlsx")
    data = tmp_path / "data"
    done = cli(data, "merge", inbox, period=2018, out=tmp_path / "out")
    code, out = done.code, done.text
    assert code == 1, out  # 59 duplicates listed
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 1
    assert stored_reports(data) == 1


def test_nothing_is_kept_in_the_database_when_the_merge_fails(tmp_path, goods, cli, monkeypatch):
    from unionclerk.exporters.summary import pdf as summary_pdf

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(summary_pdf, "write_summary_pdf", disk_full)
    data = tmp_path / "data"
    done = cli(data, "merge", *goods, period=2018, out=tmp_path / "out")
    code, out = done.code, done.text
    assert code == 2 and "无法写入汇总文件" in out
    assert stored_reports(data) == 0
    assert not any((tmp_path / "out").iterdir())


# -- item 2: an edited copy is not the original ----------------------------------------------
def _edited_copy(src: Path, dst: Path) -> Path:
    from openpyxl import load_workbook

    wb = load_workbook(src)
    ws = next(s for s in wb.worksheets if s.title.startswith("表一"))
    cell = next(
        c for row in ws.iter_rows() for c in row if isinstance(c.value, int) and c.value > 100
    )
    cell.value += 1000
    wb.save(dst)
    return dst


@pytest.mark.parametrize("edited_first", [True, False])
def test_edited_copy_is_edited_and_the_original_used_in_either_order(
    ws, tmp_path, goods, edited_first
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    original = shutil.copy(goods[0], inbox / ("b.xlsx" if edited_first else "a.xlsx"))
    edited = _edited_copy(goods[0], inbox / ("a.xlsx" if edited_first else "b.xlsx"))
    named = str(xlsx_reader.inspect_workbook(edited, ws.forms).edited_cells[0])
    plan, outcome, by_file = merge(ws, [inbox], tmp_path / "out")
    assert by_file[Path(original).name].state == lines.USED
    line = by_file[edited.name]
    assert line.state == lines.UNUSED and named in line.why and "完全相同" not in line.why
    assert [p.kind for p in plan.problems] == [sm.EDITED]


# -- item 3: the export's own time and id decide, never the file's -----------------------------
def test_a_json_beside_its_workbook_leaves_the_workbook_counted(ws, tmp_path, goods, docs):
    inbox = tmp_path / "inbox"
    hostile.write_json(inbox / "0_same.json", docs[0])
    shutil.copy(goods[0], inbox / "1_same.xlsx")
    plan, _outcome, by_file = merge(ws, [inbox], tmp_path / "out")
    unit = plan.units[0]
    assert unit.export_id and unit.status == "已完成" and unit.source.endswith("1_same.xlsx")
    assert "完全相同" in by_file["0_same.json"].why


def test_file_times_never_decide(ws, tmp_path, docs):
    inbox = tmp_path / "inbox"
    older, newer = json.loads(json.dumps(docs[0])), json.loads(json.dumps(docs[0]))
    newer["forms"]["organisation"]["members"] += 7  # the corrected figure
    first = hostile.write_workbook(inbox / "x.xlsx", older, when=hostile.WHEN)
    hostile.write_workbook(inbox / "y.xlsx", newer, when=hostile.WHEN.replace(day=28))
    os.utime(first, (time.time() + 3600, time.time() + 3600))  # the old one forwarded last
    hostile.write_json(inbox / "j1.json", older)
    hostile.write_json(inbox / "j2.json", newer)
    os.utime(inbox / "j1.json", (time.time() + 7200, time.time() + 7200))
    plan, outcome, by_file = merge(ws, [inbox], tmp_path / "out")
    assert by_file["y.xlsx"].state == lines.USED
    assert (
        outcome.totals["organisation"]["members"]["value"]
        == newer["forms"]["organisation"]["members"]
    )
    # two JSON reports (no export time) with different content, without the workbooks
    plan, outcome, by_file = merge(ws, [inbox / "j1.json", inbox / "j2.json"], tmp_path / "o2")
    assert outcome is None and not plan.winners
    assert all("无法判断" in by_file[n].why for n in ("j1.json", "j2.json"))
    assert plan.reporting[0].state == sm.TROUBLE


# -- item 4: export times from the future ----------------------------------------------------
def test_an_export_dated_after_the_merge_is_flagged_and_does_not_win(ws, tmp_path, docs):
    inbox = tmp_path / "inbox"
    future = json.loads(json.dumps(docs[0]))
    future["forms"]["organisation"]["members"] += 5
    hostile.write_workbook(
        inbox / "future.xlsx", future, when=datetime(2099, 12, 31, 9, tzinfo=hostile.CST)
    )
    hostile.write_workbook(inbox / "normal.xlsx", docs[0])
    plan, outcome, by_file = merge(ws, [inbox], tmp_path / "out")
    assert by_file["normal.xlsx"].state == lines.USED
    assert "晚于本次汇总" in by_file["future.xlsx"].why
    # the same content exported again (another id, a sane time) is no "same export"
    hostile.write_workbook(inbox / "again.xlsx", docs[0], when=hostile.WHEN.replace(day=21))
    plan, outcome, by_file = merge(
        ws, [inbox / "normal.xlsx", inbox / "again.xlsx"], tmp_path / "o1"
    )
    dropped = [line for line in by_file.values() if line.state == lines.UNUSED]
    assert len(dropped) == 1 and "另一次导出" in dropped[0].why
    # alone, it is used but listed in 问题清单 and on its line
    plan, outcome, by_file = merge(ws, [inbox / "future.xlsx"], tmp_path / "o2")
    assert by_file["future.xlsx"].state == lines.USED
    assert [p.kind for p in plan.problems] == [sm.ODD_TIME] and plan.problems[0].used
    assert sm.kind_label(sm.ODD_TIME) in by_file["future.xlsx"].why
    # the summary JSON keeps to the kinds interchange.md §3 names (a city's system reads them)
    summary = next(f for f in outcome.files if f.suffix == ".json")
    assert json.loads(summary.read_text("utf-8"))["problems"] == []


# -- item 7: a city merging one county summary ----------------------------------------------
def test_a_city_merging_one_county_summary_gets_its_units(tmp_path, docs):
    folder = tmp_path / "county-inbox"
    for i, d in enumerate(docs[:3]):
        hostile.write_json(folder / f"{i}.json", d)
    with Workspace.open(tmp_path / "county-data") as ws:
        _, out, _ = merge(ws, [folder], tmp_path / "county-out")
    with Workspace.open(tmp_path / "city-data") as ws:
        plan, city, by_file = merge(ws, [out.files[0]], tmp_path / "city-out")
    assert len(plan.winners) == 3 and city.head.made_by["division_code"] == "330700000000"
    assert city.totals["organisation"]["members"]["value"] == members(docs[:3])


# -- item 8: formula-looking text in the summary workbook --------------------------------------
def test_summary_workbook_quotes_text_that_looks_like_a_formula(ws, tmp_path, docs):
    from openpyxl import load_workbook

    doc = json.loads(json.dumps(docs[0]))
    doc["forms"]["venues"]["rows"][0]["name"] = "=1+1职工书屋"
    hostile.write_json(tmp_path / "in" / "a.json", doc)
    _, outcome, _ = merge(ws, [tmp_path / "in"], tmp_path / "out")
    wb = load_workbook(outcome.files[0])
    cells = [
        c for s in wb.worksheets for row in s.iter_rows() for c in row if c.value == "=1+1职工书屋"
    ]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


# -- item 10: the expected-units list --------------------------------------------------------
def test_expected_list_edge_cases_are_refused_by_file_and_line(tmp_path, goods):
    long_field = tmp_path / "长字段.csv"
    long_field.write_text(
        "代码,名称\n330782101000,佛堂镇\n330782102000," + "名" * 200_000 + "\n", encoding="utf-8"
    )
    many = tmp_path / "很多行.csv"
    many.write_text(
        "代码,名称\n" + "".join(f"3307{i:08d},镇{i}\n" for i in range(200_000)), encoding="utf-8"
    )
    good_list = tmp_path / "list.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["代码", "名称"])
    for i in range(50):
        wb.active.append([f"3307821{i:02d}000", f"镇{i}"])
    wb.save(good_list)
    truncated = tmp_path / "截断.xlsx"
    with zipfile.ZipFile(good_list) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml")
    hostile.rewrite(good_list, truncated, {"xl/worksheets/sheet1.xml": xml[: len(xml) // 2]})
    for path, words in (
        (long_field, ("第 3 行",)),
        (many, ("10,000", "10,001")),
        (truncated, ("已损坏",)),
    ):
        with pytest.raises(UserError) as err:
            expected_list.read_expected(path)
        assert err.value.where == path.name and all(w in err.value.message for w in words), (
            err.value.message
        )
    assert len(expected_list.read_expected(good_list)) == 50


# -- item 11: scratch folders ---------------------------------------------------------------
def test_scratch_is_in_the_data_folder_and_leftovers_are_swept(ws, tmp_path, monkeypatch):
    import tempfile

    systemp = tmp_path / "systemp"
    systemp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(systemp))
    legacy = systemp / "unionclerk-merge-abc"
    (legacy / "spill").mkdir(parents=True)
    (legacy / "spill" / "1-0.json").write_text("{}")
    old = time.time() - 2 * scratch.LEGACY_AGE
    os.utime(legacy, (old, old))
    recent = systemp / "unionclerk-merge-live"  # may be another copy's, still working
    recent.mkdir()
    killed = scratch.root(ws.data_dir) / "merge-killed"
    (killed / "spill").mkdir(parents=True)
    with county.MergeSession(ws, P2018) as session:
        assert session.scratch.parent == scratch.root(ws.data_dir)
        assert not killed.exists() and not legacy.exists() and recent.exists()
        with county.MergeSession(ws, P2018) as other:  # a live session is never swept
            assert session.scratch.exists() and other.scratch.exists()
    assert not session.scratch.exists()


# -- item 5: a summary made from drafts is a draft ------------------------------------------
def test_a_summary_of_drafts_is_marked_draft_everywhere_and_has_a_signature_block(
    ws, tmp_path, docs
):
    import subprocess

    from openpyxl import load_workbook

    inbox = tmp_path / "inbox"
    for i, d in enumerate(docs[:2]):
        hostile.write_workbook(inbox / f"{i}.xlsx", d, status="draft")
    plan, outcome, by_file = merge(ws, [inbox], tmp_path / "out")
    assert outcome.head.draft and all("草稿" in f.name for f in outcome.files)
    pdf = next(f for f in outcome.files if f.suffix == ".pdf")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert pages and all("草稿" in p for p in pages)
    assert "单位负责人" in pages[0] and "单位盖章" in pages[0] and "（草稿）" in pages[0]
    wb = load_workbook(outcome.files[0])
    visible = [s for s in wb.worksheets if s.sheet_state == "visible"]
    assert all(s.oddHeader.right.text == "草稿" for s in visible)
    summary = json.loads(outcome.files[2].read_text(encoding="utf-8"))
    assert all(u["status"] == "填报中" for u in summary["units"])
    # one final report among them: still a draft; all final: not
    hostile.write_workbook(inbox / "0.xlsx", docs[0], when=hostile.WHEN.replace(day=27))
    _, mixed, _ = merge(ws, [inbox], tmp_path / "o2")
    assert mixed.head.draft
    _, final, _ = merge(ws, [inbox / "0.xlsx"], tmp_path / "o3")
    assert not final.head.draft and not any("草稿" in f.name for f in final.files)


# -- item 6: a township's own PDF beside its workbook ----------------------------------------
def test_the_programs_pdf_beside_its_workbook_is_an_attachment_not_a_problem(
    ws, tmp_path, goods, docs
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(goods[0], inbox / "佛堂镇.xlsx")
    hostile.write_pdf(inbox / "佛堂镇.pdf", docs[0])
    plan, outcome, by_file = merge(ws, [inbox], tmp_path / "out")
    assert (
        by_file["佛堂镇.pdf"].state == lines.ATTACHED
        and "附件（供打印）" in by_file["佛堂镇.pdf"].text
    )
    assert plan.problems == [] and not lines.any_unused(list(by_file.values()), plan)
    # a PDF whose unit sent no workbook, and somebody else's PDF, are real problems
    hostile.write_pdf(inbox / "三墩镇.pdf", docs[1])
    (inbox / "扫描件.pdf").write_bytes(b"%PDF-1.4\n%scanned\n")
    plan, outcome, by_file = merge(ws, [inbox], tmp_path / "o2")
    assert by_file["佛堂镇.pdf"].state == lines.ATTACHED
    assert by_file["三墩镇.pdf"].state == lines.UNUSED and "补发" in by_file["三墩镇.pdf"].why
    assert by_file["扫描件.pdf"].state == lines.UNUSED
    assert sorted(Path(p.file).name for p in plan.problems) == ["三墩镇.pdf", "扫描件.pdf"]


# -- item 9: the work per file is bounded (benchmarks/bench_hostile.py measures the full sizes)
def test_hostile_workbooks_and_json_cost_little_and_are_named(ws, tmp_path, goods):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    hostile.inflated_machine_sheet(goods[0], inbox / "machine.xlsx", mb=30)
    hostile.huge_shared_strings(goods[0], inbox / "sst.xlsx", mb=30)
    hostile.far_column_sheet(goods[0], inbox / "xfd.xlsx", rows=100_000)
    hostile.empty_objects_json(inbox / "empty.json", mb=3)
    few = hostile.machine_member(goods[1])  # three stray rows after the payload
    with zipfile.ZipFile(goods[1]) as zf:
        xml = zf.read(few)
    end = xml.rindex(b"</sheetData>")
    stray = b'<row r="900"><c r="A900" t="inlineStr"><is><t>x</t></is></c></row>'
    hostile.rewrite(goods[1], inbox / "stray.xlsx", {few: xml[:end] + stray + xml[end:]})
    started = time.perf_counter()
    plan, outcome, by_file = merge(ws, [inbox], tmp_path / "out")
    assert time.perf_counter() - started < 30  # minutes before (each file alone: < 2 s)
    assert "远大于清单所述" in by_file["machine.xlsx"].why
    assert "sharedStrings" in by_file["sst.xlsx"].why
    assert by_file["xfd.xlsx"].state == lines.UNUSED and "封面!XFD1" in by_file["xfd.xlsx"].why
    assert "结构异常" in by_file["empty.json"].why
    assert (
        by_file["stray.xlsx"].state == lines.UNUSED
        and "_unionclerk!A900" in by_file["stray.xlsx"].why
    )
