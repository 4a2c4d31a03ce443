"""The 退回通知单: the return file printed for the township (A4, the Chinese font embedded).

Says which submission it answers (unit, period, export time and id, the short hash that the
paper copy's QR code also carries), the verdict and reason, who reviewed and when, then one
table row per comment at its form, row and field (with the value the reviewer saw), and a
line for the township's signature when the corrections are made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Spacer, Table, TableStyle

from unionclerk.domain.review import short_hash
from unionclerk.exporters import atomic
from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.pdf.common import grid_style, para
from unionclerk.exporters.pdf.pages import PORTRAIT, document, frame_size, numbered_canvas
from unionclerk.exporters.return_file import ReturnComment, ReturnDoc
from unionclerk.formspec.model import FormSet


def _place(forms: FormSet, c: ReturnComment) -> tuple[str, str, str]:
    form = forms[c.form]
    field = (
        form.field(c.field).plain_label
        if c.field and form.has_field(c.field)
        else "（整张表）"
        if c.row_index is None
        else "（整行）"
    )
    row = ""
    if c.row_index is not None:
        key = " ".join(str(v) for v in (c.row_key or {}).values() if v not in (None, ""))
        row = f"第 {c.row_index + 1} 行" + (f"（{key}）" if key else "")
    return form.display_title, row, field


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def build(target: Path, forms: FormSet, doc: ReturnDoc, font_path: Path) -> None:
    font = pdf_fonts.register(font_path)
    width, _ = frame_size(PORTRAIT)
    story: list[Any] = [para("退回通知单", 16, TA_CENTER), Spacer(1, 8)]
    made_by = doc.made_by.get("union_name", "")
    facts = [
        ("报送单位", f"{doc.union_name}（{doc.division_code}）"),
        ("报告期", doc.period.label),
        (
            "所答复的上报文件",
            f"导出时间 {doc.exported_at[:16].replace('T', ' ')}，导出编号 {doc.export_id or '—'}",
        ),
        ("校验码（与纸质件二维码一致）", short_hash(doc.payload_sha256)),
        ("审核结论", "退回修改"),
        ("退回原因", doc.reason),
        ("审核单位 / 审核人", " / ".join(t for t in (made_by, doc.reviewer) if t) or "—"),
        ("退回时间", doc.returned_at[:16].replace("T", " ")),
        ("退回编号", doc.return_id),
    ]
    table = Table([[para(k), para(v)] for k, v in facts], colWidths=[width * 0.3, width * 0.7])
    table.setStyle(TableStyle(grid_style(9, 0) + [("BACKGROUND", (0, 0), (0, -1), "#F2F2F2")]))
    story += [table, Spacer(1, 10), para(f"批注（共 {len(doc.comments)} 条）", 11), Spacer(1, 4)]
    rows = [[para(h) for h in ("序号", "表", "行", "项目", "报送值", "意见", "批注人 / 时间")]]
    for i, c in enumerate(doc.comments, 1):
        title, row, field = _place(forms, c)
        rows.append(
            [
                para(str(i)),
                para(title),
                para(row),
                para(field),
                para(_value(c.value)),
                para(c.text),
                para(f"{c.by}\n{c.at[:16].replace('T', ' ')}"),
            ]
        )
    if len(rows) == 1:
        rows.append([para("—")] + [para("")] * 6)
    shares = (0.06, 0.16, 0.15, 0.14, 0.1, 0.25, 0.14)
    comments = Table(rows, colWidths=[width * s for s in shares], repeatRows=1)
    comments.setStyle(TableStyle(grid_style(8.5)))
    story += [
        comments,
        Spacer(1, 14),
        para(
            "请按以上意见核实修改，在程序中逐条回复后重新导出报送。"
            "导入本退回文件（.json）后，各条意见会显示在对应的字段旁。",
            9,
        ),
        Spacer(1, 18),
        para("修改人（签字）：____________　　　日期：____________", 10),
    ]
    header = f"{doc.union_name} · {doc.period.label} · 退回通知单"
    with atomic.atomic_path(Path(target)) as tmp:
        pdf = document(
            str(tmp),
            font,
            header=header,
            draft=False,
            title=f"{doc.union_name} {doc.period.label} 退回通知单",
            subject=doc.return_id,
        )
        pdf.build(story, canvasmaker=numbered_canvas(font))
