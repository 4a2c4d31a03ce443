"""The forms engine: reads forms/*.yaml, field types, rules and computed fields. No Qt, no SQL."""

from unionclerk.formspec.checker import Change, Checker, CheckResult, explanation_key
from unionclerk.formspec.loader import load_forms, shipped_forms
from unionclerk.formspec.model import FieldDef, FormDef, FormSet, RuleDef

__all__ = [
    "Change",
    "CheckResult",
    "Checker",
    "FieldDef",
    "FormDef",
    "FormSet",
    "RuleDef",
    "explanation_key",
    "load_forms",
    "shipped_forms",
]
