"""`unionclerk --self-test` runs every step on a temporary folder and says so."""

from __future__ import annotations

import pytest

from unionclerk import app, paths

# the self-test's last step opens the window, so it needs Qt: not part of a core-only run
pytestmark = pytest.mark.gui


def test_self_test_passes_and_leaves_the_data_folder_alone(cli, data_dir):
    code, out, _ = cli(None, "--self-test")
    assert code == 0
    assert out.count("✓") == 7 and "自检通过" in out
    assert not data_dir.exists()  # it worked in its own temporary folder
    paths.set_data_dir(data_dir)


def test_self_test_reports_a_failing_step(capsys, monkeypatch):
    """Not through the `cli` fixture: a failing step prints its traceback, for whoever helps."""
    from unionclerk.services import demo

    def broken(ws, **kw):
        raise RuntimeError("演示数据坏了")

    monkeypatch.setattr(demo, "build_demo", broken)
    assert app.main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "✗ 生成演示报表：演示数据坏了" in out and "自检失败" in out
