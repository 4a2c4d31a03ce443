"""Reading a JSON report the quick way (the whole text through the door at once, each current
roster row in one go) gives exactly the report that the careful way (each value through the
door, each key looked at) gives — over reports drawn from the whole value space and the
2,000-row benchmark report; and a value refused in a plain file is named exactly as before."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(1, str(ROOT / "benchmarks"))

from largereport import large_document  # noqa: E402
from reportgen import maximal_doc, report_docs  # noqa: E402

from unionclerk.domain.errors import UserError  # noqa: E402
from unionclerk.exporters import json_report  # noqa: E402
from unionclerk.formspec import door, shipped_forms  # noqa: E402

FORMS = shipped_forms()
CODE = "330782101000"


def _both(text: str) -> tuple[json_report.ParsedReport, json_report.ParsedReport]:
    """(the quick reading, as an import reads a file; the careful reading)."""
    return json_report.parse_text(text.encode("utf-8"), FORMS), json_report.parse_document(
        door.loads(text), FORMS
    )


def _as_written(parsed: json_report.ParsedReport) -> dict[str, Any]:
    """The report as its full-ID JSON export writes it: rows by position, not by UUID."""
    return json_report.build_document(FORMS, parsed.period, parsed.data, full_ids=True)


def _same(text: str) -> None:
    quick, careful = _both(text)
    assert _as_written(quick) == _as_written(careful)
    assert quick.data.single == careful.data.single
    assert [[r.values for r in rows] for rows in quick.data.rows.values()] == [
        [r.values for r in rows] for rows in careful.data.rows.values()
    ]
    assert (quick.dropped, quick.warnings) == (careful.dropped, careful.warnings)


@settings(
    max_examples=6,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(doc=report_docs(CODE, max_rows=4, most_text=40), ascii_only=st.booleans())
def test_the_quick_reading_gives_the_careful_readings_report(doc: dict, ascii_only: bool) -> None:
    _same(json.dumps(doc, ensure_ascii=ascii_only, indent=2))


def test_the_benchmark_report_is_read_the_quick_way_to_the_same_report() -> None:
    text = json_report.dumps(large_document())
    assert door.loads_plain(text)[1] is True  # else the import would not be quick
    _same(text)
    _same(json.dumps(maximal_doc(CODE, 3), ensure_ascii=False))


@pytest.mark.parametrize(
    ("row", "change", "where", "words"),
    [
        (1100, {"start": "2018-02-30"}, "services.rows[1100].start", "不存在"),
        (1199, {"served": -3}, "services.rows[1199].served", "不能为负数"),
        (700, {"category": "体育"}, "services.rows[700].category", "不在可选项中"),
        (0, {"colour": "红"}, "services.rows[0].colour", "未知的字段“colour”"),
        (3, {"name": "长" * 60_000}, "services.rows[3].name", "内容过长"),
    ],
)
def test_a_value_refused_in_a_plain_file_is_named_as_before(
    row: int, change: dict, where: str, words: str
) -> None:
    doc = large_document()
    doc["forms"]["services"]["rows"][row].update(change)
    text = json_report.dumps(doc)
    assert door.loads_plain(text)[1] is True
    messages = []
    for read in (
        lambda: json_report.parse_text(text.encode("utf-8"), FORMS),
        lambda: json_report.parse_document(door.loads(text), FORMS),
    ):
        with pytest.raises(UserError) as exc:
            read()
        messages.append((exc.value.message, exc.value.where))
    assert messages[0] == messages[1]
    assert messages[0][1] == where and words in messages[0][0]


def test_a_row_that_is_not_an_object_is_named_in_a_plain_file() -> None:
    doc = large_document()
    doc["forms"]["cadres"]["rows"][250] = ["谭思卫", "女"]
    with pytest.raises(UserError) as exc:
        json_report.parse_text(json_report.dumps(doc).encode("utf-8"), FORMS)
    assert exc.value.where == "cadres.rows[250]" and "应为对象" in exc.value.message


def test_a_blank_text_in_a_plain_file_is_left_out_as_before() -> None:
    """A text of spaces only reads as nothing: the row holds no value for it at all."""
    doc = large_document()
    doc["forms"]["venues"]["rows"][10].update({"notes": "   ", "address": "　"})
    quick, careful = _both(json_report.dumps(doc))
    assert "notes" not in quick.data.rows["venues"][10].values
    assert "address" not in quick.data.rows["venues"][10].values
    assert quick.data.rows["venues"][10].values == careful.data.rows["venues"][10].values
