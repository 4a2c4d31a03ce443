"""Review tables (migration 0002): submissions, comments and verdicts, inside one `Tx`.

Part of `Tx` (mixed in like `ContentOps`): the services reach these only through a transaction
from `Database`. Returns the plain records of `unionclerk.domain.review`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, insert, select, update

from unionclerk.domain.review import Comment, SubmissionRecord, Verdict
from unionclerk.storage._base import TxBase, new_id
from unionclerk.storage.tables import (
    from_json,
    now_iso,
    review_comments,
    review_verdicts,
    submissions,
    to_json,
)

NOTE_REVIEW = "review"


class ReviewOps(TxBase):
    # -- submissions -------------------------------------------------------------------------
    def add_submission(
        self,
        report_id: int,
        *,
        direction: str,
        export_id: str,
        payload_sha256: str,
        exported_at: str,
        file: str,
        document: str | None = None,
    ) -> SubmissionRecord:
        self._writing()
        row_id = new_id(
            self._conn.execute(
                insert(submissions).values(
                    report_id=report_id,
                    direction=direction,
                    export_id=export_id,
                    payload_sha256=payload_sha256,
                    exported_at=exported_at,
                    file=file,
                    recorded_at=now_iso(),
                    document=document,
                )
            )
        )
        return self.get_submission(row_id)

    def get_submission(self, submission_id: int) -> SubmissionRecord:
        row = self._conn.execute(_SUB.where(submissions.c.id == submission_id)).one()
        return _submission(row)

    def list_submissions(
        self, report_id: int | None = None, *, direction: str | None = None
    ) -> list[SubmissionRecord]:
        """Oldest first."""
        query = _SUB
        if report_id is not None:
            query = query.where(submissions.c.report_id == report_id)
        if direction is not None:
            query = query.where(submissions.c.direction == direction)
        return [_submission(r) for r in self._conn.execute(query.order_by(submissions.c.id))]

    def submission_document(self, submission_id: int) -> str | None:
        return self._conn.scalar(
            select(submissions.c.document).where(submissions.c.id == submission_id)
        )

    def find_submissions(
        self, *, export_id: str | None = None, hash_prefix: str | None = None
    ) -> list[SubmissionRecord]:
        query = _SUB
        if export_id is not None:
            query = query.where(submissions.c.export_id == export_id)
        if hash_prefix is not None:
            query = query.where(submissions.c.payload_sha256.like(f"{hash_prefix.lower()}%"))
        return [_submission(r) for r in self._conn.execute(query.order_by(submissions.c.id))]

    # -- comments ----------------------------------------------------------------------------
    def add_comment(
        self,
        report_id: int,
        *,
        uid: str,
        form: str,
        field: str | None,
        text: str,
        author: str,
        at: str | None = None,
        submission_id: int | None = None,
        row_index: int | None = None,
        row_key: dict[str, Any] | None = None,
        row_uuid: str | None = None,
        value: Any = None,
        return_uid: str | None = None,
    ) -> Comment:
        self._writing()
        self._conn.execute(
            insert(review_comments).values(
                uid=uid,
                report_id=report_id,
                submission_id=submission_id,
                form=form,
                field=field,
                row_index=row_index,
                row_key=None if row_key is None else to_json(row_key),
                row_uuid=row_uuid,
                value=None if value is None else to_json(value),
                text=text,
                author=author,
                at=at or now_iso(),
                return_uid=return_uid,
            )
        )
        self._audit(
            report_id, form=form, field=field, row_uuid=row_uuid, new=text, note=NOTE_REVIEW
        )
        return self.get_comment(uid)

    def get_comment(self, uid: str) -> Comment:
        row = self._conn.execute(select(review_comments).where(review_comments.c.uid == uid)).one()
        return _comment(row)

    def list_comments(self, report_id: int) -> list[Comment]:
        rows = self._conn.execute(
            select(review_comments)
            .where(review_comments.c.report_id == report_id)
            .order_by(review_comments.c.id)
        )
        return [_comment(r) for r in rows]

    def set_comment_return(self, uid: str, return_uid: str) -> None:
        self._writing()
        self._conn.execute(
            update(review_comments)
            .where(review_comments.c.uid == uid)
            .values(return_uid=return_uid)
        )

    def set_reply(self, uid: str, reply: str | None, at: str | None = None) -> None:
        """The township clerk's answer to a comment (None or "" takes it back)."""
        self._writing()
        comment = self.get_comment(uid)
        text = (reply or "").strip() or None
        self._conn.execute(
            update(review_comments)
            .where(review_comments.c.uid == uid)
            .values(reply=text, reply_at=(at or now_iso()) if text else None)
        )
        self._audit(
            comment.report_id,
            form=comment.form,
            field=comment.field,
            row_uuid=comment.row_uuid,
            old=comment.reply,
            new=text,
            note=NOTE_REVIEW,
        )

    # -- verdicts ----------------------------------------------------------------------------
    def add_verdict(
        self,
        report_id: int,
        *,
        verdict: str,
        reason: str,
        author: str,
        submission_id: int | None = None,
        return_uid: str | None = None,
        at: str | None = None,
    ) -> Verdict:
        self._writing()
        row_id = new_id(
            self._conn.execute(
                insert(review_verdicts).values(
                    report_id=report_id,
                    submission_id=submission_id,
                    verdict=verdict,
                    reason=reason,
                    author=author,
                    at=at or now_iso(),
                    return_uid=return_uid,
                )
            )
        )
        self._audit(
            report_id, new=verdict, note=f"{NOTE_REVIEW}: {reason}" if reason else NOTE_REVIEW
        )
        row = self._conn.execute(
            select(review_verdicts).where(review_verdicts.c.id == row_id)
        ).one()
        return _verdict(row)

    def list_verdicts(self, report_id: int | None = None) -> list[Verdict]:
        """Oldest first."""
        query = select(review_verdicts).order_by(review_verdicts.c.id)
        if report_id is not None:
            query = query.where(review_verdicts.c.report_id == report_id)
        return [_verdict(r) for r in self._conn.execute(query)]

    def find_verdict(self, return_uid: str) -> Verdict | None:
        row = self._conn.execute(
            select(review_verdicts).where(review_verdicts.c.return_uid == return_uid)
        ).first()
        return None if row is None else _verdict(row)


_SUB = select(*(c for c in submissions.c if c.name != "document"))


def _submission(row: Row[Any]) -> SubmissionRecord:
    return SubmissionRecord(
        row.id,
        row.report_id,
        row.direction,
        row.export_id,
        row.payload_sha256,
        row.exported_at,
        row.file,
        row.recorded_at,
    )


def _comment(row: Row[Any]) -> Comment:
    return Comment(
        row.id,
        row.uid,
        row.report_id,
        row.submission_id,
        row.form,
        row.field,
        row.row_index,
        from_json(row.row_key),
        row.row_uuid,
        from_json(row.value),
        row.text,
        row.author,
        row.at,
        row.return_uid,
        row.reply,
        row.reply_at,
    )


def _verdict(row: Row[Any]) -> Verdict:
    return Verdict(
        row.id,
        row.report_id,
        row.submission_id,
        row.verdict,
        row.reason,
        row.author,
        row.at,
        row.return_uid,
    )
