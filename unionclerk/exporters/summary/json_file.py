"""The summary as JSON (interchange.md §3): the `*_汇总.json` file and the canonical payload of
the summary workbook's machine sheet.

Both are streamed: the included reports arrive one at a time as their canonical bytes (from
the merge's spill folder), so a province's summary never sits in memory whole. The canonical
payload (sorted keys, no spaces) is built piece by piece in sorted-key order and is
byte-for-byte `json_report.canonical(document)`; the file is the same document in the order of
the spec, readable: one key per line, each report on one line of its own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from unionclerk.exporters import atomic, json_report
from unionclerk.exporters.summary.model import SPEC_KINDS, SummaryHead

FORMAT = json_report.SUMMARY_FORMAT
FORMAT_VERSION = 1
Reports = Callable[[], Iterable[bytes]]  # gives the canonical bytes of each included report
_c = json_report.canonical  # each piece of the payload in the reports' own canonical form


def head_json(head: SummaryHead) -> dict[str, Any]:
    """Everything but `totals` and `reports`, as JSON values."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "period": head.period.to_json(),
        "made_by": dict(head.made_by),
        "units": [u.to_json() for u in head.units],
        "expected": [e.to_json() for e in head.expected or []],
        # only the kinds interchange.md §3 names: a city's own system reads this list
        "problems": [p.to_json() for p in head.problems if p.kind in SPEC_KINDS],
    }


def canonical_parts(
    head: SummaryHead, totals: dict[str, Any], reports: Iterable[bytes]
) -> Iterator[bytes]:
    """The canonical payload in pieces (keys in sorted order: expected … units)."""
    doc = head_json(head)
    yield b'{"expected":' + _c(doc["expected"]) + b',"format":' + _c(FORMAT)
    yield (
        b',"format_version":'
        + _c(FORMAT_VERSION)
        + b',"made_by":'
        + _c(doc["made_by"])
        + b',"period":'
        + _c(doc["period"])
        + b',"problems":'
        + _c(doc["problems"])
        + b',"reports":['
    )
    for i, report in enumerate(reports):
        yield b"," + report if i else report
    yield b'],"totals":' + _c(totals) + b',"units":' + _c(doc["units"]) + b"}"


def payload_sha256(head: SummaryHead, totals: dict[str, Any], reports: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for part in canonical_parts(head, totals, reports):
        digest.update(part)
    return digest.hexdigest()


def _pretty(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n  ")


def write_summary_json(
    target: Path, head: SummaryHead, totals: dict[str, Any], reports: Reports
) -> None:
    """Write `*_汇总.json` atomically, keys in the order of interchange.md §3."""
    doc = head_json(head)
    with atomic.atomic_path(Path(target)) as tmp, open(tmp, "wb") as out:
        write = out.write
        write(b"{\n")
        for key in ("format", "format_version", "period", "made_by", "units"):
            write(f'  "{key}": {_pretty(doc[key])},\n'.encode())
        write(f'  "totals": {_pretty(totals)},\n'.encode())
        write(b'  "reports": [')
        for i, report in enumerate(reports()):
            write(b",\n    " if i else b"\n    ")
            write(report)
        write(b"\n  ],\n")
        write(f'  "expected": {_pretty(doc["expected"])},\n'.encode())
        write(f'  "problems": {_pretty(doc["problems"])}\n'.encode())
        write(b"}\n")
