"""The PDF's Chinese font: WenQuanYi Micro Hei, shipped in resources/fonts with its licence
(`paths.font_path()`).

A TrueType-outline font, so reportlab embeds it (as a subset) and the PDF looks the same on
a PC with no Chinese fonts; CFF-outline CJK fonts (Noto, Source Han) cannot be embedded by
reportlab. Characters the font lacks would print as blanks, so callers check every user
string with `missing` and warn, naming the field.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr

FONT = "WenQuanYiMicroHei"
_registered: dict[str, TTFont] = {}
_ok_chars: set[str] = set()


def register(font_path: Path) -> str:
    """Register the font once (subfont 0 of the collection); returns its name."""
    if FONT not in _registered:
        try:
            font = TTFont(FONT, str(font_path), subfontIndex=0)
        except (OSError, ValueError, TTFError) as exc:
            raise UserError(
                tr("找不到或无法读取 PDF 所需的中文字体：{reason}", reason=str(exc)),
                where=str(font_path),
            ) from None
        pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
        _registered[FONT] = font
    return FONT


def missing(text: str) -> list[str]:
    """Characters of `text` that the font cannot draw (in order, once each)."""
    font = _registered.get(FONT)
    if font is None:
        return []
    cmap = font.face.charToGlyph
    out: list[str] = []
    for ch in text:
        if ch in _ok_chars or ch in out:
            continue
        if ord(ch) in cmap or ch in "\n\r\t":
            _ok_chars.add(ch)
        else:
            out.append(ch)
    return out
