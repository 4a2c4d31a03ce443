"""A merge in progress: files read so far, the decisions, and writing the summary.

    with MergeSession(ws, period) as s:
        s.add([folder, zip_file], progress, cancelled)    # read; may be called again
        plan = s.plan(expected=..., use_edited=False, decisions={})
        outcome = s.write(out_dir, plan)                  # summary .xlsx + .pdf + .json

Reading runs in worker processes when there are many files (the machine has two cores and
each workbook's integrity check is CPU work); writing streams one unit at a time from the
spill folder. The three summary files are written into a staging folder and moved into place
together at the very end, so a cancelled or failed merge leaves nothing behind.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from unionclerk import paths
from unionclerk.domain.period import Period
from unionclerk.domain.progress import Cancelled, Progress
from unionclerk.exporters.summary import model as sm
from unionclerk.services import scratch
from unionclerk.services.county import decide as decide_mod
from unionclerk.services.county import received
from unionclerk.services.county.figures import KeyFigures
from unionclerk.services.county.reading import read_found
from unionclerk.services.county.results import Candidate, FileResult
from unionclerk.services.county.sources import Found, expand
from unionclerk.services.exporting import default_clock, new_export_id
from unionclerk.services.workspace import Workspace

log = logging.getLogger(__name__)
PARALLEL_FROM = 8  # files; fewer are read here (starting workers costs about a second)


@dataclass
class Options:
    expected: list[tuple[str, str]] | None = None
    made_by: dict[str, str] | None = None  # None: the folder's own county-level unit, or derived
    use_edited: bool = False
    decisions: dict[str, str] = field(default_factory=dict)


def _pool_size(n: int, workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    if n < PARALLEL_FROM or paths.is_frozen():  # a frozen app would start itself again
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _start_method() -> str:
    """Fork (fast: no second start-up) only where it is safe: POSIX and no other threads
    (the window reads in a worker thread, so it spawns, as Windows always does)."""
    if sys.platform != "win32" and threading.active_count() == 1:
        return "fork"
    return "spawn"


class MergeSession:
    def __init__(
        self,
        ws: Workspace,
        period: Period,
        *,
        include_stored: bool = False,
        workers: int | None = None,
    ) -> None:
        self.ws, self.period, self.workers = ws, period, workers
        self.scratch = scratch.make(ws.data_dir)  # in the data folder: it holds personal data
        self.spill = self.scratch / "spill"
        self.spill.mkdir()
        self.results: list[FileResult] = []
        self._seq = 0
        self.stored: list[Candidate] = []
        self.figures = KeyFigures(ws.forms)
        self._made_by: tuple[Any, dict[str, str]] | None = (
            None  # the screen's key figures, read once per report
        )
        if include_stored:
            self.stored = received.stored_candidates(ws, period, self.spill)

    # -- reading -----------------------------------------------------------------------------
    def add(
        self,
        inputs: list[Path],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        on_result: Callable[[FileResult], None] | None = None,
    ) -> list[FileResult]:
        """Read every file under `inputs`; returns their results (also kept). `on_result`
        hears about each file as soon as it has been read (in completion order)."""
        is_cancelled = cancelled or (lambda: False)
        found: list[Found] = []
        for item in expand([Path(p) for p in inputs], self.scratch / "unzipped"):
            if is_cancelled():
                raise Cancelled
            found.append(item)
        jobs = []
        for item in found:
            self._seq += 1
            jobs.append((item, self._seq))
        size = _pool_size(len(jobs), self.workers)
        if size == 1:
            out = []
            for i, (item, seq) in enumerate(jobs):
                if is_cancelled():
                    raise Cancelled
                if progress:
                    progress(i, len(jobs), item.label)
                out.append(read_found(item, self.period, str(self.spill), seq, self.ws.forms))
                if on_result:
                    on_result(out[-1])
        else:
            try:
                out = self._parallel(jobs, size, progress, is_cancelled, on_result)
            except BrokenProcessPool:  # a worker could not start or died: read here instead
                log.warning("merge workers failed; reading %d files in this process", len(jobs))
                out = [
                    read_found(item, self.period, str(self.spill), seq, self.ws.forms)
                    for item, seq in jobs
                ]
                for result in out if on_result else []:
                    on_result(result)
        if progress:
            progress(len(jobs), len(jobs), "")
        self.results.extend(out)
        return out

    def _parallel(
        self,
        jobs: list[tuple[Found, int]],
        size: int,
        progress: Progress | None,
        is_cancelled: Callable[[], bool],
        on_result: Callable[[FileResult], None] | None,
    ) -> list[FileResult]:
        ctx = multiprocessing.get_context(_start_method())
        done: dict[int, FileResult] = {}
        with ProcessPoolExecutor(size, mp_context=ctx) as pool:
            futures: dict[Future[FileResult], int] = {
                pool.submit(read_found, item, self.period, str(self.spill), seq): i
                for i, (item, seq) in enumerate(jobs)
            }
            pending = set(futures)
            while pending:
                if is_cancelled():
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise Cancelled
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in finished:
                    i = futures[fut]
                    done[i] = fut.result()
                    if on_result:
                        on_result(done[i])
                    if progress:
                        progress(len(done), len(jobs), jobs[i][0].label)
        return [done[i] for i in range(len(jobs))]

    def candidates(self) -> list[Candidate]:
        return [c for r in self.results for c in r.candidates] + self.stored

    # -- deciding ----------------------------------------------------------------------------
    def plan(self, options: Options) -> decide_mod.Plan:
        made_by = self.made_by(options)
        problems = [p for r in self.results for p in r.problems]
        printouts = [(r.file, r.printout) for r in self.results if r.printout is not None]
        plan = decide_mod.decide(
            self.candidates(),
            problems,
            expected=options.expected,
            printouts=printouts,
            made_by_code=made_by["division_code"],
            use_edited=options.use_edited,
            decisions=options.decisions,
        )
        from unionclerk.services import review_states  # 已报 → 退回修改中 / 已重报 / 通过

        review_states.apply(self.ws, self.period, plan)
        return plan

    def made_by(self, options: Options) -> dict[str, str]:
        """Who makes the summary; worked out again only when the files or the clerk's
        setting changed (the screen re-plans after every click)."""
        from unionclerk.services.county.identity import made_by

        key = (len(self.results), len(self.stored), repr(options.made_by))
        if self._made_by is None or self._made_by[0] != key:
            self._made_by = (key, made_by(self.ws, self.candidates(), options.made_by))
        return dict(self._made_by[1])

    def head(
        self,
        plan: decide_mod.Plan,
        options: Options,
        generated_at: datetime | None = None,
        export_id: str = "",
    ) -> sm.SummaryHead:
        return sm.SummaryHead(
            period=self.period,
            made_by=self.made_by(options),
            generated_at=generated_at or default_clock(),
            export_id=export_id or new_export_id(),
            units=plan.units,
            expected=plan.expected,
            reporting=plan.reporting,
            problems=plan.problems,
            draft=any(w.draft for w in plan.winners),
        )

    # -- writing -----------------------------------------------------------------------------
    def write(
        self,
        out_dir: Path,
        plan: decide_mod.Plan,
        options: Options,
        *,
        store: bool = True,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        generated_at: datetime | None = None,
    ) -> Any:
        from unionclerk.services.county.writing import write_summary

        head = self.head(plan, options, generated_at)
        outcome = write_summary(self.ws, Path(out_dir), plan, head, progress, cancelled)
        # Only a summary that was written keeps its reports in the database: a merge that
        # failed or was cancelled leaves the county's data as it was.
        outcome.stored = received.store(self.ws, self.period, plan.winners) if store else []
        if store:  # and each report merged from its own file is received for review
            from unionclerk.services import review_merge

            outcome.received = review_merge.record_merged(self.ws, self.period, plan.winners)
        return outcome

    def close(self) -> None:
        scratch.release(self.scratch)

    def __enter__(self) -> MergeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
