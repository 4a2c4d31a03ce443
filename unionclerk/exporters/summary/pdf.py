"""The summary PDF: what a county head reads and signs off — first the overview (who reported,
key figures), then charts (入会率 by unit, venues by type, services by category), the 合计
tables of every form, 报送情况 and 问题清单.

Same page furniture as the submission PDF (A4, the embedded Chinese font, "第 X 页 共 Y 页"),
deterministic (`invariant`), written atomically. Returns warnings for characters the font
cannot draw. With more than `BY_AREA_ABOVE` units (a city's or a province's summary), the
入会率 chart shows one bar per county (or per city) instead of one per township.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from unionclerk.domain.i18n import tr
from unionclerk.domain.report import COVER
from unionclerk.exporters import atomic
from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.pdf import split as pdf_split
from unionclerk.exporters.pdf.common import GlyphCheck, grid_style, para
from unionclerk.exporters.pdf.pages import (
    LANDSCAPE,
    PORTRAIT,
    document,
    frame_size,
    numbered_canvas,
)
from unionclerk.exporters.summary.charts import hbar
from unionclerk.exporters.summary.model import (
    MISSING,
    REPORTED,
    TROUBLE,
    SummaryHead,
    group,
    kind_label,
)
from unionclerk.exporters.summary.sheets import derived_columns, key_figures, record_columns
from unionclerk.formspec.keyfigures import headline
from unionclerk.formspec.model import FormSet, rate
from unionclerk.formspec.rollup import SKIPPED_FORMS, Rollup, UnitLine, number

BY_AREA_ABOVE = 40
CHUNK = 40  # table rows per flowable: long tables are built in page-sized pieces


MAX_CELL_CHARS = 400


def _fmt(value: Any, kind: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if kind == "rate" or isinstance(value, Decimal) and kind != "int":
        places = 1 if kind in ("rate", "area") else 2
        return f"{Decimal(value):,.{places}f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if hasattr(value, "most_common"):
        return "，".join(f"{k} {n}" for k, n in value.most_common())
    return str(value)


def _fits(text: str) -> str:
    """A cell's text cut so its row always fits on a page (sixty copies of one report make
    a note of thousands of characters); the workbook keeps the whole text."""
    if len(text) <= MAX_CELL_CHARS:
        return text
    return tr("{start}……（共 {n} 字，全文见汇总工作簿）", start=text[:MAX_CELL_CHARS], n=len(text))


def _table(
    head: list[str],
    rows: Sequence[Sequence[str]],
    widths: list[float],
    glyphs: GlyphCheck | None = None,
    where: str = "",
    aligns: Sequence[int] = (),
) -> list[Any]:
    out: list[Any] = []
    # the lower of the two frames: a table may stand on a portrait or a landscape page
    height = min(frame_size(PORTRAIT)[1], frame_size(LANDSCAPE)[1])
    for start in range(0, max(1, len(rows)), CHUNK):
        body = rows[start : start + CHUNK]
        cells = [[para(h, 8.5, TA_CENTER) for h in head]]
        for row in body:
            if glyphs is not None:
                for text in row:
                    glyphs.check(text, where, text[:20])
            texts = [_fits(str(t)) for t in row]
            # a row still taller than a page (a short text of many lines) continues in rows
            # labelled 续, as in the submission PDF
            split = pdf_split.pieces(
                [(t, w, 8.5) for t, w in zip(texts, widths, strict=True)], height
            )
            for n, piece in enumerate(split or [texts]):
                if n:
                    piece = [f"{texts[0]}{pdf_split.CONTINUED}", *piece[1:]]
                cells.append(
                    [
                        para(t, 8.5, aligns[i] if i < len(aligns) else TA_LEFT)
                        for i, t in enumerate(piece)
                    ]
                )
        table = Table(cells, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(grid_style(8.5)))
        out.append(table)
    return out


def _overview(head: SummaryHead, forms: FormSet, rollup: Rollup) -> list[Any]:
    width, _ = frame_size(PORTRAIT)
    story: list[Any] = [
        Spacer(1, 8 * mm),
        para(head.title, 18, TA_CENTER),
        Spacer(1, 3 * mm),
        para(
            tr(
                "汇总单位：{name}（{code}）　生成时间：{at}",
                name=head.made_by.get("union_name", ""),
                code=head.made_by.get("division_code", ""),
                at=head.generated_at.strftime("%Y-%m-%d %H:%M"),
            ),
            9,
            TA_CENTER,
        ),
        Spacer(1, 6 * mm),
        para(tr("一、报送概况"), 12),
        Spacer(1, 2 * mm),
    ]
    facts = [(tr("纳入汇总的单位"), str(len(head.units)))]
    if head.expected is not None:
        count = {
            s: sum(group(e.state) == s for e in head.expected) for s in (REPORTED, MISSING, TROUBLE)
        }
        facts += [
            (tr("应报单位"), str(len(head.expected))),
            (tr("已报"), str(count[REPORTED])),
            (tr("未报"), str(count[MISSING])),
            (tr("有问题"), str(count[TROUBLE])),
        ]
    facts.append((tr("问题清单"), tr("{n} 条", n=len(head.problems))))
    story += _table(
        [f for f, _ in facts], [[v for _, v in facts]], [width / len(facts)] * len(facts)
    )
    missing = [e.name or e.division_code for e in head.expected or [] if e.state == MISSING]
    if missing:
        story += [Spacer(1, 2 * mm), para(tr("未报：{names}", names="、".join(missing)), 9)]
    story += [Spacer(1, 6 * mm), para(tr("二、主要数据"), 12), Spacer(1, 2 * mm)]
    rows = [
        [label, _fmt(value, style), note]
        for label, value, style, note in key_figures(forms, rollup)
    ]
    story += _table(
        [tr("项目"), tr("合计"), tr("填报单位数")],
        rows,
        [width * 0.5, width * 0.3, width * 0.2],
        aligns=(TA_LEFT, TA_RIGHT, TA_CENTER),
    )
    return story + [Spacer(1, 8 * mm), _signature(width)]


def _signature(width: float) -> Table:
    """Where the county signs and seals the printed summary."""
    sign = [
        [para(tr("单位负责人："), 10)],
        [para(tr("填表人："), 10)],
        [para(tr("联系电话："), 10)],
        [para(tr("报出日期：______年____月____日"), 10)],
    ]
    left = Table(sign, colWidths=[width * 0.55])
    left.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_fonts.FONT, 10),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    seal = Table(
        [[para(tr("（单位盖章）"), 10, TA_CENTER)]], colWidths=[width * 0.3], rowHeights=[34 * mm]
    )
    seal.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_fonts.FONT, 10),
                ("BOX", (0, 0), (-1, -1), 0.6, "#808080"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    table = Table([[left, seal]], colWidths=[width * 0.62, width * 0.38])
    table.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), pdf_fonts.FONT, 10), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return table


def _groups(
    lines: list[UnitLine], org: str, parts: tuple[str, str]
) -> tuple[list[tuple[str, Any, Any]], str]:
    """(name, members, employees) per bar (the headline rate's parts): per unit, or per county
    (6 digits) or city (4) when there would be more than `BY_AREA_ABOVE` bars."""
    for digits, key, title in (
        (12, "", tr("入会率（按单位）")),
        (6, "county", tr("入会率（按县市区）")),
        (4, "city", tr("入会率（按设区市）")),
    ):
        sums: dict[str, list[Any]] = {}
        for line in lines:
            values = line.values.get(org, {})
            members, employees = values.get(parts[0]), values.get(parts[1])
            name = (
                line.union_name
                if not key
                else (line.values.get(COVER, {}).get(key) or line.division_code[:digits])
            )
            acc = sums.setdefault(line.division_code[:digits], [name, 0, 0, True])
            if isinstance(members, int) and isinstance(employees, int):
                acc[1] += members
                acc[2] += employees
            else:
                acc[3] = acc[3] and digits != 12
        if len(sums) <= BY_AREA_ABOVE or digits == 4:
            return [
                (name, m if ok else None, e if ok else None)
                for _, (name, m, e, ok) in sorted(sums.items())
            ], title
    return [], ""


def _rates(lines: list[UnitLine], rollup: Rollup, width: float) -> list[Any]:
    chart = headline(rollup.forms)  # the rate the forms' YAML names (入会率)
    if chart is None or chart[1].formula is None:
        return []
    overall = rollup.record_totals(chart[0].key).get(chart[1].key, (None, 0))[0]
    groups, title = _groups(lines, chart[0].key, chart[1].formula)
    items: list[tuple[str, float]] = []
    lacking: list[str] = []
    for name, members, employees in groups:
        value = rate(members, employees) if members is not None else None
        if value is None:
            lacking.append(name)
        else:
            items.append((name, float(value)))
    items.sort(key=lambda kv: -kv[1])
    story: list[Any] = [para(title, 12), Spacer(1, 2 * mm)]
    if not items:
        return story + [para(tr("没有单位同时填报职工人数和会员人数，无法计算入会率"), 9)]
    ref = (float(overall), tr("合计 {v}%", v=f"{overall:.1f}")) if overall is not None else None
    top = max(100.0, max(v for _, v in items) * 1.05)
    for start in range(0, len(items), BY_AREA_ABOVE):  # a page holds about 40 bars
        if start:
            story += [PageBreak(), para(title, 12), Spacer(1, 2 * mm)]
        story.append(
            hbar(
                items[start : start + BY_AREA_ABOVE],
                width,
                value_format="%.1f",
                value_max=top,
                reference=ref,
                highlight_below=float(overall) if overall is not None else None,
            )
        )
    note = tr(
        "橙色：低于合计入会率。入会率 = 会员人数 ÷ 职工人数，合计按同时填报两项的单位重新计算。"
    )
    story += [Spacer(1, 2 * mm), para(note, 8.5, color="#555555")]
    if lacking:
        story.append(
            para(
                tr("未同时填报职工人数和会员人数：{names}", names="、".join(lacking)),
                8.5,
                color="#555555",
            )
        )
    return story


def _counts(rollup: Rollup, form_key: str, field: str, title: str, width: float) -> list[Any]:
    counts = rollup.roster_counts(form_key).get(field, {})
    story: list[Any] = [para(title, 12), Spacer(1, 2 * mm)]
    if not counts:
        return story + [para(tr("没有数据"), 9), Spacer(1, 6 * mm)]
    items = sorted(counts.items(), key=lambda kv: -kv[1])
    return story + [hbar([(k, float(v)) for k, v in items], width), Spacer(1, 8 * mm)]


def _totals(forms: FormSet, rollup: Rollup, width: float) -> list[Any]:
    story: list[Any] = [para(tr("三、各表合计"), 12)]
    widths = [width * 0.5, width * 0.28, width * 0.22]
    for form in forms:
        if form.key in SKIPPED_FORMS:
            continue
        rows: list[list[str]] = []
        totals = rollup.record_totals(form.key) if form.record_fields else {}
        for f in record_columns(form) if form.record_fields else []:
            kind = f.type.name
            if not (f.type.numeric or kind in ("bool", "choice")):
                continue  # names, notes and dates have no total
            value, n = totals.get(f.key, (None, 0))
            shown = (
                tr("是 {n}", n=value) if kind == "bool" and value is not None else _fmt(value, kind)
            )
            label = f.plain_label + (
                f"（{f.unit}）" if f.unit and f.unit not in f.plain_label else ""
            )
            rows.append([label, shown, str(n)])
        if form.derived_figures:
            fig = rollup.cadre_figures()
            for key, label in derived_columns(form):
                value = (
                    fig.by_appointment.get(key.split(":", 1)[1], 0)
                    if key.startswith("appointment:")
                    else getattr(fig, key)
                )
                rows.append(
                    [
                        label,
                        _fmt(value, "rate" if key in ("frontline_share", "average_age") else "int"),
                        str(rollup.units),
                    ]
                )
        if form.is_roster:
            rows.append([tr("名单行数"), _fmt(rollup.roster_rows(form.key)), ""])
            for key, (value, n) in rollup.roster_sums(form.key).items():
                f = form.field(key)
                rows.append(
                    [
                        tr("{label}（各行合计）", label=f.plain_label),
                        _fmt(value if f.type.name != "int" else number(f, value), f.type.name),
                        tr("{n} 行", n=n),
                    ]
                )
        story += [
            CondPageBreak(60 * mm),
            Spacer(1, 4 * mm),
            para(form.display_title, 10.5),
            Spacer(1, 1.5 * mm),
        ]
        story += _table(
            [tr("项目"), tr("合计"), tr("填报单位数")],
            rows,
            widths,
            aligns=(TA_LEFT, TA_RIGHT, TA_CENTER),
        )
    return story


def _status(head: SummaryHead, glyphs: GlyphCheck) -> list[Any]:
    width, _ = frame_size(LANDSCAPE)
    rows = [
        [
            str(i),
            e.division_code,
            e.name,
            e.state,
            next((u.status for u in head.units if u.division_code == e.division_code), ""),
            e.exported_at[:16].replace("T", " "),
            "；".join(e.notes),
        ]
        for i, e in enumerate(head.reporting, start=1)
    ]
    widths = [w * width for w in (0.04, 0.11, 0.17, 0.07, 0.08, 0.11, 0.42)]
    story: list[Any] = [para(tr("四、报送情况"), 12), Spacer(1, 2 * mm)]
    if head.expected is None:
        story.append(para(tr("未提供应报单位名单：下表只列出收到文件的单位。"), 9))
    story += _table(
        [
            tr("序号"),
            tr("行政区划代码"),
            tr("单位名称"),
            tr("报送情况"),
            tr("报表状态"),
            tr("导出时间"),
            tr("问题与备注"),
        ],
        rows,
        widths,
        glyphs,
        tr("报送情况"),
    )
    rows = [
        [
            str(i),
            p.file,
            p.unit,
            kind_label(p.kind),
            p.detail,
            tr("已计入") if p.used else tr("未使用"),
        ]
        for i, p in enumerate(head.problems, 1)
    ]
    widths = [w * width for w in (0.04, 0.26, 0.16, 0.1, 0.37, 0.07)]
    story += [Spacer(1, 6 * mm), para(tr("五、问题清单"), 12), Spacer(1, 2 * mm)]
    if not rows:
        return story + [para(tr("没有问题：所有文件都已计入汇总。"), 9)]
    return story + _table(
        [tr("序号"), tr("文件"), tr("单位"), tr("问题类型"), tr("说明"), tr("处理")],
        rows,
        widths,
        glyphs,
        tr("问题清单"),
    )


def write_summary_pdf(
    target: Path,
    forms: FormSet,
    head: SummaryHead,
    rollup: Rollup,
    lines: list[UnitLine],
    font_path: Path,
) -> list[str]:
    """Write the summary PDF atomically; returns warnings (characters the font lacks)."""
    font = pdf_fonts.register(font_path)
    width, _ = frame_size(PORTRAIT)
    glyphs = GlyphCheck()
    for line in lines:
        glyphs.check(line.union_name, tr("单位名称"), line.division_code)
    story = _overview(head, forms, rollup) + [PageBreak()] + _rates(lines, rollup, width)
    story += [PageBreak(), para(tr("阵地与服务"), 12, TA_CENTER), Spacer(1, 4 * mm)]
    for form in forms:  # the rosters that declare a `chart` in their YAML
        if form.chart is not None:
            story += _counts(rollup, form.key, form.chart.field, form.chart.shown_title, width)
    story += [PageBreak()] + _totals(forms, rollup, width)
    story += [NextPageTemplate(LANDSCAPE), PageBreak()] + _status(head, glyphs)
    header = (
        f"{head.made_by.get('union_name', '')} · {head.period.label} · {tr('工会工作情况汇总')}"
    )
    with atomic.atomic_path(Path(target)) as tmp:
        doc = document(
            str(tmp),
            font,
            header=header,
            draft=head.draft,
            title=head.title,
            subject=head.export_id,
        )
        doc.build(story, canvasmaker=numbered_canvas(font, head.generated_at))
    return glyphs.warnings
