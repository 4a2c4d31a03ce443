"""The loaded form definitions: fields, rules and forms, as plain objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from unionclerk.domain.errors import ValueRefused
from unionclerk.domain.i18n import pick
from unionclerk.domain.problems import Severity
from unionclerk.domain.units import table_no_text, unit_list, unit_text
from unionclerk.formspec import door
from unionclerk.formspec.expr import Compiled
from unionclerk.formspec.fieldtypes import FieldType

OTHER = "其他"


@dataclass
class FieldDef:
    key: str
    label: str
    type: FieldType
    label_en: str | None = None
    unit: str | None = None
    required: bool = False
    parent: str | None = None
    help: str | None = None
    help_en: str | None = None
    default: Any = None
    formula: tuple[str, str] | None = None  # rate: (numerator, denominator)
    check_severity: Severity = Severity.ERROR
    companion_of: str | None = None  # set on the `<key>_other` text of a choice
    synonyms: tuple[str, ...] = ()  # other column headers clerks give it (formspec.headers)
    depth: int = 0  # 其中 nesting level (0 = top)

    @property
    def title(self) -> str:
        return pick(self.label, self.label_en)

    @property
    def unit_shown(self) -> str:
        """The unit in the interface language (人 → persons under --lang en)."""
        return unit_text(self.unit)

    @property
    def plain_label(self) -> str:
        """The label without its 其中 prefix, for messages."""
        return self.title.removeprefix("其中: ").removeprefix("其中:")

    @property
    def choices(self) -> list[str]:
        return self.type.choices

    @property
    def has_other(self) -> bool:
        return OTHER in self.type.choices

    @property
    def other_key(self) -> str:
        return f"{self.key}_other"

    @property
    def sensitive(self) -> bool:
        return self.type.name == "idnumber"

    # Shortcuts to the type, so callers rarely reach through.
    # Everything that enters goes through the door first (door.py).
    def from_json(self, raw: Any) -> Any:
        if isinstance(raw, str):
            raw = door.clean(raw)
        elif isinstance(raw, door.OddNumber):
            raise ValueRefused(raw.reason())
        return self.type.from_json(raw)

    def parse_text(self, text: str) -> Any:
        return self.type.parse_text(door.clean(text))

    def to_json(self, value: Any) -> Any:
        return self.type.to_json(value)

    def display(self, value: Any) -> str:
        return self.type.display(value)


@dataclass
class RuleDef:
    id: str
    form: str
    scope: str  # "form" (a record), "row" (each roster row), "roster" (the whole roster)
    severity: Severity
    field: str  # where the problem shows
    message: str
    message_en: str | None = None
    check: Compiled | None = None
    unique: list[str] | None = None

    @property
    def qualified_id(self) -> str:
        return f"{self.form}.{self.id}"

    @property
    def text(self) -> str:
        return pick(self.message, self.message_en)


@dataclass(frozen=True)
class CountyFigure:
    """One figure of the county screen's line (`county_figures` in a form's YAML)."""

    field: str
    label: str  # with {n} where the value goes: 会员 {n} 人
    label_en: str | None = None

    def text(self, field_def: FieldDef, value: Any) -> str:
        """The figure as shown: counts with thousands separators, rates with 1 decimal."""
        shown = (
            f"{value:.1f}"
            if field_def.formula
            else f"{value:,}"
            if isinstance(value, int)
            else str(value)
        )
        return pick(self.label, self.label_en).replace("{n}", shown)


@dataclass(frozen=True)
class CountChart:
    """A roster's rows counted by one choice field, charted in the summary PDF (`chart`)."""

    field: str
    title: str  # 阵地：按类型
    title_en: str | None = None

    @property
    def shown_title(self) -> str:
        return pick(self.title, self.title_en)


@dataclass
class Section:
    title: str
    title_en: str | None
    fields: list[str]


@dataclass
class FormDef:
    key: str
    version: int
    kind: str  # "single" or "roster"
    order: int
    title: str
    title_en: str | None = None
    table_no: str | None = None
    unit_label: str | None = None
    fields: list[FieldDef] = field(default_factory=list)  # record fields or roster columns
    summary: list[FieldDef] = field(default_factory=list)  # roster forms: the summary part
    sections: list[Section] = field(default_factory=list)
    rules: list[RuleDef] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    # What the program does with the form, declared in its YAML (docs/forms-yaml.md):
    carry_over: bool = False  # roster rows start the next period's report
    row_key: list[str] = field(default_factory=list)  # fields that tell one row from another
    derived_figures: bool = False  # the cadre figures (formspec.derived) are computed over it
    key_figures: list[str] = field(default_factory=list)  # record fields the summary leads with
    headline: str | None = None  # the rate the summary's chart shows, unit by unit
    county_figures: list[CountyFigure] = field(default_factory=list)  # the county screen's line
    chart: CountChart | None = None  # rows by a choice field, charted in the summary PDF
    count_label: str | None = None  # the county screen's row count, "干部 {n} 人"
    count_label_en: str | None = None

    def __post_init__(self) -> None:
        self._by_key: dict[str, FieldDef] = {}

    def index(self) -> None:
        self._by_key = {f.key: f for f in self.fields + self.summary}

    @property
    def is_roster(self) -> bool:
        return self.kind == "roster"

    @property
    def display_title(self) -> str:
        title = pick(self.title, self.title_en)
        return f"{table_no_text(self.table_no)} {title}" if self.table_no else title

    @property
    def units_shown(self) -> str:
        """The form's 计量单位 in the interface language."""
        return unit_list(self.unit_label)

    def count_text(self, n: int) -> str:
        """The county screen's count of this roster's rows, in the interface language."""
        return pick(self.count_label or "", self.count_label_en).replace("{n}", str(n))

    @property
    def record_fields(self) -> list[FieldDef]:
        """The fields stored as a single record: the whole form, or a roster's summary."""
        return self.summary if self.is_roster else self.fields

    def field(self, key: str) -> FieldDef:
        return self._by_key[key]

    def has_field(self, key: str) -> bool:
        return key in self._by_key

    def computed(self, values: dict[str, Any]) -> dict[str, Any]:
        """Values of the computed (rate) fields from a record's values."""
        out: dict[str, Any] = {}
        for f in self.record_fields:
            if f.formula:
                out[f.key] = rate(values.get(f.formula[0]), values.get(f.formula[1]))
        return out


def rate(numerator: Any, denominator: Any) -> Decimal | None:
    """A percentage with 1 decimal, or None when a part is missing or the base is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    value = Decimal(numerator) * 100 / Decimal(denominator)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class FormSet:
    """All forms of the report, in report order."""

    forms: list[FormDef]

    def __post_init__(self) -> None:
        self._by_key = {f.key: f for f in self.forms}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.forms)

    def __getitem__(self, key: str) -> FormDef:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def keys(self) -> list[str]:
        return [f.key for f in self.forms]

    @property
    def versions(self) -> dict[str, int]:
        return {f.key: f.version for f in self.forms}
