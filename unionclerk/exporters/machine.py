"""The machine data inside a workbook: the manifest and the canonical JSON report.

It lives on a very hidden, protected sheet as two columns (what, text). The JSON is split
over cells of at most `CHUNK` characters, because Excel cuts a cell at 32,767 UTF-16 units
(16,000 code points can never exceed that, whatever the characters). The SHA-256 in the
manifest is taken over the canonical JSON bytes, so any change to the data shows.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.formspec import door

SHEET = "_unionclerk"
SUBMISSION = "unionclerk.submission"
TEMPLATE = "unionclerk.template"
SUMMARY = "unionclerk.summary"
FORMAT_VERSION = 1
CHUNK = 16_000
CELL_LIMIT = 32_767
MANIFEST_KEY = "manifest"
PAYLOAD_KEY = "payload"


def manifest_text(manifest: dict[str, Any]) -> str:
    """The manifest as its cell holds it."""
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True)


def manifest_rows(manifest: dict[str, Any], payload: str | None) -> list[list[str]]:
    """Rows of the machine sheet: ("manifest", json), then ("payload", chunk)…"""
    rows = [[MANIFEST_KEY, manifest_text(manifest)]]
    if payload is not None:
        rows += [[PAYLOAD_KEY, payload[i : i + CHUNK]] for i in range(0, len(payload), CHUNK)]
    return rows


def build_manifest(
    *,
    kind: str,
    period: dict | None,
    form_versions: dict[str, int],
    unit: dict[str, str],
    program_version: str,
    layout_version: int,
    payload: bytes | None = None,
    status: str = "",
    draft: bool = True,
    exported_at: str = "",
    export_id: str = "",
    full_ids: bool = False,
    digest: tuple[str, int] | None = None,
) -> dict[str, Any]:
    """The manifest; with the payload's bytes, or with `digest` (its SHA-256 and size) when the
    payload was streamed and hashed on the way, the export's fields and the payload hash too."""
    if payload is not None:
        digest = (hashlib.sha256(payload).hexdigest(), len(payload))
    manifest: dict[str, Any] = {
        "format": kind,
        "format_version": FORMAT_VERSION,
        "program": "unionclerk",
        "program_version": program_version,
        "layout_version": layout_version,
        "form_versions": dict(form_versions),
        "unit": dict(unit),
        "period": period,
    }
    if digest is not None:
        manifest.update(
            {
                "status": status,
                "draft": draft,
                "exported_at": exported_at,
                "export_id": export_id,
                "full_ids": full_ids,
                "payload_sha256": digest[0],
                "payload_bytes": digest[1],
            }
        )
    return manifest


@dataclass
class MachineData:
    manifest: dict[str, Any]
    payload: str | None  # the canonical JSON text, joined from its cells
    problem: str = ""  # why the payload cannot be trusted ("" = it matches its hash)

    @property
    def corrupt(self) -> bool:
        return bool(self.problem)

    def document(self) -> dict[str, Any]:
        assert self.payload is not None
        return door.loads(self.payload)


def read_rows(rows: list[tuple[Any, Any]]) -> MachineData:
    """Rebuild the machine data from the sheet's (what, text) rows; raise UserError when the
    manifest itself cannot be read (then nothing about the file is known)."""
    manifest_text, chunks = None, []
    for key, text in rows:
        if key == MANIFEST_KEY and manifest_text is None:
            manifest_text = text
        elif key == PAYLOAD_KEY:
            chunks.append(text if isinstance(text, str) else "")
    if not isinstance(manifest_text, str):
        raise UserError(tr("工作簿的机器数据缺少清单（manifest），无法识别"))
    if len(manifest_text) > CELL_LIMIT:
        raise UserError(
            tr(
                "工作簿的机器数据清单长达 {n} 字，超出单元格上限：文件被改动过",
                n=len(manifest_text),
            )
        )
    try:
        manifest = door.loads(manifest_text)
    except json.JSONDecodeError:
        raise UserError(tr("工作簿的机器数据清单已损坏，无法读取")) from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("format"), str):
        raise UserError(tr("工作簿的机器数据清单格式不对，无法识别"))
    if manifest["format"] == TEMPLATE:
        return MachineData(manifest, None)
    oversize = [i for i, c in enumerate(chunks) if len(c) > CHUNK]
    payload = "".join(chunks)
    problem = ""
    if not chunks:
        problem = tr("机器数据中没有报表内容")
    elif oversize:
        problem = tr(
            "机器数据的第 {n} 段被改动过（长度 {size} 字，超出导出时的上限）",
            n=oversize[0] + 1,
            size=len(chunks[oversize[0]]),
        )
    else:
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        if digest != manifest.get("payload_sha256"):
            problem = tr("机器数据与其校验码（SHA-256）不符：数据在导出后被改动或已损坏")
    return MachineData(manifest, payload, problem)
