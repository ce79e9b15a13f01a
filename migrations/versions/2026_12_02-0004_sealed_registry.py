"""sealed registry free texts: a data key per legal basis

The authorisation's motivation and the retirement reason are sealed under the basis's own data key (SPEC §6). A
revision cannot seal (it holds no keys and imports no application code): plaintext written before it stays where
it was until `concertation keys seal-registry` (run by `make migrate`) seals and empties it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 05:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "basis_key",
        sa.Column("basis_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kek_id", sa.String(length=64), nullable=False),
        sa.Column("wrapped_dek", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["basis_id"], ["legal_basis.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("basis_id", "version"),
    )
    with op.batch_alter_table("legal_basis", schema=None) as batch_op:
        batch_op.add_column(sa.Column("texts_ciphertext", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("legal_basis", schema=None) as batch_op:
        batch_op.drop_column("texts_ciphertext")
    op.drop_table("basis_key")
