"""meetings: purposes of queued messages, skip reasons, meetings recorded afterwards

Revision ID: 0008_meetings
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_meetings"
down_revision = "0007_documents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purpose", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("skip_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("timers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("skip_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recorded_later_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("recorded_later_by", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("recorded_later_by")
        batch_op.drop_column("recorded_later_at")
    with op.batch_alter_table("timers", schema=None) as batch_op:
        batch_op.drop_column("skip_reason")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("skip_reason")
        batch_op.drop_column("purpose")
