"""Review and return, on the county's side (issue 16).

- `receive` keeps a township's submission file for review: the report (source 已接收) and the
  submission itself (export id, payload hash, the report as JSON), and takes in the replies it
  carries to earlier comments;
- `add_comment` marks a form, a field or a roster cell (forms.md keys: `organisation.members`,
  `venues.rows[1].area`, `cadres`) with who and when, on the latest submission received;
- `set_verdict` records 通过 / 退回修改; `write_return` writes the return file and its 退回通知单;
- `unit_state` says where a unit stands: 已报 / 退回修改中 / 已重报 / 通过;
- `find` finds a submission from a pasted QR text, a short hash or an export id.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import RECEIVED as RECEIVED_SOURCE
from unionclerk.domain.records import ReportInfo
from unionclerk.domain.review import (
    PASS,
    RECEIVED,
    RETURN,
    STATE_PASSED,
    STATE_REPORTED,
    STATE_RESUBMITTED,
    STATE_RETURNED,
    VERDICT_LABELS,
    Comment,
    SubmissionRecord,
    Verdict,
    short_hash,
)
from unionclerk.exporters import json_report, return_file
from unionclerk.formspec import door
from unionclerk.formspec.codec import encode
from unionclerk.services import backup, review_files
from unionclerk.services.review_diff import Diff, diff_docs
from unionclerk.services.review_rows import key_of
from unionclerk.services.workspace import Workspace, database
from unionclerk.storage import Tx

_TARGET = re.compile(r"^([a-z_]+)(?:\.rows\[(\d{1,6})\])?(?:\.([a-z_0-9]+))?$")
VERDICTS = {"pass": PASS, "通过": PASS, "return": RETURN, "退回": RETURN, "退回修改": RETURN}


@dataclass
class Received:
    report: ReportInfo
    submission: SubmissionRecord
    replies: int
    again: bool  # the very same file was received before


def receive(ws: Workspace, path: Path) -> Received:
    """Keep a submission for review (see module docstring)."""
    sub = review_files.load(ws.forms, path)
    with database(ws).read() as tx:
        unit = tx.get_unit(sub.division_code)
        if unit is not None and unit.own:
            raise UserError(
                tr("这是本单位自己的报表，不是下级报送的，不能审核"), where=Path(path).name
            )
        report = tx.get_report(sub.division_code, sub.period)
        if report is not None:
            for old in tx.list_submissions(report.id, direction=RECEIVED):
                if old.payload_sha256 == sub.payload_sha256 and old.export_id == sub.export_id:
                    return Received(report, old, 0, again=True)
        has_reports = bool(tx.list_reports())
    if has_reports:
        backup.make_backup(ws, reason="before-import")
    with database(ws).transaction() as tx:
        tx.upsert_unit(sub.division_code, sub.union_name)
        report = tx.get_report(sub.division_code, sub.period) or tx.create_report(
            sub.division_code, sub.period, source=RECEIVED_SOURCE
        )
        tx.replace_data(
            report.id,
            encode(ws.forms, sub.parsed.data),
            note=tr("接收审核：{file}", file=Path(path).name),
        )
        record = tx.add_submission(
            report.id,
            direction=RECEIVED,
            export_id=sub.export_id,
            payload_sha256=sub.payload_sha256,
            exported_at=sub.exported_at,
            file=Path(path).name,
            document=json_report.canonical(sub.doc).decode(),
        )
        replies = take_replies(tx, report.id, sub.replies)
        report = tx.get_report_by_id(report.id)
    return Received(report, record, replies, again=False)


def take_replies(tx: Tx, report_id: int, replies: list[dict[str, str]]) -> int:
    """Keep the township's answers a submission carries to earlier comments; how many."""
    known = {c.uid: c for c in tx.list_comments(report_id)}
    taken = 0
    for r in replies:
        comment = known.get(r["comment"])
        if comment is not None and r["reply"].strip() and comment.reply != r["reply"]:
            tx.set_reply(comment.uid, r["reply"])
            taken += 1
    return taken


def _received_report(
    ws: Workspace, code: str, period: Period
) -> tuple[ReportInfo, SubmissionRecord]:
    with database(ws).read() as tx:
        report = tx.get_report(code, period)
        subs = tx.list_submissions(report.id, direction=RECEIVED) if report else []
    if report is None or not subs:
        raise UserError(
            tr(
                "还没有接收过 {code} {period} 的上报文件，请先用 review receive 接收",
                code=code,
                period=period.label,
            )
        )
    return report, subs[-1]


def document(ws: Workspace, submission: SubmissionRecord) -> dict[str, Any]:
    with database(ws).read() as tx:
        raw = tx.submission_document(submission.id)
    return json.loads(raw or "{}")


def parse_target(ws: Workspace, target: str) -> tuple[str, str | None, int | None]:
    m = _TARGET.match(target.strip())
    if not m or m.group(1) not in ws.forms:
        raise UserError(
            tr(
                "无法识别批注的位置“{t}”：请写成 organisation.members、venues.rows[0].area "
                "或 cadres 这样的 forms.md 键",
                t=target,
            )
        )
    form = ws.forms[m.group(1)]
    index = int(m.group(2)) if m.group(2) is not None else None
    if index is not None and not form.is_roster:
        raise UserError(tr("“{title}”不是名单表，没有行", title=form.display_title))
    field = m.group(3)
    if field is not None and not form.has_field(field):
        raise UserError(tr("“{title}”没有字段“{f}”", title=form.display_title, f=field))
    return form.key, field, index


def add_comment(
    ws: Workspace, code: str, period: Period, target: str, text: str, author: str
) -> Comment:
    """A 批注 on the latest submission received from the unit."""
    text = door.clean_explanation(text)  # normalised where it enters, like a 说明
    if not text:
        raise UserError(tr("批注内容不能为空"))
    report, sub = _received_report(ws, code, period)
    form, field, index = parse_target(ws, target)
    raw = document(ws, sub)["forms"].get(form) or {}
    row_key, value = None, None
    if index is not None:
        rows = raw.get("rows") or []
        if index >= len(rows):
            raise UserError(
                tr(
                    "“{title}”只有 {n} 行，没有第 {i} 行",
                    title=ws.forms[form].display_title,
                    n=len(rows),
                    i=index + 1,
                )
            )
        row_key = key_of(ws.forms[form], rows[index])
        value = rows[index].get(field) if field else None
    elif field is not None:
        record = raw.get("summary", {}) if ws.forms[form].is_roster else raw
        value = record.get(field)
    with database(ws).transaction() as tx:
        return tx.add_comment(
            report.id,
            uid=str(uuid.uuid4()),
            form=form,
            field=field,
            text=text.strip(),
            author=author,
            submission_id=sub.id,
            row_index=index,
            row_key=row_key,
            value=value,
        )


def comments(ws: Workspace, code: str, period: Period) -> list[Comment]:
    with database(ws).read() as tx:
        report = tx.get_report(code, period)
        return tx.list_comments(report.id) if report else []


def set_verdict(
    ws: Workspace, code: str, period: Period, verdict: str, reason: str, author: str
) -> None:
    value = VERDICTS.get(verdict.strip().lower(), VERDICTS.get(verdict.strip()))
    if value is None:
        raise UserError(
            tr("审核结论应为“通过”或“退回修改”（pass / return），而不是“{v}”", v=verdict)
        )
    if value == RETURN and not reason.strip():
        raise UserError(tr("退回修改需要写明原因"))
    report, sub = _received_report(ws, code, period)
    with database(ws).transaction() as tx:
        tx.add_verdict(
            report.id, verdict=value, reason=reason.strip(), author=author, submission_id=sub.id
        )


def unit_state(ws: Workspace, code: str, period: Period) -> str | None:
    """已报 / 退回修改中 / 已重报 / 通过, or None when nothing was received for review."""
    with database(ws).read() as tx:
        report = tx.get_report(code, period)
        if report is None:
            return None
        subs = tx.list_submissions(report.id, direction=RECEIVED)
        verdicts = tx.list_verdicts(report.id)
    return _state(subs, verdicts)


def unit_states(ws: Workspace, period: Period) -> dict[str, str]:
    """The review state of every unit received for review in a period, by division code, read
    in one go (the county screen asks for a thousand units at each re-plan)."""
    with database(ws).read() as tx:
        codes = {r.id: r.unit.division_code for r in tx.list_reports() if r.period == period}
        subs: dict[int, list[SubmissionRecord]] = {}
        for sub in tx.list_submissions(direction=RECEIVED):
            if sub.report_id in codes:
                subs.setdefault(sub.report_id, []).append(sub)
        verdicts: dict[int, list[Verdict]] = {}
        for verdict in tx.list_verdicts():
            if verdict.report_id in subs:
                verdicts.setdefault(verdict.report_id, []).append(verdict)
    states = {codes[rid]: _state(rows, verdicts.get(rid, [])) for rid, rows in subs.items()}
    return {code: state for code, state in states.items() if state}


def _state(subs: list[SubmissionRecord], verdicts: list[Verdict]) -> str | None:
    """The state told by a report's received submissions and verdicts, both oldest first."""
    if not subs:
        return None
    if not verdicts:
        return STATE_REPORTED
    last = verdicts[-1]
    if last.submission_id == subs[-1].id:
        return STATE_PASSED if last.verdict == PASS else STATE_RETURNED
    returned_before = any(v.verdict == RETURN for v in verdicts)
    return STATE_RESUBMITTED if returned_before else STATE_REPORTED


@dataclass
class UnitLine:
    division_code: str
    union_name: str
    period: Period
    state: str
    short: str
    export_id: str
    comments: int
    answered: int


def overview(ws: Workspace, period: Period) -> list[UnitLine]:
    """Every unit received for review in the period, with its state and short hash."""
    out = []
    with database(ws).read() as tx:
        found = [r for r in tx.list_reports() if r.period == period and not r.unit.own]
        subs = {r.id: tx.list_submissions(r.id, direction=RECEIVED) for r in found}
        notes = {r.id: tx.list_comments(r.id) for r in found}
    for r in found:
        if not subs[r.id]:
            continue
        last = subs[r.id][-1]
        out.append(
            UnitLine(
                r.unit.division_code,
                r.unit.union_name,
                period,
                unit_state(ws, r.unit.division_code, period) or "",
                last.short,
                last.export_id,
                len(notes[r.id]),
                sum(1 for c in notes[r.id] if c.reply),
            )
        )
    return out


def find(ws: Workspace, text: str) -> list[tuple[ReportInfo, SubmissionRecord]]:
    """Submissions matching a pasted QR text (UNIONCLERK|code|period|hash), a short hash
    (8 or more hex digits) or an export id."""
    t = text.strip()
    parts = t.split("|")
    code = period = None
    if len(parts) == 4 and parts[0].upper() == "UNIONCLERK":
        code, period, t = parts[1], Period.parse(parts[2]), parts[3]
    t = t.replace(" ", "")
    with database(ws).read() as tx:
        if re.fullmatch(r"[0-9a-fA-F]{8,64}", t):
            subs = tx.find_submissions(hash_prefix=t)
        else:
            subs = tx.find_submissions(export_id=t)
        out = [(tx.get_report_by_id(s.report_id), s) for s in subs]
    return [
        (r, s)
        for r, s in out
        if (code is None or r.unit.division_code == code) and (period is None or r.period == period)
    ]


def latest(ws: Workspace, report: ReportInfo) -> SubmissionRecord | None:
    """The newest submission received from the report's unit for its period."""
    with database(ws).read() as tx:
        subs = tx.list_submissions(report.id, direction=RECEIVED)
    return subs[-1] if subs else None


def diff_latest(
    ws: Workspace, code: str, period: Period
) -> tuple[SubmissionRecord, SubmissionRecord, Diff] | None:
    """The latest two submissions received from a unit, compared (None: only one so far)."""
    with database(ws).read() as tx:
        report = tx.get_report(code, period)
        subs = tx.list_submissions(report.id, direction=RECEIVED) if report else []
    if len(subs) < 2:
        return None
    old, new = subs[-2], subs[-1]
    return old, new, diff_docs(ws.forms, document(ws, old), document(ws, new))


def write_return(
    ws: Workspace,
    code: str,
    period: Period,
    out_dir: Path,
    author: str,
    reason: str = "",
    *,
    now: datetime | None = None,
) -> list[Path]:
    """Write the return file (JSON) and its 退回通知单 (PDF) for the latest submission; the
    verdict becomes 退回修改 if it is not already. Both files or neither."""
    from unionclerk.services import review_notice  # reportlab: only when a return is written

    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UserError(tr("输出文件夹不存在"), where=str(out_dir))
    report, sub = _received_report(ws, code, period)
    with database(ws).read() as tx:
        verdicts = [v for v in tx.list_verdicts(report.id) if v.submission_id == sub.id]
        found = [c for c in tx.list_comments(report.id) if c.submission_id == sub.id]
        own = next((u for u in tx.list_units() if u.own), None)
    verdict = verdicts[-1] if verdicts else None
    if verdict is not None and verdict.verdict == PASS:
        raise UserError(tr("这份报表已审核通过，不能再退回；如需退回请先把结论改为“退回修改”"))
    reason = reason.strip() or (verdict.reason if verdict else "")
    if not reason and not found:
        raise UserError(tr("退回修改需要写明原因或至少一条批注"))
    at = (now or datetime.now().astimezone()).replace(microsecond=0).isoformat()
    return_id = str(uuid.uuid4())
    doc = return_file.ReturnDoc(
        return_id=return_id,
        returned_at=at,
        division_code=code,
        union_name=report.unit.union_name,
        period=period,
        export_id=sub.export_id,
        payload_sha256=sub.payload_sha256,
        exported_at=sub.exported_at,
        made_by={"union_name": own.union_name, "division_code": own.division_code} if own else {},
        reviewer=author,
        reason=reason or tr("请按批注修改后重新报送"),
        comments=[
            return_file.ReturnComment(
                c.uid, c.form, c.field, c.row_index, c.row_key, c.value, c.text, c.author, c.at
            )
            for c in found
        ],
    )
    files = review_notice.write_pair(ws.forms, doc, out_dir)
    with database(ws).transaction() as tx:
        tx.add_verdict(
            report.id,
            verdict=RETURN,
            reason=doc.reason,
            author=author,
            submission_id=sub.id,
            return_uid=return_id,
            at=at,
        )
        for c in found:
            tx.set_comment_return(c.uid, return_id)
    return files


def place(ws: Workspace, comment: Comment) -> str:
    """Where a comment sits, as people read it: 表三 阵地建设情况 第 2 行 面积(平方米)."""
    form = ws.forms[comment.form]
    where = form.display_title
    if comment.row_index is not None:
        where += tr(" 第 {n} 行", n=comment.row_index + 1)
    if comment.field and form.has_field(comment.field):
        where += f" {form.field(comment.field).plain_label}"
    elif comment.row_index is None:
        where += tr("（整张表）")
    return where


def verdict_label(verdict: str) -> str:
    return VERDICT_LABELS.get(verdict, verdict)


__all__ = [
    "add_comment",
    "diff_latest",
    "find",
    "overview",
    "receive",
    "set_verdict",
    "short_hash",
    "unit_state",
    "write_return",
]
