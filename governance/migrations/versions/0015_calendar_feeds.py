"""calendar subscriptions: secret feed addresses (only their SHA-256 is stored)

Revision ID: 0015_calendar_feeds
Revises: 0014_programmes

The meetings' iCalendar SEQUENCE (``meetings.sequence``, 0002) is the change
counter of the feeds too; no column is added for it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_calendar_feeds"
down_revision = "0014_programmes"  # after wip/areas' foundation; re-chained at merge
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_calendar_feeds_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_calendar_feeds_token_sha256")),
    )
    with op.batch_alter_table("calendar_feeds", schema=None) as batch_op:
        batch_op.create_index(
            "ix_calendar_feeds_owner", ["person_id", "kind", "scope_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("calendar_feeds", schema=None) as batch_op:
        batch_op.drop_index("ix_calendar_feeds_owner")
    op.drop_table("calendar_feeds")
