"""The command line (interchange.md §4): exit codes 0 / 1 / 2, messages, options anywhere.

Commands run in-process through the `cli` fixture (tests/conftest.py); one test runs the
installed console script for real. Every call passes `--data-dir`, so nothing touches the
user's own folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import dump
from unionclerk import paths
from unionclerk.app import main
from unionclerk.services.demo import DIVISION_CODE

EXPORT_NAME = f"{DIVISION_CODE}_佛堂镇总工会_2018年度_工会工作报表_草稿.json"  # the demo is a draft


def demo_export(cli, data_dir: Path, out: Path) -> Path:
    assert cli(data_dir, "demo").code == 0
    assert cli(data_dir, "export", period=2018, out=out, format="json").code == 0
    return out / EXPORT_NAME


# -- demo ------------------------------------------------------------------------------------
def test_demo_then_again_refused_unless_replace(cli, data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "demo")
    assert code == 0
    assert "已生成演示报表：佛堂镇总工会 2018年度（0 个错误，2 个警告）" in out
    before = dump(data_dir)

    code, out, err = cli(data_dir, "demo")
    assert code == 2
    assert "无法完成" in err and "已有佛堂镇总工会 2018年度 的报表" in err and "--replace" in err
    assert dump(data_dir) == before

    code, out, _ = cli(data_dir, "demo", "--replace")
    assert code == 0 and "已生成演示报表" in out


def test_demo_check_prints_real_chinese_warnings(cli, data_dir: Path) -> None:
    cli(data_dir, "demo")
    code, out, err = cli(data_dir, "check", "--period", "2018")
    assert code == 0, err
    assert "佛堂镇总工会 2018年度 检查结果" in out
    lines = out.splitlines()
    venues = lines.index("表三 阵地建设情况")
    assert lines[venues + 1].startswith("  [警告] 第 2 行 ")
    assert "面积" in lines[venues + 1]  # the field the warning is about
    services = lines.index("表四 服务职工情况")
    assert lines[services + 1].startswith("  [警告] 第 8 行 ") and "场次" in lines[services + 1]
    assert "共 0 个错误，2 个警告。" in out
    assert "[错误]" not in out


# -- check -----------------------------------------------------------------------------------
def test_check_exits_1_when_errors_exist(cli, data_dir: Path, tmp_path: Path) -> None:
    file = demo_export(cli, data_dir, tmp_path / "out")
    doc = json.loads(file.read_text(encoding="utf-8"))
    doc["period"] = {"year": 2019, "part": "year"}
    doc["forms"]["cover"]["report_date"] = "2018-12-20"  # before the 2019 period: an error
    del doc["forms"]["cadres"]["rows"][3]["name"]  # a required field missing: an error
    bad = tmp_path / "2019.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert cli(data_dir, "import", str(bad)).code == 0

    code, out, _ = cli(data_dir, "check", "--period", "2019")
    assert code == 1
    assert "[错误] 报出日期(2018年12月20日)早于报告期开始日期" in out
    assert "[错误] 第 4 行 “姓名”必须填写" in out
    assert "共 2 个错误，" in out
    assert cli(data_dir, "check", "--period", "2018").code == 0  # the other one is fine


@pytest.mark.parametrize("period", ["20x8", "2018q3", "1800", ""])
def test_check_refuses_a_bad_period(cli, data_dir: Path, period: str) -> None:
    cli(data_dir, "demo")
    code, out, err = cli(data_dir, "check", "--period", period)
    assert code == 2 and out == ""
    assert err.startswith("无法完成：")
    assert "报告期" in err or "报告年份" in err


def test_check_refuses_a_period_with_no_report(cli, data_dir: Path) -> None:
    code, _, err = cli(data_dir, "check", "--period", "2018")
    assert code == 2 and "还没有任何报表" in err  # empty folder
    cli(data_dir, "demo")
    code, _, err = cli(data_dir, "check", "--period", "2019")
    assert code == 2 and "佛堂镇总工会没有 2019年度 的报表" in err
    code, _, err = cli(data_dir, "check", "--period", "2018", "--unit", "330782102000")
    assert code == 2 and "330782102000" in err


# -- import ----------------------------------------------------------------------------------
def test_import_into_empty_folder_then_existing_needs_replace(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    file = demo_export(cli, tmp_path / "source", tmp_path / "out")
    code, out, _ = cli(data_dir, "import", str(file))
    assert code == 0
    assert f"已导入：{file} → 佛堂镇总工会 2018年度（0 个错误，2 个警告）" in out
    before = dump(data_dir)

    code, out, err = cli(data_dir, "import", str(file))
    assert code == 2 and out == ""
    assert "未导入" in err and file.name in err and "已经存在" in err and "--replace" in err
    assert dump(data_dir) == before

    code, out, _ = cli(data_dir, "import", str(file), "--replace")
    assert code == 0 and out.startswith("已覆盖：")
    assert list((data_dir / "backups").iterdir())  # backed up before overwriting


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "unionclerk.report", "format_versi', "不是有效的 JSON 文件"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe garbage", "图片文件，不是报表"),
        (b"[]", "这不是工会报表文件"),
    ],
    ids=["truncated", "binary", "not-a-report"],
)
def test_import_refuses_a_bad_file_and_changes_nothing(
    cli, data_dir: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    cli(data_dir, "demo")
    before = dump(data_dir)
    bad = tmp_path / "坏文件.json"
    bad.write_bytes(content)
    code, out, err = cli(data_dir, "import", str(bad))
    assert code == 2 and out == ""
    assert "未导入" in err and "坏文件.json" in err and message in err
    assert dump(data_dir) == before


def test_import_refuses_a_value_naming_form_field_and_row(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    file = demo_export(cli, data_dir, tmp_path / "out")
    doc = json.loads(file.read_text(encoding="utf-8"))
    doc["forms"]["cadres"]["rows"][5]["gender"] = "未知"
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = dump(data_dir)
    code, _, err = cli(data_dir, "import", str(file), "--replace")
    assert code == 2
    assert "cadres.rows[5].gender" in err and "“性别”" in err and "未知" in err
    assert dump(data_dir) == before
    assert not (data_dir / "backups").exists() or not list((data_dir / "backups").iterdir())


def test_import_missing_file(cli, data_dir: Path, tmp_path: Path) -> None:
    code, _, err = cli(data_dir, "import", str(tmp_path / "没有这个.json"))
    assert code == 2 and "没有这个.json" in err and "找不到文件" in err


# -- export ----------------------------------------------------------------------------------
def test_export_json_writes_the_file(cli, data_dir: Path, tmp_path: Path) -> None:
    cli(data_dir, "demo")
    out_dir = tmp_path / "导出 文件夹"
    code, out, _ = cli(data_dir, "export", period=2018, out=out_dir, format="JSON")
    assert code == 0
    target = out_dir / EXPORT_NAME
    assert out.strip() == f"已导出：{target}"
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "unionclerk.report" and doc["period"] == {"year": 2018, "part": "year"}
    assert [p.name for p in out_dir.iterdir()] == [EXPORT_NAME]  # no temporary file left


@pytest.mark.parametrize("fmt", ["docx", "json,docx", ","])
def test_export_refuses_an_unknown_format(cli, data_dir: Path, tmp_path: Path, fmt: str) -> None:
    cli(data_dir, "demo")
    out_dir = tmp_path / "out"
    code, out, err = cli(data_dir, "export", period=2018, out=out_dir, format=fmt)
    assert code == 2 and out == ""
    assert "不支持的导出格式" in err
    assert not out_dir.exists()


def test_export_refuses_a_missing_report(cli, data_dir: Path, tmp_path: Path) -> None:
    cli(data_dir, "demo")
    code, _, err = cli(data_dir, "export", "--period", "2017", "--out", str(tmp_path))
    assert code == 2 and "没有 2017年度 的报表" in err
    assert not list(tmp_path.glob("*.json"))


# -- usage -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["bogus"],
        ["check"],
        ["export", "--period", "2018"],
        ["import"],
        ["demo", "--no-such-option"],
        ["check", "--period"],
    ],
    ids=["unknown-command", "no-period", "no-out", "no-file", "unknown-option", "no-value"],
)
def test_usage_errors_exit_2_in_chinese(capsys, data_dir: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert exc.value.code == 2
    assert "用法错误：" in err and "usage: unionclerk" in err
    assert "Traceback" not in out + err


def test_data_dir_before_or_after_the_command(capsys, tmp_path: Path) -> None:
    first, second = tmp_path / "甲", tmp_path / "乙"
    capsys.readouterr()
    assert main(["--data-dir", str(first), "demo"]) == 0
    assert (first / "unionclerk.sqlite3").is_file()
    assert main(["check", "--period", "2018", "--data-dir", str(first)]) == 0
    assert main(["--data-dir", str(first), "check", "--period", "2018"]) == 0
    # the other folder is really another folder, whichever side the option is on
    assert main(["check", "--period", "2018", "--data-dir", str(second)]) == 2
    assert main(["--data-dir", str(second), "check", "--period", "2018"]) == 2
    assert "还没有任何报表" in capsys.readouterr().err
    assert paths.data_dir() == second.resolve()


def test_lang_en_gives_english_refusals(cli, data_dir: Path) -> None:
    catalogue = paths.resources_dir() / "i18n" / "en.json"
    if not catalogue.exists():
        pytest.skip("resources/i18n/en.json not written yet")
    english = json.loads(catalogue.read_text(encoding="utf-8"))
    prefix = english["无法完成：{message}"].split("{message}")[0]
    assert prefix.strip() and prefix.isascii()
    for argv in (
        ["--lang", "en", "check", "--period", "20x8"],
        ["check", "--period", "20x8", "--lang", "en"],
    ):
        code, _, err = cli(data_dir, *argv)
        assert code == 2
        assert err.startswith(prefix) and "无法完成" not in err
        assert any(word in err for word in ("Cannot", "cannot", "Could not", "Unable", "Not"))


# -- the installed console script ------------------------------------------------------------
def test_console_script_runs_and_refuses_without_traceback(tmp_path: Path) -> None:
    exe = shutil.which("unionclerk")
    assert exe, "the unionclerk console script is not installed"
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    done = subprocess.run(
        [exe, "demo", "--data-dir", str(data)], capture_output=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "已生成演示报表" in done.stdout.decode("utf-8")

    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(bytes(range(255, -1, -1)) * 16)
    done = subprocess.run(
        [exe, "--data-dir", str(data), "import", str(garbage)],
        capture_output=True,
        env=env,
        timeout=120,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2
    assert "garbage.json" in err and "未导入" in err and "Traceback" not in err


def test_no_console_never_crashes(monkeypatch, data_dir):
    """A windowed (frozen) program on Windows has no sys.stdout / sys.stderr."""
    import sys

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "check", "--period", "20x8"]) == 2


def test_writing_commands_wait_for_the_window_to_close(cli, data_dir):
    """The window holds the data folder's lock: `import` and friends refuse, reading works."""
    from unionclerk.gui.lock import FolderLock

    assert cli(data_dir, "demo").code == 0
    window = FolderLock(data_dir)
    assert window.acquire()
    try:
        code, _, err = cli(data_dir, "demo", replace=True)
        assert code == 2
        assert "正被工会报表助手的窗口使用" in err
        assert cli(data_dir, "check", period=2018).code == 0
    finally:
        window.release()
    assert cli(data_dir, "demo", replace=True).code == 0
