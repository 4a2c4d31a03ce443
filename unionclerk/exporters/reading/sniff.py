"""What a received file is, told from its first bytes: a workbook, a JSON report, or something
else, named for the clerk (a photo of the paper form, the PDF, a Word document...).

Import, `inspect` and the county merge all start here, so the same file gets the same answer
everywhere. Only the container is decided here (`kind`: which reader takes the file); the
readers then check the content itself and say what the file is (`domain.filekinds.FileKind`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from unionclerk.domain.i18n import tr

WORKBOOK, JSON = "workbook", "json"
HEAD_BYTES = 64  # enough to see past a BOM and some white space before a JSON {

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Notepad's "Unicode": the JSON reader names it
_MAGIC = (
    (b"\xff\xd8\xff", "image"),
    (b"\x89PNG", "image"),
    (b"GIF8", "image"),
    (b"BM", "image"),
    (b"RIFF", "image"),
    (b"%PDF", "pdf"),
    (b"\xd0\xcf\x11\xe0", "ole"),
    (b"{\\rtf", "word"),
)
_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".gif", ".bmp", ".webp")
_WORD_SUFFIXES = (".doc", ".docx", ".wps", ".rtf")


def read_head(path: Path) -> tuple[bytes, int]:
    """The first bytes of a file and its size; OSError when it cannot be read."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
        size = fh.seek(0, 2)
    return head, size


def kind(head: bytes) -> str | None:
    """WORKBOOK (a zip: .xlsx), JSON (text starting with { or [), or None."""
    if head.startswith(b"PK"):
        return WORKBOOK
    if head.startswith(_UTF16_BOMS) or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        return JSON
    return None


def not_a_report(head: bytes, path: Path, size: int, *, importing: bool = False) -> str:
    """Why a file `kind` gives None for is no report, in words a clerk can act on;
    `importing`: the clerk's own file (a filled template), not one received from others."""
    if size == 0:
        return tr("空文件（0 字节），可能没有传完")
    magic = next((k for m, k in _MAGIC if head.startswith(m)), "")
    suffix = Path(path).suffix.lower()
    if magic == "image" or suffix in _IMAGE_SUFFIXES:
        return tr("图片文件，不是报表")
    if magic == "pdf":
        return tr("PDF 文件是打印盖章用的，汇总需要同名的 .xlsx 工作簿或 .json 文件")
    if magic == "word" or suffix in _WORD_SUFFIXES:
        return tr("Word 文档，不是报表")
    if magic == "ole" and is_encrypted_office(path):
        return password_message()
    if magic == "ole" and importing:
        return save_as_xlsx(tr("旧版 Excel 文件（.xls）"))
    if magic == "ole":
        return tr("旧版 Office 文件（.xls/.doc），不是本程序导出的报表；请让对方用本程序导出 .xlsx")
    if suffix in (".xlsx", ".xlsm"):
        return tr(
            "文件名是 {suffix}，但内容不是 Excel 工作簿（可能已损坏或没有传完）", suffix=suffix
        )
    return tr("不是报表文件（既不是本程序导出的工作簿，也不是 JSON 报表）")


MAX_PDF_SCAN = 64 * 1024 * 1024  # a township's PDF of 2,000 roster rows is a few MB
_OWN_PDF = re.compile(rb"\(UNIONCLERK\|(\d{12})\|([0-9A-Za-z]{4,8})\|([0-9a-f]{64})\)")


def program_pdf(path: Path) -> tuple[str, str, str] | None:
    """For a PDF this program exported (its document subject is the QR code's text: unit
    code, period code, payload hash): those three; else None."""
    try:
        with open(path, "rb") as fh:
            if fh.read(5) != b"%PDF-":
                return None
            data = fh.read(MAX_PDF_SCAN)
    except OSError:
        return None
    found = _OWN_PDF.search(data)
    return tuple(g.decode("ascii") for g in found.groups()) if found else None  # type: ignore


def password_message() -> str:
    return tr(
        "这个工作簿设置了打开密码，无法读取。请在 Excel 中打开它，取消密码"
        "（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后再导入。"
    )


def is_encrypted_office(path: Path) -> bool:
    """An OLE file holding an encrypted .xlsx (a workbook with an opening password), not an
    old .xls or .doc."""
    try:
        with open(path, "rb") as fh:
            content = fh.read(64 * 1024 * 1024)
    except OSError:
        return False
    return "EncryptionInfo".encode("utf-16-le") in content


def save_as_xlsx(what: str) -> str:
    """Advice for a clerk's own workbook saved in another format."""
    return tr(
        "{what}，本程序读不了：请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选"
        "“Excel 工作簿（*.xlsx）”，然后导入新保存的 .xlsx 文件",
        what=what,
    )


def _is_ods(zf: Any) -> bool:
    try:
        return zf.read("mimetype")[:60].startswith(b"application/vnd.oasis.opendocument.spread")
    except (KeyError, OSError, ValueError, RuntimeError, NotImplementedError):
        return False


def not_a_workbook(path: Path, *, importing: bool = False) -> str | None:
    """For a zip: None when it holds a workbook (or cannot be read as a zip at all: the
    workbook reader then says what is wrong with it), else why it is no report."""
    import zipfile

    from unionclerk.exporters.reading.safe import ZIP_ERRORS

    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            ods = "xl/workbook.xml" not in names and _is_ods(zf)
    except ZIP_ERRORS:
        return None
    if "xl/workbook.xml" in names:
        return None
    if ods and importing:
        return save_as_xlsx(tr("OpenDocument 表格（.ods）"))
    if ods:
        return tr("OpenDocument 表格（.ods），不是本程序导出的报表；请让对方用本程序导出 .xlsx")
    if any(n.startswith("word/") for n in names):
        return tr("Word 文档，不是报表")
    if any(n.startswith("ppt/") for n in names):
        return tr("演示文稿，不是报表")
    return tr("不是报表文件（既不是本程序导出的工作簿，也不是 JSON 报表）")


def refusal(head: bytes, path: Path, size: int, *, importing: bool = False) -> str | None:
    """None when the file looks like a workbook or a JSON report (its reader takes it from
    there); else why it is no report."""
    found = kind(head)
    if found is None:
        return not_a_report(head, path, size, importing=importing)
    return not_a_workbook(path, importing=importing) if found == WORKBOOK else None
