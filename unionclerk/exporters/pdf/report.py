"""The submission PDF (interchange.md §2): the same forms as the workbook, for printing,
signing and sealing.

A4, the Chinese font embedded, a cover with the unit, the period, a signature and seal box
and a QR code (unit code, period, payload hash) so a county can match a stamped paper copy to
the file it received; 草稿 on every page of a draft; "第 X 页 共 Y 页" in the footer.
Deterministic: `invariant=1`, and the export time comes in with the bundle, never from a
clock in here. Returns warnings (characters the font cannot draw, naming the field).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from unionclerk.domain.report import COVER
from unionclerk.exporters import atomic
from unionclerk.exporters.bundle import Bundle, context
from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.pdf import split as pdf_split
from unionclerk.exporters.pdf.common import (
    SECTION_FILL,
    GlyphCheck,
    brief,
    grid_style,
    header_block,
    para,
    shown,
    signature,
)
from unionclerk.exporters.pdf.pages import (
    LANDSCAPE,
    PORTRAIT,
    document,
    frame_size,
    numbered_canvas,
)
from unionclerk.exporters.pdf.roster import roster_story
from unionclerk.exporters.xlsx.layout import (
    IDS_NOTE,
    IDS_NOTE_FULL,
    NOTHING_TEXT,
    Context,
    ordered_fields,
)
from unionclerk.exporters.xlsx.sheets import COVER_TITLE
from unionclerk.formspec.derived import cadre_figures
from unionclerk.formspec.model import FieldDef, FormDef, FormSet

TEXT_TYPES = ("text", "longtext", "choice", "phone", "idnumber", "creditcode", "divisioncode")


def qr_payload(bundle: Bundle) -> str:
    unit = bundle.manifest.get("unit", {})
    return f"UNIONCLERK|{unit.get('division_code', '')}|{bundle.period.code}|{bundle.payload_hash}"


def build_pdf(target: Path, forms: FormSet, bundle: Bundle, font_path: Path) -> list[str]:
    """Write the PDF atomically; returns warnings for the clerk."""
    font = pdf_fonts.register(font_path)
    ctx = context(forms, bundle.period, bundle.data, bundle.manifest)
    glyphs = GlyphCheck()
    story = _cover(ctx, bundle, glyphs)
    for form in forms:
        if form.key == COVER:
            continue
        story += _roster(ctx, form, glyphs) if form.is_roster else _single(ctx, form, glyphs)
    name = brief(ctx.cover.get("union_name"))
    header = f"{name} · {bundle.period.label} · 工会工作报表"
    with atomic.atomic_path(Path(target)) as tmp:
        doc = document(
            str(tmp),
            font,
            header=header,
            draft=ctx.draft,
            title=f"{name} {bundle.period.label} 工会工作报表",
            subject=qr_payload(bundle),
        )
        doc.build(story, canvasmaker=numbered_canvas(font, _exported_at(bundle)))
    return glyphs.warnings


def _exported_at(bundle: Bundle) -> datetime | None:
    try:
        return datetime.fromisoformat(str(bundle.manifest.get("exported_at", "")))
    except ValueError:
        return None


def _qr(value: str, size: float) -> Drawing:
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.initialFontName = pdf_fonts.FONT  # else the drawing state names Helvetica
    drawing.add(widget)
    return drawing


def _pairs_table(rows: list[tuple[str, str]], width: float) -> Table:
    _, height = frame_size(PORTRAIT)
    rows = [
        piece for label, text in rows for piece in _continued(label, text, width * 0.33, height)
    ]
    cells = []
    for i in range(0, len(rows), 2):
        pair = rows[i : i + 2] + [("", "")] * (2 - len(rows[i : i + 2]))
        cells.append([para(pair[0][0]), para(pair[0][1]), para(pair[1][0]), para(pair[1][1])])
    # The label columns as wide as the longest label, so the values get the rest: a 36-character
    # 导出编号 stays on one line.
    label = max(stringWidth(text, pdf_fonts.FONT, 9) for text, _ in rows) + 2 * 2 + 1
    value = width / 2 - label
    table = Table(cells, colWidths=[label, value, label, value])
    style = grid_style(9, header_rows=0)
    style += [
        ("BACKGROUND", (0, 0), (0, -1), SECTION_FILL),
        ("BACKGROUND", (2, 0), (2, -1), SECTION_FILL),
    ]
    table.setStyle(TableStyle(style))
    return table


def _continued(label: str, text: str, col_width: float, height: float) -> list[tuple[str, str]]:
    """A (label, value) pair, or several when the value is taller than a page (续 after)."""
    split = pdf_split.pieces([(text, col_width, 9.0)], height)
    if split is None:
        return [(label, text)]
    return [
        (label if i == 0 else f"{label}{pdf_split.CONTINUED}", row[0])
        for i, row in enumerate(split)
    ]


def _cover(ctx: Context, bundle: Bundle, glyphs: GlyphCheck) -> list[Any]:
    width, _ = frame_size(PORTRAIT)
    form = ctx.forms[COVER]
    values = ctx.data.cover
    story: list[Any] = [Spacer(1, 14 * mm), para(COVER_TITLE, 22, TA_CENTER)]
    if ctx.draft:
        story += [Spacer(1, 4), para("（草稿）", 16, TA_CENTER, color="#C00000")]
    story += [
        Spacer(1, 8),
        para(ctx.period.label if ctx.period else "", 14, TA_CENTER),
        Spacer(1, 4),
        para(values.get("union_name", ""), 14, TA_CENTER),
        Spacer(1, 10 * mm),
    ]
    fields = []
    for _, f in ordered_fields(form, form.fields):
        text = shown(f, values.get(f.key), ctx.full_ids)
        if f.companion_of and not text:
            continue
        glyphs.check(text, "封面", f.label)
        fields.append((f.label, text))
    story.append(_pairs_table(fields, width))
    story += _cover_notes(ctx, form, glyphs, width)
    facts = [
        ("报告期", ctx.period.label if ctx.period else ""),
        ("报表状态", ctx.status_label),
        ("导出时间", ctx.exported_at),
        ("程序版本", ctx.program_version),
        ("导出编号", ctx.export_id),
        ("身份证号码", IDS_NOTE_FULL if ctx.full_ids else IDS_NOTE),
    ]
    story += [
        Spacer(1, 5 * mm),
        _pairs_table(facts, width),
        Spacer(1, 3),
        para(f"数据校验码（SHA-256）：{bundle.payload_hash}", 7.5, color="#404040"),
        Spacer(1, 8 * mm),
    ]
    story.append(_seal_box(ctx, bundle, width))
    return story


def _cover_notes(ctx: Context, form: FormDef, glyphs: GlyphCheck, width: float) -> list[Any]:
    """The explanations given for the cover's warnings, as the workbook's 说明 column shows
    them: a reviewer reading the paper sees why, too."""
    label = max(stringWidth(f"{f.label}", pdf_fonts.FONT, 9) for f in form.fields) + 5
    _, height = frame_size(PORTRAIT)
    rows: list[list[Any]] = []
    for _, f in ordered_fields(form, form.fields):
        note = ctx.data.explanations.get(f"cover.{f.key}", "").strip()
        if note:
            glyphs.check(note, "封面", f"{f.label}的说明")
            # a note taller than a page goes on in 续 rows
            rows += [
                [para(name), para(text)]
                for name, text in _continued(f.label, note, width - label, height)
            ]
    if not rows:
        return []
    table = Table(
        [[para("项目", align=TA_CENTER), para("说明", align=TA_CENTER)]] + rows,
        colWidths=[label, width - label],
        repeatRows=1,
    )
    table.setStyle(TableStyle(grid_style(9)))
    return [Spacer(1, 3 * mm), table]


def _seal_box(ctx: Context, bundle: Bundle, width: float) -> Table:
    sign = [
        para("单位负责人（签字）：", 10),
        Spacer(1, 14 * mm),
        para("填表人（签字）：", 10),
        Spacer(1, 14 * mm),
        para("报出日期：　　　　年　　月　　日", 10),
    ]
    seal = [para("（单位盖章）", 10, TA_CENTER)]
    qr = [
        _qr(qr_payload(bundle), 32 * mm),
        para("扫码核对：区划代码、报告期、数据校验码", 7, TA_CENTER, color="#404040"),
    ]
    table = Table(
        [[sign, seal, qr]],
        colWidths=[width * 0.38, width * 0.37, width * 0.25],
        rowHeights=[58 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_fonts.FONT, 9),
                ("BOX", (0, 0), (1, 0), 0.8, "#404040"),
                ("LINEAFTER", (0, 0), (0, 0), 0.4, "#808080"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("ALIGN", (2, 0), (2, 0), "CENTER"),
            ]
        )
    )
    return table


def _record_table(
    ctx: Context,
    form: FormDef,
    fields: list[FieldDef],
    width: float,
    glyphs: GlyphCheck,
    where: str,
) -> Table:
    values = ctx.data.single.get(form.key, {})
    computed = form.computed(values)
    height = frame_size(LANDSCAPE)[1]  # the shorter frame: rosters' summaries print landscape
    rows: list[list[Any]] = [
        [
            para("指标名称", align=TA_CENTER),
            para("计量单位", align=TA_CENTER),
            para("数值", align=TA_CENTER),
            para("说明", align=TA_CENTER),
        ]
    ]
    style = grid_style(9)
    current, number = None, 0
    for title, f in ordered_fields(form, fields):
        if title and title != current:
            current, number = title, number + 1
            rows.append([para(f"{'一二三四五六七八九十'[number - 1]}、{title}"), "", "", ""])
            style += [
                ("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SECTION_FILL),
            ]
        value = computed.get(f.key) if f.type.computed else values.get(f.key)
        text = shown(f, value, ctx.full_ids)
        note = ctx.data.explanations.get(f"{form.key}.{f.key}", "")
        if f.type.name in TEXT_TYPES:
            glyphs.check(text, where, f.label)
        glyphs.check(note, where, f"{f.label}的说明")
        long = f.type.name == "longtext"  # long text takes the 数值 and 说明 columns together
        cells = (
            [(text, width * 0.49, 9.0)]
            if long
            else [(text, width * 0.21, 9.0), (note, width * 0.28, 8.0)]
        )
        split = pdf_split.pieces(cells, height) or [[c[0] for c in cells]]
        for i, piece in enumerate(split):
            label = f.label if i == 0 else f"{f.label}{pdf_split.CONTINUED}"
            rows.append(
                [
                    para(label, indent=12 * f.depth),
                    para(f.unit or "" if i == 0 else "", align=TA_CENTER),
                ]
            )
            if long:
                rows[-1] += [para(piece[0]), ""]
                style.append(("SPAN", (2, len(rows) - 1), (3, len(rows) - 1)))
            else:
                rows[-1] += [para(piece[0], align=2 if f.type.numeric else 0), para(piece[1], 8)]
    table = Table(
        rows, colWidths=[width * 0.40, width * 0.11, width * 0.21, width * 0.28], repeatRows=1
    )
    table.setStyle(TableStyle(style))
    return table


def _single(ctx: Context, form: FormDef, glyphs: GlyphCheck) -> list[Any]:
    width, _ = frame_size(PORTRAIT)
    where = form.display_title
    return (
        [NextPageTemplate(PORTRAIT), PageBreak()]
        + header_block(ctx, form.title, form.table_no or "", form.unit_label or "", width)
        + _nothing(ctx, form)
        + [_record_table(ctx, form, form.fields, width, glyphs, where), signature(ctx, width)]
    )


def _nothing(ctx: Context, form: FormDef) -> list[Any]:
    """The form was marked 本期无此项: said above its table."""
    if form.key not in ctx.data.nothing:
        return []
    return [para(NOTHING_TEXT, 12, TA_CENTER), Spacer(1, 6)]


def _roster(ctx: Context, form: FormDef, glyphs: GlyphCheck) -> list[Any]:
    width, height = frame_size(LANDSCAPE)
    head = header_block(ctx, form.title, form.table_no or "", form.unit_label or "", width)
    used = sum(f.wrap(width, height)[1] for f in head)
    rows = [r.values for r in ctx.data.rows.get(form.key, [])]
    story: list[Any] = [NextPageTemplate(LANDSCAPE), PageBreak()] + head + _nothing(ctx, form)
    story += roster_story(
        form, rows, ctx.full_ids, width, height - used - 4, height, glyphs, form.display_title
    )
    if form.summary:
        story += [
            para("补充指标", 10),
            Spacer(1, 2),
            _record_table(ctx, form, form.summary, width * 0.6, glyphs, form.display_title),
        ]
    if form.derived_figures and ctx.period is not None:
        fig = cadre_figures(
            rows, ctx.period.end, form.field("position").choices, form.field("appointment").choices
        )
        lines = [[para("由名单自动计算的统计"), "", ""]]
        for _key, label, value, unit in fig.lines():
            text = "" if value is None else (f"{value:,}" if isinstance(value, int) else str(value))
            lines.append(
                [
                    para(label, indent=12 if label.startswith("其中") else 0),
                    para(unit, align=TA_CENTER),
                    para(text, align=2),
                ]
            )
        table = Table(lines, colWidths=[width * 0.35, width * 0.08, width * 0.17], repeatRows=1)
        table.setStyle(TableStyle(grid_style(9) + [("SPAN", (0, 0), (-1, 0))]))
        story += [Spacer(1, 6), table]
    story += _row_notes(ctx, form, glyphs, width)
    story.append(signature(ctx, width))
    return story


def _row_notes(ctx: Context, form: FormDef, glyphs: GlyphCheck, width: float) -> list[Any]:
    index = {r.uuid: i for i, r in enumerate(ctx.data.rows.get(form.key, []))}
    prefix, out = f"{form.key}.rows[", []
    for key, text in sorted(ctx.data.explanations.items()):
        uuid, _, fkey = (
            key[len(prefix) :].partition("].") if key.startswith(prefix) else ("", "", "")
        )
        if uuid in index and form.has_field(fkey) and text.strip():
            where = f"{form.display_title} 第 {index[uuid] + 1} 行 "
            glyphs.check(text, where, f"{form.field(fkey).label}的说明")
            out.append(
                (
                    index[uuid],
                    para(f"第 {index[uuid] + 1} 行 {form.field(fkey).label}：{text}", 8.5),
                )
            )
    if not out:
        return []
    return [Spacer(1, 6), para("说明", 10)] + [p for _, p in sorted(out, key=lambda x: x[0])]
