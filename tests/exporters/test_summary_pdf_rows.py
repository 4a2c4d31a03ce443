"""A row of the summary PDF's tables that would be taller than a page (a short text of many
lines: a note, a name with line breaks) continues in rows labelled 续 instead of stopping the
merge with reportlab's LayoutError."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import SimpleDocTemplate

from unionclerk import paths
from unionclerk.exporters.pdf import fonts as pdf_fonts
from unionclerk.exporters.pdf.pages import LANDSCAPE, frame_size
from unionclerk.exporters.summary import pdf as summary_pdf


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
def test_a_row_of_many_lines_continues_on_the_next_page(tmp_path: Path) -> None:
    pdf_fonts.register(paths.font_path())
    width, _ = frame_size(LANDSCAPE)
    note = "\n".join(f"{i}" for i in range(100, 190))  # 90 lines, under the 400-character cut
    assert len(note) < summary_pdf.MAX_CELL_CHARS
    rows = [["1", "330782101000", "佛堂镇总工会", note]]
    widths = [w * width for w in (0.05, 0.15, 0.2, 0.6)]
    story = summary_pdf._table(["序号", "行政区划代码", "单位名称", "问题与备注"], rows, widths)
    out = tmp_path / "rows.pdf"
    SimpleDocTemplate(str(out), pagesize=landscape(A4)).build(story)  # no LayoutError
    done = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True, text=True)
    text = done.stdout.replace("\n", "")
    assert "1（续）" in text
    assert all(str(i) in text for i in range(100, 190))  # nothing lost
