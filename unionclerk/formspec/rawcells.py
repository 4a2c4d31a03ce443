"""Cells kept as the clerk entered them because their text could not be read.

A pasted or imported cell (or one typed into a roster) that its field type cannot parse is
never dropped: the row keeps the text under the reserved key `RAW_KEY` —
`{"_raw": {"birth": "1980年13月"}}` — and the field itself stays empty. The checker reports
each such cell as an error that names the field, the text and the fix, so the report cannot
be completed until the clerk corrects it. Storage keeps the text inside the row's JSON like
any other value; the codec reads it back; exports walk the form's fields and never see it.

`Raw(text)` is how one such cell travels as a value (an edit's old or new value, the undo of
a paste), so `EditSession.set_value(form, key, Raw("…"), row)` stores unreadable text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.i18n import tr
from unionclerk.domain.problems import Problem, Severity
from unionclerk.formspec import door, idmask
from unionclerk.formspec.fieldtypes import HARD_TEXT_CAP

RAW_KEY = "_raw"
RULE = "unparsed"
SHOWN = 30  # characters of the kept text quoted in a message


@dataclass(frozen=True)
class Raw:
    """Text kept as entered in place of a value."""

    text: str


def raw_texts(values: dict[str, Any]) -> dict[str, str]:
    """The row's kept texts by field key (empty when there are none)."""
    return values.get(RAW_KEY) or {}


def cell(values: dict[str, Any], key: str) -> Any:
    """A cell as the editor sees it: its value, `Raw(text)`, or None."""
    raw = values.get(RAW_KEY)
    if raw and key in raw:
        return Raw(raw[key])
    return values.get(key)


def put(values: dict[str, Any], key: str, value: Any) -> None:
    """Set a cell in a row's values in place: a value, `Raw(text)`, or None (clears)."""
    raw = dict(values.get(RAW_KEY) or {})
    raw.pop(key, None)
    values.pop(key, None)
    if isinstance(value, Raw):
        raw[key] = door.kept(value.text)  # what cannot be stored is shown instead, never kept
    elif value is not None:
        values[key] = value
    if raw:
        values[RAW_KEY] = raw
    else:
        values.pop(RAW_KEY, None)


def decode_raw(form: Any, stored: Any, values: dict[str, Any]) -> dict[str, str]:
    """The kept texts of a stored row worth keeping: text for a field of `form` (under its
    new name if renamed) that has no value; anything else is dropped."""
    if not isinstance(stored, dict):
        return {}
    out = {}
    for key, text in stored.items():
        key = form.renamed.get(key, key) if isinstance(key, str) else key
        if (
            isinstance(key, str)
            and isinstance(text, str)
            and text
            and form.has_field(key)
            and values.get(key) is None
        ):
            out[key] = door.kept(text[:HARD_TEXT_CAP])
    return out


def shown(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= SHOWN else one_line[:SHOWN] + "…"


def unparsed_problem(form: str, field: Any, text: str, row: str | None) -> Problem:
    """The error of a kept cell: which field, what text, why it cannot be read, the fix."""
    try:
        field.parse_text(text)
        reason = tr("需要核对")  # readable now (e.g. an ambiguous month): confirm by re-typing
    except ValueRefused as exc:
        reason = exc.message
    return Problem(
        Severity.ERROR,
        form,
        field.key,
        tr(
            "“{label}”无法识别“{text}”：{reason}。原文已保留，请改正后重新填写",
            label=field.plain_label,
            reason=reason.rstrip("。"),
            text=shown(idmask.mask(text) if field.sensitive else idmask.mask_ids_in_text(text)),
        ),
        RULE,
        row=row,
    )
