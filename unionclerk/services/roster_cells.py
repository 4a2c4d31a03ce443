"""Reading pasted or imported cells into roster values the way a clerk means them.

A cell is read by its column's field type, more leniently than typing: choice labels match
ignoring spaces and full-/half-width forms and through common synonyms (汉 → 汉族, 本科 →
大学本科, 党员 → 中共党员), "其他：穿青人" fills 其他 and its companion text, workbook dates and
numbers arrive typed. What still cannot be read is kept as entered (`Raw`) and marked by the
checker, never dropped. Two things are refused outright, because keeping them would keep
wrong data: an ID number that Excel has already turned into a number (its last digits are
lost) and a cell longer than any field can hold.

Also: the clipboard's tab-separated text (as Excel writes it, quotes and all) both ways.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.i18n import tr
from unionclerk.domain.report import YearMonth
from unionclerk.formspec import door
from unionclerk.formspec.fieldtypes import HARD_TEXT_CAP
from unionclerk.formspec.model import OTHER, FieldDef
from unionclerk.formspec.rawcells import RAW_KEY, Raw, put
from unionclerk.formspec.text import fold

# Common ways of writing a choice, applied only when the target is one of the field's choices.
SYNONYMS = {
    "男性": "男",
    "女性": "女",
    "汉": "汉族",
    "党员": "中共党员",
    "中共": "中共党员",
    "共产党员": "中共党员",
    "预备党员": "中共预备党员",
    "团员": "共青团员",
    "共青团": "共青团员",
    "民主党派人士": "民主党派",
    "本科": "大学本科",
    "大学": "大学本科",
    "硕士": "研究生",
    "博士": "研究生",
    "硕士研究生": "研究生",
    "博士研究生": "研究生",
    "专科": "大专",
    "大学专科": "大专",
    "高中": "中专或高中",
    "中专": "中专或高中",
    "职高": "中专或高中",
    "技校": "中专或高中",
    "中技": "中专或高中",
    "初中": "初中及以下",
    "小学": "初中及以下",
    "次": "人次",
}
_OTHER_RE = re.compile(r"其他\s*[:：\-—/、(（\s]\s*(.+?)\s*[)）]?")
_SCIENTIFIC_RE = re.compile(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+")


class CellRefused(Exception):
    """A cell that must not be kept: `kind` is "rounded_id" or "too_long"."""

    def __init__(self, kind: str, field: FieldDef, length: int = 0) -> None:
        super().__init__(kind)
        self.kind, self.field, self.length = kind, field, length


@dataclass(frozen=True)
class Cell:
    """One read cell: a typed value, or text kept as entered; `other` is 其他's text."""

    value: Any = None
    raw: str | None = None
    other: str | None = None

    @property
    def empty(self) -> bool:
        return self.value is None and self.raw is None

    def put_into(self, values: dict[str, Any], field: FieldDef) -> None:
        """Write this cell into a row's values (clearing what was there)."""
        put(values, field.key, Raw(self.raw) if self.raw is not None else self.value)
        if self.other is not None:
            put(values, field.other_key, self.other)


def read_choice(field: FieldDef, text: str) -> Cell:
    t = fold(text)
    if not t:
        return Cell()
    by_norm = {fold(c): c for c in field.choices}
    if t in by_norm:
        return Cell(by_norm[t])
    if field.has_other:
        m = _OTHER_RE.fullmatch(text.strip())
        if m:
            try:
                return Cell(OTHER, other=door.clean(m.group(1)).strip())
            except ValueRefused:
                return Cell(raw=text.strip())
    for guess in (SYNONYMS.get(t), t + "族"):
        if guess in field.choices:
            return Cell(guess)
    return Cell(raw=text.strip())


def read_text(field: FieldDef, text: str) -> Cell:
    """A cell as typed or pasted; raises CellRefused for what must not be kept."""
    text = door.normalise(text)
    if len(text) > HARD_TEXT_CAP:
        raise CellRefused("too_long", field, len(text))
    kind = field.type.name
    if kind == "idnumber" and _SCIENTIFIC_RE.fullmatch(text.strip()):
        raise CellRefused("rounded_id", field)
    if kind == "choice":
        return read_choice(field, text)
    try:
        return Cell(field.parse_text(text))
    except ValueRefused:
        return Cell(raw=text.strip())


def read_value(field: FieldDef, value: Any) -> Cell:
    """A workbook cell as openpyxl gives it (str, int, float, bool, datetime, None)."""
    if value is None:
        return Cell()
    kind = field.type.name
    if isinstance(value, bool):
        return Cell(value) if kind == "bool" else read_text(field, "是" if value else "否")
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        if kind == "date":
            return Cell(day)
        if kind == "yearmonth":
            return Cell(YearMonth(day.year, day.month))
        return read_text(field, day.isoformat())
    if isinstance(value, time):
        return read_text(field, value.isoformat())
    if isinstance(value, int | float):
        if kind == "idnumber":
            raise CellRefused("rounded_id", field)
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                return Cell(raw=str(value))
            if kind == "yearmonth" and re.fullmatch(r"\d{4}\.\d", repr(value)):
                return Cell(raw=repr(value))  # 2018.1: was it 2018.10 before Excel? ask
            text = str(int(value)) if value.is_integer() else format(value, ".15g")
        else:
            text = str(value)
        return read_text(field, text)
    return read_text(field, str(value))


def cell_text(field: FieldDef, values: dict[str, Any]) -> str:
    """A cell as copied to the clipboard: re-readable by `read_text`, full ID numbers."""
    raw = values.get(RAW_KEY)
    if raw and field.key in raw:
        return raw[field.key]
    value = values.get(field.key)
    if value is None:
        return ""
    if value == OTHER and field.has_other and values.get(field.other_key):
        return f"{OTHER}：{values[field.other_key]}"
    return field.type.to_text(value)


def refusal_message(kind: str, field: FieldDef, where: list[str], length: int = 0) -> str:
    places = "、".join(where[:8]) + ("等" if len(where) > 8 else "")
    if kind == "rounded_id":
        return tr(
            "{places}的“{label}”是数字，Excel 已把身份证号的后几位变成 0，无法还原。"
            "请在 Excel 中把这一列设为“文本”格式后重新录入号码，或不带这一列。",
            places=places,
            label=field.plain_label,
        )
    return tr(
        "{places}的“{label}”有 {n} 字，超过单元格上限 {cap} 字，请先在 Excel 中精简。",
        places=places,
        label=field.plain_label,
        n=f"{length:,}",
        cap=f"{HARD_TEXT_CAP:,}",
    )


# -- the clipboard ------------------------------------------------------------------------
def parse_tsv(text: str) -> list[list[str]]:
    """Excel's clipboard text as rows of cells (quoted cells may hold tabs and line breaks);
    the trailing line break Excel adds gives no extra row; rows are padded to one width."""
    if not text:
        return []
    rows = list(
        csv.reader(
            io.StringIO(text.replace("\r\n", "\n")), delimiter="\t", quotechar='"', strict=False
        )
    )
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def tile(grid: list[list[str]], height: int, width: int) -> list[list[str]]:
    """What Excel pastes over a selection `height` rows by `width` columns: the copied block
    repeated to fill it when the selection is a whole number of blocks high and wide (so one
    cell fills any selection); otherwise the block once, as copied."""
    h, w = len(grid), len(grid[0]) if grid else 0
    if not h or not w or (height <= h and width <= w) or height % h or width % w:
        return grid
    return [[grid[r % h][c % w] for c in range(width)] for r in range(height)]


def to_tsv(rows: list[list[str]]) -> str:
    """Rows of cells as Excel writes them to the clipboard."""

    def quoted(cell: str) -> str:
        if any(c in cell for c in "\t\n\r") or cell.startswith('"'):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    return "".join("\t".join(quoted(c) for c in row) + "\r\n" for row in rows)
