"""Disk full, an unwritable folder, a stick pulled mid-export, Chinese paths with spaces:
a clear message, nothing partial left, the database intact."""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import closing

import pytest

from unionclerk import paths
from unionclerk.domain.errors import DatabaseError, UserError, os_reason
from unionclerk.exporters import atomic, staging
from unionclerk.services import demo, exporting, importing, reports
from unionclerk.services.editing import EditSession
from unionclerk.services.workspace import Workspace, database


def members(ws) -> int:
    return reports.load(ws, reports.list_reports(ws)[0]).single["organisation"]["members"]


def failing_replace(code: int):
    def replace(src, dst):
        raise OSError(code, os.strerror(code))

    return replace


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EIO, errno.EROFS])
def test_export_failure_leaves_nothing(ws, tmp_path, monkeypatch, code):
    report = demo.build_demo(ws)
    out = tmp_path / "U盘 导出"
    out.mkdir()
    monkeypatch.setattr(atomic.os, "replace", failing_replace(code))
    monkeypatch.setattr(staging.os, "replace", failing_replace(code))
    with pytest.raises(UserError) as info:
        exporting.export_report(ws, report, out, ["xlsx", "pdf", "json"])
    # the reason in plain words (磁盘已满, 只读…), or the system's own text for the rest
    assert os_reason(OSError(code, os.strerror(code))) in str(info.value)
    assert list(out.iterdir()) == []  # no file, no temporary file, no staging folder
    assert members(ws) == 24143


def test_stick_pulled_while_writing_the_pdf(ws, tmp_path, monkeypatch):
    """The workbook is done, the PDF fails half-way: neither appears."""
    report = demo.build_demo(ws)
    out = tmp_path / "导出"
    out.mkdir()
    from unionclerk.exporters.pdf import report as pdf_report

    real = pdf_report.build_pdf

    def pulled(target, *args, **kwargs):
        with open(target, "wb") as fh:
            fh.write(b"%PDF-1.4 half")
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(pdf_report, "build_pdf", pulled)
    with pytest.raises(UserError):
        exporting.export_report(ws, report, out, ["xlsx", "pdf"])
    assert list(out.iterdir()) == []
    monkeypatch.setattr(pdf_report, "build_pdf", real)
    done = exporting.export_report(ws, report, out, ["xlsx", "pdf"])
    assert sorted(p.suffix for p in done.files) == [".pdf", ".xlsx"]


def test_database_full_keeps_the_last_saved_value(data_dir):
    ws = Workspace.open(data_dir)
    report = demo.build_demo(ws)
    ws.close()
    # Cap the file at its current size: the next growing write hits SQLITE_FULL.
    with closing(sqlite3.connect(paths.database_path())) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    ws = Workspace.open(data_dir)
    session = EditSession(ws, report)
    from sqlalchemy import event

    @event.listens_for(database(ws).engine, "connect")
    def cap(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    database(ws).engine.dispose()
    with pytest.raises(DatabaseError) as info:
        for i in range(2000):
            session.insert_row(
                "services", None, {"name": "长" * 200 + str(i), "notes": "注" * 2000}
            )
    assert "磁盘已满" in str(info.value)
    ws.close()
    with Workspace.open(data_dir) as again:
        assert members(again) == 24143
        with closing(sqlite3.connect(paths.database_path())) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_chinese_paths_with_spaces_round_trip(tmp_path):
    folder = tmp_path / "张 三的文档" / "工会 报表"
    ws = Workspace.open(folder / "数据")
    try:
        report = demo.build_demo(ws)
        out = folder / "导出 文件"
        out.mkdir()
        done = exporting.export_report(ws, report, out, ["xlsx", "pdf", "json"])
        assert len(done.files) == 3
    finally:
        ws.close()
    other = Workspace.open(folder / "另一个 数据")
    try:
        xlsx = next(f for f in done.files if f.suffix == ".xlsx")
        outcome = importing.import_file(other, xlsx)
        assert outcome.report.unit.union_name == "佛堂镇总工会"
    finally:
        other.close()
