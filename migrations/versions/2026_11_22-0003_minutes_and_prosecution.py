"""minutes and prosecution requests

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 14:22:21.654861
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "prosecution_request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("requester_issuer", sa.String(length=300), nullable=False),
        sa.Column("requester_subject", sa.String(length=200), nullable=False),
        sa.Column("requesting_magistrate", sa.String(length=200), nullable=False),
        sa.Column("criminal_case_reference", sa.String(length=200), nullable=False),
        sa.Column("use", sa.String(length=32), nullable=False),
        sa.Column("offences", sa.JSON(), nullable=False),
        sa.Column("persons_named", sa.JSON(), nullable=False),
        sa.Column("motivation_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("codes", sa.JSON(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("prosecution_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prosecution_request_concertation_id"), ["concertation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_prosecution_request_decision"), ["decision"], unique=False)

    op.create_table(
        "minutes_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=True),
        sa.Column("speaker_id", sa.Uuid(), nullable=True),
        sa.Column("attributed_to", sa.JSON(), nullable=False),
        sa.Column("entry_type", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("offence_tags", sa.JSON(), nullable=False),
        sa.Column("about_persons", sa.JSON(), nullable=False),
        sa.Column("may_inform_judicial_decision", sa.Boolean(), nullable=False),
        sa.Column("disclosed_to_person_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("from_judicial_investigation", sa.Boolean(), nullable=True),
        sa.Column("penal_use_forbidden", sa.Boolean(), nullable=False),
        sa.Column("content_ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("necessity_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=600), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["participant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("minutes_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_minutes_entry_concertation_id"), ["concertation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_minutes_entry_recorded_at"), ["recorded_at"], unique=False)

    with op.batch_alter_table("concertation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("narrative_ciphertext", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("minutes_finalised_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("concertation", schema=None) as batch_op:
        batch_op.drop_column("narrative_ciphertext")
        batch_op.drop_column("closed_at")
        batch_op.drop_column("minutes_finalised_at")

    with op.batch_alter_table("minutes_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_entry_recorded_at"))
        batch_op.drop_index(batch_op.f("ix_minutes_entry_concertation_id"))

    op.drop_table("minutes_entry")
    with op.batch_alter_table("prosecution_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prosecution_request_decision"))
        batch_op.drop_index(batch_op.f("ix_prosecution_request_concertation_id"))

    op.drop_table("prosecution_request")
