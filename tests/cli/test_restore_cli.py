"""`unionclerk restore` (issue 14): it works exactly when the current data file is damaged
(keeping the damaged file aside), and it refuses backups that SQLite finds sound but the
program could not use — tables or columns dropped, rows pointing at nothing, values that are
not JSON — before anything is swapped."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.helpers import DB, dump


@pytest.fixture
def backed_up(cli, data_dir: Path, tmp_path: Path) -> Path:
    """The demo report and a manual backup of it."""
    assert cli(data_dir, "demo").code == 0
    target = tmp_path / "good.sqlite3"
    assert cli(data_dir, "backup", "--out", str(target)).code == 0
    return target


@pytest.mark.parametrize("damage", ["truncated", "overwritten", "emptied-header"])
def test_restore_over_a_damaged_database_keeps_it_aside(cli, data_dir, backed_up, damage) -> None:
    db = data_dir / DB
    raw = db.read_bytes()
    if damage == "truncated":
        db.write_bytes(raw[: len(raw) // 3])
    elif damage == "overwritten":
        db.write_bytes(b"\x00garbage" * 4096)
    else:
        db.write_bytes(b"\x00" * 100 + raw[100:])
    broken = db.read_bytes()
    code, _out, err = cli(data_dir, "check", "--period", "2018")
    assert code == 2 and "损坏" in err  # the message that sends the clerk to restore

    code, out, err = cli(data_dir, "restore", str(backed_up))
    assert code == 0, err
    assert "已损坏，已另存为" in out
    kept = list(data_dir.glob("damaged-*-unionclerk.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == broken  # nothing of it lost
    code, out, _err = cli(data_dir, "check", "--period", "2018")
    assert code == 0 and "佛堂镇总工会" in out


def _break(file: Path, how: str) -> None:
    with closing(sqlite3.connect(file)) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        if how == "table dropped":
            conn.execute("DROP TABLE explanations")
        elif how == "column dropped":
            conn.execute("ALTER TABLE units DROP COLUMN own")
        elif how == "dangling rows":
            conn.execute("UPDATE roster_rows SET report_id = 999")
        elif how == "value not JSON":
            conn.execute(
                "UPDATE form_values SET value = '{not json' WHERE rowid IN "
                "(SELECT rowid FROM form_values LIMIT 1)"
            )
        elif how == "roster row not JSON":
            conn.execute(
                "UPDATE roster_rows SET data = '[1, 2' WHERE rowid IN "
                "(SELECT rowid FROM roster_rows LIMIT 1)"
            )
        conn.commit()
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]


@pytest.mark.parametrize(
    "how",
    ["table dropped", "column dropped", "dangling rows", "value not JSON", "roster row not JSON"],
)
def test_restore_refuses_a_structurally_broken_backup(
    cli, data_dir, backed_up, tmp_path, how
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(backed_up.read_bytes())
    _break(bad, how)
    before_backup = bad.read_bytes()
    before = dump(data_dir)
    code, _out, err = cli(data_dir, "restore", str(bad))
    assert code == 2
    assert "不能用来恢复" in err and "程序出现意外错误" not in err
    assert dump(data_dir) == before  # nothing swapped
    assert bad.read_bytes() == before_backup  # the backup itself only read
    code, _out, _err = cli(data_dir, "check", "--period", "2018")
    assert code == 0


def test_restore_of_a_sound_backup_saves_the_current_database(cli, data_dir, backed_up) -> None:
    code, out, err = cli(data_dir, "restore", str(backed_up))
    assert code == 0, err
    assert "恢复前的数据已另存为" in out
    assert list((data_dir / "backups").glob("auto-before-restore-*.sqlite3"))


def test_the_window_s_restore_proves_the_backup_too(ws, tmp_path) -> None:
    """文件 → 备份与恢复 goes through `backup.restore`: the same full check, nothing swapped."""
    from unionclerk.domain.errors import DatabaseError
    from unionclerk.services import backup, demo, reports

    report = demo.build_demo(ws)
    good = backup.make_backup(ws, reason="manual")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(good.read_bytes())
    _break(bad, "value not JSON")
    with pytest.raises(DatabaseError, match="不能用来恢复"):
        backup.restore(ws, bad)
    assert len(reports.load(ws, report).rows["cadres"]) == 25  # untouched, still usable
    assert backup.restore(ws, good).exists()
