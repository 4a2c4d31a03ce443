"""Translation of messages made outside Qt (command line, checks, errors).

Source strings are Chinese (the default language). English comes from
`resources/i18n/en.json`, a plain {"中文": "English"} catalogue. Qt widgets use Qt's
own `tr()` and .ts files instead; this module serves the core, which has no Qt.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_CATALOGUE: dict[str, str] = {}
_LANG = "zh"
_CATALOGUE_DIR: Path | None = None


def set_catalogue_dir(path: Path) -> None:
    """Tell where the catalogues live (called once by start-up code that knows paths)."""
    global _CATALOGUE_DIR
    _CATALOGUE_DIR = path
    if _LANG != "zh":
        set_language(_LANG)


def set_language(lang: str) -> None:
    """Switch the message language: 'zh' (default) or 'en'."""
    global _LANG, _CATALOGUE
    _LANG = "en" if lang.lower().startswith("en") else "zh"
    _CATALOGUE = {}
    if _LANG == "en" and _CATALOGUE_DIR is not None:
        file = _CATALOGUE_DIR / "en.json"
        if file.exists():
            _CATALOGUE = json.loads(file.read_text(encoding="utf-8"))


def language() -> str:
    return _LANG


def tr(message: str, /, **params: object) -> str:
    """Translate a literal Chinese message and fill in `{name}` placeholders. A text put
    between Chinese quotes (“{label}”) has its own quotes turned into single ones, so that
    quotes are never doubled: “"缺编制"破解情况” reads “‘缺编制’破解情况”."""
    template = _CATALOGUE.get(message, message) if _LANG != "zh" else message
    if "“{" in template:
        params = {
            k: nested_quotes(v)
            if isinstance(v, str) and re.search("“\\{" + k + "[^}]*\\}”", template)
            else v
            for k, v in params.items()
        }
    return template.format(**params)


def nested_quotes(text: str) -> str:
    """Quotes inside a quoted text as Chinese single quotes (“” and "" become ‘’)."""
    out, opening = [], True
    for ch in text:
        if ch == "“":
            ch = "‘"
        elif ch == "”":
            ch = "’"
        elif ch == '"':
            ch, opening = ("‘" if opening else "’"), not opening
        out.append(ch)
    return "".join(out)


def pick(zh: str, en: str | None) -> str:
    """Choose between a Chinese text and its English twin from form definitions."""
    return en if (_LANG == "en" and en) else zh
