"""First-run set-up, the folder's role and the window's list of reports."""

from __future__ import annotations

import pytest

from unionclerk.domain.period import Period
from unionclerk.services import demo, reports, setup
from unionclerk.services.editing import EditSession

DIVISION = "330782102000"


def cover(forms) -> dict:
    f = forms["cover"]
    typed = {
        "union_name": "赤岸镇总工会",
        "union_type": "乡镇总工会",
        "division_code": DIVISION,
        "credit_code": demo.credit_code(DIVISION, "MA0000001"),
        "city": "金华市",
        "county": "义乌市",
        "township": "赤岸镇",
        "head_title": "主席",
        "head_name": "张建国",
        "filler_name": "李丽芳",
        "filler_phone": "13812345678",
        "address": "",
    }
    return {k: f.field(k).parse_text(v) for k, v in typed.items()}


def test_fresh_folder_needs_setup_and_defaults_to_township(ws) -> None:
    assert setup.needs_setup(ws)
    assert setup.role(ws) == setup.TOWNSHIP


def test_start_own_report_fills_the_cover(ws, forms) -> None:
    report = setup.start_own_report(ws, cover(forms), Period(2019), setup.COUNTY)
    assert not setup.needs_setup(ws)
    assert ws.own_unit().division_code == DIVISION
    assert setup.role(ws) == setup.COUNTY
    s = EditSession(ws, report)
    assert s.value("cover", "filler_phone") == "13812345678"
    assert s.value("cover", "address") is None  # empty values are not stored
    assert not any(
        p.form == "cover" and p.field in ("credit_code", "division_code") for p in s.problems()
    )


def test_role_can_change(ws) -> None:
    setup.set_role(ws, setup.COUNTY)
    assert setup.role(ws) == setup.COUNTY
    with pytest.raises(ValueError):
        setup.set_role(ws, "province")


def test_window_reports_follow_the_role(ws, forms) -> None:
    setup.start_own_report(ws, cover(forms), Period(2019))
    reports.create_report(
        ws, "330782101000", Period(2019), union_name="佛堂镇总工会", source="received"
    )
    assert [r.unit.division_code for r in setup.window_reports(ws)] == [DIVISION]
    setup.set_role(ws, setup.COUNTY)
    assert len(setup.window_reports(ws)) == 2


def test_periods() -> None:
    assert setup.default_period(2020, 3) == Period(2019)
    assert setup.default_period(2020, 11) == Period(2020)
    assert setup.next_period(Period(2019)) == Period(2020)
    assert setup.next_period(Period(2019, "h1")) == Period(2019, "h2")
    assert setup.next_period(Period(2019, "h2")) == Period(2020, "h1")
