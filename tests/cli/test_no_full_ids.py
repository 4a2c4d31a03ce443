"""No full ID number leaves the program unasked (issue 14, item 3).

Every command is run on a report whose cadres have full ID numbers — also typed into 备注 and
an explanation, a wrong one, a duplicate and one that disagrees with 性别, so that problem
messages name them — with and without `--full-ids`, and a crash is provoked with a number in
the exception. Then every file the program wrote (logs, crash report, merge spill files,
output-folder record, masked exports, summary, template) and everything it printed is
searched for the numbers. Only the database (the clerk's own data), its backups and the files
exported with `--full-ids` may hold them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from unionclerk.services import demo
from unionclerk.services.county.session import MergeSession

NAME = "330782101000_佛堂镇总工会_2018年度_工会工作报表_草稿"  # the demo report is a draft


def _doc() -> tuple[dict, list[str]]:
    doc = demo.document()
    rows = doc["forms"]["cadres"]["rows"]
    rows[0]["gender"] = "女" if rows[0]["gender"] == "男" else "男"  # message shows the ID
    rows[2]["id_number"] = rows[1]["id_number"]  # duplicate: message shows the ID
    wrong = rows[3]["id_number"][:17] + ("1" if rows[3]["id_number"][17] != "1" else "2")
    rows[3]["id_number"] = wrong  # wrong check character: error at the cell
    rows[4]["notes"] = f"身份证{rows[5]['id_number']}"
    doc["explanations"]["organisation.star_3"] = f"经办人 {rows[6]['id_number']}"
    numbers = sorted({r["id_number"] for r in rows if r.get("id_number")})
    return doc, numbers


def _text(file: Path) -> str:
    if file.suffix == ".pdf":
        return subprocess.run(
            ["pdftotext", str(file), "-"], capture_output=True, text=True, check=True
        ).stdout
    if file.suffix == ".xlsx":
        with zipfile.ZipFile(file) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return file.read_bytes().decode("utf-8", "replace")


@pytest.fixture
def spill_kept(monkeypatch, tmp_path: Path) -> Path:
    """The merge's spill folders, copied before the session removes them."""
    kept = tmp_path / "spill-kept"
    real_close = MergeSession.close

    def close(self) -> None:
        shutil.copytree(self.scratch, kept / self.scratch.name, dirs_exist_ok=True)
        real_close(self)

    monkeypatch.setattr(MergeSession, "close", close)
    return kept


def test_no_file_or_message_holds_a_full_id(cli, tmp_path, spill_kept, monkeypatch) -> None:
    doc, numbers = _doc()
    town, county = tmp_path / "town", tmp_path / "county"
    masked, full, summary = tmp_path / "masked", tmp_path / "full", tmp_path / "summary"
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    printed: list[str] = []

    def run(folder: Path, *args: object, **options: object) -> int:
        """The command's exit code; what it printed is kept in `printed`."""
        done = cli(folder, *args, **options)
        printed.append(done.text)
        return done.code

    assert run(tmp_path / "demo", "demo") == 0  # the demo's own cadres, in full in its database
    assert run(tmp_path / "demo", "check", "--period", "2018") == 0
    assert run(town, "import", str(src)) == 0
    assert run(town, "check", "--period", "2018") == 1  # the wrong number is an error
    assert run(town, "export", period=2018, out=masked, format="xlsx,pdf,json") == 0
    assert run(town, "export", period=2018, out=full, format="xlsx,pdf,json", full_ids=True) == 0
    assert run(town, "template", "--out", str(tmp_path / "模板.xlsx")) == 0
    for f in [*masked.iterdir(), *full.iterdir()]:
        run(town, "inspect", str(f))
    assert run(town, "backup") == 0
    backup = next((town / "backups").glob("manual-*.sqlite3"))
    assert run(town, "restore", str(backup)) == 0
    assert run(county, "import", str(full / f"{NAME}.json")) == 0  # full numbers, received
    assert run(county, "check", "--period", "2018", "--unit", "330782101000") == 1
    assert run(
        county, "merge", str(full), str(masked), "--period", "2018", "--out", str(summary)
    ) in (0, 1)
    again = tmp_path / "again"
    assert run(county, "export", period=2018, unit="330782101000", out=again, format="json") == 0

    def crash(*_a, **_k):
        raise ValueError(f"cannot check {numbers[0]}")

    monkeypatch.setattr("unionclerk.services.reports.check", crash)
    assert run(town, "check", "--period", "2018") == 2  # the crash path: logged, said calmly
    assert any("程序出现意外错误" in p for p in printed)

    kept_db = {"unionclerk.sqlite3", "unionclerk.sqlite3-wal", "unionclerk.sqlite3-shm"}
    written = [
        f
        for folder in (town, county, tmp_path / "demo")
        for f in folder.rglob("*")
        if f.is_file()
        and f.name not in kept_db
        and "backups" not in f.parts
        and not f.name.startswith("damaged-")
    ]
    written += [
        f
        for folder in (masked, summary, tmp_path / "again", spill_kept)
        for f in folder.rglob("*")
        if f.is_file()
    ]
    written.append(tmp_path / "模板.xlsx")
    assert any(f.suffix == ".log" for f in written)
    assert any("spill" in f.parts for f in written)
    for number in numbers:
        for f in written:
            assert number not in _text(f), f"{number} in {f}"
        for text in printed:
            assert number not in text, text
    # ...and the --full-ids files, asked for, do hold them
    assert numbers[0] in _text(full / f"{NAME}.json")


def test_problem_messages_name_ids_masked(forms) -> None:
    """The messages the problems list and `check` show (and a summary's 问题清单 keeps)."""
    from unionclerk.exporters import json_report
    from unionclerk.formspec import Checker

    doc, numbers = _doc()
    parsed = json_report.parse_document(doc, forms)
    problems = Checker(forms, parsed.period).check(parsed.data).problems(parsed.data, forms)
    shown = [p.message for p in problems if p.form == "cadres"]
    assert any("公民身份号码(330782************)" in m for m in shown)  # named, masked
    assert any("在名单中重复" in m for m in shown)
    for number in numbers:
        assert not any(number in m for m in shown)
