"""What happened to every file, one line each (the command line prints these; the window shows
the same facts in its table).

A line starts with 已使用 / 未使用 / 部分使用 / 已展开 so a script (or a person) can grep it.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.review import short_hash
from unionclerk.exporters.summary import model as sm
from unionclerk.services.county.decide import Plan
from unionclerk.services.county.results import FileResult

USED, UNUSED, PARTLY, EXPANDED = "used", "unused", "partly", "expanded"
ATTACHED = "attached"  # a unit's own PDF beside its workbook: for printing, not merged


@dataclass
class FileLine:
    file: str
    state: str  # USED / UNUSED / PARTLY / EXPANDED
    what: str  # unit, or the summary and how many units
    why: str  # reason when not (fully) used; notes otherwise
    kind: str = ""  # problem kind for an unused file
    short: str = ""  # the file's short hash, as `inspect` and the paper's QR code show it

    @property
    def text(self) -> str:
        label = {
            USED: tr("已使用"),
            UNUSED: tr("未使用"),
            PARTLY: tr("部分使用"),
            EXPANDED: tr("已展开"),
            ATTACHED: tr("附件"),
        }[self.state]
        out = f"{label}：{self.file}"
        if self.what:
            out += f" → {self.what}"
        if self.why:
            out += f"（{self.why}）"
        return out


def file_lines(results: list[FileResult], plan: Plan) -> list[FileLine]:
    lines = []
    notes: dict[str, list[str]] = {}
    for p in plan.problems:
        if p.used:
            notes.setdefault(p.file, []).append(sm.kind_label(p.kind))
    for r in results:
        if r.kind == FileKind.ARCHIVE:
            lines.append(FileLine(r.file, EXPANDED, FileKind.ARCHIVE.label, ""))
            continue
        if r.file in plan.printouts:
            code = plan.printouts[r.file]
            name = next((w.union_name for w in plan.winners if w.division_code == code), "")
            lines.append(
                FileLine(
                    r.file,
                    ATTACHED,
                    f"{code} {name}".strip(),
                    tr("附件（供打印）：本单位报表的 PDF，汇总以其工作簿为准"),
                    short=file_short(r),
                )
            )
            continue
        if r.printout is not None:
            problem = next((p for p in plan.problems if p.file == r.file), None)
            kind = problem.kind if problem else sm.NOT_A_REPORT
            detail = problem.detail if problem else r.detail
            lines.append(
                FileLine(
                    r.file,
                    UNUSED,
                    r.printout[0],
                    f"{sm.kind_label(kind)}：{detail}",
                    kind,
                    file_short(r),
                )
            )
            continue
        if not r.candidates:
            kind = r.problems[0].kind if r.problems else r.kind
            lines.append(FileLine(r.file, UNUSED, "", f"{sm.kind_label(kind)}：{r.detail}", kind))
            continue
        fates = [(c, plan.fates.get(c.ident, (False, ""))) for c in r.candidates]
        used = [c for c, (ok, _) in fates if ok]
        unused = [(c, why) for c, (ok, why) in fates if not ok]
        if r.kind == FileKind.SUMMARY:
            what = tr("{detail}，计入 {n} 个单位", detail=r.detail, n=len(used))
            why = "；".join(f"{c.division_code} {c.union_name}：{w}" for c, w in unused)
            bad = [p for p in r.problems if not p.used]
            if bad:
                why = "；".join(filter(None, [why] + [p.detail for p in bad]))
            state = USED if not unused and not bad else PARTLY if used else UNUSED
            lines.append(FileLine(r.file, state, what, why))
            continue
        c, (ok, why) = fates[0]
        extra = [tr("草稿")] if c.draft else []
        extra += notes.get(r.file, [])
        lines.append(
            FileLine(
                r.file,
                USED if ok else UNUSED,
                f"{c.division_code} {c.union_name}",
                "；".join(extra) if ok else why,
                short=file_short(r),
            )
        )
    return lines


def file_short(result: FileResult) -> str:
    """The short hash of a unit's own file (workbook, JSON report, or its PDF's QR code);
    "" for a summary, an archive or a file that could not be read."""
    if result.printout is not None:
        return short_hash(result.printout[2])
    if result.kind in (FileKind.SUBMISSION, FileKind.JSON_REPORT) and len(result.candidates) == 1:
        return short_hash(result.candidates[0].payload_sha256)
    return ""


def any_unused(lines: list[FileLine], plan: Plan) -> bool:
    """True when some file (or some report inside a summary) did not go into the summary."""
    return any(line.state in (UNUSED, PARTLY) for line in lines) or any(
        not p.used for p in plan.problems
    )


def summary_lines(plan: Plan, files: list[str]) -> list[str]:
    out = [tr("汇总完成：{n} 个单位纳入汇总", n=len(plan.winners))]
    if plan.expected is not None:
        count = {
            s: sum(sm.group(e.state) == s for e in plan.expected)
            for s in (sm.REPORTED, sm.MISSING, sm.TROUBLE)
        }
        out.append(
            tr(
                "应报 {n} 个：已报 {a}，未报 {b}，有问题 {c}",
                n=len(plan.expected),
                a=count[sm.REPORTED],
                b=count[sm.MISSING],
                c=count[sm.TROUBLE],
            )
        )
        missing = [f"{e.division_code} {e.name}" for e in plan.expected if e.state == sm.MISSING]
        if missing:
            out.append(tr("未报：{names}", names="、".join(missing)))
    if plan.problems:
        out.append(tr("问题清单 {n} 条（见汇总工作簿的“问题清单”）", n=len(plan.problems)))
    out += [tr("已写出：{file}", file=f) for f in files]
    return out
