"""Roster knowledge lives in forms/*.yaml: a header synonym, the county key figures and a new
roster form are each a change to one YAML file (docs/forms-yaml.md, "One file to touch"), and
the text folds are defined once (formspec/text.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from unionclerk import paths
from unionclerk.domain.errors import FormDefinitionError
from unionclerk.domain.period import Period
from unionclerk.exporters.summary.sheets import key_figures
from unionclerk.exporters.xlsx.report import write_template
from unionclerk.formspec import load_forms
from unionclerk.formspec.headers import guess_header_row, match_columns, match_header
from unionclerk.formspec.keyfigures import combine, unit_figures
from unionclerk.formspec.rollup import Rollup
from unionclerk.formspec.text import fold, header_fold
from unionclerk.services import roster_import as ri


def copied_forms(tmp_path: Path) -> Path:
    folder = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), folder)
    return folder


def edit(folder: Path, form: str, change) -> None:
    """Change one form's YAML (read, changed, written back: the one file touched)."""
    path = folder / f"{form}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")


def field_of(doc: dict, key: str) -> dict:
    return next(f for f in doc["fields"] if f["key"] == key)


def test_a_synonym_added_to_the_yaml_is_matched_by_import_and_template_reader(tmp_path, forms):
    header = ["序号", "姓名", "手提", "性别"]
    assert match_header(forms["cadres"], header) == [None, "name", None, "gender"]
    folder = copied_forms(tmp_path)
    edit(folder, "cadres", lambda d: field_of(d, "phone")["synonyms"].append("手提"))
    cadres = load_forms(folder)["cadres"]
    assert match_header(cadres, header) == [None, "name", "phone", "gender"]  # roster import
    match = match_columns(cadres, header)  # the template / workbook reader
    assert {c: f.key for c, f in match.columns.items()} == {2: "name", 3: "phone", 4: "gender"}
    assert match.unmatched == []
    source = ri.Source(
        tmp_path / "x.xlsx", {"表": [["干部名单"], header, ["1", "张三", "138", "男"]]}
    )
    matching = ri.guess(cadres, source)
    assert matching.header == 1 and matching.columns[2] == "phone"


def test_synonyms_of_both_old_lists_are_kept(forms):
    """The union of the two lists the matcher replaces: 本职工作 and 身份号码 came from the
    workbook reader's list, 任职形式 and 党派 from the import's."""
    cadres = forms["cadres"]
    assert match_header(cadres, ["本职工作", "身份号码", "任职形式", "党派"]) == [
        "home_post",
        "id_number",
        "appointment",
        "political",
    ]
    venues = forms["venues"]
    assert match_header(venues, ["详细地址", "站点名称", "电话号码"]) == [
        "address",
        "name",
        "phone",
    ]
    assert guess_header_row(venues, [["阵地一览"], ["站点名称", "类型", "面积"]]) == 1


def test_key_figures_follow_the_yaml(tmp_path, forms):
    report = {
        "organisation": {"members": 90, "employees": 100, "grassroots_unions": 3},
        "cadres": {"rows": [{"name": "甲"}, {"name": "乙"}]},
        "venues": {"rows": []},
    }
    shown = combine(forms, [unit_figures(forms, report)])
    assert shown.texts() == ["会员 90 人", "职工 100 人", "入会率 90.0%"]
    assert shown.rows_text() == "干部 2 人，阵地 0 个，服务项目 0 个"
    folder = copied_forms(tmp_path)

    def change(doc: dict) -> None:
        doc["key_figures"] = ["members"]
        doc["county_figures"] = [{"field": "grassroots_unions", "label": "基层工会 {n} 个"}]

    edit(folder, "organisation", change)
    edit(folder, "venues", lambda d: d.pop("count_label"))
    changed = load_forms(folder)
    shown = combine(changed, [unit_figures(changed, report)])
    assert shown.texts() == ["基层工会 3 个"]
    assert shown.rows_text() == "干部 2 人，服务项目 0 个"
    rollup = Rollup(changed, Period(2018))
    rollup.add("330782101000", "甲", report)
    labels = [label for label, *_ in key_figures(changed, rollup)]
    assert labels[0] == "会员人数" and "职工人数" not in labels


def test_a_new_roster_form_is_one_file(tmp_path):
    folder = copied_forms(tmp_path)
    doc = yaml.safe_load((folder / "services.yaml").read_text(encoding="utf-8"))
    doc.update(
        form="trainings",
        order=7,
        table_no=None,
        title="职工培训情况",
        title_en="Trainings",
        count_label="培训 {n} 期",
        count_label_en="{n} trainings",
        carry_over=True,
    )
    doc["chart"]["title"] = "培训：按类别"
    doc["rules"] = []
    (folder / "trainings.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    forms = load_forms(folder)
    form = forms["trainings"]
    assert form.is_roster and form.carry_over and form.row_key == ["name", "start"]
    assert match_header(form, ["项目名称", "类型", "人数"]) == ["name", "category", "served"]
    report = {
        "trainings": {"rows": [{"name": "电工", "category": form.field("category").choices[0]}]}
    }
    shown = combine(forms, [unit_figures(forms, report)])
    assert shown.rows_text().endswith("培训 1 期")
    rollup = Rollup(forms, Period(2018))
    rollup.add("330782101000", "甲", report)
    assert rollup.totals()["trainings"]["rows"] == 1
    template = tmp_path / "t.xlsx"
    write_template(template, forms, Period(2018))  # the template a clerk fills in
    book = load_workbook(template, read_only=True)
    assert "职工培训情况" in book.sheetnames
    book.close()


@pytest.mark.parametrize(
    ("form", "change", "words"),
    [
        ("cadres", lambda d: field_of(d, "phone").update(synonyms="手机"), "synonyms must be"),
        (
            "cadres",
            lambda d: field_of(d, "phone")["synonyms"].append("职务"),
            "synonym '职务' already names field position",
        ),
        (
            "cadres",
            lambda d: field_of(d, "phone")["synonyms"].append("姓名"),
            "already names field name",
        ),
        ("organisation", lambda d: d.update(carry_over=True), "carry_over: must be true or false"),
        ("cadres", lambda d: d.update(row_key=["name", "nickname"]), "row_key: must list"),
        ("organisation", lambda d: d.update(key_figures=["members", "members"]), "key_figures"),
        ("organisation", lambda d: d.update(headline="members"), "headline: must be a rate"),
        ("organisation", lambda d: d["county_figures"][0].update(label="会员"), "must hold {n}"),
        (
            "organisation",
            lambda d: d["county_figures"][0].update(field="nothing"),
            "'nothing' is no number",
        ),
        ("venues", lambda d: d["chart"].update(field="name"), "chart: must name a choice"),
        ("venues", lambda d: d.update(count_label="阵地"), "count_label: belongs to a roster"),
        ("venues", lambda d: d.update(derived_figures=True), "derived_figures: needs the field"),
    ],
)
def test_mistakes_in_the_roles_are_named(tmp_path, form, change, words):
    folder = copied_forms(tmp_path)
    edit(folder, form, change)
    with pytest.raises(FormDefinitionError) as err:
        load_forms(folder)
    assert str(err.value).startswith(f"{form}.yaml: ") and words in str(err.value)


WIDE = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)
        | st.sampled_from("工会干部名单　\t\n"),
        max_size=20,
    )
)
def test_folds_ignore_width_case_and_spaces(text):
    once = fold(text)
    assert fold(once) == once and not any(c.isspace() for c in once)
    assert fold(text.upper().translate(WIDE)) == fold(text.lower())
    assert fold(" ".join(text)) == once
    assert header_fold(f"*{text}(必填)：") == header_fold(text)
