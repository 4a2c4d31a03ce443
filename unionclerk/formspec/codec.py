"""Typed report values <-> JSON-ready values (what storage keeps and files carry).

Stored values are trusted (they were checked on the way in), but forms may have changed
since: a key the form renamed is read under its new name, a key it no longer has is dropped.
Text kept as entered (`rawcells.RAW_KEY`) is read back with the row; `encode` (what exports
and files carry) leaves it out, `encode_stored_row` (what the edit session saves) keeps it.
A form marked 本期无此项 keeps the mark as `NOTHING_KEY: true` among its stored values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.records import StoredData
from unionclerk.domain.report import ReportData, RosterRow
from unionclerk.formspec import door
from unionclerk.formspec.fieldtypes import FieldType
from unionclerk.formspec.model import FormDef, FormSet
from unionclerk.formspec.rawcells import RAW_KEY, decode_raw

# A reserved key among a form's stored values: the form is marked 本期无此项 (no schema
# change: it is one more row of form_values, never a field of any form).
NOTHING_KEY = "_nothing"


def encode_record(form: FormDef, values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for f in form.record_fields:
        value = values.get(f.key)
        if value is not None and not f.type.computed:
            out[f.key] = f.to_json(value)
    return out


def encode_row(form: FormDef, values: dict[str, Any]) -> dict[str, Any]:
    return _encode_row(_encoders(form), values)


# A roster's encoding worked out once per call of `encode`: every field's key in form order,
# and (key, the type's `to_json`) for the fields whose type changes the value (dates, money…).
_Encoders = tuple[list[str], list[tuple[str, Callable[[Any], Any]]]]


def _encoders(form: FormDef) -> _Encoders:
    changed: list[tuple[str, Callable[[Any], Any]]] = [
        (f.key, f.type.to_json)
        for f in form.fields
        if type(f.type).to_json is not FieldType.to_json
    ]
    return [f.key for f in form.fields], changed


def _encode_row(encoders: _Encoders, values: dict[str, Any]) -> dict[str, Any]:
    keys, changed = encoders
    get = values.get
    out = {key: value for key in keys if (value := get(key)) is not None}
    for key, to_json in changed:  # replacing a value keeps the form's order of keys
        if key in out:
            out[key] = to_json(out[key])
    return out


def encode_stored_row(form: FormDef, values: dict[str, Any]) -> dict[str, Any]:
    """A row as storage keeps it: its values and any text kept as entered."""
    out = encode_row(form, values)
    raw = values.get(RAW_KEY)
    if raw:
        out[RAW_KEY] = dict(raw)
    return out


def encode(forms: FormSet, data: ReportData) -> StoredData:
    stored = StoredData(explanations=dict(data.explanations))
    for form in forms:
        record = encode_record(form, data.single.get(form.key, {}))
        if form.key in data.nothing:
            record[NOTHING_KEY] = True
        if record:
            stored.single[form.key] = record
        if form.is_roster and data.rows.get(form.key):
            encoders = _encoders(form)
            stored.rows[form.key] = [
                (r.uuid, _encode_row(encoders, r.values)) for r in data.rows[form.key]
            ]
    return stored


def decode_values(form: FormDef, raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        key = form.renamed.get(key, key)
        if value is None or not form.has_field(key):
            continue
        try:
            # Stored before the door existed (or by an older program): made canonical, never
            # dropped for a character; a type narrowed by a form change is dropped below.
            if isinstance(value, str):
                value = door.kept(value)
            out[key] = form.field(key).type.from_json(value)
        except ValueRefused:
            continue  # a type narrowed by a form change: the audit log keeps the old value
    if RAW_KEY in raw:
        kept = decode_raw(form, raw[RAW_KEY], out)
        if kept:
            out[RAW_KEY] = kept
    return out


def decode(forms: FormSet, stored: StoredData) -> ReportData:
    data = ReportData(explanations=dict(stored.explanations))
    for form in forms:
        if form.key in stored.single:
            data.single[form.key] = decode_values(form, stored.single[form.key])
            if stored.single[form.key].get(NOTHING_KEY) is True:
                data.nothing.add(form.key)
        if form.is_roster:
            data.rows[form.key] = [
                RosterRow(decode_values(form, values), uuid)
                for uuid, values in stored.rows.get(form.key, [])
            ]
    return data
