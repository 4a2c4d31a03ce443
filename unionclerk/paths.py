"""The only module that knows where files live.

Bundled read-only files (forms, resources, migrations) sit beside the package in a
source checkout, or under `sys._MEIPASS` in a PyInstaller bundle. The user's data
(database, backups, logs) lives in the per-user data folder unless `--data-dir` says
otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

from unionclerk import APP_NAME

FONT_FILE = "wqy-microhei.ttc"  # the PDF's Chinese font, in resources/fonts (exporters.pdf.fonts)
_data_dir_override: Path | None = None


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path:
    """Folder holding `forms/` and `resources/` (the repo root, or the bundle)."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def forms_dir() -> Path:
    return bundle_root() / "forms"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def font_path() -> Path:
    """The Chinese font the PDFs embed (and the workbook's print layout is measured with)."""
    return resources_dir() / "fonts" / FONT_FILE


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "storage" / "migrations"


def set_data_dir(path: str | Path | None) -> None:
    global _data_dir_override
    _data_dir_override = Path(path).expanduser().resolve() if path else None


def data_dir(*, create: bool = True) -> Path:
    folder = _data_dir_override or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_path(*, create: bool = True) -> Path:
    return data_dir(create=create) / "unionclerk.sqlite3"


def backups_dir() -> Path:
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def writable(folder: Path) -> bool:
    """True when a file can be made in `folder` (False on a write-protected stick or a
    read-only mount; permission bits alone are not trusted, an administrator ignores them)."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False
