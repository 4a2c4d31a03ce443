"""Good and hostile files for the county merge (issue 12), shared by the tests and
`bench_hostile.py` (not a test module).

Good files are made with the program's own submission export (`write_submission`) from the
county test data; hostile ones are those files taken apart and put together wrongly: zip
members with the encryption flag or Deflate64, JSON with NaN or a 5,000-digit integer or a
lone surrogate, and the cost attacks (a machine sheet or shared strings that inflate to
hundreds of MB, a sheet of 200,000 rows with one cell at column XFD, a JSON of empty
objects). `fuzz_variant` derives a damaged copy from a good file and a seed.
"""

from __future__ import annotations

import io
import json
import random
import struct
import sys
import uuid
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import countydata  # noqa: E402

CST = timezone(timedelta(hours=8))
WHEN = datetime(2018, 12, 20, 9, tzinfo=CST)


def documents(n: int, seed: int = 12) -> list[dict[str, Any]]:
    return countydata.township_documents(n, sizes=("small",), seed=seed)


def write_workbook(
    path: Path,
    doc: dict[str, Any],
    *,
    when: datetime = WHEN,
    export_id: str | None = None,
    status: str = "complete",
) -> Path:
    """`doc` exported as the program exports a submission workbook."""
    from unionclerk.exporters import json_report
    from unionclerk.exporters.bundle import Stamp, prepare
    from unionclerk.exporters.xlsx.report import write_submission
    from unionclerk.formspec import shipped_forms

    forms = shipped_forms()
    parsed = json_report.parse_document(doc, forms)
    stamp = Stamp(when, export_id or str(uuid.uuid4()), status)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_submission(path, forms, prepare(forms, parsed.period, parsed.data, stamp))
    return path


def write_json(path: Path, doc: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


# -- zip surgery -------------------------------------------------------------------------------
def rewrite(src: Path, dst: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the zip `src` with some members replaced (bytes) or deleted (None)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in change:
                data = change[info.filename]
                if data is not None:
                    zout.writestr(info.filename, data)
                continue
            zout.writestr(info, zin.read(info))
        for name, data in change.items():  # members the original did not have
            if data is not None and name not in zin.namelist():
                zout.writestr(name, data)
    return dst


def patch_headers(
    data: bytes, member: str | None, *, flag: int = 0, method: int | None = None
) -> bytes:
    """Set general-purpose flag bits and/or the compression method of `member` (all when
    None) in both its local header and its central directory entry."""
    out = bytearray(data)
    for sig, flag_at, method_at, name_len_at, name_at in (
        (b"PK\x03\x04", 6, 8, 26, 30),
        (b"PK\x01\x02", 8, 10, 28, 46),
    ):
        start = 0
        while (start := out.find(sig, start)) != -1:
            n = struct.unpack_from("<H", out, start + name_len_at)[0]
            name = bytes(out[start + name_at : start + name_at + n]).decode("utf-8", "replace")
            if member is None or name == member:
                bits = struct.unpack_from("<H", out, start + flag_at)[0]
                struct.pack_into("<H", out, start + flag_at, bits | flag)
                if method is not None:
                    struct.pack_into("<H", out, start + method_at, method)
            start += 4
    return bytes(out)


def machine_member(path: Path) -> str:
    """The part holding the machine sheet (the last worksheet the writer adds)."""
    with zipfile.ZipFile(path) as zf:
        sheets = sorted(
            (n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")),
            key=lambda n: int(n.rsplit("sheet", 1)[1].split(".")[0]),
        )
        for name in sheets:
            if b"manifest" in zf.read(name)[:4096]:
                return name
    return sheets[-1]


# -- the hostile files of the issue --------------------------------------------------------------
def password_zip(good: Path, dst: Path) -> Path:
    """A .zip whose member is marked encrypted (what WinRAR/7-Zip with a password write)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(good, good.name)
    dst.write_bytes(patch_headers(buf.getvalue(), None, flag=0x1))
    return dst


def member_flagged(good: Path, dst: Path) -> Path:
    dst.write_bytes(patch_headers(good.read_bytes(), machine_member(good), flag=0x1))
    return dst


def member_deflate64(good: Path, dst: Path) -> Path:
    dst.write_bytes(patch_headers(good.read_bytes(), "xl/workbook.xml", method=9))
    return dst


def json_with(doc: dict[str, Any], dst: Path, kind: str) -> Path:
    text = json.dumps(doc, ensure_ascii=False)
    name = doc["forms"]["cover"]["union_name"]
    if kind == "nan":
        text = text.replace('"members": ', '"members": NaN, "x_members": ', 1)
    elif kind == "bigint":
        text = text.replace('"members": ', '"members": ' + "9" * 5000 + ', "x_members": ', 1)
    elif kind == "surrogate":
        text = text.replace(json.dumps(name, ensure_ascii=False), '"\\ud800' + name + '"', 1)
    dst.write_text(text, encoding="utf-8")
    return dst


def inflated_machine_sheet(good: Path, dst: Path, mb: int = 250) -> Path:
    """The machine sheet padded after its payload with `mb` MB of empty rows (compresses to
    well under a MB)."""
    member = machine_member(good)
    with zipfile.ZipFile(good) as zf:
        xml = zf.read(member)
    end = xml.rindex(b"</sheetData>")
    row = b'<row r="%d"><c r="C%d" t="inlineStr"><is><t></t></is></c></row>'
    pad = io.BytesIO()
    r = 10_000
    while pad.tell() < mb * 2**20:
        pad.write(row % (r, r))
        r += 1
    return rewrite(good, dst, {member: xml[:end] + pad.getvalue() + xml[end:]})


def huge_shared_strings(good: Path, dst: Path, mb: int = 250) -> Path:
    body = b"<si><t>x</t></si>" * (mb * 2**20 // 17)
    sst = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main">' + body + b"</sst>"
    )
    with zipfile.ZipFile(good) as zf:
        types = zf.read("[Content_Types].xml")
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    types = types.replace(b"</Types>", override + b"</Types>")
    return rewrite(good, dst, {"xl/sharedStrings.xml": sst, "[Content_Types].xml": types})


def far_column_sheet(good: Path, dst: Path, rows: int = 200_000) -> Path:
    """The first visible sheet replaced by `rows` rows, one of them with a cell at XFD."""
    with zipfile.ZipFile(good) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml")
    start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
    body = io.BytesIO()
    body.write(b'<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>')
    for r in range(2, rows + 1):
        body.write(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r))
    return rewrite(
        good, dst, {"xl/worksheets/sheet1.xml": xml[:start] + body.getvalue() + xml[end:]}
    )


def empty_objects_json(dst: Path, mb: int = 199) -> Path:
    with open(dst, "wb") as fh:
        fh.write(b'{"format": "unionclerk.report", "x": [')
        chunk = b"{}," * (2**20 // 3)
        for _ in range(mb):
            fh.write(chunk)
        fh.write(b"{}]}")
    return dst


# -- fuzzing -----------------------------------------------------------------------------------
FUZZ_KINDS = (
    "flip",
    "truncate",
    "delete_member",
    "flag",
    "method",
    "json_flip",
    "json_truncate",
    "json_value",
)


def fuzz_variant(good_xlsx: bytes, good_json: bytes, kind: str, seed: int) -> tuple[str, bytes]:
    """A damaged copy of a good workbook or JSON report: (suffix, bytes)."""
    rng = random.Random(seed)
    if kind == "flip":
        data = bytearray(good_xlsx)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return ".xlsx", bytes(data)
    if kind == "truncate":
        return ".xlsx", good_xlsx[: rng.randrange(1, len(good_xlsx))]
    if kind in ("delete_member", "flag", "method"):
        with zipfile.ZipFile(io.BytesIO(good_xlsx)) as zf:
            names = zf.namelist()
        member = rng.choice(names)
        if kind == "flag":
            return ".xlsx", patch_headers(good_xlsx, member, flag=rng.choice((0x1, 0x40, 0x41)))
        if kind == "method":
            return ".xlsx", patch_headers(
                good_xlsx, member, method=rng.choice((1, 6, 9, 12, 14, 99))
            )
        buf = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(good_xlsx)) as zin,
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout,
        ):
            for info in zin.infolist():
                if info.filename != member:
                    zout.writestr(info, zin.read(info))
        return ".xlsx", buf.getvalue()
    if kind == "json_flip":
        data = bytearray(good_json)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return ".json", bytes(data)
    if kind == "json_truncate":
        return ".json", good_json[: rng.randrange(1, len(good_json))]
    doc = json.loads(good_json)  # json_value: one value replaced by something odd
    form = rng.choice(sorted(doc["forms"]))
    record = doc["forms"][form]
    target = record.get("rows", [record])
    target = rng.choice(target) if target else record
    if not target:
        target = record
    key = rng.choice(sorted(target)) if target else "x"
    odd = rng.choice(
        [
            None,
            -1,
            10**30,
            1.5e308,
            "",
            "\u202e" * 3,
            "=1+1",
            [],
            {},
            True,
            "9" * 40,
            "2099-13-45",
            "\x00",
            "ａ" * 5000,
        ]
    )
    target[key] = odd
    return ".json", json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")


def write_pdf(path: Path, doc: dict[str, Any], *, when: datetime = WHEN) -> Path:
    """The township's PDF of `doc`, as the submission export writes it."""
    from unionclerk.exporters import json_report
    from unionclerk.exporters.bundle import Stamp, prepare
    from unionclerk.exporters.pdf.report import build_pdf
    from unionclerk.formspec import shipped_forms
    from unionclerk.paths import font_path

    forms = shipped_forms()
    parsed = json_report.parse_document(doc, forms)
    bundle = prepare(forms, parsed.period, parsed.data, Stamp(when, str(uuid.uuid4()), "complete"))
    path.parent.mkdir(parents=True, exist_ok=True)
    build_pdf(path, forms, bundle, font_path())
    return path
