"""Whether a received summary workbook still shows what its machine data holds.

The machine sheet's hash proves the data is as exported; this checks the visible figures a
person would change by hand: every 汇总表 (a row per unit, then 合计 and 填报单位数). Their
expected rows are worked out from the reports in the machine data with the writer's own code
(`Rollup`, `summary_sheets.single_rows`) and compared cell by cell. The words the writer puts
in the total rows (合计, 是 n) and the sheet names follow the language of whoever merged: the
sheets are found by their order, and in the total rows only numbers are compared; the unit
rows hold data and are compared whole.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.report import COVER
from unionclerk.exporters.reading.integrity import Differences, EditedCell, same, sheet_budget
from unionclerk.exporters.reading.safe import part_size, sparse_rows
from unionclerk.exporters.summary.sheets import sheet_keys, single_rows
from unionclerk.exporters.xlsx.layout import clean, col_letter
from unionclerk.formspec.model import FormSet
from unionclerk.formspec.rollup import Rollup, UnitLine

HEADER_ROWS = 3  # title, subtitle, column headings


class _Recorder:
    """Stands in for a summary sheet: keeps the values of the rows written to it."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []

    def heading(self, *_args: Any, **_kwargs: Any) -> None:
        pass

    def append(self, cells: list[tuple[Any, str]]) -> None:
        self.rows.append([clean(v) if isinstance(v, str) else v for v, _style in cells])


def expected_sheets(forms: FormSet, doc: dict[str, Any]) -> dict[str, tuple[list[list[Any]], int]]:
    """Sheet key ("single:<form>") → (the rows under the headings, how many are unit rows)."""
    rollup = Rollup(forms, Period.from_json(doc["period"]))
    lines: list[UnitLine] = []
    for report in doc["reports"]:
        cover = report["forms"].get(COVER, {})
        lines.append(
            rollup.add(
                str(cover.get("division_code", "")),
                str(cover.get("union_name", "")),
                report["forms"],
            )
        )
    out = {}
    for form in forms:
        if form.record_fields:
            sheet = _Recorder()
            single_rows(sheet, form, rollup, lines)  # type: ignore[arg-type]
            out[f"single:{form.key}"] = (sheet.rows, len(lines))
    return out


def compare_summary(wb: Any, forms: FormSet, doc: dict[str, Any]) -> Differences:
    """Cells of the 汇总表 sheets that differ from what the machine data gives."""
    diff = Differences([])
    keys, sheets = sheet_keys(forms), wb.worksheets
    if len(sheets) != len(keys):  # a sheet added or deleted: the places no longer tell
        diff.add(
            EditedCell(
                tr("工作簿"), "", tr("{n} 张工作表", n=len(keys)), tr("{n} 张工作表", n=len(sheets))
            )
        )
        return diff
    for key, (rows, units) in expected_sheets(forms, doc).items():
        sheet = sheets[keys.index(key)]
        name = sheet.title
        size = part_size(sheet)
        if size > sheet_budget(HEADER_ROWS * 4 + sum(len(row) for row in rows)):
            diff.add(
                EditedCell(
                    name,
                    "",
                    "",
                    tr("工作表内容远多于生成时（{kb} KB），未逐格核对", kb=size // 1024),
                )
            )
            continue
        found: dict[int, dict[int, Any]] = {}
        last = HEADER_ROWS
        for r, cells in sparse_rows(sheet):  # no filling: a stray far cell costs one cell
            if r > HEADER_ROWS and any(v != "" for v in cells.values()):
                last = r
            if HEADER_ROWS < r <= HEADER_ROWS + len(rows):
                found[r - HEADER_ROWS - 1] = cells
        if last - HEADER_ROWS != len(rows):
            diff.add(EditedCell(name, "", f"{len(rows)} 行", f"{last - HEADER_ROWS} 行"))
        for r, want_row in enumerate(rows):
            got_row = found.get(r, {})
            for c, want in enumerate(want_row):
                if r >= units and not _is_number(want):
                    continue  # 合计 / 填报单位数 labels: in the merging clerk's language
                got = got_row.get(c + 1)
                if not same(_lines(want), _lines(got)):
                    diff.add(
                        EditedCell(
                            name,
                            f"{col_letter(c + 1)}{HEADER_ROWS + r + 1}",
                            _text(want),
                            _text(got),
                        )
                    )
    return diff


def _lines(value: Any) -> Any:
    """Text with its line breaks as a workbook gives them back (\r\n and \r become \n)."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:37]}…"
