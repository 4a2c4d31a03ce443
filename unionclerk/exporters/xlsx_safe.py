"""Opening workbooks that came from outside (USB sticks, e-mail, chat) without trusting them.

Before openpyxl sees a file: it must be a readable zip whose declared sizes are sane (a zip
bomb declares gigabytes; Python's zipfile never inflates a member past its declared size, so
checking the declaration bounds the work). XML is parsed through defusedxml, which openpyxl
uses when it is installed; without it we refuse to read. Workbooks are opened read-only and
always closed; openpyxl's warnings about features it drops are not the clerk's business.
"""

from __future__ import annotations

import contextlib
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr

MAX_FILE = 200 * 1024 * 1024  # bytes on disk
MAX_MEMBER = 256 * 1024 * 1024  # declared uncompressed size of one part
MAX_TOTAL = 512 * 1024 * 1024  # declared uncompressed size of all parts
MAX_MEMBERS = 10_000
# What a damaged or hostile file can make openpyxl raise while loading or reading.
READ_ERRORS = (zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, IndexError,
               AttributeError, OSError, EOFError, SyntaxError)


def defused() -> bool:
    import openpyxl.xml

    return bool(openpyxl.xml.DEFUSEDXML)


def check_zip(path: Path) -> None:
    """Refuse, with a plain reason, anything that is not a sane xlsx container."""
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("找不到文件"), where=str(path))
    size = path.stat().st_size
    if size > MAX_FILE:
        raise UserError(tr("文件过大（超过 200 MB），不是正常的报表工作簿"), where=path.name)
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head[:2] != b"PK":
        raise UserError(tr("不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式"), where=path.name)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise UserError(tr("Excel 工作簿已损坏或不完整（可能没有传完），无法打开"), where=path.name) from None
    if len(infos) > MAX_MEMBERS:
        raise UserError(tr("工作簿内部文件过多，疑似恶意文件，已拒绝"), where=path.name)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER or total > MAX_TOTAL:
            raise UserError(tr("工作簿解压后过大（{part} 声明 {mb} MB），疑似“压缩炸弹”，已拒绝",
                               part=info.filename[:60], mb=info.file_size // (1024 * 1024)),
                            where=path.name)
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UserError(tr("不是 Excel 工作簿（.xlsx）：缺少工作簿结构"), where=path.name)


@contextlib.contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """A read-only workbook over a checked file; closed on leaving, whatever happens."""
    check_zip(path)
    if not defused():
        raise UserError(tr("缺少 defusedxml 组件，为安全起见不读取外来工作簿；请重新安装本程序"))
    from openpyxl import load_workbook

    fh = open(path, "rb")  # a file object: openpyxl would refuse a renamed file by its name
    wb = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                wb = load_workbook(fh, read_only=True, data_only=True, keep_links=False)
            except READ_ERRORS as exc:
                raise UserError(tr("工作簿已损坏，无法读取（{kind}）", kind=type(exc).__name__),
                                where=Path(path).name) from None
        yield wb
    finally:
        if wb is not None:
            wb.close()
        fh.close()


def sheet_rows(ws: Any) -> Iterator[tuple[Any, ...]]:
    """Every row of a read-only sheet as values, row 1 first, trusting no declared size."""
    ws.reset_dimensions()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield from ws.iter_rows(values_only=True)


def formula_cells(path: Path, sheets: list[str]) -> dict[str, set[tuple[int, int]]]:
    """(row, col), 1-based, of every cell holding a formula in the named sheets (for a filled
    template: a formula whose result the file lacks would otherwise read as empty)."""
    from openpyxl import load_workbook

    out: dict[str, set[tuple[int, int]]] = {}
    with open(path, "rb") as fh, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(fh, read_only=True, data_only=False, keep_links=False)
        try:
            for name in sheets:
                if name not in wb.sheetnames:
                    continue
                ws = wb[name]
                ws.reset_dimensions()
                out[name] = {(c.row, c.column) for row in ws.iter_rows() for c in row
                             if getattr(c, "data_type", None) == "f"}
        finally:
            wb.close()
    return out
