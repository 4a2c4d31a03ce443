"""Backups: automatic ones (rotated), manual ones, and restore.

Automatic backups go to `<data dir>/backups/auto-<reason>-<stamp>.sqlite3`; we keep the newest
10 and, older than those, the newest of each month. A restore first checks the file, then
backs up the current database, then replaces it through SQLite's backup API.
"""

from __future__ import annotations

import logging
import re
import tempfile
from datetime import datetime
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError, UserError, os_reason
from unionclerk.domain.i18n import tr
from unionclerk.formspec import Checker, FormSet
from unionclerk.formspec.codec import decode
from unionclerk.services.workspace import Workspace, database
from unionclerk.storage import Database
from unionclerk.storage import backups as store

KEEP_NEWEST = 10
_AUTO = re.compile(r"^auto-[a-z-]+-(\d{8})-(\d{6})(?:-\d+)?\.sqlite3$")


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _free(path: Path) -> Path:
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def make_backup(ws: Workspace, *, reason: str = "manual", target: Path | None = None) -> Path:
    """A verified copy of the live database; automatic ones are rotated afterwards."""
    if target is not None:
        target = Path(target)
        if not target.parent.is_dir():  # e.g. a USB stick's folder that is gone
            raise UserError(
                tr(
                    "备份文件夹不存在：{folder}。请插好U盘或选择另一个文件夹。",
                    folder=target.parent,
                )
            )
        try:
            return database(ws).backup_to(target)
        except OSError as exc:
            raise UserError(
                tr("无法写入备份文件：{reason}", reason=os_reason(exc)), where=str(target)
            ) from None
    try:
        folder = paths.backups_dir()
    except OSError as exc:  # a write-protected stick, a full disk
        raise UserError(
            tr(
                "无法在数据文件夹中写入备份：{reason}。可以用 --out 把备份写到别的文件夹。",
                reason=os_reason(exc),
            ),
            where=str(paths.data_dir(create=False)),
        ) from None
    if reason == "manual":  # asked for by the clerk: kept until they delete it
        return database(ws).backup_to(_free(folder / f"manual-{_stamp()}.sqlite3"))
    out = database(ws).backup_to(_free(folder / f"auto-{reason}-{_stamp()}.sqlite3"))
    rotate(paths.backups_dir())
    return out


def rotate(folder: Path) -> list[Path]:
    """Delete automatic backups beyond the newest 10 (keeping one per month); returns them."""
    autos = sorted(
        (p for p in folder.glob("auto-*.sqlite3") if _AUTO.match(p.name)),
        key=lambda p: _AUTO.match(p.name).groups(),
        reverse=True,
    )  # type: ignore[union-attr]
    keep, months = set(autos[:KEEP_NEWEST]), set()
    for p in autos:
        month = _AUTO.match(p.name).group(1)[:6]  # type: ignore[union-attr]
        if month not in months:
            months.add(month)
            keep.add(p)
    removed = [p for p in autos if p not in keep]
    for p in removed:
        p.unlink(missing_ok=True)
    return removed


def list_backups() -> list[Path]:
    """Every backup in the data folder, newest first."""
    return sorted(
        paths.backups_dir().glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True
    )


def restore(ws: Workspace, source: Path) -> Path:
    """Replace the database with `source`; returns the safety copy of what was there before.

    Nothing changes if `source` is refused (see `checked_copy`). `ws` stays usable either
    way: it is reopened on the restored database (or, should the copy itself fail, on the
    untouched old one).
    """
    with tempfile.TemporaryDirectory(prefix="unionclerk-restore-") as tmp:
        checked = checked_copy(Path(source), Path(tmp), ws.forms)
        safety = make_backup(ws, reason="before-restore")
        database(ws).close()
        try:
            store.restore_into(checked, database(ws).path)
        finally:
            ws.reopen()
    return safety


def checked_copy(source: Path, folder: Path, forms: FormSet) -> Path:
    """A copy of backup `source` in `folder`, brought up to this program's schema and proven
    by the program's own full load: every table and column there, no row pointing at nothing,
    every stored value decodes, every report loads and checks. The backup itself is only
    read. Refused with a plain `DatabaseError` otherwise."""
    store.verify(source)  # a SQLite file of ours, not newer, passing integrity_check
    copy = folder / "checked.sqlite3"
    store.restore_into(source, copy)  # read-only on the backup
    try:
        Database.open(copy).close()  # an older schema is upgraded, as the live file would be
        problems = store.shape_problems(copy)
        if not problems:
            with Database.open(copy) as db, db.read() as tx:
                tx.list_units()
                for report in tx.list_reports():
                    data = decode(forms, tx.load_data(report.id))
                    Checker(forms, report.period).check(data).problems(data, forms)
                    tx.audit(report.id)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of the load means "unusable"
        logging.getLogger(__name__).warning("backup %s fails the full load: %r", source, exc)
        problems = [tr("有数据无法读取")]
    if problems:
        raise DatabaseError(
            tr(
                "备份文件不完整或内容已损坏（{what}），不能用来恢复：{path}",
                what="；".join(problems[:3]),
                path=source,
            )
        )
    return copy
