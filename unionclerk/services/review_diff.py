"""What changed between two submissions of one report (`inspect --diff OLD NEW`, the county
screen): field by field, and roster row by row with rows matched by key (`review_rows`), not by
position, so a row inserted at the top does not make every row below it look changed. Each
reply the newer submission carries is listed beside the comment it answers.

Works on the reports as JSON (interchange.md §1), so every key is a forms.md key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from unionclerk.domain.i18n import tr
from unionclerk.formspec.model import FormDef, FormSet
from unionclerk.services.review_rows import keyed, shown_key

CHANGED, ADDED, REMOVED = "changed", "added", "removed"


@dataclass(frozen=True)
class Change:
    kind: str  # CHANGED (a field or cell), ADDED / REMOVED (a whole row)
    form: str
    field: str | None  # None for a whole row
    old: Any = None
    new: Any = None
    row_key: str = ""  # the row as people read it ("" for a single-record field)
    old_index: int | None = None  # 0-based row positions in OLD and NEW
    new_index: int | None = None

    @property
    def target(self) -> str:
        """forms.md keys, rows numbered as in NEW (as in OLD for a removed row)."""
        if not self.row_key:
            return f"{self.form}.{self.field}"
        index = self.new_index if self.new_index is not None else self.old_index
        return f"{self.form}.rows[{index}]" + (f".{self.field}" if self.field else "")


@dataclass
class Diff:
    changes: list[Change] = field(default_factory=list)
    explanations: list[Change] = field(default_factory=list)
    replies: list[dict[str, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.changes)


def diff_docs(forms: FormSet, old: dict[str, Any], new: dict[str, Any]) -> Diff:
    """The differences between two JSON reports of the same unit and period."""
    out = Diff()
    old_forms, new_forms = old.get("forms", {}), new.get("forms", {})
    for form in forms:
        a, b = old_forms.get(form.key) or {}, new_forms.get(form.key) or {}
        if form.is_roster:
            _record(
                out.changes,
                form.key,
                a.get("summary") or {},
                b.get("summary") or {},
                _typed(form.summary),
            )
            _rows(out.changes, form, a.get("rows") or [], b.get("rows") or [], _typed(form.fields))
        else:
            _record(out.changes, form.key, a, b, _typed(form.fields))
    ea, eb = old.get("explanations") or {}, new.get("explanations") or {}
    for key in sorted(set(ea) | set(eb)):
        if ea.get(key) != eb.get(key):
            out.explanations.append(Change(CHANGED, "explanations", key, ea.get(key), eb.get(key)))
    out.replies = list((new.get("review") or {}).get("replies", []))
    return out


def _typed(fields: list) -> list[str]:
    """The fields people type; computed ones (rates) follow from them and are not listed."""
    return [f.key for f in fields if not f.type.computed]


def _record(out: list[Change], form: str, a: dict, b: dict, order: list[str]) -> None:
    if a == b:
        return
    for key in order:
        if a.get(key) != b.get(key):
            out.append(Change(CHANGED, form, key, a.get(key), b.get(key)))


def _rows(
    out: list[Change], form_def: FormDef, a: list[dict], b: list[dict], order: list[str]
) -> None:
    if a == b:
        return
    form = form_def.key
    before = {key: (i, row) for key, i, row in keyed(form_def, a)}
    matched: set[tuple] = set()
    for key, j, row in keyed(form_def, b):
        found = before.get(key)
        if found is None:
            out.append(Change(ADDED, form, None, None, row, shown_key(form, key), None, j))
            continue
        matched.add(key)
        i, old_row = found
        if old_row == row:
            continue
        shown = shown_key(form, key)
        for f in order:
            if old_row.get(f) != row.get(f):
                out.append(Change(CHANGED, form, f, old_row.get(f), row.get(f), shown, i, j))
    for key, (i, row) in before.items():
        if key not in matched:
            out.append(Change(REMOVED, form, None, row, None, shown_key(form, key), i, None))


def describe(forms: FormSet, diff: Diff, limit: int = 200) -> list[str]:
    """Plain lines, one per change, then each reply beside its comment."""
    lines = []
    for c in diff.changes[:limit]:
        form = forms[c.form]
        label = form.field(c.field).plain_label if c.field and form.has_field(c.field) else ""
        row = (
            tr(
                " 第 {n} 行（{key}）",
                n=(c.new_index if c.new_index is not None else c.old_index or 0) + 1,
                key=c.row_key,
            )
            if c.row_key
            else ""
        )
        where = f"{form.display_title}{row}"
        if c.kind == ADDED:
            lines.append(tr("  {where}：新增一行 [{key}]", where=where, key=c.target))
        elif c.kind == REMOVED:
            lines.append(tr("  {where}：删去一行 [{key}]", where=where, key=c.target))
        else:
            lines.append(
                tr(
                    "  {where} {label}：“{old}” → “{new}” [{key}]",
                    where=where,
                    label=label,
                    old=_shown(c.old),
                    new=_shown(c.new),
                    key=c.target,
                )
            )
    if len(diff.changes) > limit:
        lines.append(tr("  ……另有 {n} 处改动", n=len(diff.changes) - limit))
    for c in diff.explanations:
        lines.append(
            tr("  说明 {key}：“{old}” → “{new}”", key=c.field, old=_shown(c.old), new=_shown(c.new))
        )
    for r in diff.replies:
        lines.append(
            tr(
                "  意见 [{key}]“{text}” — 回复：{reply}",
                key=r.get("target", ""),
                text=r.get("text", ""),
                reply=r.get("reply", ""),
            )
        )
    return lines


def _shown(value: Any) -> str:
    if value is None:
        return tr("空")
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    return str(value)
