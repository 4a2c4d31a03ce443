"""The review loop on the command line, across two data folders: export, receive, comment
(one by one and from a file), return, import the return, reply, re-export, receive (what
changed, the replies), inspect --diff, pass, and the summary's 报送情况."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from tests.helpers import dump
from unionclerk import paths
from unionclerk.services import review_township
from unionclerk.services.editing import EditSession
from unionclerk.services.workspace import Workspace

CODE = "330782101000"


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


def test_the_whole_loop_on_the_command_line(tmp_path: Path, cli, review) -> None:
    town, county = tmp_path / "town", tmp_path / "county"
    assert cli(town, "demo").code == 0
    assert cli(town, "export", period=2018, out=tmp_path / "v1").code == 0
    (first,) = (tmp_path / "v1").glob("*.xlsx")
    done = review(county, "receive", tmp_path / "v1")  # the folder
    assert done.code == 0 and "报送情况：已报" in done.text and done.text.count("已接收") == 1
    short = re.search(r"校验码 ([0-9A-F]{8})", done.text).group(1)
    done = review(
        county,
        "comment",
        unit=CODE,
        period=2018,
        target="organisation.members",
        text="会员人数请核实",
        by="李审",
    )
    assert done.code == 0
    batch = tmp_path / "comments.csv"
    batch.write_text(
        "target,text\nvenues.rows[1].area,面积请补填\ncadres,缺经审会主任\n", encoding="utf-8"
    )
    done = review(county, "comment", unit=CODE, period=2018, from_=batch)
    assert done.code == 0 and done.text.count("已批注") == 2
    done = cli(
        county,
        "return",
        unit=CODE,
        period=2018,
        out=tmp_path / "back",
        reason="三处需核实",
        by="李审",
    )
    assert done.code == 0
    (back,) = (tmp_path / "back").glob("*.json")

    done = cli(town, "import", back)
    assert done.code == 0 and "已重新打开（3 条意见）" in done.text and "三处需核实" in done.text
    done = cli(town, "import", back)
    assert done.code == 2 and back.name in done.text and "导入过" in done.text
    done = review(town, "list", period=2018)
    assert done.text.count("[待处理]") == 3

    _township_edits(town)
    assert cli(town, "export", period=2018, out=tmp_path / "v2").code == 0
    (second,) = (tmp_path / "v2").glob("*.xlsx")
    done = review(county, "receive", second)
    assert (
        done.code == 0 and "报送情况：已重报" in done.text and "带回 3 条对批注的回复" in done.text
    )
    assert (
        "共 2 处改动" in done.text
        and "[organisation.members]" in done.text
        and "[venues.rows[1].area]" in done.text
    )

    done = cli(county, "inspect", "--diff", first, second)
    assert done.code == 0 and f"校验码 {short}" in done.text and "共 2 处改动" in done.text
    assert done.text.count("回复：已核实") == 3
    done = cli(county, "inspect", first)
    assert f"校验码：{short}" in done.text
    done = review(county, "find", f"UNIONCLERK|{CODE}|2018|{short.lower()}")
    assert done.code == 0 and first.name in done.text and "不是最近收到的一份" in done.text

    done = review(county, "verdict", unit=CODE, period=2018, verdict="通过")
    assert done.code == 0 and "报送情况：通过" in done.text
    expected = tmp_path / "expected.csv"
    expected.write_text(f"{CODE},佛堂镇总工会\n330782102000,赤岸镇总工会\n", encoding="utf-8")
    done = cli(county, "merge", second, period=2018, out=tmp_path / "sum", expected=expected)
    assert "已报 1，未报 1" in done.text
    (summary,) = (tmp_path / "sum").glob("*_汇总*.json")  # a draft summary: …_汇总_草稿
    states = {
        e["division_code"]: e["state"]
        for e in json.loads(summary.read_text(encoding="utf-8"))["expected"]
    }
    assert states == {CODE: "通过", "330782102000": "未报"}
    (book,) = (tmp_path / "sum").glob("*.xlsx")
    sheet = load_workbook(book, read_only=True)["报送情况"]
    assert any(CODE in row and "通过" in row for row in sheet.iter_rows(values_only=True))


def test_bad_review_input_is_refused_plainly(tmp_path: Path, cli, review) -> None:
    town, county = tmp_path / "town", tmp_path / "county"
    cli(town, "demo")
    cli(town, "export", period=2018, out=tmp_path / "v1")
    (first,) = (tmp_path / "v1").glob("*.xlsx")
    review(county, "receive", first)
    done = review(
        county, "comment", unit=CODE, period=2018, target="venues.rows[99].area", text="x"
    )
    assert done.code == 2 and "没有第 100 行" in done.text
    bad = tmp_path / "bad.csv"
    bad.write_text("organisation.members,好\norganisation.nosuch,坏\n", encoding="utf-8")
    done = review(county, "comment", unit=CODE, period=2018, from_=bad)
    assert done.code == 2 and "nosuch" in done.text and "bad.csv" in done.text
    done = review(county, "list", period=2018)
    assert "批注 0 条" in done.text  # the good line of the refused file was not kept either
    done = review(county, "verdict", unit=CODE, period=2018, verdict="退回修改")
    assert done.code == 2 and "原因" in done.text
    done = review(town, "receive", first)
    assert done.code == 2 and "本单位自己的报表" in done.text
    done = cli(county, "inspect", "--diff", first)
    assert done.code == 2 and "两个文件" in done.text


def test_a_hostile_return_is_refused_with_exit_2_and_nothing_changes(
    tmp_path: Path, cli, review
) -> None:
    town, county = tmp_path / "town", tmp_path / "county"
    cli(town, "demo")
    cli(town, "export", period=2018, out=tmp_path / "v1")
    (first,) = (tmp_path / "v1").glob("*.xlsx")
    review(county, "receive", first)
    review(county, "comment", unit=CODE, period=2018, target="organisation", text="请核实")
    cli(county, "return", unit=CODE, period=2018, out=tmp_path / "back", reason="请核实")
    (back,) = (tmp_path / "back").glob("*.json")
    whole = json.loads(back.read_text(encoding="utf-8"))
    whole["payload"]["reason"] = "改过的原因"
    back.write_text(json.dumps(whole, ensure_ascii=False), encoding="utf-8")

    before = dump(town)
    done = cli(town, "import", back)
    assert done.code == 2 and back.name in done.text and "被改动过" in done.text
    assert dump(town) == before
    done = cli(town, "import", back, lang="en")
    assert done.code == 2 and "edited after it was written" in done.text
