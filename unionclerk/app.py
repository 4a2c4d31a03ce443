"""Start-up and the command line (interchange.md §4). Nothing else lives here.

Exit codes: 0 done; 1 done but checks found errors; 2 refused (bad input or usage), with a
plain message naming the file and the problem, and never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from unionclerk import __version__, logsetup, paths
from unionclerk.domain import i18n
from unionclerk.domain.errors import UserError, os_reason
from unionclerk.domain.i18n import tr

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, tr("用法错误：{message}\n", message=message))


def _common(default: object) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", default=default, help=tr("数据文件夹（数据库、备份和日志所在处）")
    )
    common.add_argument(
        "--lang", choices=["zh", "en"], default=default, help=tr("界面语言：zh（默认）或 en")
    )
    return common


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="unionclerk",
        description=tr("工会报表助手：填报、检查、导出、汇总"),
        parents=[_common(None)],
    )
    # In subcommands the options default to "absent", so they never undo the main ones.
    common = _common(argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"unionclerk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=tr("在临时文件夹中自检：数据库、报表定义、演示报表、导出、导入、汇总、窗口"),
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p = sub.add_parser("gui", parents=[common], help=tr("打开桌面程序（默认）"))
    p.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    p = sub.add_parser("demo", parents=[common], help=tr("生成演示报表（佛堂镇总工会 2018年度）"))
    p.add_argument("--replace", action="store_true", help=tr("覆盖已有的演示报表"))
    p = sub.add_parser(
        "import", parents=[common], help=tr("导入报表文件（JSON、上报工作簿或填好的模板）")
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--replace", action="store_true", help=tr("覆盖已有的同期报表（先备份）"))
    for name, text in (("check", tr("检查报表，列出错误和警告")), ("export", tr("导出上报文件"))):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("--period", required=True, help=tr("报告期，如 2018、2018h1"))
        p.add_argument("--unit", help=tr("单位的行政区划代码（数据文件夹有多个单位时）"))
        if name == "export":
            p.add_argument("--out", required=True, help=tr("输出文件夹"))
            p.add_argument(
                "--format",
                default="xlsx,pdf",
                help=tr("输出格式，逗号分隔：xlsx、pdf、json（默认 xlsx,pdf）"),
            )
            p.add_argument(
                "--full-ids", action="store_true", help=tr("导出完整身份证号码（默认遮盖）")
            )
    p = sub.add_parser("backup", parents=[common], help=tr("备份数据库"))
    p.add_argument("--out", help=tr("备份文件（默认放在数据文件夹的 backups 中）"))
    p = sub.add_parser("restore", parents=[common], help=tr("从备份文件恢复数据库（先检查备份）"))
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser("template", parents=[common], help=tr("生成空白填报模板（Excel）"))
    p.add_argument("--out", required=True, help=tr("模板文件（.xlsx）"))
    p.add_argument("--period", help=tr("报告期，如 2018、2018h1（可不填，由填表人填写）"))
    p.add_argument("--unit", help=tr("单位的行政区划代码（预先填入封面）"))
    p = sub.add_parser(
        "inspect", parents=[common], help=tr("查看文件：是什么、哪个单位、是否被改动")
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--diff",
        action="store_true",
        help=tr("比较同一报表的两次报送（旧文件 新文件），逐字段、逐行"),
    )
    p = sub.add_parser("merge", parents=[common], help=tr("汇总多个单位的报表文件（县→市→省）"))
    p.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR")
    p.add_argument("--period", required=True, help=tr("报告期，如 2018、2018h1"))
    p.add_argument("--out", required=True, help=tr("输出文件夹"))
    p.add_argument(
        "--expected", help=tr("应报单位名单（.xlsx 或 .csv：行政区划代码、名称），会保存在程序中")
    )
    p.add_argument("--use-edited", action="store_true", help=tr("也使用导出后被改动过的工作簿"))
    from unionclerk import cli_review

    cli_review.add_parsers(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logsetup.ensure_streams()
    i18n.set_catalogue_dir(paths.resources_dir() / "i18n")
    for i, arg in enumerate(argv):  # before parsing, so usage errors come in the right language
        if arg.startswith("--lang="):
            i18n.set_language(arg.split("=", 1)[1])
        elif arg == "--lang" and i + 1 < len(argv):
            i18n.set_language(argv[i + 1])
    args = _parser().parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    if args.self_test:
        from unionclerk import selftest

        return selftest.run()
    paths.set_data_dir(args.data_dir)
    command = args.command or "gui"
    if command in NEEDS_EXISTING_DATA and not paths.database_path(create=False).exists():
        _say(
            tr(
                "无法完成：数据文件夹 {dir} 中还没有任何报表：请先运行 unionclerk demo 或导入报表",
                dir=paths.data_dir(create=False),
            ),
            err=True,
        )
        return EXIT_REFUSED
    try:
        log = logsetup.setup(paths.data_dir())  # None: a read-only folder, nothing logged
    except OSError as exc:  # the data folder itself cannot be made
        _say(
            tr(
                "无法完成：无法使用数据文件夹 {dir}（{reason}）",
                dir=args.data_dir or "",
                reason=os_reason(exc),
            ),
            err=True,
        )
        return EXIT_REFUSED
    try:
        logging.getLogger(__name__).info("unionclerk %s: %s", __version__, command)
        if command in WRITES_DATA:
            return _with_folder_lock(command, args)
        if command != "gui":  # the window sweeps once it holds the folder lock
            _sweep(holding_lock=False)
        return COMMANDS[command](args)
    except UserError as exc:
        logging.getLogger(__name__).info("refused: %s", exc)
        _say(tr("无法完成：{message}", message=str(exc)), err=True)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_REFUSED
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr = None  # type: ignore[assignment]
        return EXIT_OK
    except Exception:
        logging.getLogger(__name__).exception("unexpected error in %s", command)
        if log is not None:
            _say(
                tr(
                    "程序出现意外错误，已记录在日志中：{log}。数据没有丢失：每一次修改在出错前都已保存。",
                    log=log,
                ),
                err=True,
            )
        else:
            _say(
                tr(
                    "程序出现意外错误（数据文件夹无法写入，没有记录日志）。数据没有丢失：每一次修改在出错前都已保存。"
                ),
                err=True,
            )
        return EXIT_REFUSED
    finally:
        logsetup.close()


def _say(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    if stream is not None:  # windowed builds have no console
        # Names come from received files: a control or bidi character is shown, not acted on.
        from unionclerk.formspec.door import printable  # the forms engine loads only now

        # ...and never a full ID number
        print(logsetup.mask_ids(printable(text)), file=stream, flush=True)


def _workspace():  # noqa: ANN202 - imported lazily so `--help` stays fast
    from unionclerk.services.workspace import Workspace

    return Workspace.open(None)


def cmd_gui(args: argparse.Namespace) -> int:
    from unionclerk import syscheck

    syscheck.require_qt()  # a missing system library is named, with the package to install
    try:
        from unionclerk.gui.main import run
    except ImportError as exc:
        error = syscheck.from_import_error(exc)
        if error is None:
            raise
        raise error from None

    return run(lang=args.lang or "zh", exit_when_shown=getattr(args, "exit_when_shown", False))


def cmd_demo(args: argparse.Namespace) -> int:
    from unionclerk.services import demo, reports

    with _workspace() as ws:
        report = demo.build_demo(ws, replace=args.replace)
        problems = reports.check(ws, report)
    errors = sum(p.is_error for p in problems)
    _say(
        tr(
            "已生成演示报表：{unit} {period}（{e} 个错误，{w} 个警告）。数据文件夹：{dir}",
            unit=report.unit.union_name,
            period=report.period.label,
            e=errors,
            w=len(problems) - errors,
            dir=paths.data_dir(),
        )
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from unionclerk.services import importing, review_township

    with _workspace() as ws:
        # A county's return file (退回文件) is applied on its own, each in its transaction.
        returns = [f for f in args.files if review_township.is_return_file(Path(f))]
        files = [f for f in args.files if f not in returns]
        bad_returns = 0
        for file in returns:
            try:
                back = review_township.import_return(ws, Path(file))
            except UserError as exc:
                bad_returns += 1
                _say(tr("未导入：{message}", message=str(exc)), err=True)
                continue
            _say(
                tr(
                    "已导入退回文件：{file} → {unit} {period} 已重新打开（{n} 条意见）。"
                    "退回原因：{reason}",
                    file=file,
                    unit=back.report.unit.union_name,
                    period=back.report.period.label,
                    n=back.comments,
                    reason=back.reason,
                )
            )
        if not files:
            return EXIT_REFUSED if bad_returns else EXIT_OK
        outcomes, refused = importing.import_files(
            ws, [Path(f) for f in files], replace=args.replace
        )
    for _file, exc in refused:
        _say(tr("未导入：{message}", message=str(exc)), err=True)
    if refused:
        if len(files) > 1:
            _say(
                tr(
                    "有文件未通过检查，所有文件都没有导入（数据没有任何改动）。改正或去掉这些文件后再导入。"
                ),
                err=True,
            )
        return EXIT_REFUSED
    for file, out in zip(files, outcomes, strict=True):
        errors = sum(p.is_error for p in out.problems)
        verb = tr("已覆盖") if out.replaced else tr("已导入")
        _say(
            tr(
                "{verb}：{file} → {unit} {period}（{e} 个错误，{w} 个警告）",
                verb=verb,
                file=file,
                unit=out.report.unit.union_name,
                period=out.report.period.label,
                e=errors,
                w=len(out.problems) - errors,
            )
        )
        for key in out.dropped:
            _say(tr("  注意：旧版本字段 {key} 在新版本中已删除，未导入", key=key))
        for warning in out.warnings:
            _say(tr("  注意：{w}", w=warning))
    return EXIT_REFUSED if bad_returns else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from unionclerk.domain.period import Period
    from unionclerk.formspec import explanation_key
    from unionclerk.services import reports

    period = Period.parse(args.period)
    with _workspace() as ws:
        report = ws.find_report(period, args.unit)
        data = reports.load(ws, report)
        problems = reports.check(ws, report, data)
        _say(
            tr(
                "{unit} {period} 检查结果：",
                unit=report.unit.union_name,
                period=report.period.label,
            )
        )
        current = None
        for p in problems:
            if p.form != current:
                current = p.form
                _say(f"\n{ws.forms[p.form].display_title}")
            level = tr("错误") if p.is_error else tr("警告")
            row = tr("第 {n} 行 ", n=p.row_index + 1) if p.row_index is not None else ""
            line = f"  [{level}] {row}{p.message}"
            reason = data.explanations.get(explanation_key(p))
            if reason and not p.is_error:
                line += tr("（已说明：{reason}）", reason=reason)
            _say(line)
    errors = sum(p.is_error for p in problems)
    _say(tr("\n共 {e} 个错误，{w} 个警告。", e=errors, w=len(problems) - errors))
    return EXIT_PROBLEMS if errors else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from unionclerk.domain.period import Period
    from unionclerk.domain.records import DRAFT
    from unionclerk.services import exporting

    period = Period.parse(args.period)
    formats = exporting.parse_formats(args.format)
    out = Path(args.out)
    with _workspace() as ws:
        report = ws.find_report(period, args.unit)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                tr("无法创建输出文件夹：{reason}", reason=os_reason(exc)), where=str(out)
            ) from None
        done = exporting.export_report(ws, report, out, formats, full_ids=args.full_ids)
    for target in done.files:
        _say(tr("已导出：{file}", file=target))
    if report.status == DRAFT:
        _say(tr("注意：报表尚未标记完成，导出的是草稿（每页标有“草稿”）"), err=True)
    for warning in done.warnings:
        _say(tr("警告：{message}", message=warning), err=True)
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from unionclerk.domain.period import Period
    from unionclerk.services import template

    period = Period.parse(args.period) if args.period else None
    with _workspace() as ws:
        target = template.write_template(ws, Path(args.out), period, args.unit)
    _say(tr("已生成空白填报模板：{file}", file=target))
    return EXIT_OK


def cmd_inspect(args: argparse.Namespace) -> int:
    from unionclerk.formspec import shipped_forms
    from unionclerk.services import inspection

    if getattr(args, "diff", False):
        from unionclerk import cli_review

        if len(args.files) != 2:
            raise UserError(tr("inspect --diff 需要两个文件：旧文件 新文件"))
        return cli_review.inspect_diff(*args.files)
    infos = inspection.inspect_files(shipped_forms(), [Path(f) for f in args.files])
    for info in infos:
        _say("\n".join(inspection.describe(info)))
    return inspection.exit_code(infos)


def cmd_merge(args: argparse.Namespace) -> int:
    from unionclerk.domain.period import Period
    from unionclerk.services import county
    from unionclerk.services.county import expected as expected_list
    from unionclerk.services.county import lines

    period = Period.parse(args.period)
    missing = [p for p in args.inputs if not Path(p).exists()]
    if missing:
        raise UserError(tr("找不到这个文件或文件夹"), where=missing[0])
    with _workspace() as ws:
        if args.expected:
            wanted = expected_list.read_expected(Path(args.expected))
            expected_list.keep(ws, wanted)
        else:
            wanted = expected_list.kept(ws)
            if wanted is not None:
                _say(tr("使用程序中保存的应报单位名单（{n} 个单位）", n=len(wanted)))
        options = county.Options(expected=wanted, use_edited=args.use_edited)
        session, plan, outcome = county.merge_files(
            ws, [Path(p) for p in args.inputs], period, Path(args.out), options
        )
    file_lines = lines.file_lines(session.results, plan)
    for line in file_lines:
        _say(line.text)
    if outcome is None:
        _say(tr("没有可以汇总的报表，未生成汇总文件"), err=True)
        return EXIT_PROBLEMS
    for text in lines.summary_lines(plan, [str(f) for f in outcome.files]):
        _say(text)
    if outcome.received:
        _say(
            tr(
                "其中 {n} 份报表已接收供审核（{codes}）：用 unionclerk review list 查看，可批注、退回修改",
                n=len(outcome.received),
                codes="、".join(outcome.received),
            )
        )
    for warning in outcome.warnings:
        _say(tr("  注意：{w}", w=warning))
    return EXIT_PROBLEMS if lines.any_unused(file_lines, plan) else EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from unionclerk.services import backup

    with _workspace() as ws:
        target = backup.make_backup(ws, target=Path(args.out) if args.out else None)
    _say(tr("已备份到：{file}", file=target))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from unionclerk.formspec import shipped_forms
    from unionclerk.services import recovery

    # No workspace first: restore must work exactly when the current file cannot be opened.
    done = recovery.restore_file(Path(args.file), shipped_forms())
    if done.damaged is not None:
        _say(
            tr(
                "已从 {file} 恢复。原来的数据文件已损坏，已另存为：{damaged}",
                file=args.file,
                damaged=done.damaged,
            )
        )
    else:
        _say(
            tr(
                "已从 {file} 恢复。恢复前的数据已另存为：{safety}",
                file=args.file,
                safety=done.safety,
            )
        )
    return EXIT_OK


# Commands that only read an existing data folder: refused (nothing created) when it is empty.
NEEDS_EXISTING_DATA = {"check", "export", "backup"}
# Commands that change the database: they take the data folder's lock, as the window does, so
# they never write under an open window (which would not see the change).
WRITES_DATA = {"demo", "import", "restore", "merge", "review", "return"}


def _with_folder_lock(command: str, args: argparse.Namespace) -> int:
    from unionclerk.folderlock import WINDOW, FolderLock

    lock = FolderLock(paths.data_dir(), command)
    if not lock.acquire():  # CannotLock (read-only folder, full disk) is a UserError
        owner = lock.owner()
        pid = owner.pid if owner else "?"
        if owner is not None and owner.kind != WINDOW:
            raise UserError(
                tr(
                    "数据文件夹正被另一个工会报表助手命令（{command}，进程号 {pid}）使用，请等它完成后再试。",
                    command=owner.kind,
                    pid=pid,
                ),
                where=str(paths.data_dir()),
            )
        raise UserError(
            tr(
                "数据文件夹正被工会报表助手的窗口使用（进程号 {pid}）。请先关闭窗口，或在窗口中操作。",
                pid=pid,
            ),
            where=str(paths.data_dir()),
        )
    try:
        _sweep(holding_lock=True)
        return COMMANDS[command](args)
    finally:
        lock.release()


def _sweep(*, holding_lock: bool) -> None:
    """What a killed program left behind (services.sweep); never in the way of the command."""
    from unionclerk.services import sweep

    try:
        sweep.at_start(holding_lock)
    except OSError as exc:
        logging.getLogger(__name__).warning("start-up sweep: %s", exc)


def _review_command(name: str):  # noqa: ANN202 - the review module loads when used
    def run(args: argparse.Namespace) -> int:
        from unionclerk import cli_review

        return getattr(cli_review, name)(args)

    return run


COMMANDS = {
    "gui": cmd_gui,
    "demo": cmd_demo,
    "import": cmd_import,
    "check": cmd_check,
    "export": cmd_export,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "template": cmd_template,
    "inspect": cmd_inspect,
    "merge": cmd_merge,
    "review": _review_command("cmd_review"),
    "return": _review_command("cmd_return"),
}
