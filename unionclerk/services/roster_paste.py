"""Pasting a block of cells (Excel's clipboard text) onto a roster, with no Qt.

`plan_paste` turns the block into one `RowsPlan`: cells onto the rows shown from the paste
row down, new rows at the end for what goes past the last one. Before anything changes it
works out what a clerk copying from Excel brings along:

- a title row (one filled cell across a wide block) and a header row are recognised and
  skipped; with a header, columns go where their header says, not by position;
- a block wider than the table loses its empty columns first (merged cells copy as empty
  columns); if it is still wider, `TooWide` says by how much, and the caller may ask the
  clerk and call again with `allow_wider` to paste what fits;
- rounded ID numbers and over-long cells refuse the whole paste, naming the rows.

Every other cell is read by its column's type; what cannot be read is kept and marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.report import RosterRow
from unionclerk.formspec.headers import looks_like_header, match_header
from unionclerk.formspec.model import FieldDef, FormDef
from unionclerk.services.editing import EditSession, RowsPlan, copy_values
from unionclerk.services.roster_cells import CellRefused, read_text, refusal_message


class TooWide(UserError):
    """The block has more columns than the table has from the paste column on."""

    def __init__(self, message: str, extra: int) -> None:
        super().__init__(message)
        self.extra = extra


@dataclass
class Pasted:
    plan: RowsPlan
    rows: list[str] = field(default_factory=list)  # the pasted rows' UUIDs, in block order
    keys: list[str] = field(default_factory=list)  # the pasted columns' field keys
    cells: int = 0
    kept: int = 0  # cells kept as entered (marked)
    added: int = 0  # new rows
    notes: list[str] = field(default_factory=list)  # what was skipped, and why


def plan_paste(
    form: FormDef,
    columns: Sequence[FieldDef],
    grid: list[list[str]],
    start: int,
    targets: Sequence[RosterRow],
    append_at: int,
    *,
    allow_wider: bool = False,
) -> Pasted:
    """Plan pasting `grid` with its top-left cell at column `start` (of `columns`, the table's
    columns) on `targets[0]`; rows past `targets` are added at `append_at` onwards."""
    notes: list[str] = []
    block = [list(r) for r in grid]
    first = 0  # block row of the first data row (1-based numbers name rows as copied)
    while (
        first < len(block) and len(block[0]) >= 3 and sum(1 for c in block[first] if c.strip()) == 1
    ):
        notes.append(
            tr("跳过了标题行“{text}”", text=next(c for c in block[first] if c.strip()).strip()[:20])
        )
        first += 1
    keys: list[str | None]
    if first < len(block) and looks_like_header(form, block[first]):
        keys = match_header(form, block[first])
        unused = [h.strip() for h, k in zip(block[first], keys, strict=True) if h.strip() and not k]
        notes.append(
            tr("按标题行对应各列")
            + (tr("，未对应的列没有粘贴：{names}", names="、".join(unused[:6])) if unused else "")
        )
        first += 1
    else:
        keys = _by_position(block, first, columns, start, notes, allow_wider)
    data = [(first + i + 1, row) for i, row in enumerate(block[first:])]
    return _plan(form, data, keys, targets, append_at, notes)


def _by_position(
    block: list[list[str]],
    first: int,
    columns: Sequence[FieldDef],
    start: int,
    notes: list[str],
    allow_wider: bool,
) -> list[str | None]:
    width = len(block[0]) if block else 0
    room = len(columns) - start
    used = list(range(width))
    if width > room:  # merged cells copy as empty columns: drop those first
        filled = [c for c in used if any(r[c].strip() for r in block[first:])]
        if len(filled) < width:
            notes.append(tr("去掉了 {n} 个空列（可能来自合并单元格）", n=width - len(filled)))
            used = filled
    if len(used) > room and not allow_wider:
        raise TooWide(
            tr(
                "粘贴的内容有 {n} 列，从“{col}”起表格只有 {room} 列。",
                n=len(used),
                col=columns[start].title,
                room=room,
            ),
            len(used) - room,
        )
    keys: list[str | None] = [None] * width
    for i, c in enumerate(used[:room]):
        keys[c] = columns[start + i].key
    if len(used) > room:
        notes.append(tr("最右边多出的 {n} 列没有粘贴", n=len(used) - room))
    return keys


def _plan(
    form: FormDef,
    data: list[tuple[int, list[str]]],
    keys: list[str | None],
    targets: Sequence[RosterRow],
    append_at: int,
    notes: list[str],
) -> Pasted:
    mapped = [(c, form.field(k)) for c, k in enumerate(keys) if k is not None]
    defaults = {
        f.key: f.default for f in form.fields if f.default is not None and f.key not in keys
    }
    out = Pasted(RowsPlan(), keys=[f.key for _, f in mapped], notes=notes)
    refused: dict[tuple[str, str], list[str]] = {}
    longest = 0
    skipped = 0
    for i, (number, row) in enumerate(data):
        target = targets[i] if i < len(targets) else None
        if target is None and not any(row[c].strip() for c, _ in mapped):
            skipped += 1
            continue  # no blank new rows
        values: dict[str, Any] = copy_values(target.values) if target else dict(defaults)
        for c, f in mapped:
            try:
                cell = read_text(f, row[c])
            except CellRefused as exc:
                refused.setdefault((exc.kind, f.key), []).append(tr("粘贴内容第 {n} 行", n=number))
                longest = max(longest, exc.length)
                continue
            cell.put_into(values, f)
            out.cells += 1
            out.kept += cell.raw is not None
        if target is not None:
            out.plan.update[target.uuid] = values
            out.rows.append(target.uuid)
        else:
            uuid = EditSession.new_uuid()
            out.plan.insert.append((append_at + out.added, uuid, values))
            out.rows.append(uuid)
            out.added += 1
    if refused:
        messages = [
            refusal_message(kind, form.field(key), where, longest)
            for (kind, key), where in refused.items()
        ]
        raise UserError("\n".join(messages) + "\n" + tr("没有粘贴任何内容。"))
    if skipped:
        notes.append(tr("跳过了 {n} 个空行", n=skipped))
    return out
