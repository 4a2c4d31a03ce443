"""Which column of a clerk's own roster is which field: headers matched by text and synonyms.

Clerks' spreadsheets name columns their own way (身份证号 for 公民身份号码, 职务 for 工会职务,
文化程度 for 学历) and add columns the form does not have (序号, 年龄). `match_header` gives
each column the field it most likely holds, each field at most once; `guess_header_row`
finds the header among the first rows, past titles and blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from unionclerk.formspec.fieldtypes import to_halfwidth
from unionclerk.formspec.model import FieldDef, FormDef

# Other names clerks give the columns, by form and field key (the label always counts).
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "cadres": {
        "name": ("姓名", "名字"),
        "birth": ("出生年月", "出生日期", "出生年月日", "生日", "出生时间"),
        "political": ("政治面貌", "政治身份", "党派"),
        "education": ("学历", "文化程度", "最高学历", "文化"),
        "position": ("工会职务", "职务", "工会职位", "职位", "担任职务"),
        "appointment": ("任职方式", "专兼职", "专(兼)职", "专职兼职", "任职形式"),
        "home_post": ("本职单位及职务", "工作单位及职务", "单位及职务", "工作单位", "本职单位",
                      "所在单位", "单位职务"),
        "frontline": ("是否一线职工", "一线职工", "是否一线"),
        "since": ("任职时间", "任职年月", "任现职时间", "任职日期"),
        "phone": ("联系电话", "电话", "手机", "手机号码", "手机号", "联系方式"),
        "id_number": ("公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码"),
        "notes": ("备注", "说明"),
    },
    "venues": {
        "name": ("阵地名称", "名称", "站点名称", "阵地"),
        "venue_type": ("类型", "阵地类型", "站点类型"),
        "level": ("层级", "级别"),
        "build_mode": ("建设方式", "建设模式"),
        "shared_with": ("共建共享单位", "共建单位"),
        "status": ("状态", "运行状态", "使用状态"),
        "opened": ("启用时间", "启用日期", "建成时间", "投用时间"),
        "area": ("面积(平方米)", "面积", "建筑面积", "使用面积"),
        "rooms": ("功能室数", "功能室"),
        "investment": ("投入资金(元)", "投入资金", "投资", "投入"),
        "honour": ("荣誉称号", "荣誉"),
        "followers": ("关注人数", "粉丝数", "关注数"),
        "address": ("地址", "所在地", "位置"),
        "contact": ("负责人", "联系人"),
        "phone": ("联系电话", "电话", "手机"),
        "notes": ("备注", "说明"),
    },
    "services": {
        "name": ("项目(活动)名称", "项目名称", "活动名称", "名称", "项目"),
        "category": ("类别", "服务类别", "项目类别", "类型"),
        "brand": ("服务品牌", "品牌"),
        "start": ("开始日期", "开始时间", "起始日期", "活动日期", "日期", "时间"),
        "end": ("结束日期", "结束时间", "截止日期"),
        "sessions": ("场次(次数)", "场次", "次数", "活动次数"),
        "served": ("服务数量", "服务人数", "受益人数", "参与人数", "人数", "服务人次"),
        "served_unit": ("计量单位", "单位"),
        "funds": ("投入资金(元)", "投入资金", "资金", "金额", "经费"),
        "fund_source": ("资金来源", "经费来源"),
        "partners": ("合作单位", "协办单位", "联合单位"),
        "notes": ("备注", "说明"),
    },
}
IGNORED = ("序号", "编号", "年龄", "no", "no.", "合计")
EXACT, STARTS, CONTAINS = 3, 2, 1


def header_norm(text: Any) -> str:
    """A header cell compared as text: no spaces, line breaks, stars or (必填)."""
    if text is None:
        return ""
    t = re.sub(r"\s+", "", to_halfwidth(str(text))).lower()
    t = t.replace("(必填)", "").replace("(选填)", "").strip("*:")
    return t


def names(form: FormDef, field: FieldDef) -> list[str]:
    """Every normalised name a column of this field may carry."""
    out = [field.label, field.plain_label, field.label_en or ""]
    out += SYNONYMS.get(form.key, {}).get(field.key, ())
    return [n for n in dict.fromkeys(header_norm(x) for x in out) if n]


def _score(header: str, candidates: list[str]) -> int:
    best = 0
    for name in candidates:
        if header == name:
            return EXACT
        if len(name) >= 2 and header.startswith(name):
            best = max(best, STARTS)
        elif len(name) >= 2 and name in header:
            best = max(best, CONTAINS)
    return best


def match_header(form: FormDef, header: Sequence[Any]) -> list[str | None]:
    """The field key of each column (None: no field), each field used once, best first."""
    cells = [header_norm(h) for h in header]
    scored = []
    for f in form.fields:
        candidates = names(form, f)
        for col, h in enumerate(cells):
            if h and h not in IGNORED:
                score = _score(h, candidates)
                if score:
                    # prefer the better score, then the longer name matched, then left-most
                    scored.append((-score, -len(h) if score == EXACT else 0, col, f.key))
    scored.sort()
    out: list[str | None] = [None] * len(cells)
    used: set[str] = set()
    for _s, _l, col, key in scored:
        if out[col] is None and key not in used:
            out[col] = key
            used.add(key)
    return out


def header_score(form: FormDef, row: Sequence[Any]) -> int:
    """How many fields a row's cells name: a header row names several."""
    return sum(k is not None for k in match_header(form, row))


def guess_header_row(form: FormDef, rows: Sequence[Sequence[Any]], scan: int = 30) -> int | None:
    """The index of the header among the first `scan` rows (None: no row names 2 fields)."""
    best, at = 1, None
    for i, row in enumerate(rows[:scan]):
        score = header_score(form, row)
        if score > best:
            best, at = score, i
    return at


def looks_like_header(form: FormDef, row: Sequence[Any]) -> bool:
    """Two or more cells name fields, and they are at least half of the filled cells."""
    filled = sum(1 for c in row if header_norm(c))
    score = header_score(form, row)
    return score >= 2 and score * 2 >= filled
