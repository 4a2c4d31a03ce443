"""Import of report files: JSON reports, submission workbooks, filled templates.

Import reads and validates the whole file first; only then, in one transaction, is anything
written: a refused file leaves the database exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr
from unionclerk.domain.problems import Problem
from unionclerk.domain.records import OWN, RECEIVED, ReportInfo
from unionclerk.exporters import json_budget, json_report
from unionclerk.exporters.reading import sniff
from unionclerk.exporters.reading import workbook as xlsx_reader
from unionclerk.formspec import validators
from unionclerk.formspec.codec import encode
from unionclerk.services import backup, reports
from unionclerk.services.workspace import Workspace, database
from unionclerk.storage import Tx

MAX_JSON_BYTES = json_budget.MAX_BYTES  # checked before the file is read into memory


@dataclass
class ImportOutcome:
    report: ReportInfo
    problems: list[Problem]
    dropped: list[str] = field(default_factory=list)
    replaced: bool = False
    warnings: list[str] = field(default_factory=list)  # typed in a template, not imported


def read_file(ws: Workspace, path: Path) -> json_report.ParsedReport:
    """Read and validate a report file without touching the database."""
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("找不到文件"), where=str(path))
    if path.stat().st_size > MAX_JSON_BYTES:
        raise UserError(
            tr(
                "文件过大（{mb} MB），超出报表或汇总文件可能的大小", mb=path.stat().st_size // 2**20
            ),
            where=str(path),
        )
    try:
        head, size = sniff.read_head(path)
    except OSError as exc:
        raise UserError(
            tr("无法读取文件：{reason}", reason=os_reason(exc)), where=str(path)
        ) from None
    reason = sniff.refusal(head, path, size, importing=True)
    if reason:  # a photo, a PDF, a Word document...: say what it is
        raise UserError(reason, where=path.name)
    try:
        if sniff.kind(head) == sniff.WORKBOOK:  # a submission workbook or a filled template
            parsed, _info = xlsx_reader.read_workbook(path, ws.forms)
        else:
            parsed = json_report.parse_text(path.read_bytes(), ws.forms)
    except UserError as exc:
        where = (
            exc.where
            if exc.where.startswith(path.name)
            else (f"{path.name}: {exc.where}" if exc.where else path.name)
        )
        raise UserError(exc.message, where=where) from None
    code = parsed.division_code
    if not code or validators.division_code_problem(code):
        raise UserError(
            tr("封面的行政区划代码缺失或不是12位数字，无法确定是哪个单位的报表"),
            where=f"{path.name}: forms.cover.division_code",
        )
    if not parsed.union_name:
        raise UserError(tr("封面缺少工会名称"), where=f"{path.name}: forms.cover.union_name")
    return parsed


def import_file(ws: Workspace, path: Path, *, replace: bool = False) -> ImportOutcome:
    outcomes, refused = import_files(ws, [Path(path)], replace=replace)
    if refused:
        raise refused[0][1]
    return outcomes[0]


def import_files(
    ws: Workspace, files: list[Path], *, replace: bool = False
) -> tuple[list[ImportOutcome], list[tuple[Path, UserError]]]:
    """Import every file or none (README: exit 2 means nothing written).

    Every file is read and validated first; when any is refused, the refusals come back and
    the database is untouched. Otherwise all are stored in one transaction (after one backup).
    """
    ready: list[tuple[Path, json_report.ParsedReport]] = []
    refused: list[tuple[Path, UserError]] = []
    seen: dict[tuple[str, object], Path] = {}
    for path in map(Path, files):
        try:
            parsed = read_file(ws, path)
            key = (parsed.division_code or "", parsed.period)
            if key in seen:
                raise UserError(
                    tr(
                        "与 {other} 是同一单位、同一报告期的报表，一次只能导入其中一个",
                        other=seen[key].name,
                    ),
                    where=path.name,
                )
            seen[key] = path
            _may_store(ws, parsed, path, replace)
        except UserError as exc:
            refused.append((path, exc))
            continue
        ready.append((path, parsed))
    if refused:
        return [], refused
    with database(ws).read() as tx:
        has_reports = bool(tx.list_reports())
    if has_reports:  # before every import into a folder that already holds data
        backup.make_backup(ws, reason="before-import")
    with database(ws).transaction() as tx:
        stored = [_store(tx, ws, parsed, path) for path, parsed in ready]
    return [
        ImportOutcome(
            report,
            reports.check(ws, report, parsed.data),
            parsed.dropped,
            replaced=replaced,
            warnings=parsed.warnings,
        )
        for (report, replaced), (_path, parsed) in zip(stored, ready, strict=True)
    ], []


def _may_store(ws: Workspace, parsed: json_report.ParsedReport, path: Path, replace: bool) -> None:
    """Refuse a report whose unit already has one for the period, unless replacing."""
    with database(ws).read() as tx:
        existing = tx.get_report(parsed.division_code or "", parsed.period)
    if existing is not None and not replace:
        raise UserError(
            tr(
                "{unit} {period} 的报表已经存在；如要覆盖请加 --replace（会先备份）",
                unit=parsed.union_name,
                period=parsed.period.label,
            ),
            where=Path(path).name,
        )


def _store(
    tx: Tx, ws: Workspace, parsed: json_report.ParsedReport, path: Path
) -> tuple[ReportInfo, bool]:
    """Write one read report inside the caller's transaction; (report, replaced)."""
    code, name = parsed.division_code, parsed.union_name
    assert code and name
    existing = tx.get_report(code, parsed.period)
    has_own = any(u.own for u in tx.list_units())
    unit = tx.get_unit(code)
    tx.upsert_unit(code, name, own=None if unit else not has_own)
    report = existing or tx.create_report(
        code, parsed.period, source=OWN if (unit.own if unit else not has_own) else RECEIVED
    )
    tx.replace_data(
        report.id,
        encode(ws.forms, parsed.data),
        note=tr("从文件导入：{file}", file=Path(path).name),
    )
    return tx.get_report_by_id(report.id), existing is not None
