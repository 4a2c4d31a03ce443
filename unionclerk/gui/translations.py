"""Interface languages for the window: Chinese by default, English with `--lang en`.

The window's strings are Chinese literals in `self.tr()`; their English lives in the Qt
Linguist source `resources/translations/unionclerk_en.ts` (update it with
`pyside6-lupdate unionclerk/gui -ts resources/translations/unionclerk_en.ts`). Qt reads the
compiled `.qm`, found in this order:

1. `resources/translations/unionclerk_en.qm` beside the `.ts`, compiled by the build
   (`python setup.py build_py` / `pip install`, and the frozen build before bundling), used
   when it is at least as new as the `.ts`;
2. `<data folder>/translations/unionclerk_en.qm`, compiled here at start-up with the
   `lrelease` that ships inside PySide6 when (1) is missing or older than the `.ts`;
3. the `.ts` itself, read by `TsTranslator` when no `lrelease` can run: never untranslated.

For Chinese, Qt's own `qtbase_zh_CN.qm` (not `qt_zh_CN`, which needs modules PySide6-Essentials
lacks) makes the standard buttons read 确定 / 取消.

The build, the frozen build and this start-up all compile with `unionclerk.translations_build`
(Qt-free, so the package build can use it where PySide6 is not installed yet).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from unionclerk import paths
from unionclerk.translations_build import compile_ts

TS_DIR = "translations"


def ts_file(lang: str) -> Path:
    return paths.resources_dir() / TS_DIR / f"unionclerk_{lang}.ts"


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime


def find_qm(lang: str, *, build: bool = True) -> Path | None:
    """The compiled catalogue for `lang`, compiling it into the data folder if need be."""
    ts = ts_file(lang)
    if not ts.exists():
        return None
    shipped = ts.with_suffix(".qm")
    if _fresh(shipped, ts):
        return shipped
    cached = paths.data_dir() / TS_DIR / shipped.name
    if _fresh(cached, ts):
        return cached
    if build and compile_ts(ts, cached):
        return cached
    return None


class TsTranslator(QTranslator):
    """Reads a Linguist .ts directly: the last resort when no .qm can be built."""

    def __init__(self, ts: Path, parent: QObject | None = None) -> None:
        import xml.etree.ElementTree as ET  # a last resort: not loaded on an ordinary start

        super().__init__(parent)
        self._messages: dict[tuple[str, str], str] = {}
        root = ET.parse(ts).getroot()
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source")
                node = message.find("translation")
                if (
                    source is None
                    or node is None
                    or node.get("type") in ("unfinished", "obsolete", "vanished")
                ):
                    continue
                if node.text:
                    self._messages[(name, source)] = node.text

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:  # noqa: ARG002 - Qt's signature
        return self._messages.get((context, source), "")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self._messages


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for `lang` ('zh' or 'en'); keep the list alive."""
    installed: list[QTranslator] = []
    if lang == "en":
        qm = find_qm("en")
        translator: QTranslator | None = None
        if qm is not None:
            translator = QTranslator(app)
            if not translator.load(str(qm)):
                translator = None
        if translator is None and ts_file("en").exists():
            translator = TsTranslator(ts_file("en"), app)
        if translator is not None:
            app.installTranslator(translator)
            installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Take the translators out again (and the number formats back to Chinese)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
