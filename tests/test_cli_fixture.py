"""The `cli` fixture's keyword options are the command's own options (tests/conftest.py): a
test written with them runs the command a clerk would type."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import command_line


def test_keywords_become_the_options_the_clerk_types() -> None:
    words = command_line(
        ("review", "comment", Path("批注.csv")),
        {"unit": "330782101000", "period": 2018, "from_": "a.csv", "by": None},
    )
    assert words == [
        "review",
        "comment",
        "批注.csv",
        "--unit",
        "330782101000",
        "--period",
        "2018",
        "--from",
        "a.csv",
    ]


def test_true_is_a_bare_flag_and_false_leaves_it_out() -> None:
    assert command_line(("export",), {"full_ids": True, "replace": False}) == [
        "export",
        "--full-ids",
    ]


def test_the_fixture_runs_the_command_in_the_folder(cli, tmp_path: Path) -> None:
    done = cli(tmp_path / "甲", "demo")
    assert done.code == 0 and done.err == "" and done.text == done.out
    assert (tmp_path / "甲" / "unionclerk.sqlite3").is_file()  # --data-dir was passed
    done = cli(tmp_path / "甲", "check", period="20x8")
    assert done.code == 2 and done.out == "" and done.err.startswith("无法完成：")
