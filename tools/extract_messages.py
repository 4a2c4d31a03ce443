"""Collect the core's translatable messages into resources/i18n/en.json.

The core (everything in `unionclerk/` except `unionclerk/gui/`, which uses Qt's own `tr()`
and .ts files) writes its messages as Chinese literals: `tr("中文 {name}", name=...)`.
This script finds every such call with `ast` (nothing is imported or run) and keeps the
English catalogue `resources/i18n/en.json` ({"中文": "English"}) in step with the code.

    python tools/extract_messages.py --update   # add new messages (""), drop unused ones
    python tools/extract_messages.py --check    # exit 1 if anything is missing or wrong

`--update` keeps every existing translation, adds each new message with an empty string
(fill those in by hand), removes messages no longer used, and writes the file sorted by key.
`--check` changes nothing; it lists missing, untranslated, stale and mismatched entries.

Either way, a `tr()` whose first argument is not a plain string literal (an f-string, a
variable, a concatenation) is an error: the catalogue is keyed by the literal text, so such
a message could never be translated. Write `tr("… {x} …", x=value)` instead.
"""

from __future__ import annotations

import argparse
import ast
import json
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "unionclerk"
EXCLUDED = (PACKAGE / "gui",)
CATALOGUE = ROOT / "resources" / "i18n" / "en.json"


@dataclass
class Scan:
    """What the source holds: messages (with where they are used) and misuses of tr()."""

    messages: dict[str, list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _is_tr(func: ast.expr) -> bool:
    """`tr(...)`, or `i18n.tr(...)` for code that imports the module."""
    if isinstance(func, ast.Name):
        return func.id == "tr"
    return (isinstance(func, ast.Attribute) and func.attr == "tr"
            and isinstance(func.value, ast.Name) and func.value.id == "i18n")


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a format string (raises ValueError if the braces are broken)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def scan_source(source: str, where: str, scan: Scan) -> None:
    """Add the tr() messages of one module's source to `scan`."""
    try:
        tree = ast.parse(source, filename=where)
    except SyntaxError as exc:
        scan.errors.append(f"{where}:{exc.lineno}: cannot parse: {exc.msg}")
        return
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _is_tr(node.func)):
            continue
        at = f"{where}:{node.lineno}"
        first = node.args[0] if node.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            what = "nothing" if first is None else ast.unparse(first)
            if len(what) > 60:
                what = what[:57] + "..."
            scan.errors.append(f"{at}: tr() needs a string literal as its first argument, "
                               f"not {what} (tr only translates literals)")
            continue
        message = first.value
        try:
            placeholders(message)
        except ValueError as exc:
            scan.errors.append(f"{at}: tr({message!r}): broken braces: {exc}")
            continue
        scan.messages.setdefault(message, []).append(at)


def scan_package(package: Path = PACKAGE, excluded: tuple[Path, ...] = EXCLUDED) -> Scan:
    """Scan every .py file under `package`, skipping the `excluded` folders."""
    scan = Scan()
    for file in sorted(package.rglob("*.py")):
        if any(file.is_relative_to(folder) for folder in excluded):
            continue
        where = file.relative_to(package.parent).as_posix()
        scan_source(file.read_text(encoding="utf-8"), where, scan)
    return scan


def load_catalogue(path: Path = CATALOGUE) -> dict[str, str]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise SystemExit(f"{path}: should be a JSON object of strings")
    return data


def merge(messages: dict[str, list[str]], catalogue: dict[str, str]) -> dict[str, str]:
    """The catalogue for `messages`: old translations kept, new ones empty, sorted by key."""
    return {m: catalogue.get(m, "") for m in sorted(messages)}


def write_catalogue(catalogue: dict[str, str], path: Path = CATALOGUE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(catalogue, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


@dataclass
class Report:
    missing: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)

    def lines(self, scan: Scan) -> list[str]:
        def at(m: str) -> str:
            return ", ".join(scan.messages.get(m, []))

        out = [f"missing: {m!r} ({at(m)})" for m in self.missing]
        out += [f"not translated: {m!r} ({at(m)})" for m in self.empty]
        out += [f"stale (no longer used): {m!r}" for m in self.stale]
        out += self.mismatched
        return out


def compare(scan: Scan, catalogue: dict[str, str]) -> Report:
    """What is wrong with `catalogue` for the messages found by `scan`."""
    report = Report()
    for message in sorted(scan.messages):
        if message not in catalogue:
            report.missing.append(message)
            continue
        english = catalogue[message]
        if not english.strip():
            report.empty.append(message)
            continue
        try:
            theirs = placeholders(english)
        except ValueError as exc:
            report.mismatched.append(f"broken braces in English for {message!r}: {exc}")
            continue
        if theirs != placeholders(message):
            report.mismatched.append(
                f"placeholders differ: {message!r} has {sorted(placeholders(message))}, "
                f"English {english!r} has {sorted(theirs)}")
        elif english.count("\n") != message.count("\n"):
            report.mismatched.append(f"line breaks differ: {message!r} vs {english!r}")
    report.stale = sorted(set(catalogue) - set(scan.messages))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="rewrite en.json from the source")
    mode.add_argument("--check", action="store_true", help="report problems; exit 1 if any")
    parser.add_argument("--catalogue", type=Path, default=CATALOGUE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    scan = scan_package()
    old = load_catalogue(args.catalogue)
    if args.update:
        new = merge(scan.messages, old)
        write_catalogue(new, args.catalogue)
        added = len(set(new) - set(old))
        dropped = len(set(old) - set(new))
        print(f"{args.catalogue}: {len(new)} messages ({added} added, {dropped} dropped)")
        old = new
    problems = compare(scan, old).lines(scan)
    if args.update:  # stale/missing cannot remain; only untranslated or mismatched
        problems = [p for p in problems if not p.startswith(("missing", "stale"))]
    for line in scan.errors + problems:
        print(line, file=sys.stderr)
    if args.check and (scan.errors or problems):
        print(f"{len(scan.errors) + len(problems)} problem(s). Fix any tr() misuse, run "
              "`python tools/extract_messages.py --update`, then write the English for the "
              f"empty entries in {args.catalogue}.", file=sys.stderr)
        return 1
    return 1 if scan.errors else 0


if __name__ == "__main__":
    sys.exit(main())
