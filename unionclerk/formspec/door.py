"""The door: every text that enters the program passes here first.

Typed, pasted, imported from JSON, from a filled template or from a roster workbook — text is
made into one canonical form before any field type reads it, so that every stored value can be
written to every format and read back unchanged:

- line breaks of every style (\\r\\n, \\r, U+2028/U+2029, NEL, Excel's `_x000D_`) become \\n,
  and Excel's other `_xHHHH_` escapes are decoded (until none is left, so the result is stable);
- what cannot be stored, printed or written safely is refused with `ValueRefused`, whose
  message says which character and where (the caller names the field): control characters
  other than \\n and \\t, bidi overrides and isolates, zero-width characters, lone surrogates
  and Unicode non-characters.

`printable(text)` is the other side: text from a received file shown on a terminal, with the
same characters made visible instead of acted on (an ESC sequence can erase a line).
`kept(text)` is what a cell kept as entered (`rawcells.Raw`) may hold: the same characters
replaced by visible stand-ins, so the kept text itself can always be stored.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from typing import Any

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.i18n import tr

_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_BREAKS_RE = re.compile("\r\n|[\r\x85\u2028\u2029]")
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"
# One class of everything refused; the zero-width joiner is handled apart (emoji use it).
_CONTROLS = "\x00-\x08\x0b-\x1f"  # below the space, other than \t and \n
_OTHER_BAD = (
    "\x7f-\x9f" + _BIDI + _ZERO_WIDTH + "\ud800-\udfff\ufdd0-\ufdef\ufff9-\ufffb\ufffe\uffff\u200d"
)
_BAD_RE = re.compile(f"[{_CONTROLS}{_OTHER_BAD}]")
_ZWJ = "\u200d"
_BREAK_CHARS = "\r\x85\u2028\u2029"  # line breaks made \n
# Anything that needs a second look: an escape, a line break to change, a refused character.
# One scan of the usual text finds none of them, and the text passes as it is.
_ATTENTION_RE = re.compile(_ESCAPE_RE.pattern + f"|[{_BREAK_CHARS}]|" + _BAD_RE.pattern)
# The same characters that a JSON text's strings may hold as they are (not the characters
# below the space: JSON has them only escaped, or as the space between values), as one class:
# a class alone is searched quickly through a whole text (`loads_plain`).
_JSON_ATTENTION_RE = re.compile(f"[\x85\u2028\u2029{_OTHER_BAD}]")


def _decode_escapes(text: str) -> str:
    # Excel writes a character that XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x);
    # decoding until nothing changes leaves no escape behind, so a second pass changes nothing.
    for _ in range(8):
        decoded = _ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
        if decoded == text:
            break
        text = decoded
    return text


def _emoji_join(text: str, i: int) -> bool:
    """A zero-width joiner inside an emoji sequence (👩‍💻) is part of the character."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (
        bool(before and after)
        and unicodedata.category(after) == "So"
        and (
            unicodedata.category(before) in ("So", "Sk")
            or before == "\ufe0f"
            or "\U0001f3fb" <= before <= "\U0001f3ff"
        )
    )


def _kind(ch: str) -> str:
    if "\ud800" <= ch <= "\udfff":
        return tr("无法识别的残缺字符（孤立代理项）")
    if ch in _BIDI:
        return tr("改变文字方向的隐藏控制符")
    if ch in _ZERO_WIDTH or ch == _ZWJ:
        return tr("看不见的零宽字符")
    if ch == "\x00":
        return tr("空字符（NUL）")
    if ch in "\ufffe\uffff" or "\ufdd0" <= ch <= "\ufdef" or "\ufff9" <= ch <= "\ufffb":
        return tr("不能使用的特殊字符")
    return tr("不可见的控制字符")


def _first_bad(text: str) -> int | None:
    for m in _BAD_RE.finditer(text):
        if m.group() != _ZWJ or not _emoji_join(text, m.start()):
            return m.start()
    return None


def normalise(text: str) -> str:
    """Line breaks and Excel escapes made canonical; nothing refused yet."""
    if "_x" in text:
        text = _decode_escapes(text)
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = _BREAKS_RE.sub("\n", text)
    return text


def clean(text: str) -> str:
    """The text as the program keeps it, or `ValueRefused` naming the character and where."""
    if _ATTENTION_RE.search(text) is None:
        return text
    text = normalise(text)
    if _BAD_RE.search(text) is None:  # the usual case: one scan, nothing found
        return text
    at = _first_bad(text)
    if at is None:
        return text
    ch = text[at]
    raise ValueRefused(
        tr(
            "第 {n} 个字符是{kind}（U+{code:04X}），请删除后重新填写",
            n=at + 1,
            kind=_kind(ch),
            code=ord(ch),
        )
    )


def is_clean(text: str) -> bool:
    try:
        return clean(text) == text
    except ValueRefused:
        return False


def _visible(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ ␛ ␈ …
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def kept(text: str) -> str:
    """Text kept as entered, with what cannot be stored shown instead of kept."""
    if _ATTENTION_RE.search(text) is None:
        return text
    text = normalise(text)
    if _BAD_RE.search(text) is None:
        return text
    return _BAD_RE.sub(
        lambda m: m.group() if m.group() == _ZWJ and _emoji_join(text, m.start()) else _visible(m),
        text,
    )


_TERMINAL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + _ZERO_WIDTH + "\ud800-\udfff]")


def printable(text: str) -> str:
    """Text safe to print on a terminal: controls, bidi and zero-width characters made visible."""
    if _TERMINAL_RE.search(text) is None:
        return text
    return _TERMINAL_RE.sub(_visible, text.replace("\r\n", "\n"))


# -- JSON ----------------------------------------------------------------------------------
MAX_DIGITS = 30  # far beyond any count or sum of money; Python refuses ints over 4,300 digits


class OddNumber:
    """A JSON number no field can hold — NaN, an infinity, a literal of too many digits —
    kept as its text until a field reads it and refuses it with its own name."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text if len(self.text) <= 20 else f"{self.text[:12]}…（{len(self.text)} 位）"

    def reason(self) -> str:
        if self.text in ("NaN", "Infinity", "-Infinity"):
            return tr("“{text}”不是数字", text=self.text)
        if self.text.lstrip("-").isdigit():
            return tr("数字过大（{n} 位），请核对单位", n=len(self.text.lstrip("-")))
        return tr("数字过大，请核对单位")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OddNumber) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


class _Numbers:
    """`json.loads`'s number hooks; `odd` tells whether they made an `OddNumber`."""

    __slots__ = ("odd",)

    def __init__(self) -> None:
        self.odd = False

    def odd_number(self, text: str) -> OddNumber:
        self.odd = True
        return OddNumber(text)

    def read_int(self, text: str) -> int | OddNumber:
        return int(text) if len(text) <= MAX_DIGITS else self.odd_number(text)

    def read_float(self, text: str) -> float | OddNumber:
        value = float(text)
        return value if math.isfinite(value) else self.odd_number(text)

    def loads(self, text: str | bytes) -> Any:
        return json.loads(
            text,
            parse_int=self.read_int,
            parse_float=self.read_float,
            parse_constant=self.odd_number,
        )


def loads(text: str | bytes) -> Any:
    """`json.loads` that never reaches Python's own traps: NaN, infinities and huge integer
    literals arrive as `OddNumber` (refused by the field that reads one, naming it)."""
    return _Numbers().loads(text)


def loads_plain(text: str | bytes) -> tuple[Any, bool]:
    """`loads`, and whether everything in it is plain: no `OddNumber`, and every string
    already as `clean` keeps it. Then a reader may skip the door value by value (a report of
    2,000 rows holds 15,000 strings): the whole text has passed it at once. False only means
    that some value needs its own look, which `FieldDef.from_json` gives it.
    """
    if isinstance(text, bytes):  # decoded as `json.loads` decodes bytes
        text = text.decode(json.detect_encoding(text), "surrogatepass")
    numbers = _Numbers()
    doc = numbers.loads(text)
    return doc, not numbers.odd and _strings_plain(text)


# JSON escapes that can make a character `clean` acts on (\n, \t, \", \\ and \/ cannot).
_ESCAPES_TO_LOOK_AT = ("\\u", "\\r", "\\b", "\\f")


def _strings_plain(text: str) -> bool:
    """No string of this JSON text holds anything `clean` would change or refuse.

    A string's characters are the text's own or come from its escapes; \\n, \\t, \\", \\\\
    and \\/ make none that `clean` looks at, and JSON has no raw character below the space
    inside a string. So a parsed text without the other escapes (\\u…, \\r, \\b, \\f),
    without `_x` and without any character of `_JSON_ATTENTION_RE` has no string that
    `clean` changes (a file saved with \\r\\n line ends included).
    """
    if "_x" in text:
        return False
    if "\\" in text and any(escape in text for escape in _ESCAPES_TO_LOOK_AT):
        return False  # (one character is found much faster than two: look for it first)
    return _JSON_ATTENTION_RE.search(text) is None


def json_default(value: Any) -> Any:
    """For `json.dumps(..., default=)` where a message quotes a value read by `loads`."""
    return repr(value)


EXPLANATION_MAX = 5000  # characters of one written explanation (说明)


def clean_explanation(text: str) -> str:
    """A written explanation (说明) as kept: through the door, trimmed, at most 5,000 characters."""
    text = clean(text).strip()
    if len(text) > EXPLANATION_MAX:
        raise ValueRefused(
            tr("说明过长（{n} 字），最多 {cap} 字", n=len(text), cap=EXPLANATION_MAX)
        )
    return text


def without_invisible(text: str) -> str:
    """Text with every control, bidi and zero-width character (and lone surrogate) removed:
    for file names built from names that came from elsewhere."""
    return _TERMINAL_RE.sub("", text)
