"""The first schema: units, periods, reports, their values, roster rows, explanations, audit.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Every table is created explicitly here (never from `metadata.create_all`), so this file keeps
describing the released 0001 schema however `tables.py` changes later.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("division_code", sa.Text(), nullable=False),
        sa.Column("union_name", sa.Text(), nullable=False),
        sa.Column("own", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sa.UniqueConstraint("division_code", name="uq_units_division_code"),
    )
    op.create_table(
        "periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("part", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_periods"),
        sa.UniqueConstraint("year", "part", name="uq_periods_year_part"),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name="fk_reports_unit_id_units", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["period_id"], ["periods.id"], name="fk_reports_period_id_periods"),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("unit_id", "period_id", name="uq_reports_unit_id_period_id"),
    )
    op.create_table(
        "form_values",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_form_values_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", "form", "field", name="pk_form_values"),
    )
    op.create_table(
        "roster_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("uuid", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_roster_rows_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_roster_rows"),
        sa.UniqueConstraint("uuid", name="uq_roster_rows_uuid"),
    )
    op.create_index(
        "ix_roster_rows_report_id_form_position",
        "roster_rows",
        ["report_id", "form", "position"],
    )
    op.create_table(
        "explanations",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_explanations_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", "key", name="pk_explanations"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("form", sa.Text(), nullable=True),
        sa.Column("field", sa.Text(), nullable=True),
        sa.Column("row_uuid", sa.Text(), nullable=True),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_audit_log_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_report_id", "audit_log", ["report_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_report_id", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("explanations")
    op.drop_index("ix_roster_rows_report_id_form_position", table_name="roster_rows")
    op.drop_table("roster_rows")
    op.drop_table("form_values")
    op.drop_table("reports")
    op.drop_table("periods")
    op.drop_table("units")
    op.drop_table("settings")
