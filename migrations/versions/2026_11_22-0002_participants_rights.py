"""participants' rights and the person concerned: answers, secrecy acknowledgements, silence, attendance,
agenda items, consent and information records (issue 3)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 13:51:49.424068
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=2000), nullable=False),
        sa.Column("is_central_question", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_concertation_id"), ["concertation_id"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_concertation_id"), ["concertation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "consent_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("information_items", sa.JSON(), nullable=False),
        sa.Column("method", sa.String(length=200), nullable=True),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("motivation_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person_concerned.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_record_concertation_id"), ["concertation_id"], unique=False)

    op.create_table(
        "information_exception",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("motivation_ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("review_at", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person_concerned.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("information_exception", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_information_exception_concertation_id"), ["concertation_id"], unique=False)

    op.create_table(
        "information_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("informed_by", sa.String(length=200), nullable=False),
        sa.Column("informed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person_concerned.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("information_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_information_record_concertation_id"), ["concertation_id"], unique=False)

    op.create_table(
        "secrecy_acknowledgement",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("notice_version", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id", name="uq_secrecy_acknowledgement_participant"),
    )
    with op.batch_alter_table("secrecy_acknowledgement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_secrecy_acknowledgement_concertation_id"), ["concertation_id"], unique=False
        )

    op.create_table(
        "silence",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=True),
        sa.Column("invoked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("silence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_silence_concertation_id"), ["concertation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_silence_participant_id"), ["participant_id"], unique=False)

    with op.batch_alter_table("person_concerned", schema=None) as batch_op:
        batch_op.add_column(sa.Column("privacy_notice_given_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("privacy_notice_deferred", sa.Boolean(), nullable=False, server_default=sa.false())
        )

    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_informed_of_mandate", sa.Boolean(), nullable=True))
        batch_op.add_column(
            sa.Column("invitation_status", sa.String(length=16), nullable=False, server_default="pending")
        )
        batch_op.add_column(sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("refusal_reason_ciphertext", sa.LargeBinary(), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("person_concerned", schema=None) as batch_op:
        batch_op.drop_column("privacy_notice_deferred")
        batch_op.drop_column("privacy_notice_given_at")

    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("refusal_reason_ciphertext")
        batch_op.drop_column("answered_at")
        batch_op.drop_column("invitation_status")
        batch_op.drop_column("person_informed_of_mandate")

    with op.batch_alter_table("silence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_silence_participant_id"))
        batch_op.drop_index(batch_op.f("ix_silence_concertation_id"))

    op.drop_table("silence")
    with op.batch_alter_table("secrecy_acknowledgement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_secrecy_acknowledgement_concertation_id"))

    op.drop_table("secrecy_acknowledgement")
    with op.batch_alter_table("information_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_information_record_concertation_id"))

    op.drop_table("information_record")
    with op.batch_alter_table("information_exception", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_information_exception_concertation_id"))

    op.drop_table("information_exception")
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_record_concertation_id"))

    op.drop_table("consent_record")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_participant_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_concertation_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_concertation_id"))

    op.drop_table("agenda_item")
