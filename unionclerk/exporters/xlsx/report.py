"""The submission workbook (interchange.md §2) and the blank fill-in template.

Submission: a cover sheet (unit, period, status, table of contents), one sheet per form in the
official layout, and a very hidden, protected sheet with the manifest and the canonical JSON
report. Template: the same sheets with empty rosters whose choice columns have drop-down
lists (kept on a hidden list sheet, referenced by defined names), and a template manifest.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from unionclerk import __version__
from unionclerk.domain.period import Period
from unionclerk.domain.report import COVER, ReportData
from unionclerk.exporters import machine
from unionclerk.exporters.bundle import Bundle, context, unit_identity
from unionclerk.exporters.xlsx import writer as xlsx_writer
from unionclerk.exporters.xlsx.layout import LAYOUT_VERSION, Context, SheetPlan, col_letter
from unionclerk.exporters.xlsx.sheets import plan_workbook
from unionclerk.formspec.model import FieldDef, FormSet

TEMPLATE_ROWS = 200  # empty roster rows in a template (more can be inserted in Excel)


def submission_plans(forms: FormSet, bundle: Bundle) -> list[SheetPlan]:
    return plan_workbook(context(forms, bundle.period, bundle.data, bundle.manifest))


def write_submission(target: Path, forms: FormSet, bundle: Bundle) -> None:
    """Write the submission workbook for a prepared export."""
    rows = machine.manifest_rows(bundle.manifest, bundle.canonical.decode("utf-8"))
    created = datetime.fromisoformat(bundle.manifest["exported_at"])
    if created.tzinfo is not None:  # openpyxl stores naive UTC
        created = created.astimezone(UTC).replace(tzinfo=None)
    xlsx_writer.write_workbook(
        target,
        submission_plans(forms, bundle),
        rows,
        draft=bool(bundle.manifest["draft"]),
        created=created,
    )


def template_context(
    forms: FormSet,
    period: Period | None,
    cover: dict[str, Any] | None = None,
    rows: int = TEMPLATE_ROWS,
) -> Context:
    data = ReportData()
    if cover:
        data.single[COVER] = dict(cover)
    return Context(
        forms=forms,
        period=period,
        data=data,
        draft=False,
        status_label="空白模板（填写后用“导入”读入程序）",
        program_version=__version__,
        template_rows=rows,
    )


def template_plans(
    forms: FormSet, period: Period | None = None, cover: dict[str, Any] | None = None
) -> list[SheetPlan]:
    return plan_workbook(template_context(forms, period, cover))


def list_name(form: str, f: FieldDef) -> str:
    return f"uc_{form}_{f.key}"


def _choices(f: FieldDef) -> list[str]:
    return ["是", "否"] if f.type.name == "bool" else list(f.choices)


def write_template(
    target: Path, forms: FormSet, period: Period | None = None, cover: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Write a blank fill-in workbook; returns its manifest."""
    plans = template_plans(forms, period, cover)
    lists: dict[str, list[str]] = {}
    validations: dict[str, list[tuple[str, str]]] = {}
    for plan in plans:
        form_key = plan.form or COVER
        form = forms[form_key]
        checks = validations.setdefault(plan.name, [])
        for col, f in plan.choice_columns:  # roster columns
            name = list_name(form_key, f)
            lists.setdefault(name, _choices(f))
            letter = col_letter(col)
            first = (plan.header_row or 0) + 1
            checks.append((f"{letter}{first}:{letter}{plan.table_end + 500}", name))
        for key, (row, col) in plan.field_cells.items():  # record fields
            f = form.field(key)
            if f.type.name in ("choice", "bool"):
                lists.setdefault(list_name(form_key, f), _choices(f))
                checks.append((f"{col_letter(col)}{row}", list_name(form_key, f)))
    manifest = machine.build_manifest(
        kind=machine.TEMPLATE,
        period=period.to_json() if period else None,
        form_versions=forms.versions,
        unit=unit_identity(template_context(forms, None, cover).data),
        program_version=__version__,
        layout_version=LAYOUT_VERSION,
    )
    xlsx_writer.write_workbook(
        target,
        plans,
        machine.manifest_rows(manifest, None),
        draft=False,
        lists=lists,
        validations=validations,
    )
    return manifest
