"""The blank fill-in template (`unionclerk template`, interchange.md §4): a workbook a unit
fills in by hand (in Excel or WPS) and sends back, which `import` reads like a submission.

The cover starts with the folder's unit and what it last reported, when known.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.exporters.xlsx import report as xlsx_report
from unionclerk.services import reports
from unionclerk.services.workspace import Workspace, database


def write_template(
    ws: Workspace, out: Path, period: Period | None = None, division_code: str | None = None
) -> Path:
    """Write a blank fill-in workbook; the cover starts with the folder's unit when known."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    if not out.parent.is_dir():
        raise UserError(tr("输出文件夹不存在"), where=str(out.parent))
    cover = _known_cover(ws, division_code)
    try:
        xlsx_report.write_template(out, ws.forms, period, cover)
    except OSError as exc:
        raise UserError(
            tr("无法写入文件：{reason}", reason=os_reason(exc)), where=str(out)
        ) from None
    return out


def _known_cover(ws: Workspace, division_code: str | None) -> dict[str, Any]:
    try:
        unit = ws.resolve_unit(division_code)
    except UserError:
        if division_code:
            raise
        return {}
    with database(ws).read() as tx:
        known = tx.list_reports(unit.division_code)
    cover: dict[str, Any] = {"union_name": unit.union_name, "division_code": unit.division_code}
    if known:
        latest = max(known, key=lambda r: r.period)
        cover.update(reports.load(ws, latest).cover)
        cover.pop("report_date", None)
    return cover
