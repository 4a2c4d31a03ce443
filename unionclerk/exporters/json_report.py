"""The JSON report (interchange.md §1): strict reading and canonical writing.

Reading never bypasses validation: a value its field cannot hold is refused with the form,
field and row named (`UserError.where`). Rule problems are not this module's business: the
caller stores the report and runs the checks, exactly as if the values had been typed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from unionclerk.domain.errors import UserError, ValueRefused
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.report import COVER, ReportData, RosterRow
from unionclerk.exporters import json_budget
from unionclerk.formspec import door, idmask
from unionclerk.formspec.model import FieldDef, FormDef, FormSet

FORMAT = "unionclerk.report"
SUMMARY_FORMAT = "unionclerk.summary"
FORMAT_VERSION = 1
MAX_ROWS = 100_000
_TOP_KEYS = {
    "format",
    "format_version",
    "period",
    "forms",
    "explanations",
    "form_versions",
    "nothing_to_report",
    "review",
}
_EXPLAIN_RE = re.compile(r"^([a-z_]+)\.(?:rows\[(\d{1,9})\]\.)?([a-z_0-9]+)$")


@dataclass
class ParsedReport:
    period: Period
    data: ReportData
    form_versions: dict[str, int]
    dropped: list[str] = field(default_factory=list)  # keys of older versions with no successor
    review: dict[str, Any] | None = None  # the replies to a return (docs/review.md)
    warnings: list[str] = field(default_factory=list)  # what a reader saw but did not import

    @property
    def division_code(self) -> str | None:
        return self.data.cover.get("division_code")

    @property
    def union_name(self) -> str | None:
        return self.data.cover.get("union_name")


def parse_text(text: bytes | str, forms: FormSet) -> ParsedReport:
    """Decode and validate a JSON report file's content."""
    # The door for the whole text at once when it holds nothing the door would change or
    # refuse (then `plain`), else value by value.
    doc, plain = _named_if_no_json(json_budget.loads_plain, text)
    return parse_document(doc, forms, plain=plain)


def decode(text: bytes | str) -> Any:
    """A JSON file's value (UserError, named for the clerk, when it is no JSON)."""
    return _named_if_no_json(json_budget.loads, text)  # size and structure budget, then the door


_Read = TypeVar("_Read")


def _named_if_no_json(load: Callable[[bytes | str], _Read], text: bytes | str) -> _Read:
    """`load(text)`, saying in the clerk's words why a file is no JSON."""
    try:
        return load(text)
    except UnicodeDecodeError:
        raise UserError(tr("文件不是 UTF-8 编码的 JSON，无法读取")) from None
    except json.JSONDecodeError as exc:
        raise UserError(
            tr(
                "不是有效的 JSON 文件（第 {line} 行第 {col} 列附近出错）",
                line=exc.lineno,
                col=exc.colno,
            )
        ) from None
    except RecursionError:  # nested thousands of levels deep: no report looks like that
        raise UserError(tr("JSON 嵌套层数过多，不是工会报表文件")) from None


def parse_document(doc: Any, forms: FormSet, *, plain: bool = False) -> ParsedReport:
    """Validate a decoded JSON report. `plain`: `doc` came from `door.loads_plain`, which
    found every string and number in it plain, so each value skips the door's own look."""
    if not isinstance(doc, dict) or "format" not in doc:
        raise UserError(tr("这不是工会报表文件（缺少 format 标记）"))
    if doc["format"] == SUMMARY_FORMAT:
        raise UserError(tr("这是汇总文件，不是单个单位的报表；汇总文件请用“汇总”(merge) 读取"))
    if doc["format"] != FORMAT:
        raise UserError(tr("这不是工会报表文件（format 为“{f}”）", f=str(doc["format"])[:40]))
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UserError(tr("format_version 应为整数"))
    if version > FORMAT_VERSION:
        raise UserError(
            tr(
                "文件格式版本 {v} 比本程序（{mine}）新，请升级工会报表助手后再导入",
                v=version,
                mine=FORMAT_VERSION,
            )
        )
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        raise UserError(tr("文件含有未知的项目：{keys}", keys="、".join(map(_key, unknown[:5]))))
    period = Period.from_json(doc.get("period"))
    versions = _versions(doc.get("form_versions"), forms)
    raw_forms = doc.get("forms")
    if not isinstance(raw_forms, dict):
        raise UserError(tr("forms 应为对象"), where="forms")
    for key in raw_forms:
        if key not in forms:
            raise UserError(tr("未知的表“{form}”", form=_key(key)), where=f"forms.{_key(key)}")
    parsed = ParsedReport(period, ReportData(), versions)
    for form in forms:
        raw = raw_forms.get(form.key)
        if raw is None:
            continue
        version = versions.get(form.key, form.version)
        if form.is_roster:
            _read_roster(form, raw, parsed, version, plain)
        else:
            readers = _readers(form.record_fields, plain)
            parsed.data.single[form.key] = _read_record(
                form, raw, form.key, parsed, version, readers
            )
    parsed.data.explanations = _explanations(doc.get("explanations"), parsed.data, forms)
    parsed.data.nothing = _nothing(doc.get("nothing_to_report"), forms)
    parsed.review = _review(doc.get("review"))
    return parsed


def _nothing(raw: Any, forms: FormSet) -> set[str]:
    """`nothing_to_report`: the forms marked 本期无此项 (optional; absent means none)."""
    if raw is None:
        return set()
    if not isinstance(raw, list) or not all(isinstance(k, str) for k in raw):
        raise UserError(tr("nothing_to_report 应为表名的列表"), where="nothing_to_report")
    for key in raw:
        if key not in forms or key == COVER:
            raise UserError(
                tr("“本期无此项”指向未知的表“{form}”", form=_key(key)), where="nothing_to_report"
            )
    return set(raw)


def _review(raw: Any) -> dict[str, Any] | None:
    """The optional `review` block: which return this report answers and the replies."""
    if raw is None:
        return None
    replies = raw.get("replies") if isinstance(raw, dict) else None
    if (
        not isinstance(raw.get("answers") if isinstance(raw, dict) else None, str)
        or not isinstance(replies, list)
        or len(replies) > 10_000
        or not all(
            isinstance(r, dict)
            and all(
                isinstance(r.get(k), str) and len(r[k]) <= 5000
                for k in ("comment", "target", "text", "reply")
            )
            for r in replies
        )
    ):
        raise UserError(tr("review（对退回意见的回复）格式不对"), where="review")
    return raw


def _versions(raw: Any, forms: FormSet) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise UserError(tr("form_versions 应为对象"), where="form_versions")
    out = {}
    for key, v in raw.items():
        if key not in forms:
            raise UserError(
                tr("未知的表“{form}”", form=_key(key)), where=f"form_versions.{_key(key)}"
            )
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise UserError(tr("表的版本应为正整数"), where=f"form_versions.{key}")
        if v > forms[key].version:
            raise UserError(
                tr(
                    "“{title}”的版本 {v} 比本程序的版本 {mine} 新，请升级后再导入",
                    title=forms[key].display_title,
                    v=v,
                    mine=forms[key].version,
                ),
                where=f"form_versions.{key}",
            )
        out[key] = v
    return out


def _read_record(
    form: FormDef,
    raw: Any,
    where: str,
    parsed: ParsedReport,
    version: int,
    readers: dict[str, Any],
) -> dict[str, Any]:
    """One record or row; `readers` maps each allowed key to its reader (`_readers`)."""
    if not isinstance(raw, dict):
        raise UserError(tr("应为对象（字段 → 值）"), where=where)
    older = version < form.version
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if older:
            if key in form.renamed:
                key = form.renamed[key]
            elif key in form.deleted:
                parsed.dropped.append(f"{where}.{key}")
                continue
        read = readers.get(key)
        if read is None:
            raise UserError(
                tr("未知的字段“{field}”", field=_key(key)), where=f"{where}.{_key(key)}"
            )
        if value is None:
            continue
        try:
            typed = read(value)
        except ValueRefused as exc:
            fdef = form.field(key)
            raise UserError(
                tr(
                    "“{label}”的值 {value} 无法接受：{reason}",
                    label=fdef.plain_label,
                    value=idmask.mask_ids_in_text(_short(value)),
                    reason=exc.message,
                ),
                where=f"{where}.{key}",
            ) from None
        if typed is not None:
            out[key] = typed
    return out


def _readers(fields: list[FieldDef], plain: bool) -> dict[str, Any]:
    """Each field's reader: through the door and the type, or (`plain`: the whole text has
    passed the door) straight to the type, which reads the value exactly as after the door."""
    return {f.key: f.type.from_json if plain else f.from_json for f in fields}


def _read_roster(form: FormDef, raw: Any, parsed: ParsedReport, version: int, plain: bool) -> None:
    where = form.key
    if not isinstance(raw, dict):
        raise UserError(tr('名单表应为 {{"rows": [...]}} 对象'), where=where)
    extra = sorted(set(raw) - ({"rows", "summary"} if form.summary else {"rows"}))
    if extra:
        raise UserError(
            tr("名单表含有未知的项目：{keys}", keys="、".join(map(_key, extra[:5]))), where=where
        )
    if "summary" in raw:
        parsed.data.single[form.key] = _read_record(
            form,
            raw["summary"],
            f"{where}.summary",
            parsed,
            version,
            _readers(form.record_fields, plain),
        )
    rows = raw.get("rows", [])
    if not isinstance(rows, list):
        raise UserError(tr("rows 应为数组"), where=f"{where}.rows")
    if len(rows) > MAX_ROWS:
        raise UserError(tr("名单超过 {n} 行，无法导入", n=MAX_ROWS), where=f"{where}.rows")
    readers = _readers(form.fields, plain)
    current = version >= form.version  # no renamed or deleted keys to look for
    out = parsed.data.rows[form.key] = []
    for (i, row), uuid in zip(enumerate(rows), _uuid4s(len(rows)), strict=True):
        values = _read_quickly(row, readers) if current else None
        if values is None:  # an older version, or a problem the careful reading names
            values = _read_record(form, row, f"{where}.rows[{i}]", parsed, version, readers)
        out.append(RosterRow(values, uuid))


def _read_quickly(raw: Any, readers: dict[str, Any]) -> dict[str, Any] | None:
    """A row of the current version read as `_read_record` reads it, in one comprehension
    (2,000 rows: a few ms less); None when that one must look again to name a problem."""
    try:
        return {
            key: typed
            for key, value in raw.items()
            if value is not None and (typed := readers[key](value)) is not None
        }
    except (AttributeError, KeyError, ValueRefused):  # not an object, an unknown key, a value
        return None


def _uuid4s(n: int) -> list[str]:
    """`n` new random (version 4) UUIDs as text, like `str(uuid.uuid4())` but in one go."""
    raw = os.urandom(16 * n).hex()
    out = []
    for i in range(0, 32 * n, 32):
        h = raw[i : i + 32]
        out.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}")
    return out


def _explanations(raw: Any, data: ReportData, forms: FormSet) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise UserError(tr("explanations 应为对象"), where="explanations")
    out = {}
    for key, text in raw.items():
        m = _EXPLAIN_RE.match(key)
        if not m or m.group(1) not in forms or not isinstance(text, str):
            raise UserError(tr("说明的位置“{key}”无法识别", key=_key(key)), where="explanations")
        form, index, fld = m.group(1), m.group(2), m.group(3)
        if not forms[form].has_field(fld) and fld not in forms[form].renamed:
            raise UserError(
                tr("说明指向未知的字段“{field}”", field=_key(fld)),
                where=f"explanations.{_key(key)}",
            )
        try:
            text = door.clean_explanation(text)
        except ValueRefused as exc:
            raise UserError(
                tr("说明无法接受：{reason}", reason=exc.message), where=f"explanations.{_key(key)}"
            ) from None
        if index is None:
            out[f"{form}.{fld}"] = text
            continue
        rows = data.rows.get(form, [])
        if int(index) >= len(rows):
            raise UserError(
                tr("说明指向不存在的第 {n} 行", n=int(index) + 1), where=f"explanations.{_key(key)}"
            )
        out[f"{form}.rows[{rows[int(index)].uuid}].{fld}"] = text
    return out


def _key(key: str) -> str:
    """A key from the file, short enough to show in a message."""
    return key if len(key) <= 40 else key[:37] + "…"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=door.json_default)
    return text if len(text) <= 40 else text[:37] + "…"


# -- writing -------------------------------------------------------------------------------
def _record_json(form: FormDef, fields: list, values: dict[str, Any], full_ids: bool) -> dict:
    computed = form.computed(values) if fields is form.record_fields else {}
    out: dict[str, Any] = {}
    for f in fields:
        value = computed.get(f.key) if f.type.computed else values.get(f.key)
        if value is None:
            continue
        value = f.to_json(value)
        if not full_ids:
            value = _masked(f, value)
        out[f.key] = value
    return out


_FREE_TEXT = frozenset({"text", "longtext"})


def _masked(f: FieldDef, value: Any) -> Any:
    """A value as a masked export writes it: ID numbers masked, and so are ID-like numbers
    typed into free text (idmask)."""
    if f.sensitive:
        return idmask.mask(value)
    if f.type.name in _FREE_TEXT and isinstance(value, str):
        return idmask.mask_ids_in_text(value)
    return value


def build_document(
    forms: FormSet, period: Period, data: ReportData, *, full_ids: bool = False
) -> dict[str, Any]:
    """The JSON report as a dict, keys in form and field order."""
    out_forms: dict[str, Any] = {}
    for form in forms:
        values = data.single.get(form.key, {})
        if not form.is_roster:
            out_forms[form.key] = _record_json(form, form.fields, values, full_ids)
            continue
        entry: dict[str, Any] = {}
        if form.summary:
            entry["summary"] = _record_json(form, form.summary, values, full_ids)
        entry["rows"] = [
            _record_json(form, form.fields, r.values, full_ids) for r in data.rows.get(form.key, [])
        ]
        out_forms[form.key] = entry
    explanations = {}
    for key, text in data.explanations.items():
        public = _public_key(key, data)
        if public and text.strip():
            explanations[public] = text if full_ids else idmask.mask_ids_in_text(text)
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "period": period.to_json(),
        "forms": out_forms,
        "explanations": dict(sorted(explanations.items())),
        "form_versions": forms.versions,
    }
    if data.nothing:  # only then: a report without marks is the same file as before
        doc["nothing_to_report"] = [f.key for f in forms if f.key in data.nothing]
    return doc


def _public_key(key: str, data: ReportData) -> str | None:
    m = re.match(r"^([a-z_]+)\.rows\[([^\]]+)\]\.(.+)$", key)
    if not m:
        return key
    index = data.row_index(m.group(1), m.group(2))
    return None if index is None else f"{m.group(1)}.rows[{index}].{m.group(3)}"


def dumps(doc: dict[str, Any]) -> str:
    """The file text: UTF-8 JSON, readable, stable."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def canonical(doc: Any) -> bytes:
    """The bytes hashed in manifests: sorted keys, no spaces."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def payload_hash(doc: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(doc)).hexdigest()
