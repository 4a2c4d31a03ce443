"""Exporting for the window: all formats or nothing, with progress and cancel."""

from __future__ import annotations

import pytest

from unionclerk.domain.errors import UserError
from unionclerk.domain.progress import Cancelled
from unionclerk.domain.records import COMPLETE, EXPORTED
from unionclerk.services import demo, exporting, reports


@pytest.fixture
def report(ws):
    return demo.build_demo(ws)


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "上报"
    folder.mkdir()
    return folder


def test_export_writes_the_files_and_reports_progress(ws, report, out) -> None:
    steps = []
    files = exporting.export_report(
        ws,
        report,
        out,
        exporting.available_formats(),
        progress=lambda i, n, what: steps.append((i, n, what)),
    ).files
    assert files and all(f.parent == out and f.stat().st_size > 0 for f in files)
    assert sorted(p.name for p in out.iterdir()) == sorted(f.name for f in files)
    assert [f.suffix for f in files] == [".xlsx", ".pdf", ".json"]  # in the order asked for
    assert steps[-1][0] == steps[-1][1]


def test_cancel_leaves_no_file(ws, report, out) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1  # cancelled after the first file was written

    with pytest.raises(Cancelled):
        exporting.export_report(ws, report, out, ["json"], cancelled=cancelled)
    assert list(out.iterdir()) == []


def test_failure_half_way_leaves_no_file(ws, report, out, monkeypatch) -> None:
    real = exporting._write_one
    calls = []

    def failing(*args, **kwargs):
        real(*args, **kwargs)
        calls.append(1)
        raise UserError("磁盘已满")

    monkeypatch.setattr(exporting, "_write_one", failing)
    with pytest.raises(UserError):
        exporting.export_report(ws, report, out, ["json"])
    assert calls and list(out.iterdir()) == []


def test_completed_report_becomes_exported(ws, report, out) -> None:
    from unionclerk.services.editing import EditSession

    s = EditSession(ws, report)
    for p in s.outstanding():
        s.set_explanation(p, "已核实")
    s.complete()
    assert s.report.status == COMPLETE
    exporting.export_report(ws, s.report, out, ["json"])
    assert reports.list_reports(ws)[0].status == EXPORTED


def test_missing_folder_is_refused(ws, report, out) -> None:
    with pytest.raises(UserError):
        exporting.export_report(ws, report, out / "nope", ["json"])
