"""A problem found by a check: where it is, how bad, and what would fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # blocks completion
    WARNING = "warning"  # needs a written explanation before completion


@dataclass(frozen=True)
class Problem:
    severity: Severity
    form: str
    field: str  # field key ("" for a roster-wide or form-wide problem)
    message: str  # plain Chinese (or English): names the field and the fix
    rule: str  # rule id, e.g. "organisation.single_le_total" or "type:int"
    row: str | None = None  # roster row UUID
    row_index: int | None = None  # 0-based position of that row, for messages and JSON

    @property
    def target(self) -> str:
        """The key of this problem's place, as `explanations` in the JSON report uses it."""
        if self.row_index is not None:
            return f"{self.form}.rows[{self.row_index}].{self.field}"
        return f"{self.form}.{self.field}" if self.field else self.form

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR
