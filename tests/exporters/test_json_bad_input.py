"""Bad JSON input (interchange.md §1, issue 2 "Bad input"): each file is refused with a message
naming what and where, and the database is unchanged; or, for rule problems such as a missing
required field, imported and reported exactly as if typed."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import demo_in_2019, dump
from unionclerk import paths
from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.services import importing, reports
from unionclerk.services.workspace import Workspace

MB10 = 10 * 1024 * 1024


@pytest.fixture
def base(ws: Workspace, tmp_path: Path) -> dict[str, Any]:
    """The demo's exported JSON, moved to 2019 so that, unchanged, it would import."""
    return demo_in_2019(ws, tmp_path / "out")


def write(tmp_path: Path, doc: Any, name: str = "报表.json") -> Path:
    file = tmp_path / name
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return file


def refused(ws: Workspace, file: Path) -> str:
    """Import `file`, expect a refusal, check nothing changed; returns the message."""
    before = dump(paths.data_dir())
    with pytest.raises(UserError) as exc:
        importing.import_file(ws, file)
    assert dump(paths.data_dir()) == before
    message = str(exc.value)
    assert file.name in message.split(": ")[0]  # the file is named first
    assert "已经存在" not in message
    return message


def test_the_unchanged_base_imports(ws, base, tmp_path: Path) -> None:
    """Control: every refusal below is caused by its own change, not by the base file."""
    del base["form_versions"]  # a missing entry means the current version
    outcome = importing.import_file(ws, write(tmp_path, base))
    assert outcome.report.period == Period(2019)
    assert [p for p in outcome.problems if p.is_error] == []


# -- not a report at all ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "空文件（0 字节），可能没有传完"),
        (b"this is not json", "不是报表文件（既不是本程序导出的工作簿，也不是 JSON 报表）"),
        (b'{\n  "format": "unionclerk.report",\n  "forms": {', "不是有效的 JSON 文件（第 3 行"),
        (b"{ this is not json", "不是有效的 JSON 文件（第 1 行第 3 列附近出错）"),
        (bytes(range(256)) * 64, "不是报表文件"),
        (b"\xff\xfe{\x00}\x00", "缺少 format 标记"),  # Notepad's UTF-16 is read as JSON
        (b'{"format": "\xff\xfe\xfd"}', "不是 UTF-8 编码的 JSON"),
        (b"PK\x03\x04" + b"\x00" * 100, "Excel 工作簿"),
        (b"[" * 100_000 + b"]" * 100_000, "嵌套层数过多"),
        (b"{}", "这不是工会报表文件（缺少 format 标记）"),
        (b"[]", "这不是工会报表文件（缺少 format 标记）"),
        (b'"unionclerk.report"', "不是报表文件"),
        (b'{"format": "something.else", "format_version": 1}', "format 为“something.else”"),
        (b'{"format": "unionclerk.summary", "format_version": 1, "units": []}', "这是汇总文件"),
    ],
    ids=[
        "empty",
        "text",
        "truncated",
        "bad-json",
        "binary",
        "utf16",
        "not-utf8",
        "zip",
        "deep",
        "empty-object",
        "array",
        "string",
        "other-format",
        "summary",
    ],
)
def test_not_a_report(ws, base, tmp_path: Path, content: bytes, expected: str) -> None:
    file = tmp_path / "来件.json"
    file.write_bytes(content)
    message = refused(ws, file)
    assert expected in message
    assert len(message) < 300


# -- a report this program cannot take ------------------------------------------------------
def _set(path: str, value: Any) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        *parents, last = path.split("/")
        target = doc
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


def _delete(path: str) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        *parents, last = path.split("/")
        target = doc
        for key in parents:
            target = target[key]
        del target[last]

    return change


CASES: list[tuple[str, Callable[[dict], None], list[str]]] = [
    ("newer-format", _set("format_version", 2), ["文件格式版本 2 比本程序（1）新", "升级"]),
    ("format-version-text", _set("format_version", "1"), ["format_version 应为整数"]),
    ("unknown-top-key", _set("comment", "hi"), ["文件含有未知的项目：comment"]),
    ("bad-period", _set("period", {"year": 2019, "part": "q3"}), ["报告期", "q3"]),
    ("period-string", _set("period", "2019"), ["period 应为"]),
    ("unknown-form", _set("forms/wages", {}), ["forms.wages", "未知的表“wages”"]),
    ("forms-not-object", _set("forms", []), ["forms: forms 应为对象"]),
    (
        "unknown-field",
        _set("forms/organisation/members_total", 5),
        ["organisation.members_total", "未知的字段“members_total”"],
    ),
    (
        "unknown-row-field",
        _set("forms/cadres/rows/2/age", 40),
        ["cadres.rows[2].age", "未知的字段“age”"],
    ),
    (
        "unknown-summary-field",
        _set("forms/cadres/summary/name", "张三"),
        ["cadres.summary.name", "未知的字段“name”"],
    ),
    ("unknown-roster-key", _set("forms/venues/summary", {}), ["venues", "summary"]),
    (
        "string-for-int",
        _set("forms/organisation/members", "24143"),
        ["organisation.members", "“会员人数”", '"24143"', "应为整数"],
    ),
    (
        "float-for-int",
        _set("forms/organisation/members", 24143.5),
        ["organisation.members", "24143.5", "不能有小数"],
    ),
    (
        "bool-for-int",
        _set("forms/organisation/members", True),
        ["organisation.members", "应为整数"],
    ),
    ("negative-count", _set("forms/rights/disputes", -3), ["rights.disputes", "不能为负数"]),
    (
        "negative-in-row",
        _set("forms/services/rows/0/sessions", -1),
        ["services.rows[0].sessions", "不能为负数"],
    ),
    ("negative-money", _set("forms/support/budget", -100), ["support.budget", "不能为负数"]),
    (
        "money-3-decimals",
        _set("forms/support/budget", "100.125"),
        ["support.budget", "最多 2 位小数"],
    ),
    ("money-not-number", _set("forms/support/budget", "十万"), ["support.budget", "不是数字"]),
    (
        "impossible-date",
        _set("forms/cover/report_date", "2018-02-30"),
        ["cover.report_date", "“报出日期”", "2018-02-30", "不存在"],
    ),
    (
        "date-format",
        _set("forms/cover/report_date", "2018/12/20"),
        ["cover.report_date", "YYYY-MM-DD"],
    ),
    (
        "impossible-row-date",
        _set("forms/services/rows/2/start", "2018-02-30"),
        ["services.rows[2].start", "不存在"],
    ),
    (
        "impossible-yearmonth",
        _set("forms/cadres/rows/4/birth", "1980-13"),
        ["cadres.rows[4].birth", "不存在"],
    ),
    (
        "choice-not-in-list",
        _set("forms/cadres/rows/1/position", "工会干事"),
        ["cadres.rows[1].position", "“工会职务”", "不在可选项中", "请选“其他”并注明"],
    ),
    (
        "choice-in-summary-form",
        _set("forms/support/lack_funds", "基本解决"),
        ["support.lack_funds", "不在可选项中"],
    ),
    (
        "bool-as-string",
        _set("forms/cadres/rows/0/frontline", "true"),
        ["cadres.rows[0].frontline", "应为 true 或 false"],
    ),
    (
        "bool-as-chinese",
        _set("forms/support/has_office", "是"),
        ["support.has_office", "应为 true 或 false"],
    ),
    ("number-for-text", _set("forms/cover/union_name", 123), ["cover.union_name", "应为文本"]),
    (
        "object-for-value",
        _set("forms/organisation/members", {"value": 1}),
        ["organisation.members", "应为整数"],
    ),
    ("form-not-object", _set("forms/organisation", [1, 2]), ["organisation", "应为对象"]),
    ("rows-not-list", _set("forms/cadres/rows", {"0": {}}), ["cadres.rows", "rows 应为数组"]),
    ("row-not-object", _set("forms/cadres/rows/3", "张三"), ["cadres.rows[3]", "应为对象"]),
    (
        "row-is-list",
        _set("forms/venues/rows/0", ["镇党群服务中心"]),
        ["venues.rows[0]", "应为对象"],
    ),
    ("roster-not-object", _set("forms/services", []), ["services", "名单表应为"]),
    (
        "explanation-missing-row",
        _set("explanations/venues.rows[6].area", "说明"),
        ["explanations.venues.rows[6].area", "不存在的第 7 行"],
    ),
    (
        "explanation-unknown-form",
        _set("explanations/wages.total", "说明"),
        ["explanations", "wages.total", "无法识别"],
    ),
    (
        "explanation-unknown-field",
        _set("explanations/organisation.total", "说明"),
        ["explanations.organisation.total", "未知的字段“total”"],
    ),
    (
        "explanation-not-text",
        _set("explanations/organisation.star_3", 40),
        ["organisation.star_3", "无法识别"],
    ),
    (
        "explanation-huge-row-index",
        _set("explanations/cadres.rows[" + "9" * 5000 + "].name", "x"),
        ["explanations", "无法识别"],
    ),
    ("explanations-not-object", _set("explanations", ["说明"]), ["explanations 应为对象"]),
    (
        "form-version-newer",
        _set("form_versions/cadres", 2),
        ["form_versions.cadres", "“表二 工会干部队伍情况”的版本 2 比本程序的版本 1 新"],
    ),
    (
        "form-version-unknown-form",
        _set("form_versions/wages", 1),
        ["form_versions.wages", "未知的表“wages”"],
    ),
    ("form-version-zero", _set("form_versions/cover", 0), ["form_versions.cover", "正整数"]),
    (
        "no-division-code",
        _delete("forms/cover/division_code"),
        ["forms.cover.division_code", "行政区划代码"],
    ),
    (
        "bad-division-code",
        _set("forms/cover/division_code", "33078210100"),
        ["forms.cover.division_code", "12位数字"],
    ),
    ("no-union-name", _delete("forms/cover/union_name"), ["forms.cover.union_name", "工会名称"]),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refused_naming_form_field_and_row(
    ws, base, tmp_path: Path, change: Callable[[dict], None], expected: list[str]
) -> None:
    doc = copy.deepcopy(base)
    change(doc)
    message = refused(ws, write(tmp_path, doc))
    for part in expected:
        assert part in message
    assert len(message) < 400


# -- huge values: refused fast, and the message stays short ---------------------------------
@pytest.mark.parametrize(
    ("change", "where"),
    [
        (_set("forms/cadres/rows/6/notes", "长" * MB10), "cadres.rows[6].notes"),
        (_set("forms/cover/union_name", "x" * MB10), "cover.union_name"),
        (_set("forms/organisation/notes", " " + "说" * MB10), "organisation.notes"),
        (_set("explanations/organisation.star_3", "因" * MB10), "explanations.organisation.star_3"),
        (_set("forms/cadres/rows/0/id_number", "3" * MB10), "cadres.rows[0].id_number"),
        (_set("forms/cover/union_type", "乡" * MB10), "cover.union_type"),
    ],
    ids=["row-text", "cover-text", "long-text", "explanation", "id-number", "choice"],
)
def test_a_10_mb_string_is_refused_fast(
    ws, base, tmp_path: Path, change: Callable[[dict], None], where: str
) -> None:
    doc = copy.deepcopy(base)
    change(doc)
    file = write(tmp_path, doc)
    assert file.stat().st_size > MB10
    start = time.perf_counter()
    message = refused(ws, file)
    assert time.perf_counter() - start < 5
    assert where in message
    assert len(message) < 400  # the value is not echoed back in full


def test_a_10_mb_unknown_key_is_not_echoed(ws, base, tmp_path: Path) -> None:
    for change in (
        _set("forms/organisation/" + "k" * MB10, 1),
        _set("k" * MB10, 1),
        _set("forms/" + "f" * MB10, {}),
        _set("forms/cadres/rows/0/" + "k" * MB10, 1),
    ):
        doc = copy.deepcopy(base)
        change(doc)
        message = refused(ws, write(tmp_path, doc))
        assert "kkkk" in message or "ffff" in message
        assert len(message) < 400


# -- imported as typed: a report with errors is still a report ------------------------------
def test_rows_without_required_fields_are_imported_and_reported(
    ws, base, tmp_path: Path, cli
) -> None:
    del base["forms"]["cadres"]["rows"][3]["name"]
    base["forms"]["cadres"]["rows"][5]["gender"] = None
    base["forms"]["venues"]["rows"].append({})
    del base["forms"]["organisation"]["members"]
    outcome = importing.import_file(ws, write(tmp_path, base))
    required = {(p.form, p.field, p.row_index) for p in outcome.problems if p.rule == "required"}
    assert required == {
        ("cadres", "name", 3),
        ("cadres", "gender", 5),
        ("organisation", "members", None),
        ("venues", "name", 6),
        ("venues", "venue_type", 6),
        ("venues", "status", 6),
    }
    assert all(
        p.is_error and "必须填写" in p.message for p in outcome.problems if p.rule == "required"
    )
    data = reports.load(ws, outcome.report)
    assert len(data.rows["cadres"]) == 25 and "name" not in data.rows["cadres"][3].values
    assert len(data.rows["venues"]) == 7 and data.rows["venues"][6].values == {}

    code, out, _ = cli(paths.data_dir(), "check", period=2019)
    assert code == 1
    assert "[错误] 第 4 行 “姓名”必须填写" in out
    assert "[错误] 第 6 行 “性别”必须填写" in out
    assert "[错误] 第 7 行 “阵地名称”必须填写" in out


def test_rule_errors_are_imported_and_reported(ws, base, tmp_path: Path) -> None:
    base["forms"]["organisation"]["single_unions"] = 500  # a part larger than its total
    outcome = importing.import_file(ws, write(tmp_path, base))
    assert [p.field for p in outcome.problems if p.is_error and p.form == "organisation"]
    assert reports.load(ws, outcome.report).single["organisation"]["single_unions"] == 500


def test_refusal_through_the_command_line_changes_nothing(base, tmp_path: Path, cli) -> None:
    base["forms"]["services"]["rows"][4]["served"] = 12.5
    file = write(tmp_path, base, "佛堂镇.json")
    before = dump(paths.data_dir())
    code, out, err = cli(paths.data_dir(), "import", file)
    assert code == 2
    assert dump(paths.data_dir()) == before
    assert out == ""  # and no traceback (the fixture)
    assert err.startswith("未导入：佛堂镇.json: services.rows[4].served:")
