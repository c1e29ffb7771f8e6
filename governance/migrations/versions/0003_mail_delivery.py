"""mail delivery: rendered parts, thread and Message-ID, calendar, attachments, leases

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("subject", sa.String(length=998)),
    ("body_text", sa.Text()),
    ("body_html", sa.Text()),
    ("message_id", sa.String(length=300)),
    ("thread_id", sa.String(length=300)),
    ("envelope", sa.JSON()),
    ("calendar", sa.Text()),
    ("calendar_method", sa.String(length=10)),
    ("attachments", sa.JSON()),
    ("lease_owner", sa.String(length=100)),
    ("lease_until", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        for name, type_ in _COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        for name, _ in reversed(_COLUMNS):
            batch_op.drop_column(name)
