"""The review commands of the command line (issue 16): `review`, `return`, `inspect --diff`.

`app.py` adds these parsers and dispatches to them; the work is done by `services.review`
(county), `services.review_township` (township) and `services.review_diff`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path
from typing import Any

from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED = 0, 1, 2


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "review", parents=[common], help=tr("审核下级报表：接收、批注、结论、查找、比较")
    )
    p.add_argument(
        "action",
        choices=["list", "receive", "comment", "verdict", "find", "diff", "reply"],
        help=tr(
            "list 列出；receive 接收上报文件；comment 批注；verdict 结论；"
            "find 按二维码或校验码查找；diff 比较最近两次报送；reply 乡镇回复意见"
        ),
    )
    p.add_argument(
        "args",
        nargs="*",
        metavar="ARG",
        help=tr("receive：文件或文件夹；verdict：通过 或 退回修改；find：二维码文字或校验码"),
    )
    p.add_argument("--unit", help=tr("单位的行政区划代码"))
    p.add_argument("--period", help=tr("报告期，如 2018、2018h1"))
    p.add_argument(
        "--target",
        help=tr("批注位置（forms.md 键），如 organisation.members、venues.rows[0].area、cadres"),
    )
    p.add_argument("--text", help=tr("批注或回复的内容"))
    p.add_argument("--from", dest="from_file", help=tr("批注文件（.json 或 .csv：target,text）"))
    p.add_argument("--verdict", help=tr("verdict：通过 或 退回修改"))
    p.add_argument("--reason", default="", help=tr("退回修改的原因"))
    p.add_argument("--by", default="", help=tr("审核人或回复人的姓名"))
    p.add_argument("--comment", help=tr("reply：所回复意见的编号（review list 中显示）"))
    p = sub.add_parser("return", parents=[common], help=tr("写出退回文件和退回通知单"))
    p.add_argument("--unit", required=True, help=tr("单位的行政区划代码"))
    p.add_argument("--period", required=True, help=tr("报告期，如 2018、2018h1"))
    p.add_argument("--out", required=True, help=tr("输出文件夹"))
    p.add_argument("--reason", default="", help=tr("退回修改的原因"))
    p.add_argument("--by", default="", help=tr("审核人姓名"))


def _say(text: str, *, err: bool = False) -> None:
    import sys

    stream = sys.stderr if err else sys.stdout
    if stream is not None:
        print(text, file=stream, flush=True)


def _workspace():  # noqa: ANN202
    from unionclerk.services.workspace import Workspace

    return Workspace.open(None)


def _period(args: argparse.Namespace):  # noqa: ANN202
    from unionclerk.domain.period import Period

    if not args.period:
        raise UserError(tr("请用 --period 指定报告期，如 2018"))
    return Period.parse(args.period)


def _need(value: str | None, option: str) -> str:
    if not value:
        raise UserError(tr("请给出 {option}", option=option))
    return value


def _reviewer(args: argparse.Namespace) -> str:
    return args.by.strip() or tr("审核人")


def cmd_review(args: argparse.Namespace) -> int:
    action = {
        "list": _list,
        "receive": _receive,
        "comment": _comment,
        "verdict": _verdict,
        "find": _find,
        "diff": _diff,
        "reply": _reply,
    }[args.action]
    with _workspace() as ws:
        return action(ws, args)


def _receive(ws: Any, args: argparse.Namespace) -> int:
    from unionclerk.services import review

    if not args.args:
        raise UserError(tr("请给出要接收的上报文件"))
    refused = 0
    files = []
    for given in args.args:  # a folder stands for the report files in it
        folder = Path(given)
        files += (
            sorted(
                str(f)
                for f in folder.iterdir()
                if f.suffix.lower() in (".xlsx", ".json") and not f.name.startswith(".")
            )
            if folder.is_dir()
            else [given]
        )
    for file in files:
        try:
            got = review.receive(ws, Path(file))
        except UserError as exc:
            refused += 1
            _say(tr("未接收：{message}", message=str(exc)), err=True)
            continue
        sub = got.submission
        verb = tr("已接收过") if got.again else tr("已接收")
        _say(
            tr(
                "{verb}：{file} → {unit} {period}，校验码 {short}，导出编号 {id}",
                verb=verb,
                file=file,
                unit=got.report.unit.union_name,
                period=got.report.period.label,
                short=sub.short,
                id=sub.export_id or "—",
            )
        )
        if got.replies:
            _say(tr("  带回 {n} 条对批注的回复", n=got.replies))
        state = review.unit_state(ws, got.report.unit.division_code, got.report.period)
        _say(tr("  报送情况：{state}", state=state))
        change = review.diff_latest(ws, got.report.unit.division_code, got.report.period)
        if change is not None and not got.again:
            _print_diff(ws, *change)
    return EXIT_REFUSED if refused else EXIT_OK


def _print_diff(ws: Any, old: Any, new: Any, diff: Any) -> None:
    from unionclerk.services.review_diff import describe

    _say(
        tr(
            "  与上次报送（校验码 {a}）相比，本次（校验码 {b}）共 {n} 处改动：",
            a=old.short,
            b=new.short,
            n=len(diff),
        )
    )
    for line in describe(ws.forms, diff):
        _say(line)


def _list(ws: Any, args: argparse.Namespace) -> int:
    from unionclerk.services import review, review_township

    period = _period(args)
    own = ws.own_unit()
    code = args.unit or (own.division_code if own and not review.overview(ws, period) else None)
    if code is None:
        lines = review.overview(ws, period)
        if not lines:
            _say(tr("{period} 还没有接收任何上报文件", period=period.label))
        for u in lines:
            _say(
                tr(
                    "{code} {name}：{state}，校验码 {short}，批注 {n} 条（已回复 {a} 条）",
                    code=u.division_code,
                    name=u.union_name,
                    state=u.state,
                    short=u.short,
                    n=u.comments,
                    a=u.answered,
                )
            )
        return EXIT_OK
    report = ws.find_report(period, code)
    from unionclerk.services import reports

    data = reports.load(ws, report)
    found = review_township.comments(ws, report)
    state = review.unit_state(ws, code, period)
    _say(
        tr(
            "{unit} {period}：{n} 条批注{state}",
            unit=report.unit.union_name,
            period=period.label,
            n=len(found),
            state=tr("，报送情况：{s}", s=state) if state else "",
        )
    )
    for c in found:
        st = review_township.STATE_LABELS[review_township.state(ws, c, data)]
        _say(
            tr(
                "  [{st}] {target}：{text}（{by}，{at}）编号 {uid}",
                st=st,
                target=c.target,
                text=c.text,
                by=c.author,
                at=c.at[:16].replace("T", " "),
                uid=c.uid[:8],
            )
        )
        if c.reply:
            _say(tr("      回复：{reply}", reply=c.reply))
    return EXIT_OK


def _comments_from_file(path: Path) -> list[dict[str, str]]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            tr(
                "无法读取批注文件（应为 UTF-8 的 .json 或 .csv）：{reason}",
                reason=getattr(exc, "strerror", None) or str(exc),
            ),
            where=str(path),
        ) from None
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError:
            raise UserError(tr("不是有效的 JSON 文件"), where=str(path)) from None
        items = doc.get("comments") if isinstance(doc, dict) else doc
        if not isinstance(items, list) or not all(
            isinstance(i, dict)
            and isinstance(i.get("target"), str)
            and isinstance(i.get("text"), str)
            for i in items
        ):
            raise UserError(
                tr('批注文件应为 [{{"target": …, "text": …}}, …] 这样的列表'), where=str(path)
            )
        return items
    rows = [r for r in csv.reader(io.StringIO(raw)) if r and any(x.strip() for x in r)]
    if rows and rows[0][0].strip().lower() == "target":
        rows = rows[1:]
    bad = next((i for i, r in enumerate(rows, 1) if len(r) < 2), None)
    if bad is not None:
        raise UserError(
            tr("第 {n} 行应有两栏：位置和内容（用英文逗号隔开）", n=bad), where=str(path)
        )
    return [{"target": r[0].strip(), "text": ",".join(r[1:]).strip()} for r in rows]


def _comment(ws: Any, args: argparse.Namespace) -> int:
    from unionclerk.services import review

    period, code = _period(args), _need(args.unit, "--unit")
    if args.from_file:
        items = _comments_from_file(Path(args.from_file))
        for item in items:  # every place checked before any comment is kept
            try:
                review.parse_target(ws, item["target"])
            except UserError as exc:
                raise UserError(exc.message, where=args.from_file) from None
    else:
        items = [{"target": _need(args.target, "--target"), "text": _need(args.text, "--text")}]
    for item in items:
        c = review.add_comment(ws, code, period, item["target"], item["text"], _reviewer(args))
        _say(tr("已批注 {target}：{text}", target=c.target, text=c.text))
    return EXIT_OK


def _verdict(ws: Any, args: argparse.Namespace) -> int:
    from unionclerk.services import review

    period, code = _period(args), _need(args.unit, "--unit")
    given = [args.verdict] if args.verdict else args.args
    if len(given) != 1:
        raise UserError(tr("请给出审核结论：--verdict 通过 或 --verdict 退回修改"))
    review.set_verdict(ws, code, period, given[0], args.reason, _reviewer(args))
    _say(
        tr(
            "{code} {period} 报送情况：{state}",
            code=code,
            period=period.label,
            state=review.unit_state(ws, code, period),
        )
    )
    return EXIT_OK


def _find(ws: Any, args: argparse.Namespace) -> int:
    from unionclerk.services import review

    text = " ".join(args.args)
    if not text.strip():
        raise UserError(tr("请粘贴二维码的文字、校验码或导出编号"))
    found = review.find(ws, text)
    if not found:
        _say(
            tr(
                "没有找到与“{text}”相符的上报文件：纸质件与收到的文件不一致，或还没有接收",
                text=text,
            )
        )
        return EXIT_PROBLEMS
    for report, sub in found:
        _say(
            tr(
                "{unit}（{code}）{period}：文件 {file}，校验码 {short}，导出编号 {id}，导出时间 {at}",
                unit=report.unit.union_name,
                code=report.unit.division_code,
                period=report.period.label,
                file=sub.file,
                short=sub.short,
                id=sub.export_id or "—",
                at=sub.exported_at[:16].replace("T", " "),
            )
        )
        newest = review.latest(ws, report)
        if newest is not None and newest.id != sub.id:
            _say(tr("  注意：这不是最近收到的一份（最近一份的校验码 {short}）", short=newest.short))
    return EXIT_OK


def _diff(ws: Any, args: argparse.Namespace) -> int:
    from unionclerk.services import review

    period, code = _period(args), _need(args.unit, "--unit")
    change = review.diff_latest(ws, code, period)
    if change is None:
        _say(tr("{code} {period} 只接收过一次报送，没有可比较的", code=code, period=period.label))
        return EXIT_OK
    _print_diff(ws, *change)
    return EXIT_OK


def _reply(ws: Any, args: argparse.Namespace) -> int:
    from unionclerk.services import review_township

    period = _period(args)
    report = ws.find_report(period, args.unit)
    wanted = _need(args.comment, "--comment")
    text = _need(args.text, "--text")
    found = [c for c in review_township.comments(ws, report) if c.uid.startswith(wanted)]
    if len(found) != 1:
        raise UserError(
            tr("找不到编号为 {id} 的意见（或不止一条），请用 review list 查看编号", id=wanted)
        )
    review_township.reply(ws, found[0].uid, text)
    _say(tr("已回复 {target}：{text}", target=found[0].target, text=text))
    return EXIT_OK


def cmd_return(args: argparse.Namespace) -> int:
    from unionclerk.services import review

    period = _period(args)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            tr("无法创建输出文件夹：{reason}", reason=exc.strerror or str(exc)), where=str(out)
        ) from None
    with _workspace() as ws:
        files = review.write_return(ws, args.unit, period, out, _reviewer(args), args.reason)
    for f in files:
        _say(tr("已写出：{file}", file=f))
    return EXIT_OK


def inspect_diff(old: str, new: str) -> int:
    """`inspect --diff OLD NEW`: two submissions of one report, compared."""
    from unionclerk.formspec import shipped_forms
    from unionclerk.services import review_diff, review_files

    forms = shipped_forms()
    a, b = review_files.load(forms, Path(old)), review_files.load(forms, Path(new))
    if (a.division_code, a.period) != (b.division_code, b.period):
        raise UserError(
            tr(
                "两个文件不是同一单位同一报告期的报表（{a} {pa} 与 {b} {pb}），无法比较",
                a=a.union_name,
                pa=a.period.label,
                b=b.union_name,
                pb=b.period.label,
            )
        )
    diff = review_diff.diff_docs(forms, a.doc, b.doc)
    _say(
        tr(
            "{unit}（{code}）{period}",
            unit=b.union_name,
            code=b.division_code,
            period=b.period.label,
        )
    )
    _say(
        tr(
            "  旧：{file}，校验码 {short}，导出编号 {id}",
            file=a.path.name,
            short=a.short,
            id=a.export_id or "—",
        )
    )
    _say(
        tr(
            "  新：{file}，校验码 {short}，导出编号 {id}",
            file=b.path.name,
            short=b.short,
            id=b.export_id or "—",
        )
    )
    _say(tr("共 {n} 处改动：", n=len(diff)))
    for line in review_diff.describe(forms, diff, limit=10_000):
        _say(line)
    return EXIT_OK
