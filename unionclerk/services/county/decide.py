"""Which report counts for each unit, and why the others do not: never silently.

Per unit (division code) of the merge's period:

1. copies with identical content and the same integrity (the same export arriving twice, or
   once on its own and once inside a summary) count once; the copy kept is the one that
   carries most (an intact workbook before its JSON twin); the others are `duplicate`. A
   workbook edited after export is never "identical" to its intact original, whatever the
   order of the files: its machine data may be the same, its visible cells are not;
2. the same export id with different content is a forged copy: every such copy is `forged`
   and none is used unless the user picks one;
3. a workbook edited after export is `edited` and left out unless the user chooses to use
   edited files (or picks that one);
4. of what is left, the newest export wins by the export's own time; file times never
   decide. A time after the merge (or years away from the period) is flagged and not
   trusted; two reports whose times cannot be told apart (JSON carries none) are left for
   the user to choose;
5. a user's choice for a unit (use this file / leave the unit out) overrides 2–4.

Nothing here depends on the order the files were given in.

The result also says, per expected unit, 已报 / 未报 / 有问题, and flags units not expected.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from unionclerk.domain.i18n import tr
from unionclerk.exporters.summary import model as sm
from unionclerk.services.county.results import Candidate

EXCLUDE = "exclude"  # a decision that leaves the unit out


@dataclass
class Plan:
    winners: list[Candidate] = field(default_factory=list)  # sorted by division code
    problems: list[sm.ProblemEntry] = field(default_factory=list)
    fates: dict[str, tuple[bool, str]] = field(default_factory=dict)  # ident -> (used, why)
    units: list[sm.UnitEntry] = field(default_factory=list)
    reporting: list[sm.ExpectedEntry] = field(default_factory=list)
    expected: list[sm.ExpectedEntry] | None = None
    groups: dict[str, list[Candidate]] = field(default_factory=dict)  # every unit's candidates
    printouts: dict[str, str] = field(default_factory=dict)  # PDF file -> its unit's code


_NEVER = datetime.min.replace(tzinfo=datetime.now().astimezone().tzinfo)
SLACK = timedelta(days=1)  # clocks and time zones: a day ahead is not yet suspicious
YEARS_AFTER = 3  # an export this many years after its period is implausible


def _moment(c: Candidate) -> datetime | None:
    if c.time_from_file or not c.exported_at:
        return None  # a file's own time says when it was copied, not when it was exported
    try:
        moment = datetime.fromisoformat(c.exported_at)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def odd_time(c: Candidate, now: datetime) -> str:
    """Why the export's own time cannot be right ("" when it can)."""
    moment = _moment(c)
    if moment is None:
        return ""
    if moment > now + SLACK:
        return tr(
            "导出时间 {at} 晚于本次汇总的时间，可能是电脑时钟错误或文件被改动",
            at=_shown_time(c.exported_at),
        )
    start = datetime(
        c.period.start.year, c.period.start.month, c.period.start.day, tzinfo=moment.tzinfo
    )
    if moment < start or moment.year > c.period.end.year + YEARS_AFTER:
        return tr(
            "导出时间 {at} 与报告期 {period} 相差过远，可能是电脑时钟错误或文件被改动",
            at=_shown_time(c.exported_at),
            period=c.period.label,
        )
    return ""


def _when(c: Candidate, now: datetime | None = None) -> datetime:
    """The time a report is ranked by: its export's own, when believable."""
    moment = _moment(c)
    if moment is None or odd_time(c, now or datetime.now().astimezone()):
        return _NEVER
    return moment


def _keeps_most(c: Candidate) -> tuple:
    """Sort key for identical copies: intact before edited, own file before one inside a
    summary or the database, a workbook (export id, status) before a JSON, then the name."""
    return (c.integrity == "edited", c.stored, bool(c.via), not c.export_id, c.file, c.ident)


def where(c: Candidate) -> str:
    """The file a report came in, and the summary that carried it."""
    return tr("{file}（{via}）", file=c.file, via=c.via) if c.via else c.file


def _unit(c: Candidate) -> str:
    return f"{c.division_code} {c.union_name}"


def _shown_time(iso: str) -> str:
    return iso[:16].replace("T", " ")


class _Decider:
    def __init__(
        self, plan: Plan, use_edited: bool, decisions: dict[str, str], now: datetime
    ) -> None:
        self.plan, self.use_edited, self.decisions = plan, use_edited, decisions
        self.now = now
        self.used_text = tr("已计入汇总")

    def problem(self, c: Candidate, kind: str, detail: str, used: bool = False) -> None:
        if not c.stored or used:
            self.plan.problems.append(
                sm.ProblemEntry(where(c), kind, detail, _unit(c), used, c.division_code)
            )

    def group(self, code: str, cands: list[Candidate]) -> Candidate | None:
        fates = self.plan.fates
        if len(cands) == 1 and code not in self.decisions:
            winner = self.alone(cands[0])
            if winner is not None:
                return winner
        # 1. identical content (and integrity) counts once: the copy that carries most stays
        distinct: dict[tuple[str, bool, str], Candidate] = {}
        for c in sorted(cands, key=_keeps_most):
            edited = c.integrity == "edited"
            same = (c.content_sha, edited, c.edited_detail if edited else "")
            first = distinct.setdefault(same, c)
            if first is not c:
                why = (
                    tr("与“{file}”中的报表完全相同（同一份导出），只计一次", file=where(first))
                    if c.export_id in ("", first.export_id) or not first.export_id
                    else tr(
                        "与“{file}”中的报表内容完全相同（另一次导出），只计一次", file=where(first)
                    )
                )
                fates[c.ident] = (False, why)
                if not (c.stored or first.stored):
                    self.problem(c, sm.DUPLICATE, why)
        reps = sorted(distinct.values(), key=_keeps_most)
        # 2. one export id, different content
        by_id: dict[str, set[str]] = defaultdict(set)
        for c in reps:
            if c.export_id:
                by_id[c.export_id].add(c.content_sha)
        forged = {c.ident for c in reps if c.export_id and len(by_id[c.export_id]) > 1}
        choice = self.decisions.get(code)
        chosen = next((c for c in reps if c.ident == choice), None) or next(
            (c for c in reps if c.stored and choice and choice.rsplit("#", 1)[0] == c.origin), None
        )  # the chosen file's report, kept in the database since
        eligible = [
            c
            for c in reps
            if c.ident not in forged and (c.integrity != "edited" or self.use_edited)
        ]
        eligible.sort(
            key=lambda c: (_when(c, self.now), not c.via, not c.stored, bool(c.export_id)),
            reverse=True,
        )
        # two reports of different content with no believable time: which is newer is unknown
        undecided = (
            len(eligible) > 1
            and _when(eligible[0], self.now) == _NEVER
            and not bool(eligible[0].export_id)
            and chosen is None
        )
        winner = (
            None
            if choice == EXCLUDE or undecided
            else chosen or (eligible[0] if eligible else None)
        )
        for c in reps:
            if c is winner:
                fates[c.ident] = (
                    True,
                    self.used_text if chosen is None else tr("已计入汇总（用户选择）"),
                )
                continue
            if choice == EXCLUDE:
                why = tr("用户选择不计入这个单位")
            elif c.ident in forged:
                why = tr(
                    "导出编号 {id} 相同但内容不同：疑似伪造或被篡改的副本，未使用",
                    id=c.export_id[:8],
                )
            elif c.integrity == "edited" and not self.use_edited:
                why = c.edited_detail + tr("；默认不使用改动过的文件")
            elif undecided:
                why = tr(
                    "同一单位有几份内容不同的报表，都不带可信的导出时间（JSON 文件不带导出时间，"
                    "不按文件的修改时间判断），无法判断哪一份较新：请在程序中选择计入的文件"
                )
            elif winner is not None and _when(c, self.now) == _NEVER:
                why = tr(
                    "本文件不带可信的导出时间，以带导出时间的“{file}”（{at}）为准，本文件未使用",
                    file=where(winner),
                    at=_shown_time(winner.exported_at),
                )
            else:
                why = (
                    tr(
                        "已有更新的导出（{file}，导出时间 {at}），本文件未使用",
                        file=where(winner),
                        at=_shown_time(winner.exported_at),
                    )
                    if winner
                    else tr("未使用")
                )
            odd = odd_time(c, self.now)
            if odd:
                why += "；" + odd
            fates[c.ident] = (False, why)
            kind = (
                sm.FORGED
                if c.ident in forged
                else sm.EDITED
                if c.integrity == "edited"
                else sm.DUPLICATE
            )
            self.problem(c, kind, why)
        if winner is not None:
            self.notes(winner, winner.ident in forged)
        return winner

    def notes(self, winner: Candidate, forged: bool) -> None:
        """What 问题清单 says about a report that is used anyway."""
        if forged:
            self.problem(
                winner,
                sm.FORGED,
                tr(
                    "导出编号 {id} 还有内容不同的副本；按用户选择使用本文件",
                    id=winner.export_id[:8],
                ),
                used=True,
            )
        if winner.integrity == "edited":
            self.problem(
                winner, sm.EDITED, winner.edited_detail + tr("；按选择仍计入汇总"), used=True
            )
        odd = odd_time(winner, self.now)
        if odd:
            self.problem(winner, sm.ODD_TIME, odd + tr("；已计入汇总，请核实"), used=True)
        for key in winner.dropped:
            self.problem(
                winner,
                sm.UNMAPPED_FIELD,
                tr("旧版表格的字段 {key} 在本程序的版本中已删除，无法对应，未计入", key=key),
                used=True,
            )

    def alone(self, c: Candidate) -> Candidate | None:
        """The common case at province size: one report for the unit and no choice made."""
        if c.integrity == "edited" and not self.use_edited:
            return None  # the general rule explains why
        self.plan.fates[c.ident] = (True, self.used_text)
        self.notes(c, False)
        return c


def decide(
    cands: list[Candidate],
    file_problems: list[sm.ProblemEntry],
    *,
    expected: list[tuple[str, str]] | None,
    made_by_code: str = "",
    use_edited: bool = False,
    decisions: dict[str, str] | None = None,
    now: datetime | None = None,
    printouts: list[tuple[str, tuple[str, str, str]]] | None = None,
) -> Plan:
    """`made_by_code`: the summary's maker; a summary it made earlier is not merged into
    itself (a maker derived from reports that all came in one summary is the level above
    that summary's maker: identity.derived)."""
    plan = Plan(expected=None)
    decider = _Decider(plan, use_edited, decisions or {}, now or datetime.now().astimezone())
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if made_by_code and c.via_code == made_by_code:
            why = tr(
                "这是本单位此前生成的汇总，再汇总会把自己算进去，已跳过（其中的单位以各自的文件为准）"
            )
            plan.fates[c.ident] = (False, why)
            decider.problem(c, sm.DUPLICATE, why)
            continue
        groups[c.division_code].append(c)
    plan.groups = dict(groups)
    for code in sorted(groups):
        winner = decider.group(code, groups[code])
        if winner is not None:
            plan.winners.append(winner)
    expected_codes = {code for code, _ in expected or []}
    if expected is not None:
        for w in plan.winners:
            if w.division_code not in expected_codes:
                decider.problem(
                    w,
                    sm.UNKNOWN_UNIT,
                    tr("这个单位不在应报单位名单中；已计入汇总，如不属于本地区请在程序中排除"),
                    used=True,
                )
    file_problems = file_problems + _pair_printouts(plan, printouts or [], cands)
    plan.problems = _ordered(file_problems + plan.problems)
    _reporting(plan, expected, file_problems)
    return plan


def _pair_printouts(
    plan: Plan, printouts: list[tuple[str, tuple[str, str, str]]], cands: list[Candidate]
) -> list[sm.ProblemEntry]:
    """The program's own PDFs beside their units' files are attachments (供打印), not
    problems; one whose unit sent nothing else, or of another period, is a problem."""
    out = []
    period = cands[0].period.code if cands else ""
    for file, (code, period_code, _hash) in printouts:
        if period and period_code != period:
            out.append(
                sm.ProblemEntry(
                    file,
                    sm.WRONG_PERIOD,
                    tr("这是本程序导出的 PDF（供打印盖章），报告期与本次汇总不符"),
                    code=code,
                    unit=code,
                )
            )
        elif code in plan.groups:
            plan.printouts[file] = code
        else:
            out.append(
                sm.ProblemEntry(
                    file,
                    sm.NOT_A_REPORT,
                    tr(
                        "这是本程序导出的 PDF（供打印盖章），但没有收到同一单位的 .xlsx 工作簿或 .json "
                        "文件：汇总需要工作簿，请对方补发"
                    ),
                    code=code,
                    unit=code,
                )
            )
    return out


def _ordered(problems: list[sm.ProblemEntry]) -> list[sm.ProblemEntry]:
    return sorted(
        problems, key=lambda p: (p.file, sm.KINDS.index(p.kind) if p.kind in sm.KINDS else 99)
    )


def _reporting(
    plan: Plan, expected: list[tuple[str, str]] | None, file_problems: list[sm.ProblemEntry]
) -> None:
    winners = {w.division_code: w for w in plan.winners}
    trouble_kinds = (
        sm.EDITED,
        sm.FORGED,
        sm.CORRUPT,
        sm.WRONG_PERIOD,
        sm.NEWER_FORMAT,
        sm.UNREADABLE,
    )
    by_code: dict[str, list[sm.ProblemEntry]] = defaultdict(list)
    for p in plan.problems:
        if p.code:
            by_code[p.code].append(p)
    names = {code: cands[0].union_name for code, cands in plan.groups.items()}
    for p in file_problems:
        if p.code and p.code not in names:
            names[p.code] = p.unit.partition(" ")[2]
    draft_note = tr("草稿（未标记完成）")
    for w in plan.winners:
        notes = [draft_note] if w.draft else []
        plan.units.append(
            sm.UnitEntry(
                w.division_code,
                w.union_name,
                w.status,
                w.draft,
                w.export_id,
                w.exported_at,
                source=where(w)
                if not w.source
                else tr("{via} › {file}", via=w.via or w.file, file=w.source),
                notes=notes,
            )
        )

    def entry(code: str, name: str) -> sm.ExpectedEntry:
        w = winners.get(code)
        problems = by_code.get(code, [])
        if not problems and w is not None:  # most units at province size: one clean report
            return sm.ExpectedEntry(
                code,
                name,
                sm.REPORTED,
                [where(w)],
                w.exported_at,
                w.export_id,
                [draft_note] if w.draft else [],
            )
        troubled = (w is None and (code in plan.groups or problems)) or any(
            p.kind in (sm.FORGED,) or (p.kind == sm.EDITED and p.used) for p in problems
        )
        state = sm.TROUBLE if troubled else sm.REPORTED if w else sm.MISSING
        notes = [
            f"{sm.kind_label(p.kind)}：{p.detail}"
            for p in problems
            if p.kind in trouble_kinds or p.kind in (sm.DUPLICATE, sm.ODD_TIME)
        ]
        if w is not None and w.draft:
            notes.insert(0, draft_note)
        files = [where(w)] if w else sorted({p.file for p in problems})
        return sm.ExpectedEntry(
            code, name, state, files, w.exported_at if w else "", w.export_id if w else "", notes
        )

    listed: set[str] = set()
    if expected is not None:
        plan.expected = [entry(code, name) for code, name in expected]
        plan.reporting = list(plan.expected)
        listed = {code for code, _ in expected}
    extra = sorted((set(plan.groups) | {c for c in by_code if c}) - listed)
    for code in extra:
        e = entry(code, names.get(code, ""))
        if expected is not None:
            e.notes.insert(0, tr("不在应报单位名单中"))
        plan.reporting.append(e)
