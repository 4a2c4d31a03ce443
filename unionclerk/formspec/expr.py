"""The rule language: a tiny, safe subset of Python expressions, compiled once to closures.

Rules in forms/*.yaml are data such as `single_unions <= grassroots_unions` or
`status != '已启用' or filled(opened)`. We parse them with `ast` and translate each allowed
node into a Python closure; anything else (attribute tricks, subscripts, lambdas, calls of
unknown functions) is refused at load time. Nothing is ever passed to `eval`.

Empty fields are `None`. Any operation on `None` gives `None` ("unknown"), `and`/`or` follow
three-valued logic, and a rule fails only when its result is exactly `False` — so a rule is
simply not applicable while a field it needs is empty (use `filled()` / `empty()` to test
emptiness itself).
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from unionclerk.domain.report import YearMonth
from unionclerk.formspec import idmask
from unionclerk.formspec import validators as v


class Scope(Protocol):
    """What an expression can see while it runs."""

    def get(self, name: str) -> Any: ...  # a field of the current record or row
    def other(self, form: str, name: str) -> Any: ...  # a field of another single form
    def rows(self, form: str) -> Iterable[Any]: ...  # a roster's rows, each itself a Scope
    def constant(self, name: str) -> Any: ...  # period_start, period_end


class ExprError(ValueError):
    """The expression uses something the rule language does not allow."""


Fn = Callable[[Scope], Any]

CONSTANTS = ("period_start", "period_end")
ROSTER_FUNCS = ("count", "total", "nrows")


@dataclass
class Compiled:
    """A compiled expression and what it reads, for re-checking only what a change touches."""

    source: str
    fn: Fn
    names: list[str] = field(default_factory=list)  # fields of the own record/row, in order
    others: set[tuple[str, str]] = field(default_factory=set)  # (form, field) of other forms
    rosters: dict[str, set[str]] = field(default_factory=dict)  # roster -> fields read per row


# -- value helpers --------------------------------------------------------------------------
def _align(a: Any, b: Any) -> tuple[Any, Any]:
    """Make a year-month and a date comparable (by month); leave other values alone."""
    if isinstance(a, YearMonth) and isinstance(b, date):
        return a, YearMonth(b.year, b.month)
    if isinstance(a, date) and isinstance(b, YearMonth):
        return YearMonth(a.year, a.month), b
    return a, b


def _num(x: Any) -> Any:
    return Decimal(x) if isinstance(x, int) and not isinstance(x, bool) else x


def _arith(op: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def run(a: Any, b: Any) -> Any:
        if a is None or b is None:
            return None
        if op is operator.truediv:
            if b == 0:
                return None
            return _num(a) / _num(b)
        return op(a, b)

    return run


def _compare(op: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
    def run(a: Any, b: Any) -> Any:
        if a is None or b is None:
            return None
        if a.__class__ is not b.__class__:  # values of one class never need aligning
            a, b = _align(a, b)
        try:
            return op(a, b)
        except TypeError:
            return None

    return run


def _contains(a: Any, b: Any) -> Any:
    return None if a is None or b is None else a in b


def _filled(x: Any) -> bool:
    return x is not None and x != ""


def _age(birth: Any, at: Any) -> Any:
    if birth is None or at is None:
        return None
    years = at.year - birth.year
    return years - 1 if at.month < birth.month else years


def _id_gender(x: Any) -> Any:
    return None if not x or idmask.is_masked(x) else v.id_gender(x)


def _id_birth(x: Any) -> Any:
    if not x or idmask.is_masked(x):
        return None
    ymd = v.id_birth(x)
    return None if ymd is None else YearMonth(ymd[0], ymd[1])


def _code_prefix(x: Any, n: Any) -> Any:
    return None if x is None or n is None else str(x)[: int(n)]


def _length(x: Any) -> Any:
    return None if x is None else len(x)


def _phone_ok(x: Any) -> Any:
    return None if not x else v.phone_problem(x) is None


PLAIN_FUNCS: dict[str, tuple[int, Callable[..., Any], bool]] = {
    # name: (arity, function, sees empty values as values)
    "filled": (1, _filled, True),
    "empty": (1, lambda x: not _filled(x), True),
    "age": (2, _age, False),
    "id_gender": (1, _id_gender, False),
    "id_birth": (1, _id_birth, False),
    "code_prefix": (2, _code_prefix, False),
    "len": (1, _length, False),
    "is_mobile_or_landline": (1, _phone_ok, False),
}

_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_CMPOPS: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: _contains,
    ast.NotIn: lambda a, b: None if a is None or b is None else a not in b,
}


class _Compiler:
    def __init__(
        self,
        source: str,
        fields: set[str],
        others: dict[str, set[str]],
        rosters: dict[str, set[str]],
    ) -> None:
        self.source = source
        self.fields = fields  # names allowed bare
        self.other_forms = others  # single form -> its fields
        self.roster_forms = rosters  # roster form -> its columns
        self.out = Compiled(source, lambda s: None)
        # Leaves, so that the nodes above them can read a value or field directly
        self.constants: dict[Fn, Any] = {}  # function -> the constant it returns
        self.getters: dict[Fn, str] = {}  # function -> the field it reads

    def fail(self, what: str) -> ExprError:
        return ExprError(f"{what} (in `{self.source}`)")

    def compile(self) -> Compiled:
        try:
            tree = ast.parse(self.source, mode="eval")
        except SyntaxError as exc:
            raise self.fail(f"syntax error: {exc.msg}") from None
        self.out.fn = self.node(tree.body, self.fields)
        return self.out

    def node(self, n: ast.AST, scope_fields: set[str], row_of: str | None = None) -> Fn:
        if isinstance(n, ast.Constant) and isinstance(n.value, int | float | str):
            value = (
                _num(n.value)
                if isinstance(n.value, int | float) and not isinstance(n.value, bool)
                else n.value
            )
            if isinstance(value, float):
                value = Decimal(str(value))
            const: Fn = lambda s: value  # noqa: E731
            self.constants[const] = value
            return const
        if isinstance(n, ast.List | ast.Tuple):
            items = [self.node(e, scope_fields, row_of) for e in n.elts]
            return lambda s: [f(s) for f in items]
        if isinstance(n, ast.Name):
            return self.name(n.id, scope_fields, row_of)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name):
            form, name = n.value.id, n.attr
            if name not in self.other_forms.get(form, set()):
                raise self.fail(f"unknown field {form}.{name}")
            self.out.others.add((form, name))
            return lambda s: s.other(form, name)
        if isinstance(n, ast.BinOp) and type(n.op) in _BINOPS:
            op = _arith(_BINOPS[type(n.op)])
            left, right = (
                self.node(n.left, scope_fields, row_of),
                self.node(n.right, scope_fields, row_of),
            )
            return lambda s: op(left(s), right(s))
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.Not):
            inner = self.node(n.operand, scope_fields, row_of)
            return lambda s: (lambda x: None if x is None else not x)(inner(s))
        if isinstance(n, ast.BoolOp):
            parts = [self.node(e, scope_fields, row_of) for e in n.values]
            return _and(parts) if isinstance(n.op, ast.And) else _or(parts)
        if isinstance(n, ast.Compare):
            return self.compare(n, scope_fields, row_of)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and not n.keywords:
            return self.call(n, scope_fields, row_of)
        raise self.fail(f"not allowed: {ast.dump(n)[:60]}")

    def name(self, name: str, scope_fields: set[str], row_of: str | None) -> Fn:
        if name in CONSTANTS:
            return lambda s: s.constant(name)
        if name not in scope_fields:
            raise self.fail(f"unknown field {name}")
        if row_of is None:
            if name not in self.out.names:
                self.out.names.append(name)
        else:
            self.out.rosters.setdefault(row_of, set()).add(name)
        getter: Fn = lambda s: s.get(name)  # noqa: E731
        self.getters[getter] = name
        return getter

    def compare(self, n: ast.Compare, scope_fields: set[str], row_of: str | None) -> Fn:
        if any(type(o) not in _CMPOPS for o in n.ops):
            raise self.fail("comparison not allowed")
        ops = [
            _compare(_CMPOPS[type(o)]) if type(o) not in (ast.In, ast.NotIn) else _CMPOPS[type(o)]
            for o in n.ops
        ]
        terms = [self.node(n.left, scope_fields, row_of)] + [
            self.node(c, scope_fields, row_of) for c in n.comparators
        ]
        if len(ops) == 1:
            op, left, right = ops[0], terms[0], terms[1]
            name, other = self.getters.get(left), self.getters.get(right)
            if name is not None and right in self.constants:  # field <op> constant
                value = self.constants[right]
                if type(n.ops[0]) in (ast.In, ast.NotIn):

                    def field_in(s: Scope) -> Any:
                        r = op(s.get(name), value)
                        return None if r is None else bool(r)

                    return field_in
                # `_compare` inlined: a constant (number or text) never needs aligning
                plain = _CMPOPS[type(n.ops[0])]

                def field_const(s: Scope) -> Any:
                    a = s.get(name)
                    if a is None:
                        return None
                    try:
                        r = plain(a, value)
                    except TypeError:
                        return None
                    return None if r is None else bool(r)

                return field_const
            if name is not None and other is not None:  # field <op> field

                def field_field(s: Scope) -> Any:
                    r = op(s.get(name), s.get(other))
                    return None if r is None else bool(r)

                return field_field

            def run_one(s: Scope) -> Any:
                r = op(left(s), right(s))
                return None if r is None else bool(r)

            return run_one
        if len(ops) == 2:  # a <= b <= c
            op1, op2 = ops
            first, middle, last = terms

            def run_two(s: Scope) -> Any:
                a, b, c = first(s), middle(s), last(s)
                r1, r2 = op1(a, b), op2(b, c)
                if (r1 is not None and not r1) or (r2 is not None and not r2):
                    return False
                return None if r1 is None or r2 is None else True

            return run_two

        def run(s: Scope) -> Any:
            # Every term and every comparison first, then three-valued `and` of the results.
            values = [t(s) for t in terms]
            results = [op(a, b) for op, a, b in zip(ops, values, values[1:], strict=False)]
            unknown = False
            for r in results:
                if r is None:
                    unknown = True
                elif not r:
                    return False
            return None if unknown else True

        return run

    def call(self, n: ast.Call, scope_fields: set[str], row_of: str | None) -> Fn:
        assert isinstance(n.func, ast.Name)  # the caller lets only plain names through
        fname = n.func.id
        if fname in ROSTER_FUNCS:
            return self.roster_call(fname, n.args, row_of)
        if fname not in PLAIN_FUNCS:
            raise self.fail(f"unknown function {fname}()")
        arity, fn, _ = PLAIN_FUNCS[fname]
        if len(n.args) != arity:
            raise self.fail(f"{fname}() takes {arity} argument(s)")
        args = [self.node(a, scope_fields, row_of) for a in n.args]
        if len(args) == 1:
            only = args[0]
            name = self.getters.get(only)
            if name is not None:
                return lambda s: fn(s.get(name))
            return lambda s: fn(only(s))
        if len(args) == 2:
            first, second = args
            return lambda s: fn(first(s), second(s))
        return lambda s: fn(*(a(s) for a in args))

    def roster_call(self, fname: str, args: list[ast.expr], row_of: str | None) -> Fn:
        if row_of is not None:
            raise self.fail(f"{fname}() cannot be nested")
        if not args or not isinstance(args[0], ast.Name) or args[0].id not in self.roster_forms:
            raise self.fail(f"{fname}() needs a roster form as first argument")
        roster = args[0].id
        columns = self.roster_forms[roster]
        self.out.rosters.setdefault(roster, set())
        if fname == "nrows":
            if len(args) != 1:
                raise self.fail("nrows() takes 1 argument")
            return lambda s: sum(1 for _ in s.rows(roster))
        if len(args) != 2:
            raise self.fail(f"{fname}() takes 2 arguments")
        if fname == "total":
            if not isinstance(args[1], ast.Name) or args[1].id not in columns:
                raise self.fail("total() needs a column name as second argument")
            col = args[1].id
            self.out.rosters[roster].add(col)

            def total(s: Scope) -> Any:
                values = [r.get(col) for r in s.rows(roster)]
                values = [x for x in values if x is not None]
                return sum(values) if values else None

            return total
        cond = self.node(args[1], columns, row_of=roster)
        return lambda s: sum(1 for r in s.rows(roster) if cond(r) is True)


def _and(parts: list[Fn]) -> Fn:
    if len(parts) == 2:
        first, second = parts

        def run_two(s: Scope) -> Any:
            r1 = first(s)
            if r1 is not None and not r1:
                return False
            r2 = second(s)
            if r2 is not None and not r2:
                return False
            return None if r1 is None or r2 is None else True

        return run_two

    def run(s: Scope) -> Any:
        unknown = False
        for p in parts:
            r = p(s)
            if r is None:
                unknown = True
            elif not r:
                return False
        return None if unknown else True

    return run


def _or(parts: list[Fn]) -> Fn:
    if len(parts) == 2:
        first, second = parts

        def run_two(s: Scope) -> Any:
            r1 = first(s)
            if r1 is not None and r1:
                return True
            r2 = second(s)
            if r2 is not None and r2:
                return True
            return None if r1 is None or r2 is None else False

        return run_two

    def run(s: Scope) -> Any:
        unknown = False
        for p in parts:
            r = p(s)
            if r is None:
                unknown = True
            elif r:
                return True
        return None if unknown else False

    return run


def compile_expr(
    source: str,
    fields: Iterable[str],
    other_forms: dict[str, set[str]],
    rosters: dict[str, set[str]],
) -> Compiled:
    """Compile `source`; `fields` are the names usable bare (the record's or row's fields)."""
    return _Compiler(source, set(fields), other_forms, rosters).compile()
