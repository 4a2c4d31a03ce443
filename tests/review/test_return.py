"""The return loop in the services: county receives, comments, returns; the township imports
the return (or refuses a bad one, changing nothing), sees 上级意见, replies; the replies and
the changes come back in the next export."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.domain.records import DRAFT, EXPORTED
from unionclerk.domain.review import (
    STATE_PASSED,
    STATE_REPORTED,
    STATE_RESUBMITTED,
    STATE_RETURNED,
)
from unionclerk.exporters import return_file
from unionclerk.services import reports, review, review_township
from unionclerk.services.workspace import Workspace, database

CODE, PERIOD = "330782101000", Period(2018)
TARGETS = {
    "organisation.members": "会员人数与上年相差太大，请核实",
    "venues.rows[1].area": "面积请补填",
    "cadres": "干部名单缺少经审会主任",
}


def state_of(county: Workspace) -> str | None:
    """The unit's review state, asked alone and with every unit at once (the county screen's way)."""
    alone = review.unit_state(county, CODE, PERIOD)
    assert review.unit_states(county, PERIOD) == ({CODE: alone} if alone else {})
    return alone


@pytest.fixture
def returned(tmp_path: Path, township: Workspace, county: Workspace, export) -> Path:
    """Township exported; county received it, commented three places, returned it."""
    sent = export(township, tmp_path / "out1")
    got = review.receive(county, sent)
    assert not got.again and state_of(county) == STATE_REPORTED
    for target, text in TARGETS.items():
        review.add_comment(county, CODE, PERIOD, target, text, "李审")
    back = tmp_path / "back"
    back.mkdir()
    files = review.write_return(county, CODE, PERIOD, back, "李审", "三处需核实")
    assert [f.suffix for f in files] == [".json", ".pdf"]
    assert state_of(county) == STATE_RETURNED
    return files[0]


def test_the_return_file_names_the_submission_and_each_comment(
    returned: Path, county, township
) -> None:
    whole = json.loads(returned.read_text(encoding="utf-8"))
    assert whole["format"] == "unionclerk.return" and whole["manifest"]["payload_sha256"]
    answers = whole["payload"]["answers"]
    (sub,) = [s for _, s in review.find(county, answers["export_id"])]
    assert (answers["division_code"], answers["payload_sha256"]) == (CODE, sub.payload_sha256)
    assert [c["target"] for c in whole["payload"]["comments"]] == list(TARGETS)
    venue = whole["payload"]["comments"][1]
    name = reports.load(township, township.find_report(PERIOD)).rows["venues"][1].values["name"]
    # the venue's name travels with the comment, to find the row wherever it moved
    assert venue["row"] == {"index": 1, "key": {"name": name}}
    assert venue["value"] is None and whole["payload"]["comments"][0]["value"] == 24143


def test_importing_the_return_reopens_with_the_reason_and_keeps_the_comments(
    returned: Path, township: Workspace
) -> None:
    report = township.find_report(PERIOD)
    with database(township).transaction() as tx:  # the clerk had completed and exported
        tx.set_status(report.id, EXPORTED)
        venues = tx.load_data(report.id).rows["venues"]
        tx.move_row(report.id, venues[1][0], 0)  # and moved the commented venue to the top
    out = review_township.import_return(township, returned)
    assert out.report.status == DRAFT and out.comments == 3
    with database(township).read() as tx:
        notes = [e.note for e in tx.audit(report.id, limit=5)]
        comments = tx.list_comments(report.id)
    assert any("县级退回修改" in (n or "") and "三处需核实" in n for n in notes)
    assert [c.target for c in comments] == list(TARGETS)
    assert comments[1].row_uuid == venues[1][0]  # found by key, not by its old place
    data = reports.load(township, out.report)
    problems = review_township.comment_problems(township, out.report, data)
    assert [(p.form, p.field, p.row_index) for p in problems] == [
        ("organisation", "members", None),
        ("venues", "area", 0),
        ("cadres", "", None),
    ]
    assert all(p.message.startswith("上级意见：") for p in problems)


def test_a_comment_stops_being_a_problem_once_answered_or_changed(
    returned: Path, township: Workspace, edit
) -> None:
    review_township.import_return(township, returned)
    report = township.find_report(PERIOD)
    edit(township, "organisation", "members", 24000)
    cadres = next(c for c in review_township.comments(township, report) if c.form == "cadres")
    review_township.reply(township, cadres.uid, "已补录经审会主任")
    data = reports.load(township, report)
    states = [
        review_township.state(township, c, data) for c in review_township.comments(township, report)
    ]
    assert states == [review_township.CHANGED, review_township.OPEN, review_township.ANSWERED]
    left = review_township.comment_problems(township, report, data)
    assert [p.target for p in left] == ["venues.rows[1].area"]


def test_replies_and_changes_come_back_and_the_county_passes_it(
    tmp_path: Path, returned: Path, township: Workspace, county: Workspace, export, edit
) -> None:
    review_township.import_return(township, returned)
    report = township.find_report(PERIOD)
    edit(township, "organisation", "members", 24000)
    edit(township, "venues", "area", Decimal("1200.5"), row=1)
    for c in review_township.comments(township, report):
        review_township.reply(township, c.uid, f"已改：{c.target}")
    again = export(township, tmp_path / "out2", ("json",))
    assert (
        json.loads(again.read_text(encoding="utf-8"))["review"]["replies"][0]["reply"]
        == "已改：organisation.members"
    )
    got = review.receive(county, again)
    assert got.replies == 3 and state_of(county) == STATE_RESUBMITTED
    _old, _new, diff = review.diff_latest(county, CODE, PERIOD)
    assert [(c.target, c.old, c.new) for c in diff.changes] == [
        ("organisation.members", 24143, 24000),
        ("venues.rows[1].area", None, 1200.5),
    ]
    assert [c.reply for c in review.comments(county, CODE, PERIOD)] == [
        f"已改：{t}" for t in TARGETS
    ]
    review.set_verdict(county, CODE, PERIOD, "通过", "", "李审")
    assert state_of(county) == STATE_PASSED


# -- hostile or mistaken return files ------------------------------------------------------
def _rewrite(path: Path, change) -> Path:  # noqa: ANN001 - a function changing the dict
    whole = json.loads(path.read_text(encoding="utf-8"))
    change(whole)
    path.write_text(json.dumps(whole, ensure_ascii=False), encoding="utf-8")
    return path


def _resealed(path: Path, change) -> Path:  # noqa: ANN001
    """Changed AND given a matching hash: a return made for something else, not tampered."""
    import hashlib

    from unionclerk.exporters import json_report

    def both(whole: dict) -> None:
        change(whole["payload"])
        whole["manifest"]["payload_sha256"] = hashlib.sha256(
            json_report.canonical(whole["payload"])
        ).hexdigest()

    return _rewrite(path, both)


BAD = {
    "wrong unit": (
        lambda p: _resealed(
            p,
            lambda d: d["answers"].update(division_code="330782102000", union_name="赤岸镇总工会"),
        ),
        "不是本单位",
    ),
    "wrong period": (
        lambda p: _resealed(
            p, lambda d: d["answers"].update(period={"year": 2019, "part": "year"})
        ),
        "2019年度",
    ),
    "export never made": (
        lambda p: _resealed(
            p, lambda d: d["answers"].update(export_id="00000000-0000-4000-8000-000000000000")
        ),
        "从未导出过",
    ),
    "edited after writing": (
        lambda p: _rewrite(p, lambda w: w["payload"]["comments"][0].update(text="改过的意见")),
        "被改动过",
    ),
    "newer format": (lambda p: _rewrite(p, lambda w: w.update(format_version=2)), "比本程序"),
    "not json": (
        lambda p: (p.write_bytes(b'{"format": "unionclerk.return", oops'), p)[1],
        "不是有效的 JSON",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_return_is_refused_by_name_and_changes_nothing(
    case: str, returned: Path, township: Workspace
) -> None:
    spoil, words = BAD[case]
    bad = spoil(returned)
    report = township.find_report(PERIOD)
    with database(township).read() as tx:
        before = (
            report.status,
            len(tx.audit(report.id)),
            tx.list_comments(report.id),
            tx.list_verdicts(report.id),
        )
    with pytest.raises(UserError) as caught:
        review_township.import_return(township, bad)
    assert words in str(caught.value) and bad.name in str(caught.value)
    with database(township).read() as tx:
        after = (
            township.find_report(PERIOD).status,
            len(tx.audit(report.id)),
            tx.list_comments(report.id),
            tx.list_verdicts(report.id),
        )
    assert after == before


def test_the_same_return_twice_is_refused(returned: Path, township: Workspace) -> None:
    review_township.import_return(township, returned)
    with pytest.raises(UserError, match="已在 .* 导入过"):
        review_township.import_return(township, returned)
    assert len(review_township.comments(township, township.find_report(PERIOD))) == 3


def test_a_return_is_read_back_exactly(returned: Path, forms) -> None:
    doc = return_file.read(returned.read_bytes(), forms)
    again = return_file.build(doc, forms)
    assert again["payload"] == json.loads(returned.read_text(encoding="utf-8"))["payload"]


def test_a_pasted_qr_text_or_short_hash_finds_the_submission(
    returned: Path, county: Workspace
) -> None:
    ((_, sub),) = review.find(county, review.overview(county, PERIOD)[0].short)
    qr = f"UNIONCLERK|{CODE}|2018|{sub.payload_sha256}"
    assert [s.id for _, s in review.find(county, qr)] == [sub.id]
    assert [s.id for _, s in review.find(county, f"  {sub.short.lower()} ")] == [sub.id]
    assert review.find(county, f"UNIONCLERK|{CODE}|2019|{sub.payload_sha256}") == []
    assert review.find(county, "ffffffff") == []


def test_a_json_report_can_be_reviewed_and_returned_too(
    tmp_path: Path, township: Workspace, county: Workspace, export
) -> None:
    """A JSON report has no export id: the return names it by its hash."""
    sent = export(township, tmp_path / "out", ("json",))
    got = review.receive(county, sent)
    assert got.submission.export_id == ""
    review.add_comment(county, CODE, PERIOD, "rights.disputes", "请核实", "李审")
    back = tmp_path / "back"
    back.mkdir()
    returned = review.write_return(county, CODE, PERIOD, back, "李审", "请核实")[0]
    assert review_township.import_return(township, returned).comments == 1


def test_an_edited_workbook_is_not_received_for_review(
    tmp_path: Path, township: Workspace, county: Workspace, export
) -> None:
    from openpyxl import load_workbook

    sent = export(township, tmp_path / "out")
    book = load_workbook(sent)
    sheet = book.worksheets[1]
    cell = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, int))
    cell.value += 1
    book.save(sent)
    with pytest.raises(UserError, match="导出后被改动过") as caught:
        review.receive(county, sent)
    assert sent.name in str(caught.value)
    assert review.overview(county, PERIOD) == []


def test_the_report_cannot_be_completed_while_a_comment_is_open(
    returned: Path, township: Workspace
) -> None:
    from unionclerk.domain.records import COMPLETE
    from unionclerk.formspec import explanation_key

    review_township.import_return(township, returned)
    report = township.find_report(PERIOD)
    with database(township).transaction() as tx:  # every check's warning explained, as before
        for p in reports.check(township, report):
            if not p.is_error:
                tx.set_explanation(report.id, explanation_key(p), "已核实")
    with pytest.raises(UserError, match="上级意见") as caught:
        reports.complete(township, report)
    assert "3 个警告" in str(caught.value)
    for c in review_township.comments(township, report):
        review_township.reply(township, c.uid, "已核实")
    reports.complete(township, report)
    assert township.find_report(PERIOD).status == COMPLETE


def test_a_comment_on_a_masked_id_number_stays_open_until_it_changes(
    tmp_path: Path, township: Workspace, county: Workspace, export, edit
) -> None:
    sent = export(township, tmp_path / "out")
    review.receive(county, sent)
    review.add_comment(county, CODE, PERIOD, "cadres.rows[0].id_number", "号码请核实", "李审")
    (back := tmp_path / "back").mkdir()
    review_township.import_return(
        township, review.write_return(county, CODE, PERIOD, back, "李审", "")[0]
    )
    report = township.find_report(PERIOD)
    (comment,) = review_township.comments(township, report)
    assert "*" in comment.value  # the county saw it masked; the township holds it in full
    data = reports.load(township, report)
    assert review_township.state(township, comment, data) == review_township.OPEN
    edit(township, "cadres", "id_number", None, row=0)
    data = reports.load(township, report)
    assert review_township.state(township, comment, data) == review_township.CHANGED


def test_a_return_naming_one_comment_twice_keeps_it_once(
    returned: Path, township: Workspace
) -> None:
    _resealed(returned, lambda d: d["comments"].append(dict(d["comments"][0])))
    assert review_township.import_return(township, returned).comments == 4
    assert len(review_township.comments(township, township.find_report(PERIOD))) == 3
