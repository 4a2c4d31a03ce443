"""The list of expected units (应报单位名单): read from .xlsx or .csv, kept in the program.

A county's list is usually a sheet it already has: maybe a title line, a header row
(行政区划代码 / 单位名称, or similar), then one unit per row. We take the first column that
holds 12-digit codes and the column headed like a name (else the next text column). Excel
may have turned a code into a number; 12 digits survive that, so such cells are accepted.
CSV files from Chinese Excel are GBK; UTF-8 (with or without BOM) is tried first.

The list is kept in the database's settings, so each period's merge starts from it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.exporters.reading import safe as xlsx_safe
from unionclerk.services.roster_import import decode_text
from unionclerk.services.workspace import Workspace, database

SETTING = "county.expected_units"
_CODE = re.compile(r"^\d{12}$")
_NAME_HEADS = ("名称", "单位", "工会", "乡镇", "街道", "name")
MAX_ROWS = 10_000  # a province has about 1,400 townships; more rows is not a list of units
MAX_NAME = 100  # characters of a unit's name

Expected = list[tuple[str, str]]


def _code(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        value = str(int(value))
    text = str(value or "").strip().replace("\u3000", "")
    return text if _CODE.match(text) else None


def _rows_from_csv(path: Path) -> list[list[Any]]:
    text = decode_text(path.read_bytes())
    if text is None:
        raise UserError(
            tr("应报单位名单的编码无法识别（请另存为 UTF-8 或 GBK 的 CSV）"), where=path.name
        )
    reader = csv.reader(io.StringIO(text))
    rows: list[list[Any]] = []
    try:
        for row in reader:
            rows.append(row)
            _too_many(rows, path)
    except csv.Error:  # a field of more than 131,072 characters, a NUL byte...
        raise UserError(
            tr(
                "应报单位名单第 {n} 行无法读取（内容过长或含有无法识别的字符），不是正常的单位名单",
                n=reader.line_num,
            ),
            where=path.name,
        ) from None
    return rows


def _too_many(rows: list[list[Any]], path: Path) -> None:
    if len(rows) > MAX_ROWS:
        raise UserError(
            tr(
                "应报单位名单超过 {max} 行（第 {n} 行起），不像一个地区的应报单位名单；"
                "请只保留应报单位后再选",
                max=f"{MAX_ROWS:,}",
                n=f"{len(rows):,}",
            ),
            where=path.name,
        )


def _rows_from_xlsx(path: Path) -> list[list[Any]]:
    with xlsx_safe.open_workbook(path) as wb:
        if not wb.worksheets:
            raise UserError(tr("应报单位名单工作簿中没有工作表"), where=path.name)
        rows: list[list[Any]] = []
        try:
            for r, cells in xlsx_safe.sparse_rows(wb.worksheets[0]):
                while len(rows) < r - 1:  # blank rows keep the numbering the clerk sees
                    rows.append([])
                    _too_many(rows, path)
                width = max(cells, default=0)
                if width > 1000:  # a stray cell far to the right: read only the list's part
                    cells = {c: v for c, v in cells.items() if c <= 1000}
                    width = max(cells, default=0)
                rows.append([cells.get(c) for c in range(1, width + 1)])
                _too_many(rows, path)
        except xlsx_safe.READ_ERRORS as exc:
            raise UserError(
                tr(
                    "应报单位名单工作簿已损坏，第 {n} 行之后无法读取（{kind}）",
                    n=len(rows),
                    kind=type(exc).__name__,
                ),
                where=path.name,
            ) from None
        return rows


def read_expected(path: Path) -> Expected:
    """(division code, name) pairs, in the list's order; refuses a list it cannot read."""
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("找不到应报单位名单文件"), where=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _rows_from_xlsx(path)
    elif suffix in (".csv", ".txt"):
        rows = _rows_from_csv(path)
    else:
        raise UserError(tr("应报单位名单应为 .xlsx 或 .csv 文件"), where=path.name)
    code_col = name_col = None
    header: list[Any] = []
    for row in rows:
        hits = [i for i, v in enumerate(row) if _code(v)]
        if hits:
            code_col = hits[0]
            break
        if any(isinstance(v, str) and v.strip() for v in row):
            header = row
    if code_col is None:
        raise UserError(tr("应报单位名单中没有找到12位的行政区划代码"), where=path.name)
    for i, head in enumerate(header):
        if i != code_col and isinstance(head, str) and any(k in head for k in _NAME_HEADS):
            name_col = i
            break
    out: Expected = []
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        value = row[code_col] if code_col < len(row) else None
        code = _code(value)
        if code is None:
            if re.fullmatch(r"\d{5,20}(\.0)?", str(value or "").strip()):  # a broken code
                raise UserError(
                    tr(
                        "应报单位名单第 {n} 行的行政区划代码“{value}”不是12位数字",
                        n=n,
                        value=str(value)[:20],
                    ),
                    where=path.name,
                )
            continue
        if code in seen:
            continue
        seen.add(code)
        name = _name(row, code_col, name_col)
        if len(name) > MAX_NAME:
            raise UserError(
                tr(
                    "应报单位名单第 {n} 行的单位名称长达 {k} 字，不是单位名称",
                    n=n,
                    k=f"{len(name):,}",
                ),
                where=path.name,
            )
        out.append((code, name))
    return out


def _name(row: list[Any], code_col: int, name_col: int | None) -> str:
    if name_col is not None and name_col < len(row) and row[name_col] is not None:
        return str(row[name_col]).strip()
    for i, v in enumerate(row):
        if i != code_col and isinstance(v, str) and v.strip() and not _code(v):
            return v.strip()
    return ""


def keep(ws: Workspace, expected: Expected | None) -> None:
    """Keep the list in the program (None forgets it)."""
    with database(ws).transaction() as tx:
        tx.set_setting(
            SETTING,
            None
            if expected is None
            else json.dumps([list(e) for e in expected], ensure_ascii=False),
        )


def kept(ws: Workspace) -> Expected | None:
    with database(ws).read() as tx:
        raw = tx.get_setting(SETTING)
    if not raw:
        return None
    try:
        return [(str(code), str(name)) for code, name in json.loads(raw)]
    except (ValueError, TypeError):
        return None
