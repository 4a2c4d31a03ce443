"""Column headings with a fixed line break between words, for the PDF and the workbook alike.

A roster heading in a narrow column wraps; left to the table it breaks wherever the width
runs out (工会职/务, 是否一线职/工). Here the break is chosen between words — a bracketed
part whole, else two characters (most words in the forms' headings are two characters:
任职/方式, 公民/身份/号码) — making the two lines as even as the words allow.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from unionclerk.exporters.xlsx.layout import text_width


def tokens(label: str) -> list[str]:
    """The pieces a heading may break between."""
    return re.findall(r"\([^()]*\)|[^()]{1,2}|[()]", label)


def heading(label: str, measure: Callable[[str], float] = text_width) -> str:
    """`label` with at most one line break, between words; three characters or fewer stay
    on one line. On a tie the first line is the longer (是否一线 / 职工)."""
    parts = tokens(label)
    if len(label) <= 3 or len(parts) < 2:
        return label
    best, best_width = label, measure(label)
    for cut in range(1, len(parts)):
        first, second = "".join(parts[:cut]), "".join(parts[cut:])
        width = max(measure(first), measure(second))
        if width <= best_width + 0.01:
            best, best_width = f"{first}\n{second}", width
    return best


def widest_line(text: str, measure: Callable[[str], float] = text_width) -> float:
    return max(measure(line) for line in text.split("\n"))
