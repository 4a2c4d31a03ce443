"""Review and return, on the township's side (issue 16): what the county said, and the answers.

- every export is recorded (export id, payload hash), so a return can prove it answers a file
  this folder really sent;
- `import_return` checks a return file (integrity, format, unit, period, export id) and only
  then, in one transaction, reopens the report with the county's reason in the audit log and
  keeps each comment at its form, row and field;
- `comment_problems` shows every comment not yet answered and whose value is unchanged as a
  上级意见 problem at its field;
- the clerk's replies travel in the next export (`replies_block`, the JSON report's `review`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.problems import Problem, Severity
from unionclerk.domain.records import DRAFT, OWN, ReportInfo
from unionclerk.domain.report import ReportData
from unionclerk.domain.review import RETURN, SENT, Comment, short_hash
from unionclerk.exporters import return_file
from unionclerk.formspec import door, idmask
from unionclerk.formspec.model import FormSet
from unionclerk.services import backup
from unionclerk.services.review_rows import keyed
from unionclerk.services.workspace import Workspace, database

RULE_PREFIX = "review:"
OPEN, ANSWERED, CHANGED = "open", "answered", "changed"
STATE_LABELS = {OPEN: "待处理", ANSWERED: "已回复", CHANGED: "已修改"}


def record_export(ws: Workspace, report: ReportInfo, bundle: Any, files: list[str]) -> None:
    """Remember an export this folder made (only the export id, hash and file names)."""
    manifest = bundle.manifest
    with database(ws).transaction() as tx:
        tx.add_submission(
            report.id,
            direction=SENT,
            export_id=manifest["export_id"],
            payload_sha256=manifest["payload_sha256"],
            exported_at=manifest["exported_at"],
            file="、".join(files),
        )


@dataclass
class ReturnOutcome:
    report: ReportInfo
    comments: int
    reason: str
    reviewer: str


def read_return(ws: Workspace, path: Path) -> return_file.ReturnDoc:
    """Read and verify a return file; `UserError` names the file and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(
            tr("无法读取文件：{reason}", reason=exc.strerror or str(exc)), where=str(path)
        ) from None
    try:
        return return_file.read(raw, ws.forms)
    except UserError as exc:
        raise UserError(exc.message, where=path.name) from None


def _target_report(ws: Workspace, doc: return_file.ReturnDoc, name: str) -> ReportInfo:
    with database(ws).read() as tx:
        unit = tx.get_unit(doc.division_code)
        report = tx.get_report(doc.division_code, doc.period) if unit else None
        if unit is None or not unit.own:
            own = next((u for u in tx.list_units() if u.own), None)
            raise UserError(
                tr(
                    "这份退回文件是给 {unit}（{code}）的，不是本单位{own}的报表，未做任何修改",
                    unit=doc.union_name,
                    code=doc.division_code,
                    own=f"（{own.union_name}，{own.division_code}）" if own else "",
                ),
                where=name,
            )
        if report is None or report.source != OWN:
            raise UserError(
                tr(
                    "这份退回文件针对 {period} 的报表，本数据文件夹中没有 {unit} {period} "
                    "的报表，未做任何修改",
                    period=doc.period.label,
                    unit=unit.union_name,
                ),
                where=name,
            )
        # A JSON report carries no export id: then the hash alone names the export.
        sent = [
            s
            for s in tx.list_submissions(report.id, direction=SENT)
            if s.export_id == doc.export_id
            or (not doc.export_id and s.payload_sha256 == doc.payload_sha256)
        ]
        if not sent:
            raise UserError(
                tr(
                    "这份退回文件答复的是导出编号 {id} 的上报文件，但本机从未导出过这个文件；"
                    "请与县级核对是哪一份文件，未做任何修改",
                    id=doc.export_id[:8],
                ),
                where=name,
            )
        if all(s.payload_sha256 != doc.payload_sha256 for s in sent):
            raise UserError(
                tr(
                    "退回文件所指文件的校验码 {theirs} 与本机导出的 {ours} 不符，未做任何修改",
                    theirs=short_hash(doc.payload_sha256),
                    ours=sent[-1].short,
                ),
                where=name,
            )
        done = tx.find_verdict(doc.return_id)
        if done is not None:
            raise UserError(
                tr("这份退回文件已在 {at} 导入过，未重复导入", at=done.at[:16].replace("T", " ")),
                where=name,
            )
    return report


def import_return(ws: Workspace, path: Path) -> ReturnOutcome:
    """Apply a return file (see module docstring); nothing changes when it is refused."""
    doc = read_return(ws, path)
    report = _target_report(ws, doc, Path(path).name)
    backup.make_backup(ws, reason="before-import")
    with database(ws).read() as tx:
        data = tx.load_data(report.id)
    with database(ws).transaction() as tx:
        reason = doc.reason.strip() or tr("县级审核退回修改")
        note = tr(
            "县级退回修改（{by}）：{reason}",
            by=doc.reviewer or doc.made_by.get("union_name", ""),
            reason=reason,
        )
        tx.set_status(report.id, DRAFT, note=note)
        tx.add_verdict(
            report.id,
            verdict=RETURN,
            reason=reason,
            author=doc.reviewer,
            return_uid=doc.return_id,
            at=doc.returned_at,
        )
        known = {c.uid for c in tx.list_comments(report.id)}
        for c in doc.comments:
            if c.id in known:
                continue  # already kept (or twice in the file): once is enough
            known.add(c.id)
            row_uuid = (
                _find_row(ws.forms, data.rows.get(c.form, []), c)
                if c.row_index is not None
                else None
            )
            tx.add_comment(
                report.id,
                uid=c.id,
                form=c.form,
                field=c.field,
                text=c.text,
                author=c.by,
                at=c.at,
                row_index=c.row_index,
                row_key=c.row_key,
                row_uuid=row_uuid,
                value=c.value,
                return_uid=doc.return_id,
            )
        report = tx.get_report_by_id(report.id)
    return ReturnOutcome(report, len(doc.comments), reason, doc.reviewer)


def _find_row(
    forms: FormSet, rows: list[tuple[str, dict[str, Any]]], c: return_file.ReturnComment
) -> str | None:
    """The stored row the comment means: by its key (rows may have moved), else its place."""
    if c.row_key and c.form in forms:
        wanted = tuple(c.row_key.values())
        for key, position, _row in keyed(forms[c.form], (values for _, values in rows)):
            if key[:-1] == wanted:
                return rows[position][0]
    if c.row_index is not None and c.row_index < len(rows):
        return rows[c.row_index][0]
    return None


# -- comments at the fields ------------------------------------------------------------------
def comments(ws: Workspace, report: ReportInfo) -> list[Comment]:
    with database(ws).read() as tx:
        return tx.list_comments(report.id)


def state(ws: Workspace, comment: Comment, data: ReportData) -> str:
    if comment.reply:
        return ANSWERED
    if comment.field is None:
        return OPEN
    current = _current(ws, comment, data)
    return OPEN if current == comment.value else CHANGED


def _current(ws: Workspace, comment: Comment, data: ReportData) -> Any:
    form = ws.forms[comment.form]
    fdef = form.field(comment.field) if comment.field and form.has_field(comment.field) else None
    if comment.row_uuid is not None:
        row = next((r for r in data.rows.get(comment.form, []) if r.uuid == comment.row_uuid), None)
        if row is None:
            return _GONE
        value = row.values.get(comment.field or "")
    else:
        value = data.single.get(comment.form, {}).get(comment.field or "")
    if fdef is None or value is None:
        return value
    value = fdef.type.to_json(value)
    if fdef.type.name == "idnumber" and isinstance(value, str) and not idmask.is_masked(value):
        return idmask.mask(value)  # the county only ever saw it masked
    return value


_GONE = object()


def comment_problems(
    ws: Workspace,
    report: ReportInfo,
    data: ReportData,
    found: list[Comment] | None = None,
    *,
    county: bool = False,
) -> list[Problem]:
    """Each comment still open (no reply, value unchanged) as a 上级意见 problem at its place
    (`county`: the reviewer's own view, every comment not yet answered, as 批注)."""
    out = []
    for c in found if found is not None else comments(ws, report):
        if c.reply if county else state(ws, c, data) != OPEN:
            continue
        index = None
        if c.row_uuid is not None:
            index = data.row_index(c.form, c.row_uuid)
        by = tr("（{by}）", by=c.author) if c.author else ""
        message = (
            tr("批注：{text}{by}", text=c.text, by=by)
            if county
            else tr("上级意见：{text}{by}", text=c.text, by=by)
        )
        out.append(
            Problem(
                Severity.WARNING,
                c.form,
                c.field or "",
                message,
                f"{RULE_PREFIX}{c.uid}",
                c.row_uuid if index is not None else None,
                index,
            )
        )
    return out


def is_comment(problem: Problem) -> bool:
    return problem.rule.startswith(RULE_PREFIX)


def comment_uid(problem: Problem) -> str:
    return problem.rule[len(RULE_PREFIX) :]


def reply(ws: Workspace, uid: str, text: str) -> None:
    """The clerk's answer to a comment, through the door like an explanation ("" takes it
    back); `ValueRefused` says why a text cannot be kept."""
    text = door.clean_explanation(text)
    with database(ws).transaction() as tx:
        tx.set_reply(uid, text)


def replies_block(ws: Workspace, report: ReportInfo) -> dict[str, Any] | None:
    """The JSON report's `review`: the latest return this report answers, with the replies."""
    with database(ws).read() as tx:
        returns = [v for v in tx.list_verdicts(report.id) if v.return_uid]
        if not returns:
            return None
        latest = returns[-1].return_uid
        found = [c for c in tx.list_comments(report.id) if c.return_uid == latest]
    replies = [
        {"comment": c.uid, "target": c.target, "text": c.text, "reply": c.reply}
        for c in found
        if c.reply
    ]
    return {"answers": latest, "replies": replies}


def is_return_file(path: Path) -> bool:
    """Whether a file names itself a return file in its first bytes (not a report)."""
    try:
        with Path(path).open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return head.lstrip()[:1] == b"{" and return_file.looks_like_return(head)
