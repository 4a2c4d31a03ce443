"""The demo report: 佛堂镇总工会 (义乌市, 金华市), 2018.

Built from the published facts bundled in resources/demo/townships_2018.json, with what the
text leaves out completed by plausible values (a full cadre roster with valid ID numbers,
venues, services, funding). The report goes in through the same validating JSON reader as any
import, so the demo can never hold what a clerk could not have entered.
"""

from __future__ import annotations

import json
import random
from typing import Any

from unionclerk import paths
from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.domain.period import Period
from unionclerk.domain.records import ReportInfo
from unionclerk.exporters import json_report
from unionclerk.formspec import validators
from unionclerk.formspec.codec import encode
from unionclerk.services import reports
from unionclerk.services.workspace import Workspace, database

DIVISION_CODE = "330782101000"
PERIOD = Period(2018, "year")

_SURNAMES = "王陈吴张李金楼朱傅龚何黄刘杨周徐骆贾方叶".replace("", " ").split()
_GIVEN = "建国伟军丽芳晓燕海峰红梅志强美华立新丹婷俊杰静雅国平卫东秀英春雷文斌慧敏"


def facts(township: str = "佛堂镇") -> dict[str, Any]:
    data = json.loads((paths.resources_dir() / "demo" / "townships_2018.json").read_text("utf-8"))
    return next(t for t in data if t["township"] == township)


def credit_code(division_code: str, serial: str) -> str:
    """A well-formed 统一社会信用代码 for a grassroots union (81…) of the area."""
    body = "81" + division_code[:6] + serial
    return body + validators.credit_check_char(body)


def id_number(rng: random.Random, birth: str, female: bool) -> str:
    seq = rng.randrange(10, 99) * 10 + rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9])
    body = f"330782{birth}{seq:03d}"
    return body + validators.id_check_char(body)


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice([1, 2])))
        if name not in used:
            used.add(name)
            return name


# position, appointment, home post, frontline
_CADRES = [
    ("主席", "专职", "佛堂镇总工会", False),
    ("常务副主席", "专职", "佛堂镇总工会", False),
    ("副主席", "兼职", "镇党政办主任", False),
    ("副主席", "兼职", "镇妇联主席", False),
    ("副主席", "兼职", "社会事业服务办公室主任", False),
    ("副主席", "兼职", "经济发展促进中心副主任", False),
    ("副主席", "挂职", "劳动保障所所长", False),
    ("副主席", "挂职", "安监所副所长", False),
    ("经审会主任", "兼职", "镇财政所副所长", False),
    ("女职委主任", "兼职", "镇妇联副主席", False),
    ("委员", "兼职", "莎雪服饰工会主席", False),
    ("委员", "兼职", "王斌装饰工会主席", False),
    ("委员", "兼职", "自来水厂工会主席", False),
    ("委员", "兼职", "华鸿控股工会主席", False),
    ("委员", "兼职", "诚信制带工会主席", False),
    ("委员", "兼职", "华义医药工会主席", False),
    ("委员", "兼职", "三溪堂工会主席", False),
    ("委员", "轮岗", "镇机关党建办科员", False),
    ("委员", "聘用", "职业化工会工作者", False),
    ("委员", "聘用", "职业化工会工作者", False),
    ("委员", "兼职", "世宝股份一线技术员", True),
    ("委员", "兼职", "嘉博朗毯业一线挡车工", True),
    ("委员", "兼职", "航宾仿真一线操作工", True),
    ("经审会委员", "兼职", "蟠龙社区联合工会主席", False),
    ("女职委委员", "兼职", "宝龙广场联合工会女工委员", True),
]


def cadre_rows(rng: random.Random) -> list[dict[str, Any]]:
    rows, used = [], set()
    for i, (position, appointment, post, frontline) in enumerate(_CADRES):
        female = position.startswith("女职委") or rng.random() < 0.38
        year, month, day = rng.randrange(1963, 1993), rng.randrange(1, 13), rng.randrange(1, 29)
        birth = f"{year}{month:02d}{day:02d}"
        rows.append(
            {
                "name": _name(rng, used),
                "gender": "女" if female else "男",
                "birth": f"{year}-{month:02d}",
                "ethnicity": "汉族",
                "political": rng.choice(["中共党员"] * 4 + ["群众", "共青团员"])
                if i > 1
                else "中共党员",
                "education": rng.choice(["大学本科", "大学本科", "大专", "研究生", "中专或高中"]),
                "position": position,
                "appointment": appointment,
                "home_post": post,
                "frontline": frontline,
                "since": "2018-09",
                "phone": f"13{rng.randrange(5, 10)}{rng.randrange(10**7, 10**8)}",
                "id_number": id_number(rng, birth, female),
            }
        )
    return rows


def document() -> dict[str, Any]:
    """The demo report as an interchange JSON document."""
    f = facts()
    org, cad = f["organisation"], f["cadres"]
    rng = random.Random(2018)
    cadres = cadre_rows(rng)
    chair = cadres[0]["name"]
    forms: dict[str, Any] = {
        "cover": {
            "union_name": "佛堂镇总工会",
            "union_type": "乡镇总工会",
            "credit_code": credit_code(DIVISION_CODE, "MC0417032"),
            "division_code": DIVISION_CODE,
            "city": f["city"],
            "county": f["county"],
            "township": f["township"],
            "head_title": "主席",
            "head_name": chair,
            "filler_name": cadres[18]["name"],
            "filler_phone": "0579-85711234",
            "report_date": "2018-12-20",
            "pilot_level": f["pilot_level"],
            "address": "浙江省义乌市佛堂镇佛堂大道188号",
        },
        "organisation": {
            "area_committees": org["area_committees"],
            "grassroots_unions": org["grassroots_unions"],
            "single_unions": org["single_unions"],
            "joint_unions": org["joint_unions"],
            "village_joint_unions": 12,
            "industry_joint_unions": 4,
            "new_sector_unions": len(org["new_form_unions"]),
            "union_groups": 356,
            "units_required": 210,
            "units_covered": 201,
            "employees": org["employees"],
            "women_employees": 11870,
            "migrant_employees": 15320,
            "members": org["members"],
            "women_members": 11020,
            "migrant_members": 13960,
            "star_5": org["star_unions"]["五星"],
            "star_4": org["star_unions"]["四星"],
            "star_3": org["star_unions"]["三星"],
            "contract_units": 168,
            "contract_employees": 21500,
            "congress_units": 152,
            "openness_units": 160,
            "notes": org["star_unions"]["notes"] + "。" + org["other"]["片区工委机制"],
        },
        "cadres": {
            "summary": {
                "volunteers": cad["volunteers"],
                "volunteer_teams": cad["volunteer_teams"],
                "grid_workers": 48,
                "law_supervisors": 6,
                "wage_instructors": 3,
            },
            "rows": cadres,
        },
        "venues": {"rows": _venues()},
        "services": {"rows": _services()},
        "support": {
            "staffing_quota": 2,
            "quota_fixed": True,
            "full_time_staff": 2,
            "part_time_staff": 18,
            "hired_staff": 3,
            "budget": 1_200_000,
            "gov_subsidy": 500_000,
            "upper_rebate": 450_000,
            "grassroots_subsidy": 380_000,
            "allowance_total": 86_400,
            "allowance_people": 18,
            "has_office": True,
            "office_area": 120,
            "activity_area": 8000,
            "lack_staffing": "已解决",
            "lack_people": "已解决",
            "lack_funds": "部分解决",
            "lack_premises": "已解决",
            "notes": "镇财政每年安排工会工作经费，上级工会按比例回拨经费。",
        },
        "rights": {
            "disputes": 46,
            "disputes_wages": 21,
            "disputes_injury": 9,
            "disputes_contract": 12,
            "workers_involved": 388,
            "amount_recovered": 2_365_000,
            "legal_aid_cases": 17,
            "mediation_bodies": 5,
            "hardship_households": 63,
            "hardship_aid": 315_000,
        },
    }
    return {
        "format": json_report.FORMAT,
        "format_version": json_report.FORMAT_VERSION,
        "period": PERIOD.to_json(),
        "forms": forms,
        "explanations": {
            "organisation.star_3": "原文为“推动规上企业创建三星级工会40余家”，按40家填报。",
        },
    }


def _venues() -> list[dict[str, Any]]:
    return [
        {
            "name": "镇党群服务中心",
            "venue_type": "党群服务中心(共建)",
            "level": "镇级",
            "build_mode": "共建",
            "shared_with": "团委、妇联、科协",
            "status": "已启用",
            "opened": "2018-05",
            "area": 8000,
            "rooms": 20,
            "investment": 3_600_000,
            "address": "佛堂镇佛堂大道188号",
            "notes": "功能室含党建展示、法律维权、工匠讲堂、"
            "心理咨询、体育活动；免费向全镇职工开放；内设“四点半学校”",
        },
        {
            "name": "佛堂镇区域职工活动中心",
            "venue_type": "职工服务中心",
            "level": "镇级",
            "build_mode": "共建",
            "shared_with": "镇文体活动中心",
            "status": "已启用",
            "opened": "2017-10",
            "notes": "图书馆、篮球馆、游泳池等设施资源共享",
        },
        {
            "name": "职工维权站",
            "venue_type": "调解室(法律援助站)",
            "level": "镇级",
            "build_mode": "自建",
            "status": "已启用",
            "opened": "2018-03",
            "area": 60,
            "honour": "“佛堂麻利”服务品牌",
        },
        {
            "name": "网上工会(六站合一)",
            "venue_type": "网上阵地(公众号等)",
            "level": "镇级",
            "build_mode": "自建",
            "status": "已启用",
            "opened": "2018-06",
            "followers": 12600,
            "notes": "PC站、手机站、微信站、APP站、触摸屏站、小程序站",
        },
        {
            "name": "镇北片区职工服务站(华鸿控股)",
            "venue_type": "职工服务站",
            "level": "片区",
            "build_mode": "联建",
            "status": "已启用",
            "opened": "2018-09",
            "area": 150,
            "rooms": 4,
        },
        {
            "name": "宝龙广场爱心驿站",
            "venue_type": "爱心驿站(户外劳动者服务站点)",
            "level": "企业",
            "build_mode": "借用",
            "status": "在建",
        },
    ]


def _services() -> list[dict[str, Any]]:
    return [
        {
            "name": "三张清单(问题清单、需求清单、服务清单)",
            "category": "普惠服务",
            "start": "2018-01-01",
            "end": "2018-12-31",
            "sessions": 52,
            "served": 20000,
            "served_unit": "人次",
            "notes": "发放需求清单调查问卷2万余份，征集需求1万余条",
        },
        {
            "name": "佛堂小锣书",
            "category": "其他",
            "category_other": "思想引领宣讲",
            "start": "2018-03-01",
            "end": "2018-11-30",
            "sessions": 24,
            "served": 3600,
            "served_unit": "人次",
            "fund_source": "本级工会经费",
            "funds": 48_000,
        },
        {
            "name": "佛堂麻利",
            "category": "法律维权",
            "brand": "佛堂麻利",
            "start": "2018-01-01",
            "end": "2018-12-31",
            "sessions": 30,
            "served": 5000,
            "served_unit": "人次",
            "fund_source": "本级工会经费",
            "funds": 60_000,
            "notes": "定期在企业宣传法律知识，巡回受理职工问题",
        },
        {
            "name": "四点半学校",
            "category": "子女托管(四点半学校、暑托班)",
            "start": "2018-03-01",
            "end": "2018-12-31",
            "sessions": 160,
            "served": 85,
            "served_unit": "人",
            "partners": "团委、妇联",
            "fund_source": "镇财政",
            "funds": 120_000,
        },
        {
            "name": "日记工作法(华鸿公司工会)",
            "category": "其他",
            "category_other": "民主管理",
            "start": "2018-01-01",
            "sessions": 12,
            "served": 100,
            "served_unit": "人次",
        },
        {
            "name": "工会志愿服务",
            "category": "志愿服务",
            "start": "2018-01-01",
            "end": "2018-12-31",
            "sessions": 120,
            "served": 10000,
            "served_unit": "人次",
            "notes": "志愿者630人次参与",
        },
        {
            "name": "送清凉",
            "category": "送清凉",
            "start": "2018-07-01",
            "end": "2018-08-31",
            "sessions": 15,
            "served": 3200,
            "served_unit": "人次",
            "funds": 96_000,
            "fund_source": "上级工会",
        },
        {
            "name": "金秋助学",
            "category": "金秋助学",
            "start": "2018-08-15",
            "end": "2018-09-10",
            "served": 42,
            "served_unit": "人",
            "funds": 126_000,
            "fund_source": "社会捐助",
        },
    ]


def build_demo(ws: Workspace, *, replace: bool = False) -> ReportInfo:
    """Store the demo report as the folder's own unit."""
    parsed = json_report.parse_document(document(), ws.forms)
    with database(ws).transaction() as tx:
        existing = tx.get_report(DIVISION_CODE, PERIOD)
        if existing is not None and not replace:
            raise UserError(
                tr("数据文件夹中已有佛堂镇总工会 2018年度 的报表；如要重建请加 --replace")
            )
        if not any(u.own for u in tx.list_units()) or tx.get_unit(DIVISION_CODE):
            tx.upsert_unit(DIVISION_CODE, "佛堂镇总工会", own=True)
        else:
            tx.upsert_unit(DIVISION_CODE, "佛堂镇总工会")
        report = existing or tx.create_report(DIVISION_CODE, PERIOD)
        tx.replace_data(report.id, encode(ws.forms, parsed.data), note=tr("生成演示报表"))
        return tx.get_report_by_id(report.id)


__all__ = ["build_demo", "document", "reports"]
