"""Figures derived from the cadres roster (a pure function the county summary reuses)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from unionclerk.domain.report import YearMonth
from unionclerk.formspec.derived import age_at, cadre_figures


def test_figures_from_typed_and_json_rows():
    rows = [
        {
            "gender": "女",
            "political": "中共党员",
            "position": "主席",
            "appointment": "专职",
            "frontline": False,
            "birth": YearMonth(1970, 6),
        },
        {
            "gender": "男",
            "political": "中共预备党员",
            "position": "委员",
            "appointment": "兼职",
            "frontline": True,
            "birth": "1990-12",
        },
        {"gender": "男", "political": "群众", "position": "委员", "appointment": "兼职"},
    ]
    fig = cadre_figures(rows, date(2018, 12, 31), ["主席", "副主席", "委员"], ["专职", "兼职"])
    assert fig.committee_size == 3 and fig.women == 1 and fig.party_members == 2
    assert fig.by_position == {"主席": 1, "委员": 2}
    assert fig.by_appointment == {"专职": 1, "兼职": 2}
    assert fig.frontline == 1 and fig.frontline_share == Decimal("33.3")
    assert fig.average_age == Decimal("38.0") and fig.aged_rows == 2
    assert fig.to_json()["average_age"] == 38.0


def test_empty_roster_and_ages():
    fig = cadre_figures([], date(2018, 6, 30))
    assert fig.committee_size == 0 and fig.frontline_share is None and fig.average_age is None
    assert age_at(YearMonth(1980, 7), date(2018, 6, 30)) == 37
    assert age_at(YearMonth(1980, 6), date(2018, 6, 30)) == 38
