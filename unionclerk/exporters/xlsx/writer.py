"""Writes sheet plans into a workbook: streaming (write-only) rows, cached styles, print set-up
(A4, fit to width, landscape for wide rosters, header rows repeated on every page), frozen
panes, the very hidden machine sheet and, for templates, a hidden sheet of drop-down lists.

The file is written to a temporary name in the target folder and renamed into place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import PageSetupProperties

from unionclerk.exporters import atomic
from unionclerk.exporters.machine import SHEET as MACHINE_SHEET
from unionclerk.exporters.xlsx import measure as xlsx_measure
from unionclerk.exporters.xlsx import rows as xlsx_rows
from unionclerk.exporters.xlsx.layout import SheetPlan, col_letter
from unionclerk.exporters.xlsx.styles import SPECS, StyleCache

LIST_SHEET = "_lists"
PROTECT = "unionclerk"  # not a secret: sheet protection only stops accidental edits


# Inches. The page header and footer (up to 14 pt: the draft's 草稿) need about 0.3 in between
# the header margin and the top margin, or LibreOffice and Excel print them cut in half.
MARGIN_X, MARGIN_Y, HEADER_MARGIN = 0.4, 0.75, 0.3


def page_margins(ws) -> None:  # noqa: ANN001 - openpyxl sheet
    """Margins that leave the page header and footer room for their text."""
    ws.page_margins.left = ws.page_margins.right = MARGIN_X
    ws.page_margins.top = ws.page_margins.bottom = MARGIN_Y
    ws.page_margins.header = ws.page_margins.footer = HEADER_MARGIN


def _page_setup(ws, plan: SheetPlan, draft: bool) -> None:  # noqa: ANN001 - openpyxl sheet
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape" if plan.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    page_margins(ws)
    footer = ws.HeaderFooter.oddFooter.center
    footer.text = "第 &P 页 共 &N 页"
    header = ws.HeaderFooter.oddHeader
    header.left.text = plan.name
    if draft:
        header.right.text = "草稿"
        header.right.color = "C00000"
        header.right.size = 14
    if plan.header_row:
        ws.print_title_rows = f"{plan.header_row}:{plan.header_row}"
        ws.freeze_panes = f"C{plan.header_row + 1}"


def write_workbook(
    target: Path,
    plans: Sequence[SheetPlan],
    machine: list[list[str]],
    *,
    draft: bool,
    created: datetime | None = None,
    lists: dict[str, list[str]] | None = None,
    validations: dict[str, list[tuple[str, str]]] | None = None,
) -> None:
    """Write the workbook atomically. `lists` maps a defined name to drop-down values;
    `validations` maps a sheet name to (cell range, defined name) pairs."""
    wb = Workbook(write_only=True)
    if created is not None:
        wb.properties.created = created
    wb.properties.creator = "unionclerk"
    styles = StyleCache()
    for plan in plans:
        xlsx_measure.fit_plan(plan, SPECS)
        _write_sheet(wb, plan, styles, draft, (validations or {}).get(plan.name, []))
    if lists:
        _write_lists(wb, lists)
    _write_machine(wb, machine, styles)
    with atomic.atomic_path(Path(target)) as tmp:
        wb.save(tmp)


def _write_sheet(
    wb: Workbook,
    plan: SheetPlan,
    styles: StyleCache,
    draft: bool,
    validations: list[tuple[str, str]],
) -> None:
    ws = wb.create_sheet(plan.name)
    for i, width in enumerate(plan.widths, start=1):
        ws.column_dimensions[col_letter(i)].width = round(width, 1)
    for row, height in plan.heights.items():
        ws.row_dimensions[row].height = height
    _page_setup(ws, plan, draft)
    for ref in plan.merges:
        ws.merged_cells.add(ref)
    for cell_range, name in validations:
        dv = DataValidation(
            type="list",
            formula1=name,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="请从下拉列表中选择",
            error="请从下拉列表中选择；没有合适的选项时选“其他”并在旁边一列注明。",
        )
        dv.add(cell_range)
        ws.data_validations.append(dv)
    for row, col, sheet in plan.links:
        ws._hyperlinks.append(
            Hyperlink(ref=f"{col_letter(col)}{row}", location=f"'{sheet}'!A1", display=sheet)
        )
    if xlsx_rows.install(ws, styles, plan.heights):
        for cells in plan.rows:
            ws.append(cells)
        return
    ws._values_to_row = _cells_to_row
    make = styles.cell
    for cells in plan.rows:
        ws.append([make(ws, c.value, c.style, c.col) for c in cells])


def _cells_to_row(cells: list, row_idx: int):  # noqa: ANN202 - a generator of openpyxl cells
    """Stands in for WriteOnlyWorksheet._values_to_row: our rows are ready-made cells, so
    openpyxl's per-value conversion (which raises and catches for every Cell) is skipped."""
    for cell in sorted(cells, key=lambda c: c.column):
        cell.row = row_idx
        yield cell


def _write_lists(wb: Workbook, lists: dict[str, list[str]]) -> None:
    ws = wb.create_sheet(LIST_SHEET)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    ws.protection.password = PROTECT
    columns = list(lists.items())
    longest = max((len(v) for _, v in columns), default=0)
    for r in range(longest):
        ws.append([values[r] if r < len(values) else None for _, values in columns])
    for i, (name, values) in enumerate(columns, start=1):
        letter = col_letter(i)
        ref = f"'{LIST_SHEET}'!${letter}$1:${letter}${max(1, len(values))}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)


def _write_machine(wb: Workbook, rows: list[list[str]], styles: StyleCache) -> None:
    ws = wb.create_sheet(MACHINE_SHEET)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    ws.protection.password = PROTECT
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 100
    ws._values_to_row = _cells_to_row
    for key, text in rows:
        ws.append([styles.cell(ws, key, "machine", 1), styles.cell(ws, text, "machine", 2)])
