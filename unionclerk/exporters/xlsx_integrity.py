"""Compare a workbook's visible sheets with the sheets its machine data renders to.

A difference means somebody changed the workbook after export (or the machine data was
swapped): every differing cell is named, sheet and cell, with what was expected and found.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from unionclerk.exporters.xlsx_layout import IDS_NOTE, IDS_NOTE_V1, SheetPlan, col_letter
from unionclerk.exporters.xlsx_safe import sheet_rows

MAX_LISTED = 200  # differences kept for showing; all are counted


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


def _compare_sheet(ws: Any, plan: SheetPlan, diff: Differences) -> None:
    planned = plan.rows
    seen = 0
    for r, found_row in enumerate(sheet_rows(ws), start=1):
        seen = r
        expected = {c.col: c.value for c in planned[r - 1]} if r <= len(planned) else {}
        heading = r == plan.header_row
        for c, found in enumerate(found_row, start=1):
            want = expected.pop(c, None)
            if heading and isinstance(want, str) and isinstance(found, str) \
                    and found == want.replace("\n", ""):
                continue  # a roster heading written before headings broke between words
            if not same(want, found):
                diff.add(EditedCell(plan.name, f"{col_letter(c)}{r}", _short(want),
                                    _short(found)))
        for c, want in expected.items():
            if not same(want, None):
                diff.add(EditedCell(plan.name, f"{col_letter(c)}{r}", _short(want), ""))
    for r in range(seen + 1, len(planned) + 1):  # rows deleted at the end of the sheet
        for cell in planned[r - 1]:
            if not same(cell.value, None):
                diff.add(EditedCell(plan.name, f"{col_letter(cell.col)}{r}", _short(cell.value),
                                    ""))
