"""What the PDF's parts share: paragraph styles, shown values, the header block, the signature
line, and the check that every user string can be drawn with the embedded font."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from unionclerk.domain.i18n import tr
from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.xlsx.layout import NUMBER_STYLES, Context, value_cell
from unionclerk.formspec.model import FieldDef

GRID = colors.HexColor("#808080")
HEAD_FILL = colors.HexColor("#DDE6F2")
SECTION_FILL = colors.HexColor("#F2F2F2")


@lru_cache(maxsize=64)
def style(
    name: str, size: float = 9.0, align: int = 0, indent: float = 0.0, color: str = "#000000"
) -> ParagraphStyle:
    font = pdf_fonts.FONT
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=size * 1.3,
        alignment=align,
        leftIndent=indent,
        wordWrap="CJK",
        textColor=colors.HexColor(color),
    )


def para(
    text: str, size: float = 9.0, align: int = 0, indent: float = 0.0, color: str = "#000000"
) -> Paragraph:
    """A paragraph of plain text: escaped first, so `A&B` or `<b>` show as typed."""
    return Paragraph(
        escape(text).replace("\n", "<br/>"),
        style(f"p{size}-{align}-{indent}-{color}", size, align, indent, color),
    )


def shown(f: FieldDef, value: Any, full_ids: bool) -> str:
    """A value as the PDF prints it (thousands separators, masked ID numbers…)."""
    cell, _ = value_cell(f, value, full_ids)
    if cell is None:
        return ""
    if f.type.name in NUMBER_STYLES:
        return f.display(value)
    return str(cell)


@dataclass
class GlyphCheck:
    """Collects warnings for characters the font lacks, once per place."""

    warnings: list[str] = field(default_factory=list)

    def check(self, text: str, where: str, label: str) -> None:
        if not text:
            return
        lacking = pdf_fonts.missing(text)
        if lacking:
            self.warnings.append(
                tr(
                    "{where}“{label}”中的字符 {chars} 不在 PDF 字体中，打印出来会是空白，请核对或改用常用字",
                    where=where,
                    label=label,
                    chars="、".join(f"“{c}”(U+{ord(c):04X})" for c in lacking),
                )
            )


BRIEF = 40  # characters of a name repeated in page headers and signature lines


def brief(value: Any) -> str:
    """A cover value as repeated on every page: one line, at most `BRIEF` characters (the cover
    page prints it whole)."""
    text = " ".join(str(value or "").split())
    return text if len(text) <= BRIEF else text[: BRIEF - 1] + "…"


def header_block(
    ctx: Context, title: str, table_no: str, unit_label: str, width: float
) -> list[Any]:
    cover = ctx.cover
    period = ctx.period.label if ctx.period else ""
    draft = "（草稿）" if ctx.draft else ""
    title_p = para(f"{title}{draft}", 15, TA_CENTER, color="#C00000" if ctx.draft else "#000000")
    rows = [
        [para(f"表号：{table_no}"), para(f"计量单位：{unit_label}", align=TA_RIGHT)],
        [
            para(f"填报单位：{brief(cover.get('union_name'))}"),
            para(f"报告期：{period}", align=TA_RIGHT),
        ],
        [
            para(f"统一社会信用代码：{brief(cover.get('credit_code'))}"),
            para(f"行政区划代码：{brief(cover.get('division_code'))}", align=TA_RIGHT),
        ],
    ]
    table = Table(rows, colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_fonts.FONT, 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [title_p, Spacer(1, 6), table, Spacer(1, 6)]


def signature(ctx: Context, width: float) -> Table:
    cover = ctx.cover
    date = cover.get("report_date")
    day = f"{date.year}年{date.month}月{date.day}日" if date else ""
    cells = [
        [
            para(f"单位负责人：{brief(cover.get('head_name'))}"),
            para(f"填表人：{brief(cover.get('filler_name'))}"),
            para(f"联系电话：{brief(cover.get('filler_phone'))}"),
            para(f"报出日期：{day}"),
        ]
    ]
    table = Table(cells, colWidths=[width / 4] * 4)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_fonts.FONT, 9),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def grid_style(font_size: float, header_rows: int = 1) -> list[tuple]:
    return [
        ("FONT", (0, 0), (-1, -1), pdf_fonts.FONT, font_size, font_size * 1.3),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
