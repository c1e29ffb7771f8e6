"""action links (personal links in mails) and the replies to invitations (RSVP)

Revision ID: 0011_action_links
Revises: 0010_web
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_action_links"
down_revision = "0010_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "action_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(length=60), nullable=False),
        sa.Column("entity_type", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("marker", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committees.id"],
            name=op.f("fk_action_links_committee_id_committees"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_action_links_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_links")),
        sa.UniqueConstraint("marker", name=op.f("uq_action_links_marker")),
    )
    with op.batch_alter_table("action_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_links_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_action_links_committee_id"), ["committee_id"], unique=False
        )
    op.create_table(
        "action_link_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["link_id"],
            ["action_links.id"],
            name=op.f("fk_action_link_tokens_link_id_action_links"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_link_tokens")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_action_link_tokens_token_sha256")),
    )
    with op.batch_alter_table("action_link_tokens", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_link_tokens_link_id"), ["link_id"], unique=False
        )
    op.create_table(
        "meeting_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("answer", sa.String(length=20), nullable=False),
        sa.Column("deputy_person_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["deputy_person_id"],
            ["people.id"],
            name=op.f("fk_meeting_replies_deputy_person_id_people"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_replies_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_meeting_replies_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_meeting_replies_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_replies")),
        sa.UniqueConstraint(
            "meeting_id",
            "organisation_id",
            name=op.f("uq_meeting_replies_meeting_id"),
        ),
    )
    with op.batch_alter_table("meeting_replies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_replies_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("meeting_replies")
    op.drop_table("action_link_tokens")
    op.drop_table("action_links")
