"""What a county summary says besides its figures (interchange.md §3): who made it, which
units' reports it holds (and from which files), the expected units' states and the problems.

Plain values shared by the merge (services) and the summary writers (workbook, PDF, JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period

# problems[].kind (interchange.md §3); a file refused as a whole has its `FileKind`
UNREADABLE, NOT_A_REPORT, NEWER_FORMAT = (
    FileKind.UNREADABLE,
    FileKind.NOT_A_REPORT,
    FileKind.NEWER_FORMAT,
)
WRONG_PERIOD = "wrong_period"
EDITED, CORRUPT, DUPLICATE, FORGED = "edited", "corrupt", "duplicate", "forged"
UNKNOWN_UNIT, UNMAPPED_FIELD = "unknown_unit", "unmapped_field"
SPEC_KINDS = (
    UNREADABLE,
    NOT_A_REPORT,
    WRONG_PERIOD,
    NEWER_FORMAT,
    EDITED,
    CORRUPT,
    DUPLICATE,
    FORGED,
    UNKNOWN_UNIT,
    UNMAPPED_FIELD,
)
# Shown in 问题清单 (sheet, PDF, window) but not a kind of the interchange format, so the
# summary JSON leaves it out: a file whose export time is after the merge, or years from its
# period, is still used; the flag is for the people reading the summary.
ODD_TIME = "implausible_time"
KINDS = (*SPEC_KINDS, ODD_TIME)
FILE_KINDS = frozenset(FileKind)

# expected[].state
REPORTED, MISSING, TROUBLE = "已报", "未报", "有问题"
# A reported unit under review (issue 16) shows where its review stands; it counts as 已报.
REVIEW_STATES = ("退回修改中", "已重报", "通过")


def group(state: str) -> str:
    """The state a count goes under: the review states count as 已报."""
    return REPORTED if state in REVIEW_STATES else state


def kind_label(kind: str) -> str:
    """The Chinese (or English) name of a problem kind, for sheets and the window; a file
    refused as a whole (or any other kind of file) is named as `FileKind.label` names it."""
    if kind in FILE_KINDS:
        return FileKind(kind).label
    labels = {
        WRONG_PERIOD: tr("报告期不符"),
        EDITED: tr("导出后被改动"),
        CORRUPT: tr("数据损坏"),
        DUPLICATE: tr("重复报送"),
        FORGED: tr("疑似伪造"),
        UNKNOWN_UNIT: tr("不在应报名单中"),
        UNMAPPED_FIELD: tr("旧版字段无法对应"),
        ODD_TIME: tr("导出时间异常"),
    }
    return labels.get(kind, kind)


@dataclass
class UnitEntry:
    """One included unit: whose report, from which file, which export."""

    division_code: str
    union_name: str
    status: str = ""  # shown label: 已完成 / 已导出 / 填报中
    draft: bool = False
    export_id: str = ""
    exported_at: str = ""
    source: str = ""  # the file the report came from (inside a summary: "县汇总 › 文件")
    notes: list[str] = field(default_factory=list)  # e.g. "草稿", "使用了改动过的文件"

    def to_json(self) -> dict[str, Any]:
        return {
            "division_code": self.division_code,
            "union_name": self.union_name,
            "status": self.status,
            "export_id": self.export_id,
            "exported_at": self.exported_at,
            "source": self.source,
        }


@dataclass
class ExpectedEntry:
    division_code: str
    name: str
    state: str  # REPORTED / MISSING / TROUBLE
    files: list[str] = field(default_factory=list)
    exported_at: str = ""
    export_id: str = ""
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"division_code": self.division_code, "name": self.name, "state": self.state}


@dataclass
class ProblemEntry:
    file: str
    kind: str
    detail: str
    unit: str = ""  # "330782101000 佛堂镇总工会" where known
    used: bool = False  # the file (or this report of it) went into the summary anyway
    code: str = ""  # the unit's division code where known

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "detail": self.detail}


@dataclass
class SummaryHead:
    period: Period
    made_by: dict[str, str]  # {"union_name", "division_code"}
    generated_at: datetime
    export_id: str = ""  # this summary's own id (a UUID), in its machine data
    units: list[UnitEntry] = field(default_factory=list)
    expected: list[ExpectedEntry] | None = None  # None: no list of expected units was given
    # 报送情况 as shown: the expected units, then units that reported but are not on the list
    # (or, with no list, every unit that sent something)
    reporting: list[ExpectedEntry] = field(default_factory=list)
    problems: list[ProblemEntry] = field(default_factory=list)
    draft: bool = False  # some included report is a draft: so is the summary

    @property
    def title(self) -> str:
        title = tr(
            "{name}{period}工会工作情况汇总",
            name=self.made_by.get("union_name", ""),
            period=self.period.label,
        )
        return title + tr("（草稿）") if self.draft else title
