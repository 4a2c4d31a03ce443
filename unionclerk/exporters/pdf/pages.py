"""The PDF's pages: A4 portrait for the cover and single forms, A4 landscape for rosters; a
running header (unit and period, 草稿 with a faint watermark on drafts) and the footer
"第 X 页 共 Y 页", drawn once the page count is known (pages are kept until `save`). The
header is one line that always fits beside the 草稿 mark, however long the unit's name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

MARGIN_X = 15 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 16 * mm
PORTRAIT, LANDSCAPE = "portrait", "landscape"


def frame_size(template: str) -> tuple[float, float]:
    width, height = A4 if template == PORTRAIT else landscape(A4)
    return width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM


def pdf_date(when: datetime) -> str:
    """A PDF date string (ISO 32000 §7.9.4): D:20181220103100+08'00'."""
    offset = when.utcoffset()
    if offset is None:
        return when.strftime("D:%Y%m%d%H%M%S")
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return (
        when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
    )


def numbered_canvas(font: str, created: datetime | None = None) -> type[Canvas]:
    """A canvas class numbering the pages; `created` (the export time, passed in, so output
    stays reproducible) becomes the file's CreationDate and ModDate instead of invariant
    mode's 2000-01-01."""

    class NumberedCanvas(Canvas):
        """Keeps each page's drawing until save, then adds 第 X 页 共 Y 页 to every page."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Else Helvetica is listed in the PDF as an unembedded font.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            if created is not None:
                stamp = pdf_date(created)
                self.setDateFormatter(lambda *_parts: stamp)

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setFont(font, 9)
                self.setFillGray(0.25)
                self.drawCentredString(
                    width / 2, MARGIN_BOTTOM / 2, f"第 {number} 页 共 {total} 页"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


HEADER_SIZE, DRAFT_SIZE = 8.5, 12


def fit_line(text: str, font: str, size: float, room: float) -> str:
    """`text` on one line (line breaks and runs of spaces become one space) no wider than
    `room` points: cut at the end with … when it is wider."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= room:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with its …
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= room:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def page_decoration(font: str, left: str, draft: bool) -> Callable[[Canvas, Any], None]:
    def decorate(canv: Canvas, doc: Any) -> None:
        width, height = canv._pagesize
        canv.saveState()
        if draft:  # behind everything the page will show
            canv.setFont(font, 110)
            canv.setFillColorRGB(0.93, 0.93, 0.93)
            canv.translate(width / 2, height / 2)
            canv.rotate(30)
            canv.drawCentredString(0, -40, "草稿")
            canv.rotate(-30)
            canv.translate(-width / 2, -height / 2)
        canv.setFont(font, HEADER_SIZE)
        canv.setFillGray(0.3)
        room = (
            width - 2 * MARGIN_X - (stringWidth("草稿", font, DRAFT_SIZE) + 4 * mm if draft else 0)
        )
        canv.drawString(
            MARGIN_X, height - MARGIN_TOP / 2 - 3, fit_line(left, font, HEADER_SIZE, room)
        )
        if draft:
            canv.setFont(font, DRAFT_SIZE)
            canv.setFillColorRGB(0.75, 0, 0)
            canv.drawRightString(width - MARGIN_X, height - MARGIN_TOP / 2 - 4, "草稿")
        canv.setStrokeGray(0.6)
        canv.setLineWidth(0.4)
        canv.line(MARGIN_X, height - MARGIN_TOP + 3, width - MARGIN_X, height - MARGIN_TOP + 3)
        canv.restoreState()

    return decorate


def document(
    target: str, font: str, *, header: str, draft: bool, title: str, subject: str
) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        target,
        pagesize=A4,
        invariant=1,
        title=title,
        author="unionclerk",
        creator="unionclerk",
        subject=subject,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    decorate = page_decoration(font, header, draft)
    templates = []
    for name in (PORTRAIT, LANDSCAPE):
        size = A4 if name == PORTRAIT else landscape(A4)
        w, h = frame_size(name)
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            w,
            h,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size, onPage=decorate))
    doc.addPageTemplates(templates)
    return doc
