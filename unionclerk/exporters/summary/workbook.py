"""The summary workbook (interchange.md §3), written in one streaming pass.

Sheets, in order: 汇总说明 (who, when, key figures), one sheet per single-record form (a row
per unit sorted by division code, then 合计 and 填报单位数), the cadres' summary part with the
derived figures, each roster with every unit's rows (the unit in front), 分类统计 (rows per
choice), 报送情况, 问题清单, and the very hidden machine sheet with the summary JSON (which
holds every included unit's report, so the summary can be merged one level up).

Write-only openpyxl: roster rows go straight to disk while the merge reads unit after unit
(`add_unit`); everything else is written by `finish`, which saves atomically. The machine
sheet's manifest row comes after the payload rows, because the payload's hash is known only
once the reports have streamed through (readers look the manifest up by its key).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from unionclerk import __version__
from unionclerk.exporters import atomic, machine
from unionclerk.exporters.summary import json_file as summary_json
from unionclerk.exporters.summary import sheets as summary_sheets
from unionclerk.exporters.summary.cells import SPECS, Sheet
from unionclerk.exporters.summary.model import SummaryHead
from unionclerk.exporters.xlsx.layout import NUMBER_STYLES, roster_columns
from unionclerk.exporters.xlsx.styles import StyleCache
from unionclerk.exporters.xlsx.writer import PROTECT
from unionclerk.formspec.model import FormDef, FormSet
from unionclerk.formspec.rollup import Rollup, UnitLine

# Raise when what a 汇总表 shows changes: a received summary is checked cell by cell against
# its machine data only when written with the same layout (exporters/summary/integrity.py).
LAYOUT_VERSION = 1


def _converters(form: FormDef) -> list[tuple[str, str, str]]:
    """(key, how to show, companion key) per roster column, worked out once per sheet: the
    per-cell work of a roster with millions of cells must stay tiny (same result as `shown`)."""
    out = []
    for f in roster_columns(form):
        kind = f.type.name
        how = (
            "number"
            if kind in NUMBER_STYLES
            else "bool"
            if kind == "bool"
            else "other"
            if kind == "choice" and f.has_other
            else ""
        )
        out.append((f.key, how, f.other_key))
    return out


class SummaryWorkbook:
    """Open while the merge streams units through; `finish` writes the rest and saves."""

    def __init__(self, forms: FormSet, head: SummaryHead) -> None:
        self.forms, self.head = forms, head
        self.wb = Workbook(write_only=True)
        self.wb.properties.creator = "unionclerk"
        created = head.generated_at
        if created.tzinfo is not None:  # openpyxl stores naive UTC
            created = created.astimezone(UTC).replace(tzinfo=None)
        self.wb.properties.created = created
        self._styles = StyleCache(SPECS)
        self.sheets = summary_sheets.create_sheets(forms, head, self.sheet)
        self._rosters = {
            f.key: (self.sheets[f"roster:{f.key}"], _converters(f)) for f in forms if f.is_roster
        }
        self._seq = {key: 0 for key in self._rosters}
        # free-text and 其他(…) columns may wrap; the unit's name (column 3) too
        self._wrap = {
            f.key: [2]
            + [i for i, (_k, how, _o) in enumerate(_converters(f), start=3) if how in ("", "other")]
            for f in forms
            if f.is_roster
        }

    def sheet(self, name: str) -> Sheet:
        return Sheet(self.wb, name, self._styles, self.head.draft)

    def add_unit(self, division_code: str, union_name: str, forms_json: Mapping[str, Any]) -> None:
        """Stream one unit's roster rows into the roster sheets (plain cells: a province's
        rosters run to millions of cells; the column formats come from the heading)."""
        for key, (sheet, columns) in self._rosters.items():
            raw = forms_json.get(key) or {}
            wrap = self._wrap[key]
            for row in raw.get("rows") or []:
                self._seq[key] += 1
                values = [self._seq[key], division_code, union_name]
                for field_key, kind, other in columns:
                    value = row.get(field_key)
                    if value is not None and kind:
                        if kind == "bool":
                            value = "是" if value else "否"
                        elif kind == "other" and value == "其他" and row.get(other):
                            value = f"其他({row[other]})"
                        elif kind == "number" and isinstance(value, str):
                            value = float(value)
                    values.append(value)
                sheet.append_plain(values, wrap)

    def finish(
        self, target: Path, rollup: Rollup, lines: list[UnitLine], reports: summary_json.Reports
    ) -> None:
        """Write the remaining sheets and the machine data, then save atomically."""
        summary_sheets.fill(self.sheets, self.forms, self.head, rollup, lines)
        for sheet in self.sheets.values():
            sheet.flush()
        totals = rollup.totals()
        self._machine(totals, reports)
        with atomic.atomic_path(Path(target)) as tmp:
            self.wb.save(tmp)

    def discard(self) -> None:
        """Close the streams of an abandoned workbook (cancel, failure): nothing is saved."""
        for sheet in self.sheets.values():
            try:
                sheet.ws.close()
            except Exception:  # noqa: BLE001 - already closed or half-written: either way, gone
                pass

    def _machine(self, totals: dict[str, Any], reports: summary_json.Reports) -> None:
        sheet = self.sheets["machine"]
        sheet.ws.sheet_state = "veryHidden"
        sheet.ws.protection.sheet = True
        sheet.ws.protection.password = PROTECT
        digest, size, pending, step = hashlib.sha256(), 0, "", machine.CHUNK
        for part in summary_json.canonical_parts(self.head, totals, reports()):
            digest.update(part)
            size += len(part)
            text = pending + part.decode("utf-8")  # parts end on token boundaries
            whole = len(text) // step * step
            for i in range(0, whole, step):
                sheet.append([(machine.PAYLOAD_KEY, "machine"), (text[i : i + step], "machine")])
            pending = text[whole:]
        if pending:
            sheet.append([(machine.PAYLOAD_KEY, "machine"), (pending, "machine")])
        manifest = machine.build_manifest(
            kind=machine.SUMMARY,
            period=self.head.period.to_json(),
            form_versions=self.forms.versions,
            unit=dict(self.head.made_by),
            program_version=__version__,
            layout_version=LAYOUT_VERSION,
            status="",
            draft=self.head.draft,
            exported_at=self.head.generated_at.isoformat(timespec="seconds"),
            export_id=self.head.export_id,
            full_ids=False,
            digest=(digest.hexdigest(), size),
        )
        manifest["units"] = len(self.head.units)
        sheet.append(
            [(machine.MANIFEST_KEY, "machine"), (machine.manifest_text(manifest), "machine")]
        )
