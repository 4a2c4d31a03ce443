"""Report content: values with their audit trail, roster rows and positions, bulk replace."""

from __future__ import annotations

import json
import time
import uuid

import pytest
from sqlalchemy.exc import IntegrityError

from unionclerk.domain.records import ReportInfo, StoredData
from unionclerk.storage import Database
from unionclerk.storage.content import _bulk_insert_sql
from unionclerk.storage.tables import roster_rows, units

FORM, ROSTER = "基本情况", "干部"


def _positions(db: Database, report_id: int, form: str = ROSTER) -> list[int]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT position FROM roster_rows WHERE report_id = ? AND form = ? ORDER BY position",
            (report_id, form),
        )
        return [r[0] for r in rows]


def _uuids(db: Database, report_id: int) -> list[str]:
    with db.read() as tx:
        return [u for u, _ in tx.load_data(report_id).rows.get(ROSTER, [])]


def test_set_value_returns_old_and_audits_changes(db: Database, report: ReportInfo) -> None:
    with db.transaction() as tx:
        assert tx.set_value(report.id, FORM, "会员人数", 120) is None
        assert tx.set_value(report.id, FORM, "会员人数", 120) == 120  # unchanged: no entry
        assert tx.set_value(report.id, FORM, "会员人数", 120.0) == 120  # a different value
        assert tx.set_value(report.id, FORM, "单位名称", "西湖街道") is None
        assert tx.set_value(report.id, FORM, "会员人数", None) == 120.0
        data = tx.load_data(report.id)
        entries = tx.audit(report.id)
    assert data.single == {FORM: {"单位名称": "西湖街道"}}
    changes = [(e.field, e.old, e.new) for e in entries if e.field]
    assert changes == [
        ("会员人数", 120.0, None),
        ("单位名称", None, "西湖街道"),
        ("会员人数", 120, 120.0),
        ("会员人数", None, 120),
    ]
    assert all(e.form == FORM and e.at.tzinfo is not None for e in entries if e.field)


def test_values_keep_their_json_types(db: Database, report: ReportInfo) -> None:
    values = {"a": True, "b": 0, "c": 1.5, "d": "2018-09", "e": "中文「引号」"}
    with db.transaction() as tx:
        for field, value in values.items():
            tx.set_value(report.id, FORM, field, value)
    with db.read() as tx:
        loaded = tx.load_data(report.id).single[FORM]
    assert loaded == values and type(loaded["a"]) is bool and type(loaded["b"]) is int


def test_set_value_bumps_updated_at(db: Database, report: ReportInfo) -> None:
    time.sleep(0.002)
    with db.transaction() as tx:
        tx.set_value(report.id, FORM, "会员人数", 1)
        assert tx.get_report_by_id(report.id).updated_at > report.updated_at


def test_roster_values_are_edited_in_place(db: Database, report: ReportInfo) -> None:
    with db.transaction() as tx:
        tx.insert_row(report.id, ROSTER, 0, "u-1", {"姓名": "张三", "职务": None})
        assert tx.set_value(report.id, ROSTER, "职务", "主席", row_uuid="u-1") is None
        assert tx.set_value(report.id, ROSTER, "姓名", None, row_uuid="u-1") == "张三"
        assert tx.load_data(report.id).rows == {ROSTER: [("u-1", {"职务": "主席"})]}
        entry = tx.audit(report.id, limit=1)[0]
        assert (entry.row_uuid, entry.field, entry.old, entry.new) == ("u-1", "姓名", "张三", None)
        with pytest.raises(LookupError):
            tx.set_value(report.id, ROSTER, "姓名", "李四", row_uuid="missing")
        with pytest.raises(LookupError):
            tx.set_value(report.id, "其他表", "姓名", "李四", row_uuid="u-1")


def test_rows_insert_delete_move_keep_positions_contiguous(
    db: Database, report: ReportInfo
) -> None:
    rid = report.id
    with db.transaction() as tx:
        for n, name in enumerate("ABCDE"):
            tx.insert_row(rid, ROSTER, n, name, {"姓名": name})
        tx.insert_row(rid, "场所", 0, "other-form", {"名称": "活动室"})
        tx.insert_row(rid, ROSTER, 2, "X", {"姓名": "X"})  # in the middle
        tx.insert_row(rid, ROSTER, 99, "Z", {"姓名": "Z"})  # past the end: appended
    assert _uuids(db, rid) == ["A", "B", "X", "C", "D", "E", "Z"]

    with db.transaction() as tx:
        assert tx.delete_row(rid, "C") == {"姓名": "C"}
        tx.delete_row(rid, "A")
    assert _uuids(db, rid) == ["B", "X", "D", "E", "Z"]

    with db.transaction() as tx:
        tx.move_row(rid, "B", 3)  # down
    assert _uuids(db, rid) == ["X", "D", "E", "B", "Z"]
    with db.transaction() as tx:
        tx.move_row(rid, "Z", 0)  # up
        tx.move_row(rid, "D", 99)  # clamped to the end
    assert _uuids(db, rid) == ["Z", "X", "E", "B", "D"]

    assert _positions(db, rid) == [0, 1, 2, 3, 4]
    assert _positions(db, rid, "场所") == [0]
    with db.read() as tx:
        notes = [e.note for e in tx.audit(rid, limit=3)]
        deleted = [e for e in tx.audit(rid) if e.note == "row deleted"]
    assert notes == ["row moved", "row moved", "row moved"]
    assert {e.row_uuid: e.old for e in deleted} == {"A": {"姓名": "A"}, "C": {"姓名": "C"}}


def test_explanations(db: Database, report: ReportInfo) -> None:
    key = f"{ROSTER}.rows[u-1].年龄"
    with db.transaction() as tx:
        tx.set_explanation(report.id, key, "返聘人员")
        tx.set_explanation(report.id, key, "返聘人员")  # unchanged: no entry
        tx.set_explanation(report.id, "基本情况.会员人数", "合并")
        tx.set_explanation(report.id, "基本情况.会员人数", None)
        assert tx.load_data(report.id).explanations == {key: "返聘人员"}
        entries = [(e.field, e.old, e.new) for e in tx.audit(report.id) if e.field]
    assert entries == [
        ("基本情况.会员人数", "合并", None),
        ("基本情况.会员人数", None, "合并"),
        (key, None, "返聘人员"),
    ]


def _sample(n_rows: int) -> StoredData:
    return StoredData(
        single={FORM: {"会员人数": 120, "单位名称": "西湖街道", "空": None}},
        rows={
            ROSTER: [
                (str(uuid.uuid4()), {"姓名": f"会员{i}", "年龄": 20 + i % 40})
                for i in range(n_rows)
            ],
            "场所": [("place-1", {"名称": "职工之家", "面积": 80.5})],
        },
        explanations={"基本情况.会员人数": "合并后增加"},
    )


def test_replace_data_replaces_everything_with_one_audit_entry(
    db: Database, report: ReportInfo
) -> None:
    with db.transaction() as tx:
        tx.set_value(report.id, FORM, "旧字段", "旧值")
        tx.insert_row(report.id, ROSTER, 0, "old-row", {"姓名": "旧"})
        before = len(tx.audit(report.id))
        sample = _sample(3)
        tx.replace_data(report.id, sample, note="import from 西湖.xlsx")
        loaded = tx.load_data(report.id)
        entries = tx.audit(report.id)
    assert loaded.single == {FORM: {"会员人数": 120, "单位名称": "西湖街道"}}
    assert loaded.rows == sample.rows
    assert loaded.explanations == sample.explanations
    assert len(entries) == before + 1 and entries[0].note == "import from 西湖.xlsx"
    assert _positions(db, report.id) == [0, 1, 2]


def test_replace_data_stores_each_value_as_its_compact_json_text(
    db: Database, report: ReportInfo
) -> None:
    """The bulk write keeps the stored text byte for byte: compact JSON with Chinese as it
    is, a cleared value (None) left out, rows at positions 0..n-1 in their order."""
    sample = _sample(3)
    sample.rows[ROSTER][1][1]["备注"] = None
    sample.rows[ROSTER][2][1].update({"在职": True, "工资": 3500.5, "说明": 'A"B\\C\n二行'})
    with db.transaction() as tx:
        tx.replace_data(report.id, sample, note="import")
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT form, uuid, position, data FROM roster_rows WHERE report_id = ? "
            "ORDER BY form, position",
            (report.id,),
        ).fetchall()
        singles = conn.exec_driver_sql(
            "SELECT form, field, value FROM form_values WHERE report_id = ? ORDER BY field",
            (report.id,),
        ).fetchall()

    def compact(values: dict) -> str:
        kept = {k: v for k, v in values.items() if v is not None}
        return json.dumps(kept, ensure_ascii=False, separators=(",", ":"))

    expected = [
        (form, row_uuid, i, compact(values))
        for form in sorted(sample.rows)
        for i, (row_uuid, values) in enumerate(sample.rows[form])
    ]
    assert [tuple(r) for r in rows] == expected
    third = next(r.data for r in rows if r.uuid == sample.rows[ROSTER][2][0])
    assert '"说明":"A\\"B\\\\C\\n二行"' in third  # escaped as JSON, once
    assert [tuple(r) for r in singles] == [
        (FORM, "会员人数", "120"),
        (FORM, "单位名称", '"西湖街道"'),
    ]


def test_bulk_insert_refuses_a_table_whose_columns_convert_values() -> None:
    """Tuples go to the driver as they are: a column that converts its value on the way in
    (a Boolean) must not be written that way."""
    assert "roster_rows" in _bulk_insert_sql(roster_rows)
    with pytest.raises(TypeError, match="units"):
        _bulk_insert_sql(units)


def test_replace_data_is_fast(db: Database, report: ReportInfo) -> None:
    sample = _sample(2000)
    timings = []
    with db.transaction() as tx:
        for _ in range(3):  # best of three: the test measures our code, not a busy machine
            start = time.perf_counter()
            tx.replace_data(report.id, sample, note="import")
            timings.append(time.perf_counter() - start)
    assert min(timings) < 0.1
    with db.read() as tx:
        assert len(tx.load_data(report.id).rows[ROSTER]) == 2000


def test_replace_data_is_atomic(db: Database, report: ReportInfo) -> None:
    with db.transaction() as tx:
        tx.replace_data(report.id, _sample(5), note="first import")
    with db.read() as tx:
        original = tx.load_data(report.id)

    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.replace_data(report.id, _sample(50), note="second import")
        raise RuntimeError("the import failed after writing")

    broken = _sample(10)
    broken.rows[ROSTER].append(broken.rows[ROSTER][0])  # duplicate UUID: fails mid-insert
    with pytest.raises(IntegrityError), db.transaction() as tx:
        tx.replace_data(report.id, broken, note="bad import")

    with db.read() as tx:
        assert tx.load_data(report.id) == original
        assert [e.note for e in tx.audit(report.id, limit=1)] == ["first import"]
