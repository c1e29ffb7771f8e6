"""replies by mail: reply tokens, messages read from the mailbox, objections awaiting confirmation

Revision ID: 0012_inbound_mail
Revises: 0011_action_links
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_inbound_mail"
down_revision = "0011_action_links"  # brief: "0010_web"; chained after wip/links merged in
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reply_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=40), nullable=False),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committees.id"],
            name=op.f("fk_reply_tokens_committee_id_committees"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_reply_tokens_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_reply_tokens_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reply_tokens")),
        sa.UniqueConstraint("token", name=op.f("uq_reply_tokens_token")),
        sa.UniqueConstraint(
            "purpose",
            "person_id",
            "meeting_id",
            "revision",
            name=op.f("uq_reply_tokens_purpose"),
        ),
    )
    with op.batch_alter_table("reply_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reply_tokens_person_id"), ["person_id"], unique=False)
    op.create_table(
        "inbound_mails",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=300), nullable=False),
        sa.Column("folder", sa.String(length=200), nullable=False),
        sa.Column("uid", sa.Integer(), nullable=True),
        sa.Column("uidvalidity", sa.Integer(), nullable=True),
        sa.Column("sender", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("token_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["token_id"], ["reply_tokens.id"], name=op.f("fk_inbound_mails_token_id_reply_tokens")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_mails")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_inbound_mails_fingerprint")),
    )
    with op.batch_alter_table("inbound_mails", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbound_mails_token_id"), ["token_id"], unique=False)
    op.create_table(
        "mail_objections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("minutes_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("inbound_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("objection_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inbound_id"],
            ["inbound_mails.id"],
            name=op.f("fk_mail_objections_inbound_id_inbound_mails"),
        ),
        sa.ForeignKeyConstraint(
            ["minutes_id"], ["minutes.id"], name=op.f("fk_mail_objections_minutes_id_minutes")
        ),
        sa.ForeignKeyConstraint(
            ["objection_id"],
            ["minutes_objections.id"],
            name=op.f("fk_mail_objections_objection_id_minutes_objections"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_mail_objections_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_objections")),
    )
    with op.batch_alter_table("mail_objections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mail_objections_minutes_id"), ["minutes_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_mail_objections_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("mail_objections")
    op.drop_table("inbound_mails")
    op.drop_table("reply_tokens")
