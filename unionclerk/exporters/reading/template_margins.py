"""What a person typed in a filled template's header block and signature rows.

Those rows are written by the program and repeat the cover: 填报单位, 报告期, the two codes,
单位负责人, 填表人, 联系电话 and 报出日期. The template reader does not import them — the cover's
own rows hold those values — so whatever a person typed there that the imported report does
not already say is named in a warning of the import result: the sheet and cell, what was typed,
that it is not imported, and which cover row to put it in. Nothing typed there is dropped
without a word, and nothing the program wrote itself (the blank template's texts, the unit the
template was made for) is reported.
"""

from __future__ import annotations

import re
from typing import Any

from unionclerk.domain.errors import UserError, ValueRefused
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.report import COVER
from unionclerk.formspec import door
from unionclerk.formspec.model import FormSet

HEADER, SIGNATURE = "header", "signature"
PERIOD_LABEL = "报告期"
# label in the header or signature rows → the cover field whose value it repeats
MIRRORS = {
    "填报单位": "union_name",
    "统一社会信用代码": "credit_code",
    "行政区划代码": "division_code",
    "单位负责人": "head_name",
    "填表人": "filler_name",
    "联系电话": "filler_phone",
    "报出日期": "report_date",
}
_PAIR = re.compile(r"\s*([^：:]+?)\s*[：:]\s*(.*)", re.DOTALL)
SHOWN = 40  # characters of a typed text quoted in a warning


def _shown(text: str) -> str:
    text = door.printable(" ".join(text.split()))
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


class Margins:
    """The report as imported, against which a header or signature cell is compared."""

    def __init__(
        self, forms: FormSet, cover: dict[str, Any], period: Period, manifest: dict[str, Any]
    ) -> None:
        self.forms = forms
        self.cover = cover
        self.period = period
        self.written = dict(manifest.get("unit") or {})  # the unit the template was made for

    def warning(self, area: str, where: str, value: Any) -> str | None:
        """The warning for one filled cell of a header or signature row (None: nothing lost)."""
        text = str(value).strip()
        if not text:
            return None
        place = tr("表头") if area == HEADER else tr("签名栏")
        pair = _PAIR.fullmatch(text)
        label, typed = (pair.group(1), pair.group(2).strip()) if pair else ("", "")
        if label == PERIOD_LABEL:
            return (
                None
                if self._same_period(typed)
                else tr(
                    "{where}“{text}”：{place}只是重复封面的内容，不会被导入；报告期以封面“报告期”一栏"
                    "为准（现为“{period}”）。如需更改，请改在封面“报告期”一栏",
                    where=where,
                    text=_shown(text),
                    place=place,
                    period=self.period.label,
                )
            )
        if label in MIRRORS:
            key = MIRRORS[label]
            if not typed or self._same(key, typed):
                return None
            f = self.forms[COVER].field(key)
            now = self.cover.get(key)
            if now is None:
                return tr(
                    "{where}“{text}”：{place}只是重复封面的内容，不会被导入，而封面“{field}”一栏"
                    "是空的。请把它填到封面“{field}”一栏",
                    where=where,
                    text=_shown(text),
                    place=place,
                    field=f.label,
                )
            return tr(
                "{where}“{text}”：{place}只是重复封面的内容，不会被导入；{field}以封面“{field}”一栏"
                "为准（现为“{now}”）。如需更改，请改在封面“{field}”一栏",
                where=where,
                text=_shown(text),
                place=place,
                field=f.label,
                now=_shown(f.display(now)),
            )
        return tr(
            "{where}“{text}”：{place}不是填写栏，这里的内容不会被导入。数值请填到“数值”栏（名单"
            "填到对应的列），说明请填到“说明”栏",
            where=where,
            text=_shown(text),
            place=place,
        )

    def _same(self, key: str, typed: str) -> bool:
        f = self.forms[COVER].field(key)
        if typed == str(self.written.get(key, "")).strip():
            return True  # as the program wrote it when it made the template
        try:
            return f.parse_text(typed) == self.cover.get(key)
        except ValueRefused:
            return False

    def _same_period(self, typed: str) -> bool:
        try:
            return not typed or Period.parse(typed) == self.period
        except UserError:
            return False


def warnings(margins: Margins, cells: list[tuple[str, str, Any]]) -> list[str]:
    """Warnings for (area, where, value) of every filled header and signature cell."""
    out = [margins.warning(area, where, value) for area, where, value in cells]
    return [w for w in out if w]
