"""The report's steps as the window offers them: the dashboard's next step, complete, reopen
with a reason, new period, export / import / backup in a worker thread, role, rows.

Use cases live in `services`; this class asks the clerk what a step needs, runs it, and
tells the window to refresh.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog

from unionclerk import paths
from unionclerk.domain.errors import UserError
from unionclerk.domain.records import COMPLETE, DRAFT
from unionclerk.gui import dialogs
from unionclerk.gui.exportdlg import ExportDialog, PeriodDialog
from unionclerk.gui.workers import Job, start_job

if TYPE_CHECKING:
    from unionclerk.gui.host import WorkflowHost


class Workflow(QObject):
    def __init__(self, window: WorkflowHost) -> None:
        super().__init__(window.window())
        self.w = window
        self.job: Job | None = None

    # -- dashboard -----------------------------------------------------------------------
    def show_dashboard(self) -> None:
        s = self.w.session
        if s is None:
            return
        left = s.outstanding()
        errors = [p for p in left if p.is_error]
        warnings = len(left) - len(errors)
        rows = self.w.forms_model.rows[1:]
        done = sum(r.kind == "done" for r in rows)
        empty = sum(r.kind == "empty" for r in rows)
        status = self.tr("共 {0} 张表：{1} 张已填完且无问题，{2} 张未填，{3} 张还有问题。").format(
            len(rows), done, empty, sum(r.kind in ("error", "warning") for r in rows)
        )
        if s.report.status == DRAFT:
            if errors:
                step = self.tr("还有 {0} 个错误需要修改 →").format(len(errors))
            elif warnings:
                step = self.tr("还有 {0} 个警告需要填写说明 →").format(warnings)
            else:
                step = self.tr("检查全部通过：标记完成 →")
        elif s.report.status == COMPLETE:
            step = self.tr("已标记完成：导出上报文件 →")
        else:
            step = self.tr("已导出。可以再次导出，或重新打开修改 →")
        title = f"{s.report.unit.union_name}　{s.report.period.shown}"
        self.w.dashboard.show_state(title, status, step)

    def next_step(self) -> None:
        s = self.w.session
        if s is None and self.w.county_role:
            from unionclerk.gui.county.screen import open_county

            open_county(self.w)
        elif s is None:
            self.new_period()
        elif s.report.status != DRAFT:
            self.export()
        elif s.outstanding():
            self.next_problem()
        else:
            self.complete()

    def next_problem(self) -> None:
        """Go to the first error, else the first warning without an explanation."""
        s = self.w.session
        if s is None:
            return
        left = s.outstanding()
        first = next((p for p in left if p.is_error), left[0] if left else None)
        if first is not None:
            self.w.go_to(first)

    # -- status --------------------------------------------------------------------------
    def complete(self) -> None:
        s = self.w.session
        if s is None or s.report.status != DRAFT:
            return
        self.w.commit_pending()
        if not self._empty_forms_settled():
            return
        try:
            s.complete()
        except UserError as exc:
            self._reveal()
            self.w.problems.show()
            dialogs.show_error(self.w, exc)
            return
        self.w.status_changed()
        if dialogs.confirm(self.w, self.tr("报表已标记完成。现在导出上报文件吗？")):
            self.export()

    def _empty_forms_settled(self) -> bool:
        """Before 标记完成: list the forms left empty or unfinished and ask. A form with
        nothing to report is marked 本期无此项, so a reviewer can tell it from one forgotten.
        False: the clerk goes back to fill them in."""
        s = self.w.session
        assert s is not None
        empty = s.empty_forms()
        unfinished = [
            f
            for f in self.w.ws.forms
            if not f.is_roster
            and f.key not in s.data.nothing
            and f not in empty
            and 0 < s.form_state(f).filled < s.form_state(f).total
        ]
        if not empty and not unfinished:
            return True
        lines = [self.tr("标记完成之前，请看一下这些表。"), ""]
        if empty:
            lines.append(self.tr("以下表一项也没有填："))
            lines += [f"　　{f.display_title}" for f in empty]
        if unfinished:
            lines.append(self.tr("以下表还没有填完："))
            lines += [
                self.tr("　　{0}（已填 {1}/{2} 项）").format(
                    f.display_title, s.form_state(f).filled, s.form_state(f).total
                )
                for f in unfinished
            ]
        if empty:
            detail = self.tr(
                "本期确实没有需要填报的内容的表，可以标记为“本期无此项”："
                "报表和 PDF 上会写明，审核时就知道不是漏填。"
            )
            answer = dialogs.choose(
                self.w,
                "\n".join(lines),
                [self.tr("标记为“本期无此项”并完成"), self.tr("返回填写")],
                detail,
            )
            if answer == 0:
                s.mark_nothing([f.key for f in empty])
                return True
        elif (
            dialogs.choose(
                self.w,
                "\n".join(lines),
                [self.tr("仍然标记完成"), self.tr("返回填写")],
                self.tr("没填的项目如果本期确实没有，可以不填。"),
            )
            == 0
        ):
            return True
        self._reveal()
        self.w.select_form((empty or unfinished)[0].key)
        return False

    def _reveal(self) -> None:
        """标记完成 was tried: every problem shows now, on every form."""
        s = self.w.session
        if s is not None and not s.revealed:
            s.reveal_all()
            for page in self.w.pages.values():
                page.stale = True
            self.w.refresh_all()

    def reopen(self) -> None:
        s = self.w.session
        if s is None or s.report.status == DRAFT:
            return
        reason = dialogs.ask_text(
            self.w, self.tr("重新打开需要填写原因（会记入修改记录），例如：县总工会要求补报：")
        )
        if reason is None:
            return
        try:
            s.reopen(reason)
        except UserError as exc:
            dialogs.show_error(self.w, exc)
            return
        self.w.status_changed()

    def new_period(self) -> None:
        from unionclerk.services import reports, setup

        unit = self.w.ws.own_unit() or (self.w.session.report.unit if self.w.session else None)
        if unit is None:
            return
        own = reports.list_reports(self.w.ws, unit.division_code)
        latest = own[0] if own else None
        suggested = (
            setup.next_period(latest.period)
            if latest
            else setup.default_period(*time.localtime()[:2])
        )
        dialog = PeriodDialog(suggested, latest.period.label if latest else "", self.w)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            report = reports.create_report(self.w.ws, unit.division_code, dialog.period())
        except UserError as exc:
            dialogs.show_error(self.w, exc)
            return
        self.w.reload_periods(choose=report)

    def set_role(self, role: str) -> None:
        from unionclerk.services import setup

        setup.set_role(self.w.ws, role)
        self.w.reload_periods(choose=self.w.session.report if self.w.session else None)

    def about(self, text: str) -> None:
        dialogs.inform(self.w, text)

    # -- rows ----------------------------------------------------------------------------
    def add_row(self) -> None:
        page = self.w.current_page()
        if page is not None and page.roster is not None:
            page.roster._add()

    def delete_row(self) -> None:
        page = self.w.current_page()
        if page is not None and page.roster is not None:
            page.roster.ops.delete_rows()

    # -- long work -----------------------------------------------------------------------
    def _start(self, label: str, work: Any, on_done: Any, on_cancelled: Any = None) -> Job:
        self.job = start_job(self.w, label, work, on_done, on_cancelled)
        return self.job

    def export(self) -> Job | None:
        from unionclerk.services import exporting

        s = self.w.session
        if s is None or (self.job is not None and self.job.running):
            return None
        self.w.commit_pending()
        draft = s.report.status == DRAFT
        if draft and not dialogs.confirm(
            self.w,
            self.tr(
                "报表还没有标记完成（还有 {0} 个问题未处理），现在导出的是草稿：\n"
                "文件名带“草稿”，PDF 每页印有“草稿”，只供核对，不能作为正式上报文件。\n\n"
                "仍要导出草稿吗？"
            ).format(len(s.outstanding())),
        ):
            return None
        folder = self.w.settings.value("export/folder", str(Path.home()), type=str)
        dialog = ExportDialog(folder, exporting.available_formats(), self.w, draft=draft)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        out_dir, formats, full_ids = dialog.choice()
        if not formats or not out_dir.is_dir():
            dialogs.show_error(self.w, self.tr("请选择一个已存在的文件夹和至少一种格式。"))
            return None
        self.w.settings.setValue("export/folder", str(out_dir))
        ws, report = self.w.ws, s.report

        def work(progress: Any, cancelled: Any) -> Any:
            return exporting.export_report(
                ws,
                report,
                out_dir,
                formats,
                full_ids=full_ids,
                progress=progress,
                cancelled=cancelled,
            )

        def done(result: Any) -> None:  # an exporting.Exported
            from unionclerk.gui.exportresult import show_export_result

            self.w.status_changed()
            show_export_result(self.w, out_dir, result.files, result.warnings, draft=draft)

        def cancelled() -> None:
            dialogs.inform(self.w, self.tr("已取消导出，没有写入任何文件。"))

        return self._start(self.tr("正在导出上报文件……"), work, done, cancelled)

    def import_files(self, dropped: list[str] | None = None) -> Job | None:
        """Import report files (or a county's return file): chosen, or dropped on the window."""
        from unionclerk.domain.progress import Cancelled

        files = (
            dropped
            or QFileDialog.getOpenFileNames(
                self.w,
                self.tr("选择要导入的报表文件"),
                str(Path.home()),
                self.tr("报表文件 (*.json *.xlsx)"),
            )[0]
        )
        if not files:
            return None
        ws = self.w.ws

        def work(progress: Any, cancelled: Any) -> list[str]:
            from unionclerk.services import importing, review_township  # openpyxl: when used

            lines = []
            for i, name in enumerate(files):
                if cancelled():
                    raise Cancelled
                progress(i, len(files), Path(name).name)
                try:
                    if review_township.is_return_file(Path(name)):
                        back = review_township.import_return(ws, Path(name))
                        lines.append(
                            self.tr("✓ {0}：退回文件，{1} {2} 已重新打开（{3} 条上级意见）").format(
                                Path(name).name,
                                back.report.unit.union_name,
                                back.report.period.label,
                                back.comments,
                            )
                        )
                        continue
                    out = importing.import_file(ws, Path(name))
                    lines.append(
                        f"✓ {Path(name).name}：{out.report.unit.union_name} "
                        f"{out.report.period.label}"
                    )
                    lines += [f"  ⚠ {w}" for w in out.warnings]  # typed, not imported
                except UserError as exc:
                    lines.append(f"✗ {exc}")
            return lines

        def done(lines: list[str]) -> None:
            self.w.reload_periods(choose=self.w.session.report if self.w.session else None)
            dialogs.inform(self.w, self.tr("导入结果：\n{0}").format("\n".join(lines)))

        return self._start(self.tr("正在导入……"), work, done)

    def restore(self) -> bool:
        """Replace all data with a backup the clerk picks (checked first; the current data
        is saved aside before it is replaced)."""
        from unionclerk.services import backup

        file, _ = QFileDialog.getOpenFileName(
            self.w,
            self.tr("选择要恢复的备份"),
            str(paths.backups_dir()),
            self.tr("数据库备份 (*.sqlite3)"),
        )
        if not file or self.w.ws is None:
            return False
        if not dialogs.confirm(
            self.w,
            self.tr("用这个备份替换现在的全部数据吗？\n{0}\n\n现在的数据会先另存一份备份。").format(
                Path(file).name
            ),
        ):
            return False
        self.w.commit_pending()
        try:
            safety = backup.restore(self.w.ws, Path(file))
        except UserError as exc:
            dialogs.show_error(self.w, exc)
            return False
        self.w.attach(self.w.ws)
        dialogs.inform(self.w, self.tr("已从备份恢复。恢复前的数据已另存为：\n{0}").format(safety))
        return True

    def backup(self) -> Job | None:
        from unionclerk.domain.progress import Cancelled
        from unionclerk.services import backup

        default = paths.backups_dir() / time.strftime("unionclerk-backup-%Y%m%d-%H%M%S.sqlite3")
        target, _ = QFileDialog.getSaveFileName(
            self.w, self.tr("备份数据到"), str(default), self.tr("数据库备份 (*.sqlite3)")
        )
        if not target:
            return None
        ws = self.w.ws

        def work(progress: Any, cancelled: Any) -> Path:
            progress(0, 1, Path(target).name)
            made = backup.make_backup(ws, target=Path(target))
            if cancelled():
                made.unlink(missing_ok=True)
                raise Cancelled
            return made

        return self._start(
            self.tr("正在备份……"),
            work,
            lambda made: dialogs.inform(self.w, self.tr("已备份到：\n{0}").format(made)),
        )
