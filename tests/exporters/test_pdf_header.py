"""The PDF's running header is one line that fits beside the 草稿 mark however long the unit's
name (seen in the round-trip benchmark: a 县(市、区) name of 1,000 characters, as the forms
allow, ran off the page and over 草稿 in the county summary's header)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionclerk import paths
from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.pdf.pages import (
    HEADER_SIZE,
    MARGIN_TOP,
    MARGIN_X,
    fit_line,
    page_decoration,
)

FONT = pdf_fonts.register(paths.font_path())


@given(text=st.text(st.sampled_from("工会长 𠮷A\n&…"), max_size=400), room=st.floats(20, 800))
def test_the_line_fits_and_keeps_what_fits(text, room) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    line = fit_line(text, FONT, HEADER_SIZE, room)
    one = " ".join(text.split())
    assert "\n" not in line
    assert line == one or stringWidth(line, FONT, HEADER_SIZE) <= room
    if line != one:  # cut: what is kept is the start of the text, marked
        assert line.endswith("…") and one.startswith(line[:-1])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
def test_a_long_unit_name_stays_in_the_header(tmp_path) -> None:
    """The header as the county summary draws it, with a name of 1,000 characters."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    name = "县(市、区)\n第二行" + "长" * 1000
    pdf = tmp_path / "page.pdf"
    canvas = Canvas(str(pdf), pagesize=A4)
    page_decoration(FONT, f"{name} · 2019年度 · 工会工作情况汇总", True)(canvas, None)
    canvas.showPage()
    canvas.save()
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    words = [
        (float(x0), float(x1), w)
        for x0, y0, x1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        )
        if float(y0) < MARGIN_TOP
    ]
    draft = next(x0 for x0, _x1, w in words if w == "草稿")
    header = [(x0, x1, w) for x0, x1, w in words if w != "草稿"]
    assert header[0][2] == "县(市、区)"  # the line break became a space: one line
    assert header[1][2].startswith("第二行长长") and header[-1][2].endswith("长…")
    assert max(x1 for _x0, x1, _w in header) < draft <= A4[0] - MARGIN_X
