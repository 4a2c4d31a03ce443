"""Start-up check: a damaged database is found, and the newest sound backup restores it."""

from __future__ import annotations

from unionclerk import paths
from unionclerk.services import backup, demo, recovery, reports
from unionclerk.services.workspace import Workspace


def damage(db) -> None:
    data = bytearray(db.read_bytes())
    for i in range(4096, len(data), 61):
        data[i] = 0xA5
    db.write_bytes(bytes(data))


def test_a_sound_database_passes(ws):
    demo.build_demo(ws)
    assert recovery.check_database().sound


def test_damage_is_found_and_the_latest_good_backup_restores(data_dir):
    ws = Workspace.open(data_dir)
    demo.build_demo(ws)
    older = backup.make_backup(ws, reason="start")
    ws.close()
    bad_backup = paths.backups_dir() / "auto-start-20991231-235959.sqlite3"
    bad_backup.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # newest, but not sound
    damage(paths.database_path())
    state = recovery.check_database()
    assert not state.sound and state.backup == older
    damaged = recovery.restore_latest(state)
    assert damaged.exists()  # kept aside, never deleted
    assert recovery.check_database().sound
    with Workspace.open(data_dir) as again:
        report = reports.list_reports(again)[0]
        assert reports.load(again, report).single["organisation"]["members"] == 24143


def test_no_backup_at_all_is_said(data_dir):
    ws = Workspace.open(data_dir)
    demo.build_demo(ws)
    ws.close()
    damage(paths.database_path())
    state = recovery.check_database()
    assert not state.sound and state.backup is None
