"""What a received file turned out to be: one vocabulary for `inspect`, import, review and the
county merge, so that the readers' answers are passed on as they are, never translated.

The three refusals (`NOT_A_REPORT`, `UNREADABLE`, `NEWER_FORMAT`) are also problem kinds of a
county summary's 问题清单 (interchange.md §3, `exporters.summary.model`), with the same values.
"""

from __future__ import annotations

from enum import StrEnum


class FileKind(StrEnum):
    SUBMISSION = "submission"  # a report's exported workbook
    JSON_REPORT = "json_report"  # a report's JSON file
    TEMPLATE = "template"  # the blank fill-in workbook (filled in or not)
    SUMMARY = "summary"  # a county's (city's…) summary: workbook or JSON
    PRINTOUT = "printout"  # this program's PDF of a report, for printing and sealing
    ARCHIVE = "archive"  # a zip of files, unpacked by the merge
    NOT_A_REPORT = "not_a_report"  # a photo, a Word document, someone else's workbook…
    UNREADABLE = "unreadable"  # cannot be opened or parsed
    NEWER_FORMAT = "newer_format"  # written by a newer version of the program

    @property
    def refused(self) -> bool:
        """The file holds nothing this program can use."""
        return self in REFUSALS


REFUSALS = frozenset({FileKind.NOT_A_REPORT, FileKind.UNREADABLE, FileKind.NEWER_FORMAT})
