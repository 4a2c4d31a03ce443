"""Townships' reports for county-summary tests and benchmarks: `township_documents()`.

Derived from the 22 pilot townships of ../shared/data/townships_2018.json (their published
figures where the text gives them: union counts, members, cadres, numbers of venues and
services), plus invented townships when more are asked for, with varied sizes: a small
township has a handful of roster rows, a large one hundreds. Some leave figures empty, as real
ones do (no 职工人数: no 入会率 of their own), so the roll-up's 填报单位数 has work to do.
Every document goes through the program's own JSON reader unchanged; the same `seed` always
gives the same documents.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import largereport  # noqa: E402 - a sibling module (benchmarks/ is on sys.path)

from unionclerk import paths
from unionclerk.services import demo

INVENTED = (
    "赤岸镇",
    "义亭镇",
    "上溪镇",
    "大陈镇",
    "苏溪镇",
    "廿三里街道",
    "后宅街道",
    "城西街道",
    "稠城街道",
    "北苑街道",
    "江东街道",
    "稠江街道",
    "福田街道",
)
SIZES = {"small": (6, 3, 4), "medium": (18, 10, 15), "large": (40, 30, 60)}


def township_facts() -> list[dict[str, Any]]:
    shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "townships_2018.json"
    file = shared if shared.exists() else paths.resources_dir() / "demo" / "townships_2018.json"
    return json.loads(file.read_text(encoding="utf-8"))


def division_code(county: str, i: int) -> str:
    """The i-th township of a county: 330782 + 101..199 + 000."""
    return f"{county}{101 + i:03d}000"


def union_name(township: str) -> str:
    if township.endswith("街道"):
        return f"{township}总工会"
    return f"{township}工会" if township.endswith("乡") else f"{township}总工会"


def _org(rng: random.Random, facts: dict[str, Any], empty_employees: bool) -> dict[str, Any]:
    org = facts.get("organisation", {}) if facts else {}
    g = org.get("grassroots_unions") or rng.randrange(30, 320)
    g = max(g, 2)
    single = org.get("single_unions") or round(g * rng.uniform(0.7, 0.92))
    joint = org.get("joint_unions") or g - single
    employees = org.get("employees") or (
        round(org["members"] / rng.uniform(0.75, 0.97))
        if org.get("members")
        else rng.randrange(2500, 42000)
    )
    members = org.get("members") or round(employees * rng.uniform(0.72, 0.97))
    members = min(members, employees) if not org.get("members") else members
    employees = max(employees, members)
    women = round(employees * rng.uniform(0.38, 0.5))
    migrant = round(employees * rng.uniform(0.2, 0.6))
    required = g + rng.randrange(0, 30)
    out = {
        "area_committees": rng.randrange(0, 6),
        "grassroots_unions": g,
        "single_unions": single,
        "joint_unions": joint,
        "village_joint_unions": joint // 2,
        "industry_joint_unions": joint - joint // 2,
        "new_sector_unions": rng.randrange(0, 5),
        "union_groups": rng.randrange(20, 400),
        "units_required": required,
        "units_covered": g,
        "employees": employees,
        "women_employees": women,
        "migrant_employees": migrant,
        "members": members,
        "women_members": round(women * members / employees),
        "migrant_members": round(migrant * members / employees),
        "star_5": rng.randrange(0, 4),
        "star_4": rng.randrange(0, 6),
        "star_3": rng.randrange(0, 30),
        "contract_units": rng.randrange(0, g + 1),
        "contract_employees": round(employees * rng.uniform(0.5, 0.9)),
        "congress_units": rng.randrange(0, g + 1),
        "openness_units": rng.randrange(0, g + 1),
    }
    if empty_employees:  # the text gives members only: no 职工人数, no 入会率 of its own
        for key in (
            "employees",
            "women_employees",
            "migrant_employees",
            "contract_employees",
            "women_members",
            "migrant_members",
        ):
            out.pop(key)
    return out


def _pilot(text: str | None) -> str | None:
    """The published pilot level as one of the form's choices (省级 / 市级 / 县级)."""
    for level in ("省级", "市级", "县级"):
        if text and (text == level or text.startswith(level[0])):
            return level
    return None


def township_document(
    facts: dict[str, Any] | None,
    township: str,
    code: str,
    *,
    county: str,
    city: str,
    size: str,
    seed: int,
    year: int = 2018,
    empty_employees: bool = False,
) -> dict[str, Any]:
    rng = random.Random(seed)
    doc = copy.deepcopy(demo.document())
    n_cadres, n_venues, n_services = SIZES[size]
    if facts and size != "large":  # the published numbers of venues and services, where given
        n_venues = max(1, len(facts.get("venues", [])) or n_venues)
        n_services = max(1, len(facts.get("services", [])) or n_services)
        n_cadres = (facts.get("cadres") or {}).get("committee_members") or n_cadres
    used: set[str] = set()
    cadres = [largereport._cadre(rng, i, used) for i in range(n_cadres)]
    venues = [largereport._venue(rng, i) for i in range(n_venues)]
    services = [largereport._service(rng, i) for i in range(n_services)]
    for row in services:  # keep the services inside the period's year
        for key in ("start", "end"):
            if key in row:
                row[key] = f"{year}{row[key][4:]}"
    forms = doc["forms"]
    cover = forms["cover"]
    cover.update(
        union_name=union_name(township),
        division_code=code,
        county=county,
        city=city,
        township=township,
        head_name=cadres[0]["name"],
        filler_name=cadres[-1]["name"],
        credit_code=demo.credit_code(code, f"MC{rng.randrange(10**6, 10**7)}"),
        report_date=f"{year}-12-{rng.randrange(10, 29)}",
        union_type="街道总工会" if township.endswith("街道") else "乡镇总工会",
        pilot_level=_pilot((facts or {}).get("pilot_level")) or rng.choice(["无", "县级"]),
    )
    cover.pop("address", None)
    forms["organisation"] = _org(rng, facts or {}, empty_employees)
    volunteers = ((facts or {}).get("cadres") or {}).get("volunteers") or rng.randrange(20, 600)
    forms["cadres"] = {
        "summary": {
            "volunteers": volunteers,
            "volunteer_teams": rng.randrange(1, 15),
            "grid_workers": rng.randrange(0, 80),
            "law_supervisors": rng.randrange(0, 10),
        },
        "rows": cadres,
    }
    forms["venues"] = {"rows": venues}
    forms["services"] = {"rows": services}
    budget = rng.randrange(20, 300) * 5000
    forms["support"].update(
        full_time_staff=sum(r["appointment"] == "专职" for r in cadres),
        part_time_staff=sum(r["appointment"] == "兼职" for r in cadres),
        budget=budget,
        gov_subsidy=budget // 2,
        upper_rebate=budget // 4,
        grassroots_subsidy=rng.randrange(1, 100) * 1000 + 0.5,
        allowance_total=rng.randrange(0, 40) * 1200,
        allowance_people=rng.randrange(0, 30),
        office_area=rng.randrange(30, 300) + 0.5,
        activity_area=rng.randrange(100, 9000),
        lack_staffing=rng.choice(["已解决", "部分解决", "未解决"]),
        lack_funds=rng.choice(["已解决", "部分解决"]),
    )
    disputes = rng.randrange(0, 80)
    forms["rights"] = {
        "disputes": disputes,
        "disputes_wages": disputes // 2,
        "disputes_injury": disputes // 5,
        "disputes_contract": disputes // 6,
        "workers_involved": disputes * rng.randrange(2, 12),
        "amount_recovered": rng.randrange(0, 3000) * 1000,
        "legal_aid_cases": rng.randrange(0, 20),
        "mediation_bodies": rng.randrange(1, 8),
        "hardship_households": rng.randrange(0, 90),
        "hardship_aid": rng.randrange(0, 400) * 1000,
    }
    doc["period"] = {"year": year, "part": "year"}
    doc["explanations"] = {}
    return doc


def township_documents(
    n: int = 30,
    *,
    county: str = "330782",
    county_name: str = "义乌市",
    city: str = "金华市",
    seed: int = 2018,
    year: int = 2018,
    sizes: tuple[str, ...] = ("small", "medium", "small", "large"),
) -> list[dict[str, Any]]:
    """`n` townships' reports for one county: the 22 published ones first, then invented."""
    facts = township_facts()
    out = []
    for i in range(n):
        base = facts[i] if i < len(facts) else None
        township = base["township"] if base else INVENTED[(i - len(facts)) % len(INVENTED)]
        if base is None and i - len(facts) >= len(INVENTED):
            township = f"{township[:-1]}{i}{township[-1]}"
        out.append(
            township_document(
                base,
                township,
                division_code(county, i),
                county=county_name,
                city=city,
                size=sizes[i % len(sizes)],
                seed=seed * 1000 + i,
                year=year,
                empty_employees=i % 11 == 5,
            )
        )
    return out
