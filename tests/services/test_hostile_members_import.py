"""Issue 13 item 3, at `import` and `inspect` (the merge has its own test in
test_merge_robust.py): a workbook with an encrypted member or a member compressed with
Deflate64 — which Python's zipfile cannot read — gets a plain message naming the file and the
fault, exit 2, never the generic error or a traceback, and nothing is stored."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import stored_reports

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import hostile  # noqa: E402

MAKERS = {
    "flagged.xlsx": (hostile.member_flagged, "被加密（设置了密码），无法读取"),
    "deflate64.xlsx": (hostile.member_deflate64, "使用了不支持的压缩方式（编号 9）"),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    return hostile.write_workbook(folder / "good.xlsx", hostile.documents(1)[0])


@pytest.mark.parametrize("name", list(MAKERS))
@pytest.mark.parametrize("command", ["import", "inspect"])
def test_a_workbook_zipfile_cannot_read_is_named(
    good, tmp_path, cli, data_dir, name, command
) -> None:
    make, word = MAKERS[name]
    file = make(good, tmp_path / name)
    code, out, err = cli(data_dir, command, file)
    both = out + err
    assert code == 2, both
    assert "意外错误" not in both  # and no traceback (the cli fixture)
    assert word in both, both  # the fault in plain words (not 工作簿已损坏（RuntimeError）)
    assert name in both
    assert stored_reports(data_dir) == 0
