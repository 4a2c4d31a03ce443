"""What a received file turned out to be: one vocabulary for `inspect`, import, review and the
county merge, so that the readers' answers are passed on as they are, never translated.

The three refusals (`NOT_A_REPORT`, `UNREADABLE`, `NEWER_FORMAT`) are also problem kinds of a
county summary's 问题清单 (interchange.md §3, `exporters.summary.model`), with the same values
and the same names for people (`FileKind.label`, the one table of them).
"""

from __future__ import annotations

from enum import StrEnum

from unionclerk.domain.i18n import tr


class FileKind(StrEnum):
    SUBMISSION = "submission"  # a report's exported workbook
    JSON_REPORT = "json_report"  # a report's JSON file
    TEMPLATE = "template"  # the blank fill-in workbook (filled in or not)
    SUMMARY = "summary"  # a county's (city's…) summary: workbook or JSON
    RETURN = "return_file"  # a county's comments on one submission, for its township
    PRINTOUT = "printout"  # this program's PDF of a report, for printing and sealing
    ARCHIVE = "archive"  # a zip of files, unpacked by the merge
    NOT_A_REPORT = "not_a_report"  # a photo, a Word document, someone else's workbook…
    UNREADABLE = "unreadable"  # cannot be opened or parsed
    NEWER_FORMAT = "newer_format"  # written by a newer version of the program

    @property
    def refused(self) -> bool:
        """The file holds nothing this program can use."""
        return self in REFUSALS

    @property
    def label(self) -> str:
        """What this kind of file is called, for people (inspect's 类型, 问题清单, review),
        in the language of the moment."""
        return {
            FileKind.SUBMISSION: tr("上报工作簿"),
            FileKind.JSON_REPORT: tr("JSON 报表"),
            FileKind.TEMPLATE: tr("空白填报模板"),
            FileKind.SUMMARY: tr("汇总文件"),
            FileKind.RETURN: tr("退回文件"),
            FileKind.PRINTOUT: tr("本程序导出的 PDF（供打印盖章）"),
            FileKind.ARCHIVE: tr("压缩包"),
            FileKind.NOT_A_REPORT: tr("不是报表"),
            FileKind.UNREADABLE: tr("无法读取"),
            FileKind.NEWER_FORMAT: tr("格式版本较新"),
        }[self]


REFUSALS = frozenset({FileKind.NOT_A_REPORT, FileKind.UNREADABLE, FileKind.NEWER_FORMAT})
