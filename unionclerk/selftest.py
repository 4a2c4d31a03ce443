"""`unionclerk --self-test`: prove an installation (frozen or not) works end to end.

On a temporary data folder: create and migrate a database, load every form, build the demo
report, export the workbook and the PDF, re-import the workbook into a second folder, merge
it, and build the main window offscreen. Prints one line per step; exit 0, or 1 naming what
failed. Touches nothing outside its temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from unionclerk import paths
from unionclerk.domain.i18n import tr


def _steps(root: Path) -> tuple[list[tuple[str, Callable[[], object]]], Callable[[], None]]:
    state: dict[str, object] = {}

    def database() -> object:
        from unionclerk.services.workspace import Workspace

        state["ws"] = Workspace.open(root / "township")
        return paths.database_path()

    def forms() -> object:
        from unionclerk.formspec import shipped_forms

        return ", ".join(shipped_forms().keys())

    def demo_report() -> object:
        from unionclerk.services import demo

        state["report"] = demo.build_demo(state["ws"])  # type: ignore[arg-type]
        return state["report"].unit.union_name  # type: ignore[attr-defined]

    def export() -> object:
        from unionclerk.services import exporting

        out = root / "导出 文件"
        out.mkdir()
        outcome = exporting.export_report(
            state["ws"],
            state["report"],
            out,  # type: ignore[arg-type]
            ["xlsx", "pdf"],
        )
        state["xlsx"] = next(f for f in outcome.files if f.suffix == ".xlsx")
        assert any(f.suffix == ".pdf" for f in outcome.files), "no PDF written"
        return ", ".join(f.name for f in outcome.files)

    def reimport() -> object:
        from unionclerk.services import importing
        from unionclerk.services.workspace import Workspace

        state["ws"].close()  # type: ignore[attr-defined]
        county = Workspace.open(root / "county")
        state["ws"] = county
        outcome = importing.import_file(county, state["xlsx"])  # type: ignore[arg-type]
        return f"{outcome.report.unit.union_name} {outcome.report.period.label}"

    def merge() -> object:
        from unionclerk.domain.period import Period
        from unionclerk.services import county

        out = root / "汇总"
        out.mkdir()
        _, plan, outcome = county.merge_files(
            state["ws"],
            [state["xlsx"]],
            Period(2018),  # type: ignore[arg-type]
            out,
            workers=1,
        )
        assert outcome is not None and plan.winners, "nothing merged"
        return ", ".join(sorted(p.name for p in out.iterdir()))

    def window() -> object:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from unionclerk.gui.main import application
        from unionclerk.gui.window import MainWindow

        app = application()
        win = MainWindow()
        win.attach(state["ws"])  # type: ignore[arg-type]
        win.show()
        app.processEvents()
        title = win.windowTitle()
        win.close()
        return title

    def close() -> None:
        if "ws" in state:
            state.pop("ws").close()  # type: ignore[attr-defined]

    steps = [
        (tr("创建并升级数据库"), database),
        (tr("读取全部报表定义"), forms),
        (tr("生成演示报表"), demo_report),
        (tr("导出工作簿和 PDF"), export),
        (tr("重新导入工作簿"), reimport),
        (tr("汇总"), merge),
        (tr("打开主窗口"), window),
    ]
    return steps, close


def run() -> int:
    out = sys.stdout
    failed = False
    with tempfile.TemporaryDirectory(prefix="unionclerk-selftest-") as tmp:
        steps, close = _steps(Path(tmp))
        try:
            for name, step in steps:
                try:
                    detail = step()
                except Exception as exc:  # a self-test reports any failure, whatever it is
                    failed = True
                    print(tr("✗ {step}：{error}", step=name, error=exc), file=out)
                    traceback.print_exc(file=out)
                    break
                print(tr("✓ {step}：{detail}", step=name, detail=detail), file=out, flush=True)
        finally:
            close()
            paths.set_data_dir(None)
    print(tr("自检失败") if failed else tr("自检通过"), file=out)
    return 1 if failed else 0
