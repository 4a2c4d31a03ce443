"""The review loop on the command line, across two data folders: export, receive, comment
(one by one and from a file), return, import the return, reply, re-export, receive (what
changed, the replies), inspect --diff, pass, and the summary's 报送情况."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from unionclerk import paths
from unionclerk.app import main
from unionclerk.services import review_township
from unionclerk.services.editing import EditSession
from unionclerk.services.workspace import Workspace

CODE = "330782101000"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main([*args, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def _township_edits(folder: Path) -> None:
    """The clerk changes two values and answers every comment (as in the window)."""
    from unionclerk.domain.period import Period

    with Workspace.open(folder) as ws:
        report = ws.find_report(Period(2018))
        session = EditSession(ws, report)
        session.set_value("organisation", "members", 24000)
        session.set_value(
            "venues", "area", Decimal("1200.5"), row=session.data.rows["venues"][1].uuid
        )
        for c in review_township.comments(ws, report):
            review_township.reply(ws, c.uid, f"已核实：{c.target}")
    paths.set_data_dir(None)


def test_the_whole_loop_on_the_command_line(tmp_path: Path, capsys) -> None:
    town, county = tmp_path / "town", tmp_path / "county"
    assert run(capsys, town, "demo")[0] == 0
    assert run(capsys, town, "export", "--period", "2018", "--out", str(tmp_path / "v1"))[0] == 0
    (first,) = (tmp_path / "v1").glob("*.xlsx")
    code, out = run(capsys, county, "review", "receive", str(tmp_path / "v1"))  # the folder
    assert code == 0 and "报送情况：已报" in out and out.count("已接收") == 1
    short = re.search(r"校验码 ([0-9A-F]{8})", out).group(1)
    assert (
        run(
            capsys,
            county,
            "review",
            "comment",
            "--unit",
            CODE,
            "--period",
            "2018",
            "--target",
            "organisation.members",
            "--text",
            "会员人数请核实",
            "--by",
            "李审",
        )[0]
        == 0
    )
    batch = tmp_path / "comments.csv"
    batch.write_text(
        "target,text\nvenues.rows[1].area,面积请补填\ncadres,缺经审会主任\n", encoding="utf-8"
    )
    code, out = run(
        capsys,
        county,
        "review",
        "comment",
        "--unit",
        CODE,
        "--period",
        "2018",
        "--from",
        str(batch),
    )
    assert code == 0 and out.count("已批注") == 2
    code, out = run(
        capsys,
        county,
        "return",
        "--unit",
        CODE,
        "--period",
        "2018",
        "--out",
        str(tmp_path / "back"),
        "--reason",
        "三处需核实",
        "--by",
        "李审",
    )
    assert code == 0
    (back,) = (tmp_path / "back").glob("*.json")

    code, out = run(capsys, town, "import", str(back))
    assert code == 0 and "已重新打开（3 条意见）" in out and "三处需核实" in out
    code, out = run(capsys, town, "import", str(back))
    assert code == 2 and back.name in out and "导入过" in out
    code, out = run(capsys, town, "review", "list", "--period", "2018")
    assert out.count("[待处理]") == 3

    _township_edits(town)
    assert run(capsys, town, "export", "--period", "2018", "--out", str(tmp_path / "v2"))[0] == 0
    (second,) = (tmp_path / "v2").glob("*.xlsx")
    code, out = run(capsys, county, "review", "receive", str(second))
    assert code == 0 and "报送情况：已重报" in out and "带回 3 条对批注的回复" in out
    assert (
        "共 2 处改动" in out and "[organisation.members]" in out and "[venues.rows[1].area]" in out
    )

    code, out = run(capsys, county, "inspect", "--diff", str(first), str(second))
    assert code == 0 and f"校验码 {short}" in out and "共 2 处改动" in out
    assert out.count("回复：已核实") == 3
    code, out = run(capsys, county, "inspect", str(first))
    assert f"校验码：{short}" in out
    code, out = run(capsys, county, "review", "find", f"UNIONCLERK|{CODE}|2018|{short.lower()}")
    assert code == 0 and first.name in out and "不是最近收到的一份" in out

    code, out = run(
        capsys, county, "review", "verdict", "--unit", CODE, "--period", "2018", "--verdict", "通过"
    )
    assert code == 0 and "报送情况：通过" in out
    expected = tmp_path / "expected.csv"
    expected.write_text(f"{CODE},佛堂镇总工会\n330782102000,赤岸镇总工会\n", encoding="utf-8")
    code, out = run(
        capsys,
        county,
        "merge",
        str(second),
        "--period",
        "2018",
        "--out",
        str(tmp_path / "sum"),
        "--expected",
        str(expected),
    )
    assert "已报 1，未报 1" in out
    (summary,) = (tmp_path / "sum").glob("*_汇总*.json")  # a draft summary: …_汇总_草稿
    states = {
        e["division_code"]: e["state"]
        for e in json.loads(summary.read_text(encoding="utf-8"))["expected"]
    }
    assert states == {CODE: "通过", "330782102000": "未报"}
    (book,) = (tmp_path / "sum").glob("*.xlsx")
    sheet = load_workbook(book, read_only=True)["报送情况"]
    assert any(CODE in row and "通过" in row for row in sheet.iter_rows(values_only=True))


def test_bad_review_input_is_refused_plainly(tmp_path: Path, capsys) -> None:
    town, county = tmp_path / "town", tmp_path / "county"
    run(capsys, town, "demo")
    run(capsys, town, "export", "--period", "2018", "--out", str(tmp_path / "v1"))
    (first,) = (tmp_path / "v1").glob("*.xlsx")
    run(capsys, county, "review", "receive", str(first))
    code, out = run(
        capsys,
        county,
        "review",
        "comment",
        "--unit",
        CODE,
        "--period",
        "2018",
        "--target",
        "venues.rows[99].area",
        "--text",
        "x",
    )
    assert code == 2 and "没有第 100 行" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("organisation.members,好\norganisation.nosuch,坏\n", encoding="utf-8")
    code, out = run(
        capsys, county, "review", "comment", "--unit", CODE, "--period", "2018", "--from", str(bad)
    )
    assert code == 2 and "nosuch" in out and "bad.csv" in out
    code, out = run(capsys, county, "review", "list", "--period", "2018")
    assert "批注 0 条" in out  # the good line of the refused file was not kept either
    code, out = run(
        capsys,
        county,
        "review",
        "verdict",
        "--unit",
        CODE,
        "--period",
        "2018",
        "--verdict",
        "退回修改",
    )
    assert code == 2 and "原因" in out
    code, out = run(capsys, town, "review", "receive", str(first))
    assert code == 2 and "本单位自己的报表" in out
    code, out = run(capsys, county, "inspect", "--diff", str(first))
    assert code == 2 and "两个文件" in out


def test_a_hostile_return_is_refused_with_exit_2_and_nothing_changes(
    tmp_path: Path, capsys
) -> None:
    import sqlite3
    from contextlib import closing

    town, county = tmp_path / "town", tmp_path / "county"
    run(capsys, town, "demo")
    run(capsys, town, "export", "--period", "2018", "--out", str(tmp_path / "v1"))
    (first,) = (tmp_path / "v1").glob("*.xlsx")
    run(capsys, county, "review", "receive", str(first))
    run(
        capsys,
        county,
        "review",
        "comment",
        "--unit",
        CODE,
        "--period",
        "2018",
        "--target",
        "organisation",
        "--text",
        "请核实",
    )
    run(
        capsys,
        county,
        "return",
        "--unit",
        CODE,
        "--period",
        "2018",
        "--out",
        str(tmp_path / "back"),
        "--reason",
        "请核实",
    )
    (back,) = (tmp_path / "back").glob("*.json")
    whole = json.loads(back.read_text(encoding="utf-8"))
    whole["payload"]["reason"] = "改过的原因"
    back.write_text(json.dumps(whole, ensure_ascii=False), encoding="utf-8")

    def dump() -> list[str]:
        with closing(sqlite3.connect(town / "unionclerk.sqlite3")) as conn:
            return list(conn.iterdump())

    before = dump()
    code, out = run(capsys, town, "import", str(back))
    assert code == 2 and back.name in out and "被改动过" in out
    assert dump() == before
    code, out = run(capsys, town, "import", str(back), "--lang", "en")
    assert code == 2 and "edited after it was written" in out
