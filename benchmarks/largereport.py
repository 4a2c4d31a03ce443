"""A large, realistic report for benchmarks and tests: `large_document()`.

Starts from the demo report (佛堂镇总工会, 2018) and replaces its rosters with generated rows:
by default 300 cadres, 500 venues and 1,200 services (2,000 roster rows). The rows are varied
the way real ones are — optional cells left blank, 其他 with its free text, full (unmasked) ID
numbers with valid check digits whose birth month and gender agree with the row — and a few
carry deliberate warnings (a malformed phone, a venue in use without its opening month, a
service starting before the period, a possible duplicate person...) so that a check has real
problems to report. The result has no errors and imports through `json_report.parse_document`.

The same `seed` always gives the same document. `random_edit()` changes one cell of a parsed
report (for tests that compare a re-check with a full check).

Run as a script, it prints the document:  python benchmarks/largereport.py > large.json
"""

from __future__ import annotations

import copy
import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from unionclerk.domain.report import ReportData, YearMonth
from unionclerk.formspec.checker import Change
from unionclerk.formspec.model import OTHER, FieldDef, FormSet
from unionclerk.services import demo

_SURNAMES = (
    "王陈吴张李金楼朱傅龚何黄刘杨周徐骆贾方叶赵孙胡郑林郭马罗梁宋唐许韩冯邓曹彭曾"
    "肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范石廖贺"
)
_GIVEN = (
    "建国伟军丽芳晓燕海峰红梅志强美华立新丹婷俊杰静雅国平卫东秀英春雷文斌慧敏"
    "浩宇子涵欣怡梓轩雨萱佳琪思远明辉玉兰桂香金凤德荣永福嘉豪晨曦一鸣"
)
_AREA_CODES = (
    "330782",
    "330781",
    "330702",
    "330703",
    "330723",
    "330726",
    "330727",
    "331081",
    "330381",
    "510723",
    "411323",
    "522425",
    "362329",
    "341222",
)
_POSITIONS = (
    ["副主席"] * 4
    + ["委员"] * 12
    + ["经审会委员"] * 2
    + ["女职委委员"] * 2
    + ["工作人员"] * 3
    + ["社会工作者"] * 2
    + ["副主任", "经审会主任", "其他"]
)
_APPOINTMENTS = ["兼职"] * 8 + ["专职", "挂职", "聘用", "轮岗", "下派"]
_ETHNICITIES = ["汉族"] * 40 + ["畲族", "回族", "土家族", "苗族", "壮族", "彝族", "其他"]
_POLITICAL = ["中共党员"] * 5 + ["群众"] * 3 + ["共青团员", "中共预备党员", "民主党派"]
_EDUCATION = ["大学本科"] * 4 + ["大专"] * 3 + ["研究生", "中专或高中", "中专或高中", "初中及以下"]
_EMPLOYERS = (
    "华鸿控股",
    "诚信制带",
    "世宝股份",
    "嘉博朗毯业",
    "航宾仿真",
    "莎雪服饰",
    "王斌装饰",
    "三溪堂",
    "华义医药",
    "自来水厂",
    "宝龙广场",
    "佛堂农商银行",
    "义乌供电所",
    "蟠龙社区",
    "赤岸小学",
    "稠州商业银行",
    "物流园区",
    "红木家具城",
)
_POSTS = (
    "工会主席",
    "工会副主席",
    "办公室主任",
    "人事专员",
    "一线操作工",
    "车间主任",
    "财务科长",
    "社区书记",
    "村委委员",
    "技术员",
    "质检员",
    "挡车工",
)
_VILLAGES = (
    "蟠龙",
    "塘下洋",
    "雅治街",
    "倍磊",
    "赤岸",
    "岭口",
    "王宅",
    "田心",
    "佛堂",
    "前店",
    "后店",
    "下朱",
    "新前",
    "高田",
    "溪华",
    "坤塘",
)
_VENUE_TYPES = (
    ["职工服务站"] * 5
    + ["职工服务点"] * 5
    + ["职工之家"] * 4
    + ["职工书屋"] * 3
    + [
        "爱心驿站(户外劳动者服务站点)",
        "爱心驿站(户外劳动者服务站点)",
        "妈咪小屋(母婴室)",
        "妈咪小屋(母婴室)",
        "心理咨询室",
        "调解室(法律援助站)",
        "职工服务中心",
        "工人文化宫(俱乐部)",
        "党群服务中心(共建)",
        "职工疗休养基地",
        "网上阵地(公众号等)",
        "网上阵地(公众号等)",
        "其他",
    ]
)
_LEVELS = ["企业"] * 6 + ["村(社区)"] * 4 + ["片区", "片区", "园区", "镇级", "其他"]
_BUILD = ["自建"] * 4 + ["联建", "共建", "共建", "租赁", "借用"]
_CATEGORIES = (
    "法律维权",
    "困难职工帮扶",
    "金秋助学",
    "送温暖",
    "送清凉",
    "职工疗休养",
    "技能培训",
    "劳动和技能竞赛",
    "文体活动",
    "心理关爱",
    "婚恋交友",
    "子女托管(四点半学校、暑托班)",
    "职工医疗互助",
    "就业服务",
    "志愿服务",
    "普惠服务",
    "其他",
)
_ACTIVITIES = (
    "专题讲座",
    "培训班",
    "慰问",
    "知识竞赛",
    "趣味运动会",
    "咨询日",
    "联谊会",
    "义诊",
    "招聘会",
    "观影",
    "读书会",
    "健步走",
    "技能比武",
    "送法进企业",
)
_FUNDS = ["本级工会经费"] * 4 + ["上级工会", "上级工会", "镇财政", "企业", "社会捐助", "其他"]
_BRANDS = ("佛堂麻利", "红色加油站", "职工之家", "暖心工程", "匠心佛堂")


def _id_check_char(body17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, weights, strict=True)) % 11]


def id_number(rng: random.Random, birth: date, female: bool) -> str:
    """A valid GB 11643 number for someone born on `birth` (check digit, gender digit)."""
    seq = rng.randrange(0, 100) * 10 + rng.choice((0, 2, 4, 6, 8) if female else (1, 3, 5, 7, 9))
    body = f"{rng.choice(_AREA_CODES)}{birth:%Y%m%d}{seq:03d}"
    return body + _id_check_char(body)


def _maybe(rng: random.Random, share: float, value: Any) -> Any:
    """`value` in `share` of the rows, else None (the cell is left blank)."""
    return value if rng.random() < share else None


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None}


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('35789')}{rng.randrange(10**8, 10**9)}"


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2, 2))))
        if name not in used:
            used.add(name)
            return name


def _cadre(rng: random.Random, i: int, used: set[str]) -> dict[str, Any]:
    if i == 0:
        position, appointment = "主席", "专职"
    elif i == 1:
        position, appointment = "常务副主席", "专职"
    else:
        position, appointment = rng.choice(_POSITIONS), rng.choice(_APPOINTMENTS)
    female = position.startswith("女职委") or rng.random() < 0.4
    birth = date(rng.randrange(1960, 1998), rng.randrange(1, 13), rng.randrange(1, 29))
    employer = rng.choice(_EMPLOYERS)
    ethnicity = rng.choice(_ETHNICITIES)
    return _clean(
        {
            "name": _name(rng, used),
            "gender": "女" if female else "男",
            "birth": f"{birth:%Y-%m}" if rng.random() < 0.95 else None,
            "ethnicity": ethnicity,
            "ethnicity_other": "穿青人" if ethnicity == "其他" else None,
            "political": _maybe(rng, 0.9, rng.choice(_POLITICAL)),
            "education": _maybe(rng, 0.85, rng.choice(_EDUCATION)),
            "position": position,
            "position_other": "劳模工作室负责人" if position == "其他" else None,
            "appointment": appointment,
            "home_post": None
            if appointment == "专职"
            else _maybe(rng, 0.8, f"{employer}{rng.choice(_POSTS)}"),
            "frontline": _maybe(rng, 0.7, rng.random() < 0.25),
            "since": _maybe(rng, 0.8, f"{rng.randrange(2008, 2019)}-{rng.randrange(1, 13):02d}"),
            "phone": _maybe(
                rng,
                0.85,
                _mobile(rng) if rng.random() < 0.9 else f"0579-8{rng.randrange(10**6, 10**7)}",
            ),
            "id_number": _maybe(rng, 0.9, id_number(rng, birth, female)),
            "notes": _maybe(
                rng, 0.1, rng.choice(("市级劳模", "新任", "兼任调解员", "区域联合工会"))
            ),
        }
    )


def _venue(rng: random.Random, i: int) -> dict[str, Any]:
    vtype = rng.choice(_VENUE_TYPES)
    online = vtype == "网上阵地(公众号等)"
    status = rng.choices(("已启用", "在建", "规划中"), (85, 10, 5))[0]
    level = rng.choice(_LEVELS)
    village, employer = rng.choice(_VILLAGES), rng.choice(_EMPLOYERS)
    place = employer if level == "企业" else village
    build = rng.choice(_BUILD)
    return _clean(
        {
            "name": f"{place}{vtype.split('(')[0]}{i + 1}号"
            if not online
            else f"{place}工会公众号{i + 1}",
            "venue_type": vtype,
            "venue_type_other": "职工食堂" if vtype == "其他" else None,
            "level": level,
            "level_other": "商圈" if level == "其他" else None,
            "build_mode": _maybe(rng, 0.9, build),
            "shared_with": rng.choice(("团委", "妇联", "团委、妇联", "村委会"))
            if build == "共建"
            else None,
            "status": status,
            "opened": f"{rng.randrange(2010, 2019)}-{rng.randrange(1, 13):02d}"
            if status == "已启用"
            else None,
            "area": None
            if online or status != "已启用"
            else rng.randrange(20, 800) + rng.choice((0, 0, 0.5)),
            "rooms": None if online else _maybe(rng, 0.6, rng.randrange(1, 8)),
            "investment": _maybe(
                rng, 0.5, rng.randrange(5, 500) * 1000 + rng.choice((0, 0.5, 0.25))
            ),
            "honour": _maybe(
                rng,
                0.05,
                rng.choice(("金华市模范职工之家", "全国先进职工书屋", "浙江省最美职工书屋")),
            ),
            "followers": rng.randrange(200, 20000) if online else None,
            "address": None
            if online
            else _maybe(rng, 0.7, f"佛堂镇{village}村{rng.randrange(1, 300)}号"),
            "contact": _maybe(rng, 0.6, rng.choice(_SURNAMES) + rng.choice(_GIVEN)),
            "phone": _maybe(rng, 0.6, _mobile(rng)),
            "notes": _maybe(rng, 0.08, "全天开放" if not online else "每周推送两次"),
        }
    )


def _service(rng: random.Random, i: int) -> dict[str, Any]:
    category = rng.choice(_CATEGORIES)
    start = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 330))
    end = start + timedelta(days=rng.randrange(0, 60))
    if end.year > 2018:
        end = date(2018, 12, 31)
    served = _maybe(rng, 0.9, rng.randrange(0, 3000))
    fund = _maybe(rng, 0.7, rng.choice(_FUNDS))
    return _clean(
        {
            "name": f"{rng.choice(_VILLAGES)}{category.split('(')[0] if category != '其他' else ''}"
            f"{rng.choice(_ACTIVITIES)}第{i + 1}期",
            "category": category,
            "category_other": "民主管理" if category == "其他" else None,
            "brand": _maybe(rng, 0.15, rng.choice(_BRANDS)),
            "start": _maybe(rng, 0.95, start.isoformat()),
            "end": _maybe(rng, 0.8, end.isoformat()),
            "sessions": rng.randrange(1, 40) if served else _maybe(rng, 0.5, rng.randrange(1, 5)),
            "served": served,
            "served_unit": None
            if served is None
            else rng.choice(("人次", "人次", "人次", "人", "户", "家")),
            "funds": _maybe(rng, 0.6, rng.randrange(1, 200) * 500),
            "fund_source": fund,
            "fund_source_other": "慈善总会" if fund == "其他" else None,
            "partners": _maybe(
                rng, 0.2, rng.choice(("团委", "妇联", "司法所", "卫生院", "人社所"))
            ),
            "notes": _maybe(rng, 0.05, "活动照片已存档"),
        }
    )


def _deliberate_warnings(cadres: list[dict], venues: list[dict], services: list[dict]) -> None:
    """A handful of rows a careful clerk would be warned about (never an error)."""
    if len(cadres) > 10:
        cadres[3]["phone"] = "8571123"  # no area code: phone format warning
        cadres[7]["since"] = "2019-03"  # after the cover's report date
        # Same name and birth month as an earlier row: a possible duplicate person.
        first = next((r for r in cadres[2:9] if "birth" in r), None)
        if first is not None:
            cadres[9].update(name=first["name"], birth=first["birth"])
            cadres[9].pop("id_number", None)  # its own number would no longer match the birth
    if len(venues) > 10:
        venues[5].update(status="已启用")
        venues[5].pop("opened", None)  # in use without an opening month
        venues[8].update(venue_type="网上阵地(公众号等)", area=50)  # online venue with an area
    if len(services) > 10:
        services[4].update(start="2017-12-20", end="2018-01-10")  # starts before the period
        services[6].update(served=120, served_unit="人次")
        services[6].pop("sessions", None)  # served but no sessions


def large_document(
    cadres: int = 300, venues: int = 500, services: int = 1200, seed: int = 1
) -> dict[str, Any]:
    """The demo report with `cadres` + `venues` + `services` generated roster rows."""
    rng = random.Random(seed)
    doc = copy.deepcopy(demo.document())
    forms = doc["forms"]
    used: set[str] = set()
    cadre_rows = [_cadre(rng, i, used) for i in range(cadres)]
    venue_rows = [_venue(rng, i) for i in range(venues)]
    service_rows = [_service(rng, i) for i in range(services)]
    _deliberate_warnings(cadre_rows, venue_rows, service_rows)
    forms["cadres"]["rows"] = cadre_rows
    forms["venues"]["rows"] = venue_rows
    forms["services"]["rows"] = service_rows
    if cadre_rows:
        forms["cover"]["head_name"] = cadre_rows[0]["name"]
        forms["cover"]["filler_name"] = cadre_rows[min(5, len(cadre_rows) - 1)]["name"]
    support = forms["support"]
    support["full_time_staff"] = sum(r["appointment"] == "专职" for r in cadre_rows)
    support["part_time_staff"] = sum(r["appointment"] == "兼职" for r in cadre_rows)
    support["allowance_people"] = support["part_time_staff"]
    return doc


# -- random edits (for checking that a re-check after one edit equals a full check) ----------
_ODD_VALUES: dict[str, list[Any]] = {
    "int": [0, 1, 7, 10**9],
    "money": [Decimal("0.00"), Decimal("12.50"), Decimal("99999999.99")],
    "area": [Decimal("0.0"), Decimal("35.5"), Decimal("120000.0")],
    "date": [date(2017, 12, 31), date(2018, 6, 1), date(2019, 1, 1), date(2018, 1, 1)],
    "yearmonth": [YearMonth(1935, 4), YearMonth(2001, 2), YearMonth(2019, 3), YearMonth(1985, 6)],
    "bool": [True, False],
    "phone": ["8571123", "0579-85711234", "13912345678", "123"],
    "idnumber": [
        "330782198506150021",
        "330782198506150022",
        "330782********002X",
        "33078219850615002",
    ],
    "creditcode": ["81330782MC0417032X", "91350100M000100Y43", "81330782MC0417032Y"],
    "divisioncode": ["330782101000", "33078210100"],
}


def _candidates(field: FieldDef, seen: list[Any]) -> list[Any]:
    name = field.type.name
    out: list[Any] = [None, *seen]
    if name in ("text", "longtext"):
        out += ["某某", "x" * ((field.type.max_length or 30) + 1)]
    elif name == "choice":
        out += list(field.choices)
    else:
        out += _ODD_VALUES.get(name, [])
    return out


def random_edit(rng: random.Random, data: ReportData, forms: FormSet) -> Change:
    """Change one cell of `data` in place (typed value, possibly blank or odd); say which."""
    form = rng.choice([f for f in forms if f.key in data.single or data.rows.get(f.key)])
    rows = data.rows.get(form.key) or []
    in_row = bool(rows) and (not form.record_fields or rng.random() < 0.85)
    fields = [f for f in (form.fields if in_row else form.record_fields) if not f.type.computed]
    field = rng.choice(fields)
    if in_row:
        row = rng.choice(rows)
        sample = rng.sample(rows, min(5, len(rows)))
        seen = [r.values[field.key] for r in sample if field.key in r.values]
        target, uuid = row.values, row.uuid
    else:
        target, uuid = data.values(form.key), None
        seen = [target[field.key]] if field.key in target else []
    value = rng.choice(_candidates(field, seen))
    if field.has_other and rng.random() < 0.2:
        value = OTHER
    if value is None:
        target.pop(field.key, None)
    else:
        target[field.key] = value
    return Change(form.key, field.key, uuid)


if __name__ == "__main__":
    import json
    import sys

    json.dump(large_document(), sys.stdout, ensure_ascii=False, indent=2)
