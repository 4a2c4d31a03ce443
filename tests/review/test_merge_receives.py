"""Every report merged into the county summary is received for review (issue 16, item 1).

`unionclerk merge` of a township's export lists it in `review list` with the short hash
`inspect` prints; the same file merged twice is one submission; a newer export merged after a
return is the resubmission, with its changes and replies; JSON reports are kept as `review
receive` keeps them. Reports that are no submission of their own (inside another summary,
edited after export, older than the one received) are not recorded. The property test plays
any order of merges of a unit's exports, repeats included.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionclerk import paths
from unionclerk.domain.period import Period
from unionclerk.domain.records import RECEIVED as RECEIVED_SOURCE
from unionclerk.domain.review import RECEIVED, SENT, STATE_REPORTED, STATE_RESUBMITTED
from unionclerk.services import county as county_merge
from unionclerk.services import review, review_merge, review_township
from unionclerk.services.county.results import Candidate
from unionclerk.services.workspace import Workspace, database

CODE, PERIOD = "330782101000", Period(2018)


def _submissions(ws: Workspace, code: str = CODE) -> list:
    with database(ws).read() as tx:
        report = tx.get_report(code, PERIOD)
        return tx.list_submissions(report.id, direction=RECEIVED) if report else []


def _merge(ws: Workspace, files: list[Path], out: Path, **options) -> county_merge.Outcome:
    out.mkdir(parents=True, exist_ok=True)
    _session, _plan, outcome = county_merge.merge_files(
        ws, files, PERIOD, out, county_merge.Options(**options), workers=1
    )
    assert outcome is not None
    return outcome


def test_a_merge_on_the_command_line_lists_the_report_for_review(tmp_path, cli, review) -> None:
    from unionclerk.services.review import unit_state  # `review` here is the clerk's command

    town, county = tmp_path / "town", tmp_path / "county"
    assert cli(town, "demo").code == 0
    assert cli(town, "export", period=2018, out=tmp_path / "v1").code == 0
    (sent,) = (tmp_path / "v1").glob("*.xlsx")
    done = cli(town, "inspect", sent)
    short = re.search(r"校验码：([0-9A-F]{8})", done.text).group(1)
    assert cli(town, "export", period=2018, format="json", out=tmp_path / "j").code == 0
    (as_json,) = (tmp_path / "j").glob("*.json")
    done = cli(town, "inspect", as_json)  # a JSON report shows it too (same content, same hash)
    assert done.code == 0 and re.findall(r"校验码：([0-9A-F]{8})", done.text) == [short]

    done = cli(county, "merge", sent, period=2018, out=tmp_path / "s1")
    assert done.code == 0, done.text
    assert f"其中 1 份报表已接收供审核（{CODE}）" in done.text  # the merge says so itself
    done = review(county, "list", period=2018)
    assert done.code == 0 and f"{CODE} 佛堂镇总工会：已报，校验码 {short}" in done.text
    done = review(county, "find", f"UNIONCLERK|{CODE}|2018|{short}")  # the paper's QR text
    assert done.code == 0 and sent.name in done.text  # found from it, no second step
    done = review(
        county,
        "comment",
        unit=CODE,
        period=2018,
        target="organisation.members",
        text="会员人数请核实",
        by="李审",
    )
    assert done.code == 0, done.text
    done = cli(county, "return", unit=CODE, period=2018, out=tmp_path, reason="请核实")
    assert done.code == 0 and len(list(tmp_path.glob("*_退回通知.json"))) == 1

    # merging the same file again (and with it, `review receive` of it) adds no submission
    done = cli(county, "merge", sent, period=2018, out=tmp_path / "s2")
    assert done.code == 0 and "已接收供审核" not in done.text  # nothing new to say
    assert review(county, "receive", sent).code == 0
    with Workspace.open(county) as ws:
        assert len(_submissions(ws)) == 1
        assert unit_state(ws, CODE, PERIOD) == "退回修改中"
    paths.set_data_dir(None)


def test_a_newer_export_merged_is_the_resubmission(
    township, county, export, edit, tmp_path
) -> None:
    first = export(township, tmp_path / "v1")
    outcome = _merge(county, [first], tmp_path / "s1")
    assert outcome.received == [CODE]
    (sub,) = _submissions(county)
    with database(township).read() as tx:  # the township's record of the export it made
        (made,) = tx.list_submissions(township.find_report(PERIOD).id, direction=SENT)
    assert (sub.export_id, sub.payload_sha256) == (made.export_id, made.payload_sha256)
    assert sub.file == first.name
    assert review.document(county, sub)["forms"]["organisation"]["members"] == 24143
    review.add_comment(county, CODE, PERIOD, "organisation.members", "请核实", "李审")
    review.write_return(county, CODE, PERIOD, tmp_path, "李审", "请核实")

    edit(township, "organisation", "members", 24000)
    second = export(township, tmp_path / "v2")
    outcome = _merge(county, [second, first], tmp_path / "s2")  # the old file beside the new
    assert outcome.received == [CODE]
    assert [s.file for s in _submissions(county)] == [first.name, second.name]
    assert review.unit_state(county, CODE, PERIOD) == STATE_RESUBMITTED
    old, new, diff = review.diff_latest(county, CODE, PERIOD)
    assert (old.file, new.file) == (first.name, second.name)
    assert [c.target for c in diff.changes] == ["organisation.members"]


def test_replies_in_a_merged_resubmission_reach_the_comments(
    township, county, export, tmp_path
) -> None:
    _merge(county, [export(township, tmp_path / "v1")], tmp_path / "s1")
    review.add_comment(county, CODE, PERIOD, "cadres", "干部名单缺少经审会主任", "李审")
    (back,) = [
        f
        for f in review.write_return(county, CODE, PERIOD, tmp_path, "李审", "请补")
        if f.suffix == ".json"
    ]
    review_township.import_return(township, back)
    (comment,) = review_township.comments(township, township.find_report(PERIOD))
    review_township.reply(township, comment.uid, "已补录经审会主任王五")
    again = export(township, tmp_path / "v2", ("json",))  # a JSON report this time
    assert _merge(county, [again], tmp_path / "s2").received == [CODE]
    (comment,) = review.comments(county, CODE, PERIOD)
    assert comment.reply == "已补录经审会主任王五"
    latest = _submissions(county)[-1]
    assert latest.export_id == "" and review.document(county, latest)["review"]["replies"]
    assert review.receive(county, again).again  # the same JSON, as `review receive` sees it


def test_reports_that_are_no_submission_of_their_own_are_not_recorded(
    township, county, export, tmp_path
) -> None:
    from openpyxl import load_workbook

    sent = export(township, tmp_path / "v1")
    edited = tmp_path / "edited" / sent.name
    edited.parent.mkdir()
    book = load_workbook(sent)
    sheet = book[book.sheetnames[1]]
    cell = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, int))
    cell.value += 1
    book.save(edited)
    outcome = _merge(county, [edited], tmp_path / "s1", use_edited=True)
    assert outcome.stored == [CODE] and outcome.received == []  # merged, not for review
    assert _submissions(county) == [] and review.overview(county, PERIOD) == []

    # a report inside a township's own summary (a summary merged into a summary)
    summary = next(f for f in _merge(county, [sent], tmp_path / "s2").files if f.suffix == ".json")
    higher = Workspace.open(tmp_path / "city")
    try:
        assert _merge(higher, [summary], tmp_path / "s3").received == []
        assert review.overview(higher, PERIOD) == []
    finally:
        higher.close()
        paths.set_data_dir(township.data_dir)


def _candidate(spill: Path, code: str, n: int, at: datetime) -> Candidate:
    spill.write_text(json.dumps({"forms": {}, "n": n}), encoding="utf-8")
    return Candidate(
        ident=f"f{n}",
        file=f"v{n}.xlsx",
        division_code=code,
        union_name="佛堂镇总工会",
        period=PERIOD,
        spill=str(spill),
        content_sha=f"{n:064x}",
        export_id=f"export-{n}",
        exported_at=at.isoformat(),
        integrity="intact",
        payload_sha256=f"{n:02x}" * 32,
    )


_UNITS = itertools.count()
EXPORTS = st.lists(st.integers(0, 4), min_size=1, max_size=8)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=EXPORTS, zones=st.lists(st.sampled_from([0, 8, -5]), min_size=5, max_size=5))
def test_any_order_of_merges_keeps_each_export_once_newest_last(
    county, tmp_path, order, zones
) -> None:
    """Exports 0..4 made one hour apart (written in different time zones), merged in any
    order, repeats included: each export is recorded at most once, never an older one after
    a newer, and the newest merged so far is the latest submission."""
    code = f"3307821{next(_UNITS):05d}"  # a unit of its own for each example
    with database(county).transaction() as tx:
        tx.upsert_unit(code, "佛堂镇总工会")
        tx.create_report(code, PERIOD, source=RECEIVED_SOURCE)
    start = datetime(2018, 12, 20, 9, tzinfo=UTC)
    seen: list[int] = []
    for step, n in enumerate(order):
        at = (start + timedelta(hours=n)).astimezone(timezone(timedelta(hours=zones[n])))
        spill = tmp_path / f"{code}-{step}.json"
        review_merge.record_merged(county, PERIOD, [_candidate(spill, code, n, at)])
        seen.append(n)
    recorded = [int(s.export_id.split("-")[1]) for s in _submissions(county, code)]
    assert len(recorded) == len(set(recorded))
    assert recorded == sorted(recorded) and recorded[-1] == max(seen)
    assert recorded[0] == seen[0]
    assert review.unit_state(county, code, PERIOD) == STATE_REPORTED
