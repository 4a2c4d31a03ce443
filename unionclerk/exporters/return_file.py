"""The return file (退回文件, docs/review.md): the county's comments on one submission, for the
township that sent it.

One JSON file: `format`, `format_version`, the same kind of integrity manifest the submission
workbook carries (`machine.build_manifest`: SHA-256 over the canonical payload, export id =
the return's own id), and the payload: which submission it answers (unit, period, export id,
payload hash), the verdict and reason, and each comment at its form, roster row and field by
forms.md keys. `read` refuses, with the reason, a file that is not a return, is newer than
this program, or was edited after it was written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from unionclerk import __version__
from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.exporters import json_report, machine
from unionclerk.formspec import door
from unionclerk.formspec.model import FormSet

FORMAT = "unionclerk.return"
FORMAT_VERSION = 1
LAYOUT_VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
MAX_COMMENTS = 10_000
_TOP_KEYS = {"format", "format_version", "manifest", "payload"}


@dataclass(frozen=True)
class ReturnComment:
    id: str
    form: str
    field: str | None
    row_index: int | None  # 0-based, as `explanations` counts rows
    row_key: dict[str, Any] | None
    value: Any
    text: str
    by: str
    at: str

    @property
    def target(self) -> str:
        if self.row_index is not None:
            return f"{self.form}.rows[{self.row_index}]" + (f".{self.field}" if self.field else "")
        return f"{self.form}.{self.field}" if self.field else self.form

    def to_json(self) -> dict[str, Any]:
        row = None if self.row_index is None else {"index": self.row_index, "key": self.row_key}
        return {
            "id": self.id,
            "target": self.target,
            "form": self.form,
            "field": self.field,
            "row": row,
            "value": self.value,
            "text": self.text,
            "by": self.by,
            "at": self.at,
        }


@dataclass(frozen=True)
class ReturnDoc:
    return_id: str
    returned_at: str
    division_code: str
    union_name: str
    period: Period
    export_id: str
    payload_sha256: str
    exported_at: str
    made_by: dict[str, str]
    reviewer: str
    reason: str
    comments: list[ReturnComment]

    def payload(self) -> dict[str, Any]:
        return {
            "answers": {
                "division_code": self.division_code,
                "union_name": self.union_name,
                "period": self.period.to_json(),
                "export_id": self.export_id,
                "payload_sha256": self.payload_sha256,
                "exported_at": self.exported_at,
            },
            "made_by": dict(self.made_by),
            "verdict": "return",
            "reason": self.reason,
            "reviewer": self.reviewer,
            "returned_at": self.returned_at,
            "comments": [c.to_json() for c in self.comments],
        }


def build(doc: ReturnDoc, forms: FormSet) -> dict[str, Any]:
    """The whole file as a dict (see module docstring)."""
    payload = doc.payload()
    manifest = machine.build_manifest(
        kind=FORMAT,
        period=doc.period.to_json(),
        form_versions=forms.versions,
        unit={"division_code": doc.division_code, "union_name": doc.union_name},
        program_version=__version__,
        layout_version=LAYOUT_VERSION,
        payload=json_report.canonical(payload),
        status="return",
        draft=False,
        exported_at=doc.returned_at,
        export_id=doc.return_id,
    )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "manifest": manifest,
        "payload": payload,
    }


def dumps(whole: dict[str, Any]) -> str:
    return json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def looks_like_return(head: bytes) -> bool:
    """Whether the first bytes of a JSON file name this format (cheap: before parsing)."""
    return FORMAT.encode() in head


def read(raw: bytes, forms: FormSet) -> ReturnDoc:
    """Parse and verify a return file's bytes; `UserError` says what is wrong with it."""
    if len(raw) > MAX_BYTES:
        raise UserError(tr("文件过大，不是正常的退回文件"))
    try:
        whole = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise UserError(tr("不是有效的 JSON 文件，无法读取")) from None
    if not isinstance(whole, dict) or whole.get("format") != FORMAT:
        raise UserError(tr("这不是退回文件（format 应为“{f}”）", f=FORMAT))
    version = whole.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UserError(tr("format_version 应为整数"))
    if version > FORMAT_VERSION:
        raise UserError(
            tr(
                "退回文件的格式版本 {v} 比本程序（{mine}）新，请升级工会报表助手后再导入",
                v=version,
                mine=FORMAT_VERSION,
            )
        )
    unknown = sorted(set(whole) - _TOP_KEYS)
    manifest, payload = whole.get("manifest"), whole.get("payload")
    if unknown or not isinstance(manifest, dict) or not isinstance(payload, dict):
        raise UserError(tr("退回文件的结构不对（缺少 manifest 或 payload，或有未知项目）"))
    digest = hashlib.sha256(json_report.canonical(payload)).hexdigest()
    if digest != manifest.get("payload_sha256"):
        raise UserError(
            tr("退回文件在写出后被改动过或已损坏（内容与校验码 SHA-256 不符），请让县级重新发送")
        )
    try:
        return _doc(manifest, payload, forms)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise UserError(tr("退回文件的内容不完整或格式不对")) from None


def _text(value: Any, limit: int = 2000) -> str:
    """A text from the file, through the door (line breaks normalised; control, bidi and
    zero-width characters refused with the reason, like any text entering the program)."""
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError("text")
    return door.clean(value)


def _doc(manifest: dict[str, Any], payload: dict[str, Any], forms: FormSet) -> ReturnDoc:
    answers = payload["answers"]
    comments_raw = payload["comments"]
    if not isinstance(comments_raw, list) or len(comments_raw) > MAX_COMMENTS:
        raise ValueError("comments")
    comments = [_comment(c, forms) for c in comments_raw]
    return ReturnDoc(
        return_id=_text(manifest["export_id"], 64),
        returned_at=_text(payload["returned_at"]),
        division_code=_text(answers["division_code"], 12),
        union_name=_text(answers["union_name"], 200),
        period=Period.from_json(answers["period"]),
        export_id=_text(answers["export_id"], 64),
        payload_sha256=_text(answers["payload_sha256"], 64),
        exported_at=_text(answers.get("exported_at", "")),
        made_by={str(k): _text(v, 200) for k, v in dict(payload.get("made_by") or {}).items()},
        reviewer=_text(payload.get("reviewer", ""), 200),
        reason=_text(payload.get("reason", "")),
        comments=comments,
    )


def _comment(raw: Any, forms: FormSet) -> ReturnComment:
    form = _text(raw["form"], 40)
    field = raw.get("field")
    if form not in forms:
        raise ValueError("form")
    fdef = forms[form]
    if field is not None and not fdef.has_field(_text(field, 60)):
        raise ValueError("field")
    row = raw.get("row")
    index, key = None, None
    if row is not None:
        index, key = row["index"], row.get("key")
        if (
            not fdef.is_roster
            or not isinstance(index, int)
            or isinstance(index, bool)
            or index < 0
            or not (key is None or isinstance(key, dict))
        ):
            raise ValueError("row")
    return ReturnComment(
        id=_text(raw["id"], 64),
        form=form,
        field=field,
        row_index=index,
        row_key=key,
        value=raw.get("value"),
        text=_text(raw["text"]),
        by=_text(raw.get("by", ""), 200),
        at=_text(raw.get("at", "")),
    )
