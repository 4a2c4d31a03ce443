"""Received reports kept in the county's own database (source RECEIVED).

After a merge, each included unit's report is stored (replacing an older received one), with
what the merge knew about it — export id and time, file, status, integrity — kept beside it in
the settings. The county can then open one township's report in the window, and merge again
when a late file arrives without adding all the others again: `stored_candidates` gives them
back as merge candidates. The folder's own report is never overwritten by a received one.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import RECEIVED, StoredData
from unionclerk.exporters import json_report
from unionclerk.formspec import FormSet
from unionclerk.formspec.codec import decode
from unionclerk.services import backup
from unionclerk.services.county.results import Candidate
from unionclerk.services.workspace import Workspace, database

PREFIX = "county.received"
_ROW_KEY = re.compile(r"^([a-z_]+)\.rows\[(\d+)\]\.(.+)$")
_KEPT = (
    "export_id",
    "exported_at",
    "time_from_file",
    "status",
    "draft",
    "integrity",
    "edited_detail",
    "file",
    "via",
    "via_code",
    "source",
    "content_sha",
    "dropped",
    "county",
    "city",
)


def _key(period: Period, code: str) -> str:
    return f"{PREFIX}.{period.code}.{code}"


def store(ws: Workspace, period: Period, winners: list[Candidate]) -> list[str]:
    """Keep the included reports; returns the codes stored or replaced (own unit skipped)."""
    with database(ws).read() as tx:
        own = {u.division_code for u in tx.list_units() if u.own}
        todo = []
        for c in winners:
            if c.stored or c.division_code in own:
                continue
            meta = tx.get_setting(_key(period, c.division_code))
            if meta and json.loads(meta).get("content_sha") == c.content_sha:
                continue  # the very same report is already kept
            todo.append((c, tx.get_report(c.division_code, period) is not None))
        had_reports = bool(tx.list_reports())
    if not todo:
        return []
    if had_reports:
        backup.make_backup(ws, reason="before-merge")
    stored = []
    for chunk in range(0, len(todo), 50):  # one transaction per 50 reports: bounded memory
        with database(ws).transaction() as tx:
            for c, _exists in todo[chunk : chunk + 50]:
                stored_data = as_stored(ws.forms, json.loads(Path(c.spill).read_bytes()))
                tx.upsert_unit(c.division_code, c.union_name)
                report = tx.get_report(c.division_code, period) or tx.create_report(
                    c.division_code, period, source=RECEIVED
                )
                tx.replace_data(report.id, stored_data, note=tr("汇总时接收：{file}", file=c.file))
                meta = {k: v for k, v in asdict(c).items() if k in _KEPT}
                tx.set_setting(_key(period, c.division_code), json.dumps(meta, ensure_ascii=False))
                stored.append(c.division_code)
    return stored


def as_stored(forms: FormSet, doc: dict[str, Any]) -> StoredData:
    """A normalised report (checked and rebuilt by the merge's reader: its values are
    exactly what the store keeps) as stored content, without reading it a second time."""
    data = StoredData()
    for form in forms:
        raw = doc["forms"].get(form.key) or {}
        record = raw.get("summary", {}) if form.is_roster else raw
        computed = {f.key for f in form.record_fields if f.type.computed}
        values = {k: v for k, v in record.items() if k not in computed and v is not None}
        if values:
            data.single[form.key] = values
        if form.is_roster and raw.get("rows"):
            data.rows[form.key] = [(str(uuid.uuid4()), row) for row in raw["rows"]]
    for key, text in (doc.get("explanations") or {}).items():
        m = _ROW_KEY.match(key)
        if m is None:
            data.explanations[key] = text
            continue
        rows = data.rows.get(m.group(1), [])
        if int(m.group(2)) < len(rows):
            data.explanations[f"{m.group(1)}.rows[{rows[int(m.group(2))][0]}].{m.group(3)}"] = text
    return data


def stored_candidates(ws: Workspace, period: Period, spill: Path) -> list[Candidate]:
    """The received reports of `period` kept in the database, as merge candidates."""
    out = []
    with database(ws).read() as tx:
        reports = [r for r in tx.list_reports() if r.period == period and r.source == RECEIVED]
        for i, report in enumerate(reports):
            raw_meta = tx.get_setting(_key(period, report.unit.division_code))
            meta = json.loads(raw_meta) if raw_meta else {}
            data = decode(ws.forms, tx.load_data(report.id))
            doc = json_report.build_document(ws.forms, period, data)
            raw = json_report.canonical(doc)
            target = spill / f"db-{i}.json"
            target.write_bytes(raw)
            sha = hashlib.sha256(raw).hexdigest()
            kept = {
                k: v for k, v in meta.items() if k in _KEPT and k not in ("file", "content_sha")
            }
            out.append(
                Candidate(
                    ident=f"db:{report.unit.division_code}",
                    file=tr("程序中已保存（原文件：{file}）", file=meta.get("file", "")),
                    division_code=report.unit.division_code,
                    union_name=report.unit.union_name,
                    period=period,
                    spill=str(target),
                    content_sha=sha,
                    stored=True,
                    origin=str(meta.get("file", "")),
                    **kept,
                )
            )
    return out


def _decisions_key(period: Period) -> str:
    return f"county.decisions.{period.code}"


def kept_decisions(ws: Workspace, period: Period) -> dict[str, str]:
    """The clerk's choices for the period (unit code -> file, or leave the unit out)."""
    with database(ws).read() as tx:
        raw = tx.get_setting(_decisions_key(period))
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def keep_decisions(ws: Workspace, period: Period, decisions: dict[str, str]) -> None:
    with database(ws).transaction() as tx:
        tx.set_setting(
            _decisions_key(period), json.dumps(decisions, ensure_ascii=False) if decisions else None
        )
