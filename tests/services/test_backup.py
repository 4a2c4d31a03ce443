"""Backups: consistent copies, rotation, restore with checks first."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError, UserError
from unionclerk.services import backup, demo, reports
from unionclerk.services.editing import EditSession


def members(ws) -> int:
    report = reports.list_reports(ws)[0]
    return reports.load(ws, report).single["organisation"]["members"]


def test_backup_is_a_sound_copy(ws, tmp_path):
    demo.build_demo(ws)
    (tmp_path / "工会 备份").mkdir()
    target = backup.make_backup(ws, target=tmp_path / "工会 备份" / "b.sqlite3")
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM roster_rows").fetchone()[0] > 20


def test_rotation_keeps_ten_newest_and_one_per_month(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    names = [
        f"auto-start-2018{m:02d}{d:02d}-120000.sqlite3" for m in (1, 2, 3) for d in range(1, 9)
    ]
    for n in names:
        (folder / n).write_bytes(b"x")
    (folder / "manual-20180101-000000.sqlite3").write_bytes(b"x")
    removed = backup.rotate(folder)
    left = sorted(p.name for p in folder.glob("auto-*"))
    assert len(left) == 11  # 10 newest (March 1-8, February 7-8) + the newest of January
    assert "auto-start-20180108-120000.sqlite3" in left  # January's newest
    assert "auto-start-20180101-120000.sqlite3" not in left
    assert len(removed) == len(names) - 11
    assert (folder / "manual-20180101-000000.sqlite3").exists()


def test_restore_brings_back_the_old_data(ws):
    report = demo.build_demo(ws)
    saved = backup.make_backup(ws, reason="manual")
    EditSession(ws, report).set_text("organisation", "members", "1")
    safety = backup.restore(ws, saved)
    assert members(ws) == 24143  # the same workspace, reopened on the restored file
    assert safety.exists()


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_restore_refuses_a_bad_file_and_changes_nothing(ws, tmp_path, content):
    demo.build_demo(ws)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = paths.database_path().read_bytes()
    with pytest.raises(DatabaseError):
        backup.restore(ws, bad)
    assert members(ws) == 24143
    assert paths.database_path().read_bytes() == before


def test_restore_refuses_a_corrupt_backup(ws, tmp_path):
    demo.build_demo(ws)
    good = backup.make_backup(ws, target=tmp_path / "good.sqlite3")
    data = bytearray(good.read_bytes())
    for i in range(4096 * 2, len(data), 97):  # scribble over the table pages
        data[i] = 0xFF
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(bytes(data))
    with pytest.raises(DatabaseError):
        backup.restore(ws, broken)
    assert members(ws) == 24143


def test_restore_refuses_a_newer_backup(ws, tmp_path):
    demo.build_demo(ws)
    newer = backup.make_backup(ws, target=tmp_path / "newer.sqlite3")
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
        conn.commit()
    with pytest.raises(DatabaseError) as info:
        backup.restore(ws, newer)
    assert "更新版本" in str(info.value)


def test_restore_refuses_a_missing_file(ws, tmp_path):
    with pytest.raises(DatabaseError):
        backup.restore(ws, tmp_path / "gone" / "x.sqlite3")


def test_backup_to_a_folder_that_is_gone_is_refused(ws, tmp_path):
    demo.build_demo(ws)
    gone = tmp_path / "U盘" / "备份"
    with pytest.raises(UserError) as info:
        backup.make_backup(ws, target=gone / "b.sqlite3")
    assert "备份文件夹不存在" in str(info.value)
    assert not gone.exists()  # nothing created
