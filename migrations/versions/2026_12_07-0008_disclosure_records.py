"""disclosure records: shared professional secrecy, art. 458bis reports, state of necessity

Three resources beside concertations (R67, R101, R99) in one table: the facts the rules look at in the clear
(booleans, vocabularies, pseudonymous references), every free text sealed under the record's own data key.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 21:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "disclosure_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("regime", sa.String(length=32), nullable=False),
        sa.Column("org", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("person_ref", sa.String(length=64), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("texts_ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_disclosure_record_org_regime_created",
        "disclosure_record",
        ["org", "regime", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "disclosure_key",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kek_id", sa.String(length=64), nullable=False),
        sa.Column("wrapped_dek", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["disclosure_record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("record_id", "version"),
    )


def downgrade() -> None:
    op.drop_table("disclosure_key")
    op.drop_index("ix_disclosure_record_org_regime_created", table_name="disclosure_record")
    op.drop_table("disclosure_record")
