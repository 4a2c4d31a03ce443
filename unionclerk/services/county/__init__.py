"""The county summary (汇总, issue 6): merge many units' files into one summary.

`merge_files` is the whole job in one call (the command line); the window drives a
`MergeSession` step by step (read files as they are added, show the plan, let the clerk
decide, write). See `session` for the flow and `decide` for the rules.
"""

from __future__ import annotations

from pathlib import Path

from unionclerk.domain.period import Period
from unionclerk.domain.progress import Progress
from unionclerk.services.county.decide import EXCLUDE, Plan
from unionclerk.services.county.session import MergeSession, Options
from unionclerk.services.county.writing import Outcome
from unionclerk.services.workspace import Workspace

__all__ = ["EXCLUDE", "MergeSession", "Options", "Outcome", "Plan", "merge_files"]


def merge_files(
    ws: Workspace,
    inputs: list[Path],
    period: Period,
    out_dir: Path,
    options: Options | None = None,
    *,
    store: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
) -> tuple[MergeSession, Plan, Outcome | None]:
    """Read, decide with the defaults (or `options`), write. The returned session is closed
    (its spill folder gone); its `results` still say what happened to every file. When no
    report at all can be used, nothing is written and the outcome is None."""
    options = options or Options()
    with MergeSession(ws, period, workers=workers) as session:
        session.add(inputs, progress)
        plan = session.plan(options)
        outcome = session.write(out_dir, plan, options, store=store) if plan.winners else None
    return session, plan, outcome
