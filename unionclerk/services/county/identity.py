"""Who makes the summary (`made_by`), and the summary's file names.

In order: what the clerk set (the window's field, kept in the settings), the data folder's
own unit when it is a county-level or higher union (its code ends in 000000), else derived
from the reports: the level most of their division codes share (county: 6 digits, city: 4,
province: 2) and the county's or city's name from their covers (义乌市 → 义乌市总工会).
"""

from __future__ import annotations

import json
from collections import Counter

from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.exporters.filenames import file_safe
from unionclerk.services.county.results import Candidate
from unionclerk.services.workspace import Workspace, database

SETTING = "county.made_by"


def kept(ws: Workspace) -> dict[str, str] | None:
    with database(ws).read() as tx:
        raw = tx.get_setting(SETTING)
    try:
        value = json.loads(raw) if raw else None
    except ValueError:
        return None
    if isinstance(value, dict) and value.get("division_code"):
        return {
            "union_name": str(value.get("union_name", "")),
            "division_code": str(value["division_code"]),
        }
    return None


def keep(ws: Workspace, made_by: dict[str, str] | None) -> None:
    with database(ws).transaction() as tx:
        tx.set_setting(SETTING, json.dumps(made_by, ensure_ascii=False) if made_by else None)


def derived(cands: list[Candidate]) -> dict[str, str]:
    """The area most units belong to: a county when at least 80% share its 6 digits (a stray
    file from a neighbour does not turn a county's summary into a city's), else a city…"""
    units = {c.division_code: c for c in cands if c.division_code}
    if not units:
        return {"union_name": tr("汇总单位"), "division_code": "000000000000"}
    makers = {c.via_code for c in cands}
    for digits in (6, 4, 2):
        counts = Counter(code[:digits] for code in units)
        prefix, n = counts.most_common(1)[0]
        if makers == {(prefix + "0" * 12)[:12]} and digits > 2:
            continue  # every report came in that area's own summary: we are the level above
        if n >= 0.8 * len(units):
            break
    code = (prefix + "0" * 12)[:12]
    inside = [c for c in units.values() if c.division_code.startswith(prefix)]
    names = Counter(c.county if digits == 6 else c.city for c in inside if digits in (4, 6))
    names.pop("", None)
    name = f"{names.most_common(1)[0][0]}总工会" if names else tr("{code} 汇总", code=code)
    return {"union_name": name, "division_code": code}


def chosen(ws: Workspace, explicit: dict[str, str] | None) -> dict[str, str] | None:
    """The maker as the clerk set it, or the folder's own county-level unit; None when it
    is to be derived from the reports."""
    if explicit and explicit.get("division_code"):
        return {
            "union_name": explicit.get("union_name", ""),
            "division_code": explicit["division_code"],
        }
    kept_one = kept(ws)
    if kept_one:
        return kept_one
    own = ws.own_unit()
    if own is not None and own.division_code.endswith("000000"):
        return {"union_name": own.union_name, "division_code": own.division_code}
    return None


def made_by(
    ws: Workspace, cands: list[Candidate], explicit: dict[str, str] | None
) -> dict[str, str]:
    # reports that came inside summaries made by others still say whose area they are in
    return chosen(ws, explicit) or derived([c for c in cands if c.division_code])


def base_name(made_by: dict[str, str], period: Period, draft: bool = False) -> str:
    """`<code>_<name>_<period>_汇总` (`…_汇总_草稿` for a summary that includes drafts) with
    characters Windows refuses removed."""
    name = file_safe(made_by.get("union_name", ""), "summary")
    base = f"{made_by.get('division_code', '')}_{name}_{period.label}_汇总"
    return f"{base}_草稿" if draft else base
