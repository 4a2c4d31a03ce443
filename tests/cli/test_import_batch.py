"""`unionclerk import a b …` imports every file or none: exit 2 means nothing written
(README), so a refused file anywhere in the list leaves the data folder exactly as it was."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from unionclerk.services import demo


def reports_in(data_dir: Path) -> list[tuple]:
    db = data_dir / "unionclerk.sqlite3"
    if not db.exists():
        return []
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(
            "SELECT unit_id, period_id, status, updated_at FROM reports ORDER BY id"
        ).fetchall()


def unit_file(folder: Path, name: str, code: str, union: str) -> Path:
    doc = demo.document()
    doc["forms"]["cover"]["division_code"] = code
    doc["forms"]["cover"]["union_name"] = union
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    bad = tmp_path / "b.json"
    bad.write_text('{"format": "unionclerk.report", "format_version": 1, "forms": [', "utf-8")
    return {
        "a": unit_file(tmp_path, "a.json", "330782101000", "佛堂镇总工会"),
        "c": unit_file(tmp_path, "c.json", "330782102000", "上溪镇总工会"),
        "a2": unit_file(tmp_path, "a2.json", "330782101000", "佛堂镇总工会"),
        "bad": bad,
    }


def test_a_refused_file_means_nothing_is_imported(cli, data_dir, files) -> None:
    code, out, err = cli(data_dir, "import", str(files["a"]), str(files["bad"]))
    assert code == 2
    assert "b.json" in err and "所有文件都没有导入" in err
    assert "已导入" not in out
    assert reports_in(data_dir) == []


def test_a_refused_file_leaves_an_existing_folder_unchanged(cli, data_dir, files) -> None:
    assert cli(data_dir, "import", str(files["a"])).code == 0
    before = reports_in(data_dir)
    code, _out, err = cli(
        data_dir, "import", "--replace", str(files["c"]), str(files["a"]), str(files["bad"])
    )
    assert code == 2 and "b.json" in err
    assert reports_in(data_dir) == before  # neither c added nor a replaced


def test_every_refusal_is_named_not_only_the_first(cli, data_dir, files) -> None:
    assert cli(data_dir, "import", str(files["a"])).code == 0
    code, _out, err = cli(data_dir, "import", str(files["a"]), str(files["bad"]))
    assert code == 2
    assert "已经存在" in err and "b.json" in err


def test_the_same_report_twice_in_one_import_is_refused(cli, data_dir, files) -> None:
    code, _out, err = cli(data_dir, "import", str(files["a"]), str(files["a2"]))
    assert code == 2 and "a.json" in err and "同一报告期" in err
    assert reports_in(data_dir) == []


def test_good_files_are_all_imported(cli, data_dir, files) -> None:
    code, out, _err = cli(data_dir, "import", str(files["a"]), str(files["c"]))
    assert code == 0
    assert out.count("已导入") == 2
    assert len(reports_in(data_dir)) == 2
