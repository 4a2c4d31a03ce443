"""Kill the program (SIGKILL) at random moments of a scripted workload, 50 times.

The workload edits, adds rows, imports, exports and merges. After each kill: the database
passes `PRAGMA integrity_check`, every action acknowledged before the kill is there, and no
export or summary file in the output folders is partial.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
RUNS = 50

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_and_kill(data: Path, out: Path, seed: int, delay: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "workload.py"), str(data), str(out), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line.strip())
            if line.startswith("READY"):
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "the workload did not start"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(5)
    proc.stdout.close()
    # Anything printed before the kill was committed before it was printed.
    return [line for line in lines if line.startswith(("ACK", "BEGIN"))]


def complete(file: Path) -> None:
    """A summary file is whole: JSON parses, the workbook's zip is sound, the PDF ends."""
    if file.suffix == ".json":
        json.loads(file.read_text("utf-8"))
    elif file.suffix == ".xlsx":
        with zipfile.ZipFile(file) as z:
            assert z.testzip() is None
    elif file.suffix == ".pdf":
        assert file.read_bytes().rstrip().endswith(b"%%EOF")


def db_state(data: Path) -> tuple[int | None, set[str]]:
    with closing(sqlite3.connect(data / "unionclerk.sqlite3")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        value = conn.execute(
            "SELECT value FROM form_values WHERE form='organisation' AND field='union_groups'"
        ).fetchone()
        names = {
            json.loads(r[0]).get("name", "")
            for r in conn.execute("SELECT data FROM roster_rows WHERE form='services'")
        }
    return (json.loads(value[0]) if value else None), names


def test_killed_at_random_moments_loses_nothing_acknowledged(tmp_path):
    rng = random.Random(20181220)
    data, out = tmp_path / "数据 目录", tmp_path / "导出"
    out.mkdir()
    for run in range(RUNS):
        # mostly early kills; every fifth run lives long enough for a whole merge (a merge
        # takes over half a second on a busy machine) so that merges are killed and finish
        delay = rng.uniform(0.6, 2.5) if run % 5 == 4 else rng.uniform(0.0, 0.6)
        acks = run_and_kill(data, out, seed=run, delay=delay)
        value, names = db_state(data)
        if acks and acks[-1] == "BEGIN import":
            continue  # killed during an import: old or new data, both fine (checked sound)
        acks = [a for a in acks if a.startswith("ACK")]
        edits = [int(a.split()[2]) for a in acks if a.startswith("ACK edit")]
        imports = [a for a in acks if a.startswith("ACK import")]
        if edits and not imports:
            # the last acknowledged value, or a later one whose ACK the kill cut off
            assert value is not None and value >= edits[-1], (run, value, edits[-1])
        last_import = max((i for i, a in enumerate(acks) if a.startswith("ACK import")), default=-1)
        rows = [
            a.split()[2] for i, a in enumerate(acks) if a.startswith("ACK row") and i > last_import
        ]
        assert {f"R{n}" for n in rows} <= names, run
        for file in out.iterdir():
            if file.name.startswith(".") or file.is_dir():
                continue  # a temporary file: never the real one, swept at the next export
            json.loads(file.read_text("utf-8"))  # complete, parseable
        for file in (out / "汇总").glob("*") if (out / "汇总").exists() else []:
            if file.name.startswith("."):
                continue  # the staging folder of a killed merge, swept at the next one
            complete(file)
    assert any(True for _ in out.glob("*.json"))
    assert any(True for _ in (out / "汇总").glob("*.xlsx")), "no merge ever finished"
