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


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in plain words for the common faults of an office PC
    (a full disk, a write-protected stick, no permission), else the system's own text."""
    import errno

    from unionclerk.domain.i18n import tr

    plain = {
        errno.ENOSPC: tr("磁盘已满"),
        errno.EDQUOT: tr("磁盘已满"),
        errno.EROFS: tr("文件夹是只读的（如写保护的U盘）"),
        errno.EACCES: tr("没有写入权限"),
        errno.EPERM: tr("没有写入权限"),
        errno.ENOENT: tr("找不到文件或文件夹"),
    }
    return plain.get(exc.errno or 0) or exc.strerror or str(exc)
