"""Writing a return: the JSON return file and its printed 退回通知单, both or neither.

Both are written into a hidden staging folder inside the chosen folder and moved into place
only when both are done (as the submission export does).
"""

from __future__ import annotations

from pathlib import Path

from unionclerk import paths
from unionclerk.domain.errors import UserError
from unionclerk.domain.i18n import tr
from unionclerk.exporters import atomic, return_file
from unionclerk.exporters.filenames import file_safe
from unionclerk.exporters.pdf import return_notice as return_pdf
from unionclerk.exporters.staging import RETURN, move_into, staging_folder
from unionclerk.formspec.model import FormSet


def base_name(doc: return_file.ReturnDoc) -> str:
    return f"{doc.division_code}_{file_safe(doc.union_name, 'unit')}_{doc.period.label}_退回通知"


def write_pair(forms: FormSet, doc: return_file.ReturnDoc, out_dir: Path) -> list[Path]:
    base = base_name(doc)
    try:
        with staging_folder(Path(out_dir), RETURN) as staging:
            atomic.write_bytes(
                staging / f"{base}.json",
                return_file.dumps(return_file.build(doc, forms)).encode("utf-8"),
            )
            return_pdf.build(staging / f"{base}.pdf", forms, doc, paths.font_path())
            return move_into(Path(out_dir), sorted(staging.iterdir()))
    except OSError as exc:
        raise UserError(
            tr("无法写入文件：{reason}", reason=exc.strerror or str(exc)), where=str(out_dir)
        ) from None
