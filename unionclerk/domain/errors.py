"""Typed errors that carry a message a clerk understands.

Non-GUI code never shows dialogs; it raises these. The command line prints the
message and exits 2; the window shows it in a calm dialog.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a refused action: the message names what and where, and the fix."""

    exit_code = 2

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class FormDefinitionError(Exception):
    """A forms/*.yaml file breaks the schema (a programming or packaging mistake)."""


class ValueRefused(UserError):
    """A value its field cannot hold (wrong type, impossible date, unknown choice…)."""


class DatabaseError(UserError):
    """The environment's fault around the database: locked, newer, corrupt, disk full."""
