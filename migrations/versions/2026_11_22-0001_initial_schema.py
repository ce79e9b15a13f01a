"""initial schema: registry, concertations, participants, persons concerned, data keys, audit trail

The audit trail is append-only: triggers refuse UPDATE and DELETE on both SQLite and PostgreSQL (R109).

Revision ID: 0001
Revises:
Create Date: 2026-11-22 13:30:04.322787
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END""",
    """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END""",
)
_POSTGRES_TRIGGERS = (
    """CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $$""",
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
       FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()""",
    """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
       FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()""",
)


def _append_only() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _POSTGRES_TRIGGERS if dialect == "postgresql" else _SQLITE_TRIGGERS:
        op.execute(statement)


def _drop_append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")


def upgrade() -> None:

    op.create_table(
        "audit_event",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_issuer", sa.String(length=300), nullable=False),
        sa.Column("actor_subject", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("object_type", sa.String(length=64), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=True),
        sa.Column("concertation_id", sa.Uuid(), nullable=True),
        sa.Column("codes", sa.JSON(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("hash"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_concertation_id"), ["concertation_id"], unique=False)

    op.create_table(
        "legal_basis",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("enabling_norm", sa.JSON(), nullable=True),
        sa.Column("implementing_act", sa.JSON(), nullable=True),
        sa.Column("prosecutor_authorisation", sa.JSON(), nullable=True),
        sa.Column("determines", sa.JSON(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retirement_reason", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("legal_basis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legal_basis_created_at"), ["created_at"], unique=False)

    op.create_table(
        "concertation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org", sa.String(length=200), nullable=False),
        sa.Column("legal_basis_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("policy_profile", sa.String(length=32), nullable=False),
        sa.Column("justification", sa.String(length=32), nullable=False),
        sa.Column("concertation_type", sa.String(length=64), nullable=True),
        sa.Column("purpose_category", sa.String(length=64), nullable=True),
        sa.Column("purpose", sa.JSON(), nullable=True),
        sa.Column("offence_scope", sa.JSON(), nullable=False),
        sa.Column("subsidiarity", sa.JSON(), nullable=True),
        sa.Column("meeting_kind", sa.String(length=32), nullable=True),
        sa.Column("chair", sa.JSON(), nullable=True),
        sa.Column("chair_issuer", sa.String(length=300), nullable=True),
        sa.Column("chair_subject", sa.String(length=200), nullable=True),
        sa.Column("requester", sa.JSON(), nullable=True),
        sa.Column("initiator_type", sa.String(length=32), nullable=True),
        sa.Column("scheduled_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scheduled_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scope_frozen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_issuer", sa.String(length=300), nullable=False),
        sa.Column("created_by_subject", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["legal_basis_id"],
            ["legal_basis.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("concertation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_concertation_chair_subject"), ["chair_subject"], unique=False)
        batch_op.create_index(batch_op.f("ix_concertation_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_concertation_legal_basis_id"), ["legal_basis_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_concertation_org"), ["org"], unique=False)
        batch_op.create_index(batch_op.f("ix_concertation_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_concertation_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "data_key",
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kek_id", sa.String(length=64), nullable=False),
        sa.Column("wrapped_dek", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("destroyed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["concertation_id"], ["concertation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("concertation_id", "version"),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("issuer", sa.String(length=300), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column("person_ref", sa.String(length=64), nullable=True),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("sector", sa.String(length=32), nullable=False),
        sa.Column("function", sa.String(length=200), nullable=False),
        sa.Column("mission_statement", sa.String(length=2000), nullable=False),
        sa.Column("bound_by_professional_secrecy", sa.Boolean(), nullable=False),
        sa.Column("secrecy_source", sa.String(length=64), nullable=False),
        sa.Column("is_lawyer", sa.Boolean(), nullable=False),
        sa.Column("under_mandate", sa.Boolean(), nullable=False),
        sa.Column("mandating_authority", sa.String(length=200), nullable=True),
        sa.Column("works_with", sa.JSON(), nullable=False),
        sa.Column("magistrate_function", sa.String(length=32), nullable=True),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("concertation_id", "issuer", "subject", name="uq_participant_login"),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participant_concertation_id"), ["concertation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_participant_subject"), ["subject"], unique=False)

    op.create_table(
        "person_concerned",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("concertation_id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("identity_ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["concertation_id"],
            ["concertation.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("concertation_id", "reference", name="uq_person_concerned_reference"),
    )
    with op.batch_alter_table("person_concerned", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_concerned_concertation_id"), ["concertation_id"], unique=False)
    _append_only()


def downgrade() -> None:
    _drop_append_only()

    with op.batch_alter_table("person_concerned", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_concerned_concertation_id"))

    op.drop_table("person_concerned")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_subject"))
        batch_op.drop_index(batch_op.f("ix_participant_concertation_id"))

    op.drop_table("participant")
    op.drop_table("data_key")
    with op.batch_alter_table("concertation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_concertation_updated_at"))
        batch_op.drop_index(batch_op.f("ix_concertation_state"))
        batch_op.drop_index(batch_op.f("ix_concertation_org"))
        batch_op.drop_index(batch_op.f("ix_concertation_legal_basis_id"))
        batch_op.drop_index(batch_op.f("ix_concertation_created_at"))
        batch_op.drop_index(batch_op.f("ix_concertation_chair_subject"))

    op.drop_table("concertation")
    with op.batch_alter_table("legal_basis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_basis_created_at"))

    op.drop_table("legal_basis")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_concertation_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_action"))

    op.drop_table("audit_event")
