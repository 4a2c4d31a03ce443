"""Opening workbooks that came from outside (USB sticks, e-mail, chat) without trusting them.

Before openpyxl sees a file: it must be a readable zip whose declared sizes are sane (a zip
bomb declares gigabytes; Python's zipfile never inflates a member past its declared size, so
checking the declaration bounds the work). XML is parsed through defusedxml, which openpyxl
uses when it is installed; without it we refuse to read. Workbooks are opened read-only and
always closed; openpyxl's warnings about features it drops are not the clerk's business.
"""

from __future__ import annotations

import contextlib
import threading
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
# Parts other than worksheets (shared strings, styles, theme...) are parsed whole when the
# workbook is opened, so they get a budget of what a report's workbook can hold: our writer
# uses no shared strings at all; Excel's re-save of a 2,000-row report needs about 2 MB.
MAX_EAGER_PART = 8 * 1024 * 1024
_STORED, _DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
# What a damaged or hostile file can make openpyxl raise while loading or reading.
# Opening a damaged zip: Python's zipfile also raises NotImplementedError (an unknown "version
# needed" or method) and RuntimeError (an encryption flag) for bytes a fuzzer flips.
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError)
READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    NotImplementedError,
    RuntimeError,
    AttributeError,
    OSError,
    EOFError,
    SyntaxError,
)


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
    except ZIP_ERRORS:
        raise UserError(
            tr("Excel 工作簿已损坏或不完整（可能没有传完），无法打开"), where=path.name
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise UserError(tr("工作簿内部文件过多，疑似恶意文件，已拒绝"), where=path.name)
    total = 0
    for info in infos:
        total += info.file_size
        _check_member(info, path)
        if info.file_size > MAX_MEMBER or total > MAX_TOTAL:
            raise UserError(
                tr(
                    "工作簿解压后过大（{part} 声明 {mb} MB），疑似“压缩炸弹”，已拒绝",
                    part=info.filename[:60],
                    mb=info.file_size // (1024 * 1024),
                ),
                where=path.name,
            )
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UserError(tr("不是 Excel 工作簿（.xlsx）：缺少工作簿结构"), where=path.name)


def _check_member(info: zipfile.ZipInfo, path: Path) -> None:
    """A part Python's zipfile cannot read (encrypted, Deflate64...) is refused by name here,
    before openpyxl fails on it with an error no clerk can act on."""
    part = info.filename[:60]
    if info.flag_bits & 0x1:
        raise UserError(
            tr(
                "工作簿内部的“{part}”被加密（设置了密码），无法读取。"
                "请在 Excel 中取消密码并另存为 .xlsx 后再试",
                part=part,
            ),
            where=path.name,
        )
    if info.compress_type not in (_STORED, _DEFLATED):
        raise UserError(
            tr(
                "工作簿内部的“{part}”使用了不支持的压缩方式（编号 {method}），"
                "无法读取。请在 Excel 中打开并另存为 .xlsx 后再试",
                part=part,
                method=info.compress_type,
            ),
            where=path.name,
        )
    eager = not info.filename.startswith("xl/worksheets/")
    if eager and info.file_size > MAX_EAGER_PART:
        raise UserError(
            tr(
                "工作簿内部的“{part}”解压后有 {mb} MB，远超报表可能的大小，疑似“压缩炸弹”，已拒绝",
                part=part,
                mb=info.file_size // (1024 * 1024),
            ),
            where=path.name,
        )


def part_size(ws: Any) -> int:
    """The declared uncompressed size of a read-only sheet's XML part (0 when unknown)."""
    try:
        return int(ws.parent._archive.getinfo(ws._worksheet_path).file_size)
    except (AttributeError, KeyError):
        return 0


_opening = threading.local()


def _lazy_sizes() -> None:
    """openpyxl's read-only sheets look for their size when the workbook is opened; a sheet
    with no <dimension> element (ours have none) is then parsed to its end, so a 250 MB
    sheet cost most of a minute before anything was read. Sizes are never used here (rows
    are read as they come), so sheets opened by `open_workbook` skip that look."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    if getattr(ReadOnlyWorksheet, "_unionclerk_lazy", False):
        return
    original = ReadOnlyWorksheet._get_size

    def get_size(self: Any) -> None:
        if not getattr(_opening, "active", False):
            original(self)

    ReadOnlyWorksheet._get_size = get_size
    ReadOnlyWorksheet._unionclerk_lazy = True


@contextlib.contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """A read-only workbook over a checked file; closed on leaving, whatever happens."""
    check_zip(path)
    if not defused():
        raise UserError(tr("缺少 defusedxml 组件，为安全起见不读取外来工作簿；请重新安装本程序"))
    from openpyxl import load_workbook

    _lazy_sizes()

    fh = open(path, "rb")  # a file object: openpyxl would refuse a renamed file by its name
    wb = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _opening.active = True
            try:
                wb = load_workbook(fh, read_only=True, data_only=True, keep_links=False)
            except READ_ERRORS as exc:
                raise UserError(
                    tr("工作簿已损坏，无法读取（{kind}）", kind=type(exc).__name__),
                    where=Path(path).name,
                ) from None
            finally:
                _opening.active = False
        yield wb
    finally:
        if wb is not None:
            wb.close()
        fh.close()


def sparse_rows(ws: Any) -> Iterator[tuple[int, dict[int, Any]]]:
    """The rows a read-only sheet really holds, as (row number, {column: value}), with no
    filling: a cell at column XFD or a row numbered 1,048,576 costs one cell, not millions."""
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with wb._archive.open(ws._worksheet_path) as src:
            parser = WorkSheetParser(
                src,
                ws._shared_strings,
                data_only=True,
                epoch=wb.epoch,
                date_formats=wb._date_formats,
                timedelta_formats=wb._timedelta_formats,
            )
            for idx, cells in parser.parse():
                yield idx, {c["column"]: c["value"] for c in cells if c["value"] is not None}


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
                out[name] = {
                    (c.row, c.column)
                    for row in ws.iter_rows()
                    for c in row
                    if getattr(c, "data_type", None) == "f"
                }
        finally:
            wb.close()
    return out
