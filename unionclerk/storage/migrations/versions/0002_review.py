"""Review and return (issue 16): submissions sent or received, comments, verdicts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03

- `submissions`: every export this folder made (township: direction "sent") and every report
  file received for review (county: direction "received", with the report as canonical JSON,
  so two submissions can be compared later);
- `review_comments`: the county's 批注 at a form, a field or a roster cell, with who and when;
  on the township side the same comments arrive with a return file and take the clerk's reply;
- `review_verdicts`: 通过 / 退回修改 per received submission (county), and every return file
  imported (township), so the same return is never applied twice.

Only new tables: nothing of the 0001 schema is rebuilt, so the upgrade cannot touch old rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.Text(), nullable=False),
        sa.Column("export_id", sa.Text(), nullable=False),
        sa.Column("payload_sha256", sa.Text(), nullable=False),
        sa.Column("exported_at", sa.Text(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_submissions_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_submissions"),
    )
    op.create_index("ix_submissions_report_id", "submissions", ["report_id"])
    op.create_index("ix_submissions_export_id", "submissions", ["export_id"])
    op.create_table(
        "review_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Text(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=True),
        sa.Column("row_index", sa.Integer(), nullable=True),
        sa.Column("row_key", sa.Text(), nullable=True),
        sa.Column("row_uuid", sa.Text(), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("return_uid", sa.Text(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("reply_at", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_review_comments_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name="fk_review_comments_submission_id_submissions",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_comments"),
        sa.UniqueConstraint("uid", name="uq_review_comments_uid"),
    )
    op.create_index("ix_review_comments_report_id", "review_comments", ["report_id"])
    op.create_table(
        "review_verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("return_uid", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_review_verdicts_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name="fk_review_verdicts_submission_id_submissions",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_verdicts"),
    )
    op.create_index("ix_review_verdicts_report_id", "review_verdicts", ["report_id"])


def downgrade() -> None:
    op.drop_index("ix_review_verdicts_report_id", table_name="review_verdicts")
    op.drop_table("review_verdicts")
    op.drop_index("ix_review_comments_report_id", table_name="review_comments")
    op.drop_table("review_comments")
    op.drop_index("ix_submissions_export_id", table_name="submissions")
    op.drop_index("ix_submissions_report_id", table_name="submissions")
    op.drop_table("submissions")
