"""art. 46bis/1 C. i. cr. requests: the institution's secret request desk (R78–R84)

The closed vocabularies the rules look at in the clear; every text, the person and the request's history sealed
under the request's own data key (R83).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 01:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "admin_info_request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("texts_ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_admin_info_request_org_created", "admin_info_request", ["org", "created_at", "id"], unique=False
    )
    op.create_table(
        "admin_info_key",
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kek_id", sa.String(length=64), nullable=False),
        sa.Column("wrapped_dek", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["admin_info_request.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("request_id", "version"),
    )


def downgrade() -> None:
    op.drop_table("admin_info_key")
    op.drop_index("ix_admin_info_request_org_created", table_name="admin_info_request")
    op.drop_table("admin_info_request")
