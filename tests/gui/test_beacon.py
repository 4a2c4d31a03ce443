"""A second copy asks the first one to come to the front."""

from __future__ import annotations

from unionclerk.gui import beacon


def test_second_copy_wakes_the_first(qtbot, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    shown = []
    first = beacon.Beacon(data_dir, lambda: shown.append(True))
    try:
        assert beacon.ask_first_copy_to_show(data_dir)
        qtbot.waitUntil(lambda: shown == [True], timeout=3000)
    finally:
        first.close()


def test_no_first_copy_no_answer(qtbot, data_dir, tmp_path):
    assert not beacon.ask_first_copy_to_show(tmp_path / "无人使用的文件夹")


def test_folders_have_their_own_names(tmp_path):
    assert beacon.server_name(tmp_path / "甲") != beacon.server_name(tmp_path / "乙")
