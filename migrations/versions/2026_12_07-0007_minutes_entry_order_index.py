"""minutes entries: one index in the order a concertation's minutes are read

Every reading of the minutes asks one concertation's entries ordered by (recorded_at, id). With an index on each
column alone, PostgreSQL's planner walked the `recorded_at` index and filtered on the concertation: through every
entry of the database whenever a page asks one more entry than there are. The composite index answers the query in
its order and replaces both (nothing else filters on either column alone).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 16:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("minutes_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_minutes_entry_concertation_order", ["concertation_id", "recorded_at", "id"], unique=False
        )
        batch_op.drop_index(batch_op.f("ix_minutes_entry_recorded_at"))
        batch_op.drop_index(batch_op.f("ix_minutes_entry_concertation_id"))


def downgrade() -> None:
    with op.batch_alter_table("minutes_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_minutes_entry_concertation_id"), ["concertation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_minutes_entry_recorded_at"), ["recorded_at"], unique=False)
        batch_op.drop_index("ix_minutes_entry_concertation_order")
