"""Compare a workbook's visible sheets with the sheets its machine data renders to.

A difference means somebody changed the workbook after export (or the machine data was
swapped): every differing cell is named, sheet and cell, with what was expected and found.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from unionclerk.domain.i18n import tr
from unionclerk.exporters.reading.safe import part_size, sparse_rows
from unionclerk.exporters.xlsx.layout import IDS_NOTE, IDS_NOTE_V1, SheetPlan, col_letter

MAX_LISTED = 200  # differences kept for showing; all are counted
# A sheet's XML may be this much larger than what its plan renders to (Excel's re-save adds
# styles and attributes); beyond that it is not read at all: the budget bounds the work.
# One long text (a pasted document) is cheap to parse, many cells are not: the bytes allow a
# few megabytes of slack, the cells read are bounded separately.
SHEET_BASE, BYTES_PER_CELL = 16 * 1024 * 1024, 400
EXTRA_CELLS = 10_000  # cells beyond the plan read before giving up on a sheet


@dataclass(frozen=True)
class EditedCell:
    sheet: str
    ref: str  # "C7", or "" for a whole sheet
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}" if self.ref else self.sheet


def _short(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:37]}…（共 {len(text)} 字）"


def same(expected: Any, found: Any) -> bool:
    if expected is None or expected == "":
        return found is None or found == ""
    if isinstance(expected, int | float | Decimal) and not isinstance(expected, bool):
        if isinstance(found, int | float) and not isinstance(found, bool):
            return abs(float(expected) - float(found)) <= 1e-9 * max(1.0, abs(float(found)))
        return False
    if expected == IDS_NOTE and found == IDS_NOTE_V1:
        return True  # a file masked the first way says so on its cover
    return isinstance(found, str) and found == expected


@dataclass
class Differences:
    cells: list[EditedCell]
    count: int = 0

    def add(self, cell: EditedCell) -> None:
        self.count += 1
        if len(self.cells) < MAX_LISTED:
            self.cells.append(cell)


def compare(wb: Any, plans: list[SheetPlan], hidden: set[str]) -> Differences:
    """Differences between the visible sheets of `wb` and `plans` (`hidden`: sheets that are
    not visible content, such as the machine sheet)."""
    diff = Differences([])
    names = list(wb.sheetnames)
    expected_names = [p.name for p in plans]
    for name in names:
        if name not in expected_names and name not in hidden:
            diff.add(EditedCell(name, "", "", "导出后新增的工作表"))
    for plan in plans:
        if plan.name not in names:
            diff.add(EditedCell(plan.name, "", "导出时的工作表", "已被删除或改名"))
            continue
        _compare_sheet(wb[plan.name], plan, diff)
    return diff


def sheet_budget(cells: int) -> int:
    """Bytes of sheet XML a sheet planned with `cells` cells may take."""
    return SHEET_BASE + BYTES_PER_CELL * cells


def _compare_sheet(ws: Any, plan: SheetPlan, diff: Differences) -> None:
    planned = plan.rows
    size, budget = part_size(ws), sheet_budget(sum(len(row) for row in planned))
    if size > budget:
        diff.add(
            EditedCell(
                plan.name,
                "",
                "",
                tr("工作表内容远多于导出时（{kb} KB），未逐格核对", kb=size // 1024),
            )
        )
        return
    seen, cells_left = 0, 2 * sum(len(row) for row in planned) + EXTRA_CELLS
    for r, found_row in sparse_rows(ws):
        cells_left -= len(found_row)
        if cells_left < 0:
            diff.add(EditedCell(plan.name, f"A{r}", "", tr("导出后新增了大量内容，其余未逐格核对")))
            return
        for gap in range(seen + 1, r):  # rows missing from the sheet
            _missing(plan, gap, diff)
        seen = r
        expected = {c.col: c.value for c in planned[r - 1]} if r <= len(planned) else {}
        heading = r == plan.header_row
        for c, found in sorted(found_row.items()):
            want = expected.pop(c, None)
            if (
                heading
                and isinstance(want, str)
                and isinstance(found, str)
                and found == want.replace("\n", "")
            ):
                continue  # a roster heading written before headings broke between words
            if not same(want, found):
                diff.add(EditedCell(plan.name, f"{col_letter(c)}{r}", _short(want), _short(found)))
        for c, want in expected.items():
            if not same(want, None):
                diff.add(EditedCell(plan.name, f"{col_letter(c)}{r}", _short(want), ""))
    for r in range(seen + 1, len(planned) + 1):  # rows deleted at the end of the sheet
        _missing(plan, r, diff)


def _missing(plan: SheetPlan, r: int, diff: Differences) -> None:
    if r > len(plan.rows):
        return
    for cell in plan.rows[r - 1]:
        if not same(cell.value, None):
            diff.add(EditedCell(plan.name, f"{col_letter(cell.col)}{r}", _short(cell.value), ""))
