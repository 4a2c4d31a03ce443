"""Matching the column headers of a roster sheet to a form's fields, by header text.

Clerks keep rosters in their own Excel layouts: 身份证号 where the form says 公民身份号码,
手机 for 联系电话. A header matches a field by its label (with or without its unit), or by a
known synonym, after normalising width, spaces and brackets. What cannot be matched is
reported, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from unionclerk.formspec.model import FieldDef, FormDef

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名称", "阵地名称", "项目名称", "活动名称"),
    "gender": ("性别",),
    "birth": ("出生年月", "出生日期", "出生年月日", "生日"),
    "ethnicity": ("民族",),
    "political": ("政治面貌", "政治身份"),
    "education": ("学历", "文化程度", "最高学历"),
    "position": ("工会职务", "职务", "工会任职"),
    "appointment": ("任职方式", "专兼职", "专职兼职"),
    "home_post": ("本职单位及职务", "工作单位及职务", "单位及职务", "工作单位", "本职工作"),
    "frontline": ("是否一线职工", "一线职工", "是否一线"),
    "since": ("任职时间", "任职年月", "任职日期"),
    "phone": ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"),
    "id_number": ("公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "身份号码"),
    "notes": ("备注", "说明"),
    "venue_type": ("类型", "阵地类型"),
    "category": ("类别", "服务类别", "项目类别"),
    "contact": ("负责人", "联系人"),
    "address": ("地址", "详细地址"),
}
IGNORED = ("序号", "编号", "no", "no.")


def normalise(text: str) -> str:
    t = unicodedata.normalize("NFKC", str(text)).lower()
    return re.sub(r"[\s:：*＊]+", "", t)


def _bare(text: str) -> str:
    """Without a trailing unit in brackets: 面积(平方米) -> 面积."""
    return re.sub(r"\([^()]*\)$", "", text)


@dataclass
class ColumnMatch:
    columns: dict[int, FieldDef] = field(default_factory=dict)  # 1-based column -> field
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # headers not understood
    missing: list[FieldDef] = field(default_factory=list)  # required fields with no column

    @property
    def matched(self) -> int:
        return len(self.columns)


def _names(f: FieldDef) -> set[str]:
    names = {normalise(f.label), normalise(_bare(normalise(f.label)))}
    if f.unit:
        names.add(normalise(f"{f.label}({f.unit})"))
    if f.companion_of:
        names.add(normalise(f.label).replace("(其他)", "其他"))
    for synonym in SYNONYMS.get(f.key, ()):
        names.add(normalise(synonym))
    return names


def match_columns(form: FormDef, headers: list[object]) -> ColumnMatch:
    """Map header cells (row values, column 1 first) to fields; first match wins."""
    lookup: dict[str, FieldDef] = {}
    for f in form.fields:  # the form's own labels first, synonyms after
        lookup.setdefault(normalise(f.label), f)
    for f in form.fields:
        for name in _names(f):
            lookup.setdefault(name, f)
    out, taken = ColumnMatch(), set()
    for col, header in enumerate(headers, start=1):
        if header is None or str(header).strip() == "":
            continue
        key = normalise(str(header))
        f = lookup.get(key) or lookup.get(normalise(_bare(key)))
        if f is None or f.key in taken:
            if key not in IGNORED:
                out.unmatched.append((col, str(header).strip()[:40]))
            continue
        taken.add(f.key)
        out.columns[col] = f
    out.missing = [f for f in form.fields if f.required and f.key not in taken]
    return out


def find_header_row(form: FormDef, rows: list[tuple[object, ...]], limit: int = 30) -> int | None:
    """The 0-based index of the row (among the first `limit`) that best matches the form."""
    best, best_index = 1, None
    for i, row in enumerate(rows[:limit]):
        matched = match_columns(form, list(row)).matched
        if matched > best:
            best, best_index = matched, i
    return best_index
