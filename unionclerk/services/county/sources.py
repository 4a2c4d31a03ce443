"""Finding the files to merge: folders (recursively) and .zip archives (a zip inside a zip too).

Archive members are checked against their declared sizes before anything is inflated (a zip
bomb declares gigabytes; `zipfile` never inflates past the declaration) and copied into a
private temporary folder, so the readers always work on a real file. Names inside zips made
on Chinese Windows are GBK without the UTF-8 flag; they are decoded as such.
"""

from __future__ import annotations

import shutil
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from unionclerk.domain.i18n import tr
from unionclerk.exporters.reading.safe import ZIP_ERRORS
from unionclerk.formspec import door

MAX_MEMBER = 200 * 1024 * 1024  # declared size of one file inside an archive
MAX_ARCHIVE_TOTAL = 2 * 1024 * 1024 * 1024  # declared size of everything in one archive
MAX_DEPTH = 3  # zip inside zip inside zip
_SKIPPED_NAMES = ("__MACOSX/", "Thumbs.db", ".DS_Store", "desktop.ini")


@dataclass
class Found:
    """A file to read: `label` is what the clerk sees, `path` a real file on disk."""

    label: str  # made printable (a name with undecodable bytes has lone surrogates)
    path: Path
    mtime: str  # ISO time of the file itself (JSON reports carry no export time)
    problem: str = ""  # set when the file cannot even be extracted
    archive: bool = False  # a zip archive (expanded; not itself a report)

    def __post_init__(self) -> None:
        self.label = door.printable(self.label)


def _iso(ts: float | tuple[int, ...]) -> str:
    if isinstance(ts, tuple):
        try:
            return datetime(*ts).astimezone().isoformat(timespec="seconds")
        except ValueError:
            return ""
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")


def _skipped(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return (
        any(name.startswith(s) or base == s for s in _SKIPPED_NAMES)
        or base.startswith("~$")
        or base.startswith("._")
    )


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it (GBK on Chinese Windows without the flag)."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def is_zip_archive(path: Path) -> bool:
    """A zip that is not an Office document (xlsx/docx are zips too)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except ZIP_ERRORS:
        return False
    return "[Content_Types].xml" not in names


def expand(inputs: list[Path], scratch: Path) -> Iterator[Found]:
    """Every file under the inputs, archives opened; `scratch` holds extracted members."""
    counter = [0]
    for given in inputs:
        given = Path(given)
        if given.is_dir():
            files = sorted(p for p in given.rglob("*") if p.is_file() and not _skipped(p.name))
            for path in files:
                label = f"{given.name}/{path.relative_to(given).as_posix()}"
                yield from _file(path, label, scratch, counter, 0)
        elif given.is_file():
            yield from _file(given, given.name, scratch, counter, 0)
        else:
            yield Found(str(given), given, "", problem=tr("找不到这个文件或文件夹"))


def _file(
    path: Path, label: str, scratch: Path, counter: list[int], depth: int, mtime: str | None = None
) -> Iterator[Found]:
    if mtime is None:
        try:
            mtime = _iso(path.stat().st_mtime)
        except OSError:
            mtime = ""
    if is_zip_archive(path):  # whatever its name says: an archive, not an Office file
        yield Found(label, path, mtime, archive=True)
        yield from _archive(path, label, scratch, counter, depth + 1)
        return
    yield Found(label, path, mtime)


def _archive(
    path: Path, label: str, scratch: Path, counter: list[int], depth: int
) -> Iterator[Found]:
    if depth > MAX_DEPTH:
        yield Found(label, path, "", problem=tr("压缩包嵌套超过 {n} 层，未展开", n=MAX_DEPTH))
        return
    try:
        zf = zipfile.ZipFile(path)
    except ZIP_ERRORS:
        yield Found(label, path, "", problem=tr("压缩包已损坏或不完整，无法打开"))
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not _skipped(member_name(i))]
        total = sum(i.file_size for i in infos)
        if total > MAX_ARCHIVE_TOTAL:
            yield Found(
                label,
                path,
                "",
                problem=tr(
                    "压缩包解压后过大（声明 {mb} MB），疑似“压缩炸弹”，未展开", mb=total // 2**20
                ),
            )
            return
        for info in sorted(infos, key=member_name):
            name = member_name(info)
            inner = f"{label}!{name}"
            if info.file_size > MAX_MEMBER:
                yield Found(
                    inner,
                    path,
                    "",
                    problem=tr(
                        "压缩包中的文件过大（声明 {mb} MB），未解压", mb=info.file_size // 2**20
                    ),
                )
                continue
            if info.flag_bits & 0x1:
                yield Found(
                    inner,
                    path,
                    "",
                    problem=tr(
                        "压缩包设置了密码，无法解压；请对方不加密码重新打包，或解压后把文件发来"
                    ),
                )
                continue
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                yield Found(
                    inner,
                    path,
                    "",
                    problem=tr(
                        "压缩包中的文件使用了不支持的压缩方式（编号 {method}），无法解压；"
                        "请用系统自带的“发送到压缩文件夹”重新打包",
                        method=info.compress_type,
                    ),
                )
                continue
            counter[0] += 1
            folder = scratch / f"z{counter[0]}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / (Path(name).name or "file")
            try:
                with zf.open(info) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            except (*ZIP_ERRORS, zlib.error) as exc:
                yield Found(
                    inner,
                    path,
                    "",
                    problem=tr("无法从压缩包中解压（{kind}）", kind=type(exc).__name__),
                )
                continue
            yield from _file(target, inner, scratch, counter, depth, _iso(info.date_time))
