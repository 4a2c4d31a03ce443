"""Faults of the environment get a plain message and no traceback (issue 14).

Real faults where the machine allows — a read-only mount (a write-protected stick; root
ignores permission bits, so a read-only tmpfs is the honest stand-in) and a tiny tmpfs that is
full — each skipped with the reason otherwise; and the same faults injected, so they are
tested everywhere. Commands run as the clerk runs them, in a fresh interpreter, so whatever a
library prints on its way out shows up too.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NOISE

ROOT = Path(__file__).resolve().parents[2]
NAME = "330782101000_佛堂镇总工会_2018年度_工会工作报表_草稿"  # the demo report is a draft


def fresh(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one command in a fresh interpreter, as the clerk's terminal does."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "unionclerk", *args, "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def quiet(done: subprocess.CompletedProcess[str]) -> bool:
    return not any(n in done.stdout + done.stderr for n in NOISE)


def _mount(folder: Path, options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (this test stands in for a real stick)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture(scope="module")
def read_only_folder(tmp_path_factory):
    """A data folder holding the demo report, then made read-only (mount -o remount,ro)."""
    mnt = tmp_path_factory.mktemp("ro") / "stick"
    _mount(mnt, "size=16m")
    try:
        data = mnt / "data"
        assert fresh(data, "demo").returncode == 0
        done = subprocess.run(
            ["mount", "-o", "remount,ro", str(mnt)], capture_output=True, text=True
        )
        if done.returncode:
            pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
        yield data
    finally:
        _umount(mnt)


@pytest.fixture
def full_disk(tmp_path: Path):
    """A 2 MB filesystem filled to the last few KB."""
    mnt = tmp_path / "full"
    _mount(mnt, "size=2m")
    try:
        with open(mnt / "filler", "wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        yield mnt
    finally:
        _umount(mnt)


# -- a read-only data folder -------------------------------------------------------------------
def test_a_read_only_folder_can_be_checked_exported_and_inspected(
    read_only_folder, tmp_path
) -> None:
    out = tmp_path / "out"
    done = fresh(read_only_folder, "check", "--period", "2018")
    assert done.returncode == 0 and quiet(done), done.stderr
    assert "佛堂镇总工会" in done.stdout
    done = fresh(
        read_only_folder,
        "export",
        "--period",
        "2018",
        "--out",
        str(out),
        "--format",
        "xlsx,pdf,json",
    )
    assert done.returncode == 0 and quiet(done), done.stderr
    assert "只读" in done.stderr  # the status could not be saved, and it says so
    assert sorted(p.name for p in out.iterdir()) == [f"{NAME}.json", f"{NAME}.pdf", f"{NAME}.xlsx"]
    done = fresh(read_only_folder, "inspect", str(out / f"{NAME}.xlsx"))
    assert done.returncode == 0 and quiet(done) and "完好" in done.stdout


@pytest.mark.parametrize("command", [["demo"], ["import", "x.json"], ["backup"]])
def test_writing_to_a_read_only_folder_is_refused_plainly(read_only_folder, command) -> None:
    done = fresh(read_only_folder, *command)
    assert done.returncode == 2 and quiet(done), done.stderr
    assert "只读" in done.stderr
    assert "窗口" not in done.stderr and "进程号" not in done.stderr


# -- a full disk -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    """The demo report, and its files as a township sends them (in `sent` beside it)."""
    root = tmp_path_factory.mktemp("demo")
    data = root / "data"
    assert fresh(data, "demo").returncode == 0
    assert fresh(data, "export", "--period", "2018", "--out", str(root / "sent")).returncode == 0
    return data


@pytest.mark.parametrize("what", ["export", "template", "merge"])
def test_a_full_disk_gets_the_message_and_nothing_after_it(
    demo_folder, full_disk, tmp_path, what
) -> None:
    out = full_disk / "out"
    args = {
        "export": ["export", "--period", "2018", "--out", str(out), "--format", "xlsx,pdf,json"],
        "template": ["template", "--out", str(full_disk / "模板.xlsx")],
        "merge": ["merge", str(demo_folder.parent / "sent"), "--period", "2018", "--out", str(out)],
    }
    done = fresh(demo_folder, *args[what])
    assert done.returncode == 2, done.stdout + done.stderr
    assert quiet(done), done.stderr
    assert "无法写入" in done.stderr
    assert ".unionclerk-" not in done.stderr  # names the clerk's file, not a staging folder
    left = [p for p in full_disk.rglob("*") if p.is_file() and p.name != "filler"]
    assert left == []  # no half-written file


def test_a_data_folder_on_a_full_disk_is_not_blamed_on_a_window(full_disk) -> None:
    done = fresh(full_disk / "data", "demo")
    assert done.returncode == 2 and quiet(done), done.stderr
    assert "锁文件" in done.stderr and "磁盘已满" in done.stderr
    assert "窗口" not in done.stderr and "进程号" not in done.stderr
    assert not (full_disk / "data" / "unionclerk.lock").exists()


# -- the folder lock ---------------------------------------------------------------------------
# (in-process, through the `cli` fixture: the faults are injected into this interpreter)
def test_a_lock_file_that_cannot_be_made_is_not_blamed_on_a_window(
    cli, data_dir, monkeypatch
) -> None:
    from unionclerk import folderlock

    real_open = os.open

    def full(path, flags, *a):
        if str(path).endswith(folderlock.LOCK_NAME):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, flags, *a)

    monkeypatch.setattr(folderlock.os, "open", full)
    code, _, err = cli(data_dir, "demo")
    assert code == 2
    assert "锁文件" in err and "磁盘已满" in err
    assert "窗口" not in err and "进程号" not in err
    assert not (data_dir / "unionclerk.sqlite3").exists()


def test_a_second_command_is_called_a_command_not_a_window(cli, data_dir) -> None:
    from unionclerk import folderlock

    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / folderlock.LOCK_NAME).write_text(
            f"{other.pid}\nimport\n{__import__('socket').gethostname()}\n", encoding="utf-8"
        )
        code, _, err = cli(data_dir, "demo")
        assert code == 2
        assert "另一个工会报表助手命令（import" in err and str(other.pid) in err
        assert "窗口" not in err
    finally:
        other.kill()
        other.wait()
    # its process gone, the lock is stale and taken over
    assert cli(data_dir, "demo").code == 0


def test_logging_into_a_read_only_folder_is_silent(cli, data_dir, monkeypatch) -> None:
    """Injected: the log file cannot be opened (no root, no mount needed)."""
    from unionclerk import logsetup

    assert cli(data_dir, "demo").code == 0
    real_open = open

    def refuse(file, *a, **kw):
        if str(file).endswith(logsetup.LOG_NAME):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(file, *a, **kw)

    monkeypatch.setattr("builtins.open", refuse)
    code, _, err = cli(data_dir, "check", "--period", "2018")
    assert code == 0 and "Logging error" not in err


# -- a full disk, injected (every machine) ----------------------------------------------------
class _FillingFile:
    """A file that takes a few KB and then answers as a full disk would."""

    def __init__(self, raw) -> None:
        self._raw, self._room = raw, 4096

    def write(self, data) -> int:
        self._room -= len(data)
        if self._room < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._raw.write(data)

    def __getattr__(self, name):
        return getattr(self._raw, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._raw.close()


@pytest.mark.parametrize("what", ["export", "template"])
def test_an_injected_full_disk_gets_the_message_and_nothing_after_it(
    cli, data_dir, tmp_path, monkeypatch, what
) -> None:
    import io

    assert cli(data_dir, "demo").code == 0
    out = tmp_path / "U盘"
    out.mkdir()
    real_open = io.open

    def filling(file, mode="r", *a, **kw):
        handle = real_open(file, mode, *a, **kw)
        if "w" in mode and str(out) in str(file):
            return _FillingFile(handle)
        return handle

    monkeypatch.setattr(io, "open", filling)
    monkeypatch.setattr("builtins.open", filling)
    args = (
        ["export", "--period", "2018", "--out", str(out), "--format", "xlsx,pdf,json"]
        if what == "export"
        else ["template", "--out", str(out / "模板.xlsx")]
    )
    code, _, err = cli(data_dir, *args)
    assert code == 2 and "无法写入" in err and "磁盘已满" in err
    assert ".unionclerk-" not in err
    assert [p for p in out.rglob("*") if p.is_file()] == []
