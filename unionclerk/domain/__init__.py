"""Plain values and errors shared by every layer (no Qt, no SQL, no I/O)."""

from unionclerk.domain.errors import UserError
from unionclerk.domain.period import Period
from unionclerk.domain.problems import Problem, Severity
from unionclerk.domain.report import ReportData, RosterRow, YearMonth

__all__ = ["Period", "Problem", "ReportData", "RosterRow", "Severity", "UserError", "YearMonth"]
