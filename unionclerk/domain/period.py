"""Report periods: a year (年度) or a half-year (上半年 / 下半年)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import language, tr

PARTS = ("year", "h1", "h2")
_PART_LABELS = {"year": "年度", "h1": "上半年", "h2": "下半年"}


@dataclass(frozen=True, order=True)
class Period:
    year: int
    part: str = "year"

    def __post_init__(self) -> None:
        if self.part not in PARTS:
            raise UserError(tr("报告期“{part}”无效：应为 year、h1 或 h2", part=self.part))
        if not 1990 <= self.year <= 2100:
            raise UserError(tr("报告年份 {year} 不在 1990–2100 之间", year=self.year))

    @property
    def start(self) -> date:
        return date(self.year, 7 if self.part == "h2" else 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.part == "h1" else date(self.year, 12, 31)

    @property
    def label(self) -> str:
        """Chinese label used in file names and headers: 2018年度, 2018上半年."""
        return f"{self.year}{_PART_LABELS[self.part]}"

    @property
    def shown(self) -> str:
        """The period as the interface shows it: the label in Chinese; 2018, 2018 H1 in
        English (files and printed forms keep the Chinese label)."""
        if language() != "en":
            return self.label
        return str(self.year) if self.part == "year" else f"{self.year} {self.part.upper()}"

    @property
    def code(self) -> str:
        """Short code for the command line: 2018, 2018h1, 2018h2."""
        return str(self.year) if self.part == "year" else f"{self.year}{self.part}"

    def previous(self) -> Period:
        """The period a new one carries over from (the same kind, one step back)."""
        if self.part == "year":
            return Period(self.year - 1, "year")
        if self.part == "h2":
            return Period(self.year, "h1")
        return Period(self.year - 1, "h2")

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "part": self.part}

    @classmethod
    def from_json(cls, raw: object) -> Period:
        if not isinstance(raw, dict) or set(raw) - {"year", "part"} or "year" not in raw:
            raise UserError(tr('period 应为 {{"year": 2018, "part": "year"}} 这样的对象'))
        year, part = raw.get("year"), raw.get("part", "year")
        if not isinstance(year, int) or isinstance(year, bool) or not isinstance(part, str):
            raise UserError(tr("period 中的 year 应为整数、part 应为 year/h1/h2"))
        return cls(year, part)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read what a person types: 2018, 2018h1, 2018-h2, 2018上半年, 2018年度."""
        t = text.strip().lower().replace(" ", "")
        m = re.fullmatch(r"(\d{4})(?:年度|年)?[-_]?(year|h1|h2|上半年|下半年)?", t)
        if not m:
            raise UserError(tr("无法识别报告期“{text}”：请写成 2018、2018h1 或 2018h2", text=text))
        part = {"上半年": "h1", "下半年": "h2", None: "year"}.get(m.group(2), m.group(2))
        return cls(int(m.group(1)), part)
