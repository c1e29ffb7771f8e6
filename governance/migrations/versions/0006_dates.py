"""dates: a withdrawal notice the chair or secretariat recorded after it was given

Revision ID: 0006_dates
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_dates"
down_revision = "0005_agreement"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notice_recorded_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_column("notice_recorded_on")
