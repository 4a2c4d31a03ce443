"""Writing the summary: one pass over the included reports, then the three files at once.

The pass reads each included report from the spill folder, adds it to the roll-up and streams
its roster rows into the workbook; then the workbook's other sheets, its machine data, the
PDF and the JSON are written into a staging folder inside the output folder, and only when
all three exist are they moved into place. Cancel or any failure removes the staging folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unionclerk import paths
from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr
from unionclerk.domain.progress import Cancelled, Progress
from unionclerk.exporters.staging import SUMMARY, move_into, staging_folder
from unionclerk.exporters.summary import json_file as summary_json
from unionclerk.exporters.summary import pdf as summary_pdf
from unionclerk.exporters.summary.model import SummaryHead
from unionclerk.exporters.summary.workbook import SummaryWorkbook
from unionclerk.formspec.rollup import Rollup, UnitLine
from unionclerk.services.county.decide import Plan
from unionclerk.services.county.identity import base_name
from unionclerk.services.workspace import Workspace


@dataclass
class Outcome:
    head: SummaryHead
    files: list[Path]
    totals: dict[str, Any]
    lines: list[UnitLine]
    warnings: list[str] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)  # units now listed for review


def roll_up(
    ws: Workspace,
    plan: Plan,
    period: Any,
    each: Callable[[str, str, dict[str, Any]], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> tuple[Rollup, list[UnitLine]]:
    """Totals and per-unit lines over the plan's winners (read one at a time)."""
    rollup, lines = Rollup(ws.forms, period), []
    total = len(plan.winners)
    for i, w in enumerate(plan.winners):
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(i, total, w.union_name)
        forms_json = json.loads(Path(w.spill).read_bytes())["forms"]
        lines.append(rollup.add(w.division_code, w.union_name, forms_json))
        if each is not None:
            each(w.division_code, w.union_name, forms_json)
    return rollup, lines


def write_summary(
    ws: Workspace,
    out_dir: Path,
    plan: Plan,
    head: SummaryHead,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Outcome:
    if not out_dir.is_dir():
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                tr("无法创建输出文件夹：{reason}", reason=os_reason(exc)), where=str(out_dir)
            ) from None
    name = base_name(head.made_by, head.period, head.draft)
    with staging_folder(out_dir, SUMMARY) as staging:  # sweeps a killed merge's too
        book = SummaryWorkbook(ws.forms, head)
        saved = False
        try:
            rollup, lines = roll_up(ws, plan, head.period, book.add_unit, cancelled, progress)
            totals = rollup.totals()

            def reports() -> Iterator[bytes]:
                for w in plan.winners:
                    yield Path(w.spill).read_bytes()

            book.finish(staging / f"{name}.xlsx", rollup, lines, reports)
            saved = True
            if cancelled is not None and cancelled():
                raise Cancelled
            warnings = summary_pdf.write_summary_pdf(
                staging / f"{name}.pdf", ws.forms, head, rollup, lines, paths.font_path()
            )
            summary_json.write_summary_json(staging / f"{name}.json", head, totals, reports)
            if cancelled is not None and cancelled():
                raise Cancelled
            files = move_into(
                out_dir, [staging / f"{name}{suffix}" for suffix in (".xlsx", ".pdf", ".json")]
            )
        except OSError as exc:
            raise UserError(
                tr("无法写入汇总文件：{reason}", reason=os_reason(exc)), where=str(out_dir)
            ) from None
        finally:
            if not saved:
                book.discard()
    return Outcome(head, files, totals, lines, warnings)
