"""Importing a roster from the clerk's own workbook (or CSV file), with no Qt.

1. `read_source(path)`: every sheet's cells, through the same guarded reader as report files
   (`exporters.reading.safe`: zip-bomb and size checks, defused XML, read-only, always closed).
   A password-protected or old .xls file, a file that is not a workbook, or a sheet too big
   to be a roster is refused with a plain message.
2. `guess(form, source)`: the sheet, the header row (past titles and blank lines) and which
   column is which field (`formspec.headers`); the clerk confirms or fixes this in a dialog.
3. `build_rows(...)`: the data rows read by type (`roster_cells`); unreadable cells kept and
   marked; blank, 合计 and repeated header rows skipped. `refusals(...)` lists what blocks the
   import (rounded ID numbers, over-long cells), so nothing is ever half-imported.
4. `plan(...)`: append or replace as one `RowsPlan`, which the window applies (one undo step).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.problems import Problem
from unionclerk.domain.progress import Progress
from unionclerk.domain.report import ReportData, RosterRow
from unionclerk.exporters.reading import safe as xlsx_safe
from unionclerk.exporters.reading import sniff
from unionclerk.formspec import Checker
from unionclerk.formspec.fieldtypes import HARD_TEXT_CAP
from unionclerk.formspec.headers import (
    guess_header_row,
    header_score,
    looks_like_header,
    match_header,
)
from unionclerk.formspec.model import FormDef, FormSet
from unionclerk.formspec.text import header_fold
from unionclerk.services.editing import EditSession, RowsPlan
from unionclerk.services.roster_cells import CellRefused, read_value, refusal_message

MAX_ROWS = 50_000  # rows of one sheet: far beyond any roster
MAX_COLUMNS = 200
MAX_TEXT_FILE = 50 * 1024 * 1024
PREVIEW = 20
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TOTALS = ("合计", "总计", "小计", "总数")


@dataclass
class Source:
    """What a file holds: each sheet's rows of cell values (trailing empty cells dropped)."""

    path: Path
    sheets: dict[str, list[list[Any]]]


@dataclass
class Matching:
    sheet: str
    header: int | None  # index of the header row (None: no header, data from the top)
    columns: list[str | None]  # the field key of each column, None: not imported


@dataclass
class ImportedRows:
    values: list[dict[str, Any]] = field(default_factory=list)
    sheet_rows: list[int] = field(default_factory=list)  # 1-based row numbers in the sheet
    skipped: int = 0  # blank, 合计 and repeated header rows
    kept: int = 0  # cells kept as entered (marked as errors)


# -- reading ------------------------------------------------------------------------------
def read_source(path: Path, progress: Progress | None = None) -> Source:
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("找不到文件"), where=str(path))
    if path.suffix.lower() in (".csv", ".txt"):
        return Source(path, {path.stem: _read_text_file(path)})
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == _OLE:
        raise UserError(_ole_message(path), where=path.name)
    if head.startswith(b"PK"):
        other = sniff.not_a_workbook(path, importing=True)  # an .ods: save it as .xlsx
        if other:
            raise UserError(other, where=path.name)
    sheets: dict[str, list[list[Any]]] = {}
    try:
        with xlsx_safe.open_workbook(path) as wb:
            names = [ws.title for ws in wb.worksheets]
            for i, ws in enumerate(wb.worksheets):
                if progress is not None:
                    progress(i, len(names), ws.title)
                sheets[ws.title] = _read_sheet(ws, ws.title)
    except xlsx_safe.READ_ERRORS as exc:
        raise UserError(
            tr("工作簿已损坏，无法读取（{kind}）", kind=type(exc).__name__), where=path.name
        ) from None
    except UserError as exc:
        raise UserError(exc.message, where=exc.where or path.name) from None
    if not any(sheets.values()):
        raise UserError(tr("工作簿里没有任何内容"), where=path.name)
    return Source(path, sheets)


def _ole_message(path: Path) -> str:
    """An OLE file is an old .xls, or an .xlsx encrypted with an opening password."""
    if sniff.is_encrypted_office(path):
        return sniff.password_message()
    return tr(
        "这是旧版 Excel 文件（.xls），无法直接读取。请在 Excel 中“另存为” .xlsx 格式后再导入。"
    )


def _read_sheet(ws: Any, title: str) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for values in xlsx_safe.sheet_rows(ws):
        row = list(values)
        while row and (row[-1] is None or (isinstance(row[-1], str) and not row[-1].strip())):
            row.pop()
        if len(row) > MAX_COLUMNS:
            raise UserError(
                tr(
                    "工作表“{sheet}”第 {n} 行超过 {max} 列，不像是名单",
                    sheet=title,
                    n=len(rows) + 1,
                    max=MAX_COLUMNS,
                )
            )
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise UserError(
                tr(
                    "工作表“{sheet}”超过 {max} 行，不像是名单；请只保留名单部分再导入",
                    sheet=title,
                    max=f"{MAX_ROWS:,}",
                )
            )
    while rows and not rows[-1]:
        rows.pop()
    return rows


def decode_text(content: bytes) -> str | None:
    """A text table from Chinese Excel: UTF-8 (with or without BOM), else GBK; None if neither."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _read_text_file(path: Path) -> list[list[Any]]:
    if path.stat().st_size > MAX_TEXT_FILE:
        raise UserError(tr("文件过大（超过 50 MB），不像是名单"), where=path.name)
    content = path.read_bytes()
    if b"\x00" in content[:4096]:
        raise UserError(tr("不是文本表格文件（.csv）"), where=path.name)
    text = decode_text(content)
    if text is None:
        raise UserError(
            tr("无法识别文件的文字编码，请在 Excel 中另存为 .xlsx 后再导入"), where=path.name
        )
    delimiter = "\t" if text.count("\t") > text.count(",") else ","
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    if len(rows) > MAX_ROWS:
        raise UserError(tr("文件超过 {max} 行，不像是名单", max=f"{MAX_ROWS:,}"), where=path.name)
    return [[c if c.strip() else None for c in r] for r in rows]


# -- matching -----------------------------------------------------------------------------
def guess(form: FormDef, source: Source, sheet: str | None = None) -> Matching:
    """The likeliest sheet (the one whose header names most fields), header and columns."""
    if sheet is None:
        scored = [
            (max((header_score(form, r) for r in rows[:30]), default=0), -i, name)
            for i, (name, rows) in enumerate(source.sheets.items())
            if rows
        ]
        sheet = max(scored)[2] if scored else next(iter(source.sheets))
    rows = source.sheets[sheet]
    header = guess_header_row(form, rows)
    width = max((len(r) for r in rows[:200]), default=0)
    if header is None:  # no header: the form's columns in order
        keys = [f.key for f in form.fields if not f.companion_of]
        return Matching(sheet, None, [keys[i] if i < len(keys) else None for i in range(width)])
    columns = match_header(form, rows[header])
    return Matching(sheet, header, columns + [None] * (width - len(columns)))


def data_rows(source: Source, matching: Matching) -> list[tuple[int, list[Any]]]:
    rows = source.sheets[matching.sheet]
    start = 0 if matching.header is None else matching.header + 1
    return [(i + 1, rows[i]) for i in range(start, len(rows))]


def refusals(
    form: FormDef, rows: Sequence[tuple[int, Sequence[Any]]], columns: Sequence[str | None]
) -> list[str]:
    """What must stop the import (rounded ID numbers, over-long cells), naming the rows."""
    found: dict[tuple[str, str], list[str]] = {}
    longest: dict[str, int] = {}
    for number, row in rows:
        for col, key in enumerate(columns):
            if key is None or col >= len(row) or row[col] is None:
                continue
            value, f = row[col], form.field(key)
            try:
                if f.type.name == "idnumber" or (
                    isinstance(value, str) and len(value) > HARD_TEXT_CAP
                ):
                    read_value(f, value)
            except CellRefused as exc:
                found.setdefault((exc.kind, key), []).append(tr("第 {n} 行", n=number))
                longest[key] = max(longest.get(key, 0), exc.length)
    return [
        refusal_message(kind, form.field(key), where, longest.get(key, 0))
        for (kind, key), where in found.items()
    ]


def build_rows(
    form: FormDef,
    rows: Sequence[tuple[int, Sequence[Any]]],
    columns: Sequence[str | None],
    limit: int | None = None,
) -> ImportedRows:
    """The rows to import, read by type; fields with no column get their defaults."""
    out = ImportedRows()
    mapped = [(col, form.field(key)) for col, key in enumerate(columns) if key is not None]
    defaults = {
        f.key: f.default for f in form.fields if f.default is not None and f.key not in columns
    }
    for number, row in rows:
        if limit is not None and len(out.values) >= limit:
            break
        cells = [(f, row[col] if col < len(row) else None) for col, f in mapped]
        first = next((header_fold(v) for v in row if header_fold(v)), "")
        if (
            all(v is None or (isinstance(v, str) and not v.strip()) for _, v in cells)
            or first in _TOTALS
            or looks_like_header(form, row)
        ):
            out.skipped += 1
            continue
        values = dict(defaults)
        for f, value in cells:
            try:
                cell = read_value(f, value)
            except CellRefused:
                continue  # `refusals` names these; the import does not go ahead
            cell.put_into(values, f)
            out.kept += cell.raw is not None
        out.values.append(values)
        out.sheet_rows.append(number)
    return out


def preview_problems(
    forms: FormSet, period: Period, form: str, values: list[dict[str, Any]]
) -> list[list[Problem]]:
    """Each row's own problems (cells and row rules), as they would show once imported."""
    rows = [RosterRow(dict(v)) for v in values]
    data = ReportData(rows={form: rows})
    problems = Checker(forms, period).check(data).problems(data, forms)
    by_row: dict[str, list[Problem]] = {}
    for p in problems:
        if p.form == form and p.row:
            by_row.setdefault(p.row, []).append(p)
    return [by_row.get(r.uuid, []) for r in rows]


def plan(existing: Sequence[RosterRow], values: list[dict[str, Any]], replace: bool) -> RowsPlan:
    """Append the rows after the roster's rows, or replace them all (one step either way)."""
    first = 0 if replace else len(existing)
    return RowsPlan(
        insert=[(first + i, EditSession.new_uuid(), v) for i, v in enumerate(values)],
        delete=[r.uuid for r in existing] if replace else [],
    )
