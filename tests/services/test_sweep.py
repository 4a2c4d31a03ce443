"""Start-up sweep (issue 14): an interrupted safety backup's `-journal`/`-wal`/`-shm` files
(and the unfinished copy) leave `backups/`, and staging folders of killed exports leave the
output folders — at the next start of any command, not only at the next export there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Writes into a backup-to-be inside a transaction, with a tiny cache so pages reach the file,
# then dies without committing: a real hot journal beside a half-written copy.
KILLED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size=1")
conn.execute("BEGIN")
conn.execute("CREATE TABLE t (x TEXT)")
for i in range(2000):
    conn.execute("INSERT INTO t VALUES (?)", ("x" * 500,))
os._exit(0)
"""


def test_an_interrupted_backup_is_swept_at_start(cli, data_dir: Path, tmp_path) -> None:
    assert cli(data_dir, "demo").code == 0
    assert cli(data_dir, "backup").code == 0
    backups = data_dir / "backups"
    good = sorted(backups.iterdir())
    unfinished = backups / "auto-before-import-20260101-000000.sqlite3"
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(unfinished)], check=True)
    assert Path(f"{unfinished}-journal").exists()  # the litter this is about
    (backups / "auto-start-20250101-000000.sqlite3-wal").write_bytes(b"\0" * 64)  # orphans
    (backups / "auto-start-20250101-000000.sqlite3-shm").write_bytes(b"\0" * 64)

    code, _out, _err = cli(data_dir, "demo", "--replace")  # any start under the lock
    assert code == 0
    left = sorted(p for p in backups.iterdir() if not p.name.startswith("auto-before-import"))
    assert not [p for p in backups.iterdir() if p.name.endswith(("-journal", "-wal", "-shm"))]
    assert not unfinished.exists()  # it rolled back to nothing: no use as a backup
    assert set(good) <= set(left)  # sound backups untouched


def test_commands_beside_a_window_leave_backups_alone(cli, data_dir: Path) -> None:
    assert cli(data_dir, "demo").code == 0
    side = data_dir / "backups" / "auto-start-20250101-000000.sqlite3-journal"
    side.parent.mkdir(exist_ok=True)
    side.write_bytes(b"\0" * 64)
    assert cli(data_dir, "check", "--period", "2018").code == 0  # no lock taken
    assert side.exists()


@pytest.fixture
def dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def test_stale_staging_folders_are_swept_at_the_next_start(
    cli, data_dir: Path, tmp_path: Path, dead_pid
) -> None:
    out = tmp_path / "交给县里"
    assert cli(data_dir, "demo").code == 0
    assert (
        cli(data_dir, "export", "--period", "2018", "--out", str(out), "--format", "json").code == 0
    )
    killed = out / f".unionclerk-export-{dead_pid}-abcd"
    killed_merge = out / f".unionclerk-summary-{dead_pid}-efgh"
    killed_return = out / f".unionclerk-return-{dead_pid}-mnop"
    for folder in (killed, killed_merge, killed_return):
        folder.mkdir()
        (folder / "half.xlsx").write_bytes(b"PK")
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = out / f".unionclerk-export-{alive.pid}-ijkl"
        running.mkdir()
        assert cli(data_dir, "check", "--period", "2018").code == 0  # not an export
        assert not killed.exists() and not killed_merge.exists() and not killed_return.exists()
        assert running.exists()  # another program's export still under way
    finally:
        alive.kill()
        alive.wait()
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "330782101000_佛堂镇总工会_2018年度_工会工作报表_草稿.json"
    ]


def test_own_running_staging_is_never_swept(tmp_path: Path) -> None:
    from unionclerk.exporters import staging

    mine = tmp_path / f"{staging.staging_prefix('.unionclerk-export-')}x"
    mine.mkdir()
    assert staging.sweep_staging(tmp_path) == [] and mine.exists()
    assert str(os.getpid()) in mine.name
