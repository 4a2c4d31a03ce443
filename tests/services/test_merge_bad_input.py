"""Bad input for the merge: nothing crashes, every file gets a line saying what happened to
it, and the summary is written only when the merge finishes."""

from __future__ import annotations

import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.domain.progress import Cancelled
from unionclerk.exporters.summary import model as sm
from unionclerk.formspec import load_forms
from unionclerk.services import county
from unionclerk.services.county import expected as expected_list
from unionclerk.services.county import lines, sources
from unionclerk.services.county.reading import read_found

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import countydata  # noqa: E402

P2018 = Period(2018)


@pytest.fixture
def docs() -> list[dict]:
    return countydata.township_documents(4, sizes=("small",))


def put(path: Path, doc: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def merge(ws, inputs, out, **kw):
    session, plan, outcome = county.merge_files(ws, inputs, P2018, out, workers=1, **kw)
    return (
        {r.file: r for r in session.results},
        plan,
        outcome,
        lines.file_lines(session.results, plan),
    )


def kinds(plan) -> dict[str, str]:
    return {Path(p.file.split("（")[0]).name.split("!")[-1]: p.kind for p in plan.problems}


def test_empty_photos_word_and_renamed_files(ws, tmp_path, docs):
    inbox = tmp_path / "inbox"
    put(inbox / "ok.json", docs[0])
    (inbox / "空.xlsx").write_bytes(b"")
    (inbox / "照片").mkdir()
    (inbox / "照片" / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 50)
    (inbox / "照片" / "b.png").write_bytes(b"\x89PNG\r\n" + b"0" * 50)
    (inbox / "照片" / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"0" * 50)
    (inbox / "照片" / "说明.txt").write_text("请查收", encoding="utf-8")
    (inbox / "假的.xlsx").write_text("not a workbook", encoding="utf-8")
    with zipfile.ZipFile(inbox / "半截.xlsx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr("xl/workbook.xml", "<x/>")
    (inbox / "半截.xlsx").write_bytes((inbox / "半截.xlsx").read_bytes()[:-30])
    results, plan, outcome, said = merge(ws, [inbox], tmp_path / "out")
    assert len(said) == 8 and {line.file for line in said} == set(results)
    got = kinds(plan)
    assert got["空.xlsx"] == "unreadable"
    assert got["a.jpg"] == got["b.png"] == got["c.doc"] == got["说明.txt"] == "not_a_report"
    assert got["假的.xlsx"] == "not_a_report"
    assert got["半截.xlsx"] in ("unreadable", "corrupt")
    assert [u.division_code for u in outcome.head.units] == ["330782101000"]


class GbkName(zipfile.ZipInfo):
    """A member name in GBK without the UTF-8 flag, as Chinese Windows writes it."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's name
        return self.filename.encode("gbk"), self.flag_bits


def test_zip_inside_zip_with_gbk_names_and_same_names(ws, tmp_path, docs):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("报表.json", json.dumps(docs[1], ensure_ascii=False))
        zf.writestr("readme.txt", "x")
    outer = tmp_path / "inbox" / "打包.zip"
    outer.parent.mkdir()
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr(GbkName("内层.zip"), inner.getvalue())
        zf.writestr("甲/报表.json", json.dumps(docs[2], ensure_ascii=False))
    put(tmp_path / "inbox" / "乙" / "报表.json", docs[3])  # same name, another township
    results, plan, outcome, said = merge(ws, [tmp_path / "inbox"], tmp_path / "out")
    assert "inbox/打包.zip!内层.zip!报表.json" in results
    used = sorted(u.division_code for u in outcome.head.units)
    assert used == sorted(d["forms"]["cover"]["division_code"] for d in docs[1:])
    assert kinds(plan) == {"readme.txt": "not_a_report"}
    assert [line.state for line in said].count(lines.EXPANDED) == 2


def test_zip_bomb_is_not_inflated(ws, tmp_path, docs, monkeypatch):
    monkeypatch.setattr(sources, "MAX_MEMBER", 1000)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.json", "0" * 5000)
        zf.writestr("ok.json", json.dumps(docs[0], ensure_ascii=False)[:900])
    found = list(sources.expand([bomb], tmp_path / "scratch"))
    big = next(f for f in found if f.label.endswith("big.json"))
    assert "过大" in big.problem and not (tmp_path / "scratch" / "z1" / "big.json").exists()


def test_forged_copy_same_export_id_different_content(ws, tmp_path, docs):
    from unionclerk.services import exporting, importing

    put(tmp_path / "t.json", docs[0])
    report = importing.import_file(ws, tmp_path / "t.json").report
    a = exporting.export_report(
        ws,
        report,
        _dir(tmp_path / "a"),
        ["xlsx"],
        new_id=lambda: "11111111-2222-4333-8444-555555555555",
    )
    docs[0]["forms"]["organisation"]["members"] += 7
    put(tmp_path / "t.json", docs[0])
    report = importing.import_file(ws, tmp_path / "t.json", replace=True).report
    b = exporting.export_report(
        ws,
        report,
        _dir(tmp_path / "b"),
        ["xlsx"],
        new_id=lambda: "11111111-2222-4333-8444-555555555555",
    )
    put(tmp_path / "in" / "other.json", docs[1])
    inputs = [a.files[0], b.files[0], tmp_path / "in"]
    _, plan, outcome, _ = merge(
        ws,
        inputs,
        tmp_path / "out",
        options=county.Options(expected=[("330782101000", "佛堂镇总工会")]),
    )
    forged = [p for p in plan.problems if p.kind == sm.FORGED]
    assert len(forged) == 2 and not any(p.used for p in forged)
    assert "330782101000" not in [u.division_code for u in outcome.head.units]
    assert plan.expected[0].state == sm.TROUBLE
    assert [p.kind for p in plan.problems if p.code == "330782102000"] == [sm.UNKNOWN_UNIT]


def _dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_newer_format_and_wrong_period_and_bad_values(ws, tmp_path, docs):
    newer = dict(docs[0], format_version=2)
    newer_form = dict(docs[1], form_versions={"organisation": 99})
    old = dict(docs[2], period={"year": 2017, "part": "year"})
    bad = json.loads(json.dumps(docs[3]))
    bad["forms"]["organisation"]["members"] = -5
    summary_2019 = {
        "format": "unionclerk.summary",
        "format_version": 1,
        "period": {"year": 2019, "part": "year"},
        "reports": [],
        "units": [],
    }
    for name, doc in (
        ("n.json", newer),
        ("nf.json", newer_form),
        ("old.json", old),
        ("bad.json", bad),
        ("s.json", summary_2019),
    ):
        put(tmp_path / "in" / name, doc)
    _, plan, outcome, said = merge(ws, [tmp_path / "in"], tmp_path / "out")
    assert outcome is None  # nothing usable: no summary written
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert kinds(plan) == {
        "n.json": "newer_format",
        "nf.json": "newer_format",
        "old.json": "wrong_period",
        "bad.json": "unreadable",
        "s.json": "wrong_period",
    }
    assert "会员人数" in next(p.detail for p in plan.problems if p.kind == "unreadable")
    assert len(said) == 5


def test_older_form_version_is_mapped_and_unmapped_keys_listed(tmp_path, docs):
    folder = tmp_path / "forms"
    shutil.copytree(Path(__file__).resolve().parents[2] / "forms", folder)
    yaml_file = folder / "organisation.yaml"
    text = yaml_file.read_text(encoding="utf-8").replace("version: 1", "version: 2", 1)
    yaml_file.write_text(
        text + "\nrenamed:\n  member_count: members\ndeleted:\n  - party_units\n", encoding="utf-8"
    )
    forms = load_forms(folder)
    doc = json.loads(json.dumps(docs[0]))
    org = doc["forms"]["organisation"]
    org["member_count"] = org.pop("members")
    org["party_units"] = 12
    doc["form_versions"] = {"organisation": 1}
    file = put(tmp_path / "old-version.json", doc)
    (tmp_path / "spill").mkdir()
    result = read_found(
        sources.Found("old-version.json", file, ""), P2018, str(tmp_path / "spill"), 1, forms
    )
    cand = result.candidates[0]
    assert cand.dropped == ["organisation.party_units"]
    mapped = json.loads(Path(cand.spill).read_bytes())
    assert mapped["forms"]["organisation"]["members"] == docs[0]["forms"]["organisation"]["members"]
    from unionclerk.services.county.decide import decide

    plan = decide([cand], [], expected=None)
    assert [(p.kind, p.used) for p in plan.problems] == [(sm.UNMAPPED_FIELD, True)]


def test_choices_edited_files_and_decisions(ws, tmp_path, docs):
    from unionclerk.services.county.decide import decide
    from unionclerk.services.county.results import Candidate

    def cand(ident, at, integrity="intact", export_id=""):
        return Candidate(
            ident,
            ident,
            "330782101000",
            "佛堂镇总工会",
            P2018,
            "",
            ident,
            export_id=export_id or ident,
            exported_at=at,
            integrity=integrity,
            edited_detail="改动" if integrity == "edited" else "",
        )

    old, new = cand("old", "2018-12-01T10:00:00+08:00"), cand("new", "2018-12-05T10:00:00+08:00")
    edited = cand("edited", "2018-12-09T10:00:00+08:00", "edited")
    plan = decide([old, new, edited], [], expected=None)
    assert [w.ident for w in plan.winners] == ["new"]
    assert sorted((p.file, p.kind) for p in plan.problems) == [
        ("edited", "edited"),
        ("old", "duplicate"),
    ]
    plan = decide([old, new, edited], [], expected=None, use_edited=True)
    assert [w.ident for w in plan.winners] == ["edited"]
    assert plan.reporting[0].state == sm.TROUBLE
    plan = decide([old, new, edited], [], expected=None, decisions={"330782101000": "old"})
    assert [w.ident for w in plan.winners] == ["old"]
    assert plan.fates["old"] == (True, "已计入汇总（用户选择）")
    plan = decide(
        [old, new],
        [],
        expected=[("330782101000", "佛堂")],
        decisions={"330782101000": county.EXCLUDE},
    )
    assert plan.winners == [] and plan.expected[0].state == sm.TROUBLE


def test_expected_list_from_xlsx_and_bad_rows(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["2018年应报单位"])
    ws.append(["序号", "单位名称", "行政区划代码"])
    ws.append([1, "佛堂镇总工会", 330782101000])  # Excel made the code a number
    ws.append([2, "赤岸镇总工会", "330782102000"])
    ws.append([None, "合计 2 个", None])
    wb.save(tmp_path / "list.xlsx")
    assert expected_list.read_expected(tmp_path / "list.xlsx") == [
        ("330782101000", "佛堂镇总工会"),
        ("330782102000", "赤岸镇总工会"),
    ]
    ws.append([3, "坏的", "3307821030"])
    wb.save(tmp_path / "list.xlsx")
    with pytest.raises(UserError, match="第 6 行"):
        expected_list.read_expected(tmp_path / "list.xlsx")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(UserError):
        expected_list.read_expected(tmp_path / "x.pdf")


def test_cancel_leaves_nothing_behind(ws, tmp_path, docs):
    for i, doc in enumerate(docs):
        put(tmp_path / "in" / f"{i}.json", doc)
    out = tmp_path / "out"
    with county.MergeSession(ws, P2018, workers=1) as session:
        session.add([tmp_path / "in"])
        options = county.Options()
        plan = session.plan(options)
        calls = iter(range(100))
        with pytest.raises(Cancelled):
            session.write(out, plan, options, cancelled=lambda: next(calls) >= 2)
    assert not out.exists() or list(out.iterdir()) == []


def test_command_line_bad_usage_and_kept_list(tmp_path, docs, cli):
    data, out = tmp_path / "county", tmp_path / "o"
    assert cli(data, "merge", tmp_path / "nope", period=2018, out=out).code == 2
    assert cli(data, "merge", tmp_path, period="20x8", out=out).code == 2
    put(tmp_path / "in" / "a.json", docs[0])
    (tmp_path / "list.csv").write_text(
        "330782101000,佛堂镇总工会\n330782199000,某镇\n", encoding="utf-8"
    )
    merge = ("merge", tmp_path / "in")
    assert cli(data, *merge, period=2018, out=out, expected=tmp_path / "list.csv").code == 0
    code, printed, _ = cli(data, *merge, period=2018, out=out)
    assert code == 0  # the list was kept
    assert "应报单位名单（2 个单位）" in printed and "未报：330782199000 某镇" in printed


def test_workbook_without_machine_data_and_newer_machine_data(ws, tmp_path, docs):
    from openpyxl import Workbook

    from unionclerk.services import exporting, importing

    plain = Workbook()
    plain.active.append(["行政区划代码", "单位名称"])
    plain.save(tmp_path / "自制名单.xlsx")
    put(tmp_path / "t.json", docs[0])
    report = importing.import_file(ws, tmp_path / "t.json").report
    made = exporting.export_report(ws, report, _dir(tmp_path / "x"), ["xlsx"]).files[0]
    newer = tmp_path / "newer.xlsx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.infolist():  # the manifest says a later program wrote it
            dst.writestr(
                item, src.read(item).replace(b'"format_version": 1', b'"format_version": 9')
            )
    _, plan, outcome, said = merge(ws, [tmp_path / "自制名单.xlsx", newer, made], tmp_path / "out")
    got = {Path(p.file).name: p.kind for p in plan.problems}
    assert got["自制名单.xlsx"] == "not_a_report"
    assert got["newer.xlsx"] == "newer_format"
    assert [u.division_code for u in outcome.head.units] == ["330782101000"]
    assert len(said) == 3
