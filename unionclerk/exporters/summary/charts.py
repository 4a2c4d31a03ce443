"""Charts for the summary PDF (reportlab.graphics): horizontal bars a county head can take in at
a glance — 入会率 by township (with the county's own rate as a dashed line), venues by type,
services by category. Names sit left of their bar, values at its end; the longest names are
shortened rather than allowed to run into the bars.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from unionclerk.exporters.pdf import fonts as pdf_fonts

BAR = colors.HexColor("#4472C4")
LOW = colors.HexColor("#C55A11")
REF = colors.HexColor("#C00000")
ROW = 15.0  # points per bar
LABEL_CHARS = 12


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def hbar(
    items: list[tuple[str, float]],
    width: float,
    *,
    value_format: str = "%d",
    value_max: float | None = None,
    reference: tuple[float, str] | None = None,
    highlight_below: float | None = None,
) -> Drawing:
    """One horizontal bar per (label, value), first item on top."""
    font = pdf_fonts.FONT
    n = max(1, len(items))
    label_w = min(150.0, max(60.0, max((len(_short(k)) for k, _ in items), default=4) * 9.5))
    top = 22.0 if reference else 8.0
    height = n * ROW + 26 + top
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the drawing state names Helvetica (not embedded)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 18
    chart.width, chart.height = width - label_w - 46, n * ROW
    chart.data = [[v for _, v in items] or [0]]
    chart.categoryAxis.categoryNames = [_short(k) for k, _ in items] or [""]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = colors.grey
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top_value = max((v for _, v in items), default=0)
    chart.valueAxis.valueMax = value_max if value_max is not None else max(1.0, top_value * 1.12)
    chart.valueAxis.strokeColor = colors.grey
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E0E0E0")
    chart.barWidth = ROW * 0.65
    chart.groupSpacing = ROW * 0.35
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    if highlight_below is not None:
        for i, (_, v) in enumerate(items):
            if v < highlight_below:
                chart.bars[(0, i)].fillColor = LOW
    chart.barLabelFormat = value_format
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    if reference is not None:
        value, text = reference
        vmax = chart.valueAxis.valueMax
        x = chart.x + chart.width * min(1.0, value / vmax if vmax else 0)
        line = Line(
            x,
            chart.y - 2,
            x,
            chart.y + chart.height + 4,
            strokeColor=REF,
            strokeWidth=1,
            strokeDashArray=[3, 2],
        )
        drawing.add(line)
        drawing.add(
            String(
                x,
                chart.y + chart.height + 8,
                text,
                fontName=font,
                fontSize=8.5,
                fillColor=REF,
                textAnchor="middle",
            )
        )
    return drawing
