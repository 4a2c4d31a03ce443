"""Property (issue 12): a folder of good files plus any one damaged file always merges. The
damaged file comes from a fuzz corpus made of real submission workbooks and JSON reports
(random byte flips, truncations, deleted members, patched flags and compression methods,
odd values); it gets its own line with a plain reason, and the good units' totals are exact.

The wide property (500 cases) reads, decides and totals in process; the end-to-end one runs
the real `merge` command on fewer cases: summary written, exit 0 or 1, the good units kept
in the database. `benchmarks/bench_hostile.py --fuzz N` runs many more.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionclerk.domain.period import Period
from unionclerk.exporters.summary import model as sm
from unionclerk.services import county
from unionclerk.services.county import lines
from unionclerk.services.county.reading import read_found
from unionclerk.services.county.sources import Found
from unionclerk.services.county.writing import roll_up
from unionclerk.services.workspace import Workspace, database

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import hostile  # noqa: E402

P2018 = Period(2018)
fuzz_case = st.tuples(st.sampled_from(hostile.FUZZ_KINDS), st.integers(0, 2**32 - 1))


class Corpus:
    """Three good units read once into one merge session; the damaged file varies."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = hostile.documents(3, seed=77)
        self.goods = [
            hostile.write_workbook(root / "inbox" / f"good{i}.xlsx", d)
            for i, d in enumerate(self.docs)
        ]
        self.xlsx = self.goods[0].read_bytes()
        self.json = json.dumps(self.docs[0], ensure_ascii=False).encode("utf-8")
        self.members = sum(d["forms"]["organisation"]["members"] for d in self.docs)
        self.codes = sorted(d["forms"]["cover"]["division_code"] for d in self.docs)
        self.ws = Workspace.open(root / "data")
        self.session = county.MergeSession(self.ws, P2018, workers=1)
        self.session.add([root / "inbox"])
        self.good_results = list(self.session.results)
        self.seq = 10_000

    def damaged(self, kind: str, seed: int, folder: Path) -> Path:
        suffix, data = hostile.fuzz_variant(self.xlsx, self.json, kind, seed)
        path = folder / f"fuzz-{kind}-{seed}{suffix}"
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    made = Corpus(tmp_path_factory.mktemp("fuzz"))
    yield made
    made.session.close()
    made.ws.close()


@settings(
    max_examples=500,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=fuzz_case)
def test_any_one_damaged_file_is_its_own_line_and_good_totals_stay_exact(corpus, case):
    kind, seed = case
    path = corpus.damaged(kind, seed, corpus.root)
    corpus.seq += 1
    result = read_found(
        Found(path.name, path, ""), P2018, str(corpus.session.spill), corpus.seq, corpus.ws.forms
    )
    path.unlink()
    corpus.session.results = corpus.good_results + [result]
    plan = corpus.session.plan(county.Options())
    line = next(x for x in lines.file_lines(corpus.session.results, plan) if x.file == path.name)
    if not result.candidates:  # refused: a plain reason, never the last-resort message
        assert line.state == lines.UNUSED and line.why
        assert result.problems and result.problems[0].kind in sm.KINDS
        assert "意外错误" not in line.why and "Traceback" not in line.why, line.why
        assert any(p.file == path.name for p in plan.problems)
    assert sorted(w.division_code for w in plan.winners) == corpus.codes
    rollup, _ = roll_up(corpus.ws, plan, P2018)
    assert rollup.record_totals("organisation")["members"][0] == corpus.members


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=fuzz_case)
def test_the_merge_command_always_writes_a_summary(corpus, case, tmp_path_factory, cli):
    kind, seed = case
    root = tmp_path_factory.mktemp("e2e")
    inbox = root / "inbox"
    inbox.mkdir()
    for good in corpus.goods:
        shutil.copy(good, inbox / good.name)
    damaged = corpus.damaged(kind, seed, inbox)
    code = cli(root / "data", "merge", inbox, period=2018, out=root / "out").code
    assert code in (0, 1)
    summary = json.loads(next((root / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert summary["totals"]["organisation"]["members"]["value"] == corpus.members
    assert sorted(u["division_code"] for u in summary["units"]) == corpus.codes
    named = {p["file"] for p in summary["problems"]}
    assert (
        code == 0
        or f"inbox/{damaged.name}" in named
        or any(f"inbox/{g.name}" in named for g in corpus.goods)
    )
    with Workspace.open(root / "data") as ws, database(ws).read() as tx:
        assert sorted(r.unit.division_code for r in tx.list_reports()) == corpus.codes
