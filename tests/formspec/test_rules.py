"""Every rule of forms.md: one case that passes and one that fails.

`CASES` maps each rule to (data that passes, data that fails); a rule added to the forms
without a case here makes `test_every_rule_has_a_case` fail.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from unionclerk.domain.period import Period
from unionclerk.domain.report import ReportData, RosterRow, YearMonth
from unionclerk.formspec import Checker

P = Period(2018)
ID_M = "11010519491231001X"  # 1949-12, male (17th digit 1)
ID_F = "11010519491231002X"  # wrong? computed below


def _id(body17: str) -> str:
    from unionclerk.formspec.validators import id_check_char

    return body17 + id_check_char(body17)


MALE = _id("33078219800101001")  # 1980-01, odd -> 男
FEMALE = _id("33078219850615002")  # 1985-06, even -> 女


def single(form: str, **values):
    return {"single": {form: values}}


def rows(form: str, *rowvalues, **extra_single):
    out = {"rows": {form: list(rowvalues)}}
    if extra_single:
        out["single"] = extra_single
    return out


def ym(s: str) -> YearMonth:
    return YearMonth(int(s[:4]), int(s[5:]))


CASES: dict[str, tuple[dict, dict]] = {
    "cover.report_date_in_period": (
        single("cover", report_date=date(2018, 12, 20)),
        single("cover", report_date=date(2017, 12, 31)),
    ),
    "cover.credit_code_union_prefix": (
        single("cover", credit_code="81330782MC0417032X"),
        single("cover", credit_code="91350100M000100Y43"),
    ),
    "organisation.single_le_total": (
        single("organisation", single_unions=5, grassroots_unions=5),
        single("organisation", single_unions=6, grassroots_unions=5),
    ),
    "organisation.joint_le_total": (
        single("organisation", joint_unions=5, grassroots_unions=5),
        single("organisation", joint_unions=6, grassroots_unions=5),
    ),
    "organisation.single_plus_joint_eq_total": (
        single("organisation", single_unions=3, joint_unions=2, grassroots_unions=5),
        single("organisation", single_unions=3, joint_unions=1, grassroots_unions=5),
    ),
    "organisation.village_le_joint": (
        single("organisation", village_joint_unions=2, joint_unions=2),
        single("organisation", village_joint_unions=3, joint_unions=2),
    ),
    "organisation.industry_le_joint": (
        single("organisation", industry_joint_unions=1, joint_unions=2),
        single("organisation", industry_joint_unions=3, joint_unions=2),
    ),
    "organisation.new_sector_le_total": (
        single("organisation", new_sector_unions=2, grassroots_unions=5),
        single("organisation", new_sector_unions=9, grassroots_unions=5),
    ),
    "organisation.covered_le_required": (
        single("organisation", units_covered=9, units_required=10),
        single("organisation", units_covered=11, units_required=10),
    ),
    "organisation.women_employees_le_employees": (
        single("organisation", women_employees=10, employees=10),
        single("organisation", women_employees=11, employees=10),
    ),
    "organisation.migrant_employees_le_employees": (
        single("organisation", migrant_employees=10, employees=10),
        single("organisation", migrant_employees=11, employees=10),
    ),
    "organisation.members_le_employees": (
        single("organisation", members=9, employees=10),
        single("organisation", members=11, employees=10),
    ),
    "organisation.women_members_le_members": (
        single("organisation", women_members=5, members=5),
        single("organisation", women_members=6, members=5),
    ),
    "organisation.women_members_le_women_employees": (
        single("organisation", women_members=5, women_employees=5),
        single("organisation", women_members=6, women_employees=5),
    ),
    "organisation.migrant_members_le_members": (
        single("organisation", migrant_members=5, members=5),
        single("organisation", migrant_members=6, members=5),
    ),
    "organisation.stars_le_total": (
        single("organisation", star_5=1, star_4=1, star_3=1, grassroots_unions=3),
        single("organisation", star_5=1, star_4=1, star_3=2, grassroots_unions=3),
    ),
    "organisation.contract_employees_le_employees": (
        single("organisation", contract_employees=10, employees=10),
        single("organisation", contract_employees=11, employees=10),
    ),
    "cadres.gender_matches_id": (
        rows("cadres", {"id_number": FEMALE, "gender": "女"}),
        rows("cadres", {"id_number": FEMALE, "gender": "男"}),
    ),
    "cadres.birth_matches_id": (
        rows("cadres", {"id_number": MALE, "birth": ym("1980-01")}),
        rows("cadres", {"id_number": MALE, "birth": ym("1980-02")}),
    ),
    "cadres.age_plausible": (
        rows("cadres", {"birth": ym("1980-01")}),
        rows("cadres", {"birth": ym("2005-01")}),
    ),
    "cadres.since_not_after_report": (
        rows("cadres", {"since": ym("2018-09")}, cover={"report_date": date(2018, 12, 20)}),
        rows("cadres", {"since": ym("2019-01")}, cover={"report_date": date(2018, 12, 20)}),
    ),
    "cadres.unique_id_number": (
        rows("cadres", {"id_number": MALE}, {"id_number": FEMALE}),
        rows("cadres", {"id_number": MALE}, {"id_number": MALE}),
    ),
    "cadres.possible_duplicate_person": (
        rows(
            "cadres",
            {"name": "王芳", "birth": ym("1980-01")},
            {"name": "王芳", "birth": ym("1981-01")},
        ),
        rows(
            "cadres",
            {"name": "王芳", "birth": ym("1980-01")},
            {"name": "王芳", "birth": ym("1980-01")},
        ),
    ),
    "cadres.has_head": (rows("cadres", {"position": "主任"}), rows("cadres", {"position": "委员"})),
    "venues.opened_when_in_use": (
        rows("venues", {"status": "已启用", "opened": ym("2018-05")}),
        rows("venues", {"status": "已启用"}),
    ),
    "venues.area_for_physical_venue": (
        rows("venues", {"venue_type": "职工之家", "status": "已启用", "area": Decimal(50)}),
        rows("venues", {"venue_type": "职工之家", "status": "已启用"}),
    ),
    "venues.no_area_for_online_venue": (
        rows("venues", {"venue_type": "网上阵地(公众号等)", "status": "已启用"}),
        rows("venues", {"venue_type": "网上阵地(公众号等)", "area": Decimal(50)}),
    ),
    "venues.followers_only_online": (
        rows("venues", {"venue_type": "网上阵地(公众号等)", "followers": 100}),
        rows("venues", {"venue_type": "职工书屋", "followers": 100}),
    ),
    "services.start_in_period": (
        rows("services", {"start": date(2018, 3, 1)}),
        rows("services", {"start": date(2017, 12, 1)}),
    ),
    "services.end_after_start": (
        rows("services", {"start": date(2018, 3, 1), "end": date(2018, 3, 1)}),
        rows("services", {"start": date(2018, 3, 2), "end": date(2018, 3, 1)}),
    ),
    "services.end_in_period": (
        rows("services", {"end": date(2018, 12, 31)}),
        rows("services", {"end": date(2019, 1, 1)}),
    ),
    "services.sessions_when_served": (
        rows("services", {"served": 10, "sessions": 1}),
        rows("services", {"served": 10}),
    ),
    "services.served_unit_when_served": (
        rows("services", {"served": 10, "served_unit": "人次"}),
        rows("services", {"served": 10}),
    ),
    "support.full_time_matches_roster": (
        {
            "single": {"support": {"full_time_staff": 1}},
            "rows": {"cadres": [{"appointment": "专职"}, {"appointment": "兼职"}]},
        },
        {
            "single": {"support": {"full_time_staff": 2}},
            "rows": {"cadres": [{"appointment": "专职"}, {"appointment": "兼职"}]},
        },
    ),
    "support.part_time_matches_roster": (
        {
            "single": {"support": {"part_time_staff": 1}},
            "rows": {"cadres": [{"appointment": "专职"}, {"appointment": "兼职"}]},
        },
        {
            "single": {"support": {"part_time_staff": 0}},
            "rows": {"cadres": [{"appointment": "兼职"}]},
        },
    ),
    "support.gov_subsidy_le_budget": (
        single("support", gov_subsidy=Decimal(5), budget=Decimal(5)),
        single("support", gov_subsidy=Decimal(6), budget=Decimal(5)),
    ),
    "support.upper_rebate_le_budget": (
        single("support", upper_rebate=Decimal(5), budget=Decimal(5)),
        single("support", upper_rebate=Decimal(6), budget=Decimal(5)),
    ),
    "support.allowance_people_given": (
        single("support", allowance_total=Decimal(100), allowance_people=2),
        single("support", allowance_total=Decimal(100)),
    ),
    "rights.wages_le_disputes": (
        single("rights", disputes_wages=2, disputes=2),
        single("rights", disputes_wages=3, disputes=2),
    ),
    "rights.injury_le_disputes": (
        single("rights", disputes_injury=2, disputes=2),
        single("rights", disputes_injury=3, disputes=2),
    ),
    "rights.contract_le_disputes": (
        single("rights", disputes_contract=2, disputes=2),
        single("rights", disputes_contract=3, disputes=2),
    ),
    "rights.parts_le_disputes": (
        single("rights", disputes_wages=1, disputes_injury=1, disputes_contract=1, disputes=3),
        single("rights", disputes_wages=1, disputes_injury=1, disputes_contract=2, disputes=3),
    ),
}


def build(spec: dict) -> ReportData:
    data = ReportData()
    for form, values in spec.get("single", {}).items():
        data.single[form] = dict(values)
    for form, rowlist in spec.get("rows", {}).items():
        data.rows[form] = [RosterRow(dict(v)) for v in rowlist]
    return data


def fired(forms, spec: dict) -> dict[str, list]:
    data = build(spec)
    out: dict[str, list] = {}
    for p in Checker(forms, P).check(data).problems(data, forms):
        out.setdefault(p.rule, []).append(p)
    return out


def test_every_rule_has_a_case(forms):
    assert {r.qualified_id for f in forms for r in f.rules} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_passes_on_good_data(forms, rule_id):
    assert rule_id not in fired(forms, CASES[rule_id][0])


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_on_bad_data(forms, rule_id):
    form_key, rid = rule_id.split(".")
    rule = next(r for r in forms[form_key].rules if r.id == rid)
    problems = fired(forms, CASES[rule_id][1])
    assert rule_id in problems, f"{rule_id} did not fire"
    p = problems[rule_id][0]
    assert p.severity is rule.severity and p.field == rule.field and p.form == form_key
    assert p.message and "{" not in p.message  # placeholders filled in


def test_rule_not_applicable_while_a_part_is_empty(forms):
    assert "organisation.single_le_total" not in fired(
        forms, single("organisation", single_unions=6)
    )


def test_message_shows_the_values(forms):
    p = fired(forms, CASES["organisation.single_le_total"][1])["organisation.single_le_total"][0]
    assert "6" in p.message and "5" in p.message


def test_required_fields_are_errors(forms):
    problems = fired(forms, {"rows": {"cadres": [{"gender": "男"}]}})
    required = [p for p in problems["required"] if p.form == "cadres" and p.row]
    assert {p.field for p in required} == {"name", "position", "appointment"}
    assert all(p.is_error for p in required)


def test_format_severity_follows_the_field(forms):
    problems = fired(
        forms,
        {"single": {"cover": {"filler_phone": "12345"}}, "rows": {"venues": [{"phone": "12345"}]}},
    )
    by_form = {p.form: p for p in problems["format:phone"]}
    assert by_form["cover"].is_error and not by_form["venues"].is_error


def test_bad_id_check_digit_is_an_error(forms):
    bad = MALE[:-1] + ("0" if MALE[-1] != "0" else "1")
    problems = fired(forms, rows("cadres", {"id_number": bad}))
    assert problems["format:idnumber"][0].is_error
    assert "校验" in problems["format:idnumber"][0].message


def test_other_choice_asks_for_text(forms):
    assert "other_text" in fired(forms, rows("services", {"category": "其他"}))
    assert "other_text" not in fired(
        forms, rows("services", {"category": "其他", "category_other": "宣讲"})
    )
