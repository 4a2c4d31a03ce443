"""A file that is no report gets the same plain answer from import, `inspect` and the county
merge: what it is (a photo of the paper form, the PDF, a Word document...) and what to do."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from unionclerk.domain.errors import UserError
from unionclerk.domain.filekinds import FileKind
from unionclerk.domain.period import Period
from unionclerk.exporters.reading import sniff
from unionclerk.formspec import shipped_forms
from unionclerk.services import importing, inspection
from unionclerk.services.county.reading import read_found
from unionclerk.services.county.sources import Found


def docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")


CASES = [
    ("表一 拍照.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "图片文件，不是报表"),
    ("扫描件.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "图片文件，不是报表"),
    ("佛堂镇 2018.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF 文件是打印盖章用的"),
    ("旧表格.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "旧版 Office 文件"),
    (
        "加了密码.xlsx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptionInfo".encode("utf-16-le"),
        "设置了打开密码",
    ),
    ("改了扩展名.xlsx", "这其实是一个文本文件".encode(), "内容不是 Excel 工作簿"),
    ("说明.txt", "请查收报表".encode(), "不是报表文件"),
    ("没传完.json", b"", "空文件（0 字节）"),
    ("报告.docx", None, "Word 文档，不是报表"),
]
IMPORT_ADVICE = {"旧表格.xls": "保存类型选“Excel 工作簿（*.xlsx）”"}


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_import_inspect_and_merge_say_the_same(ws, tmp_path, name, content, expected) -> None:
    file = tmp_path / name
    if content is None:
        docx(file)
    else:
        file.write_bytes(content)

    with pytest.raises(UserError) as refused:
        importing.read_file(ws, file)
    # a clerk importing an .xls of their own is told to save it as .xlsx (issue 13)
    assert IMPORT_ADVICE.get(name, expected) in refused.value.message
    assert refused.value.where == name

    info = inspection.inspect_file(shipped_forms(), file)
    # an empty file did not arrive whole: unreadable; the rest are no reports
    assert info.kind == (
        FileKind.UNREADABLE if not content and content is not None else FileKind.NOT_A_REPORT
    )
    assert any(expected in m for m in info.messages)
    assert inspection.exit_code([info]) == 2

    result = read_found(Found(name, file, "2019-01-01T00:00:00"), Period(2018), str(tmp_path), 0)
    assert result.candidates == []
    assert expected in result.detail
    assert result.kind == info.kind  # what the file is, in one word for both


def test_kind_reads_workbooks_and_json_with_a_bom_or_in_utf16() -> None:
    assert sniff.kind(b"PK\x03\x04") == sniff.WORKBOOK
    assert sniff.kind(b'\xef\xbb\xbf\r\n {"format"') == sniff.JSON
    assert sniff.kind(b"[") == sniff.JSON
    assert sniff.kind((b"\xef\xbb\xbf" + b" " * 40 + b"\r\n{")[: sniff.HEAD_BYTES]) == sniff.JSON
    assert sniff.kind(b"\xff\xfe{\x00") == sniff.JSON
    assert sniff.kind(b"%PDF-1.4") is None
