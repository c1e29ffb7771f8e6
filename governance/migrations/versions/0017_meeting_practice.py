"""meeting practice (issue 16): conflicts of interest, vote transfers, hybrid meetings

Revision ID: 0017_meeting_practice
Revises: 0021_speed

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_meeting_practice"
down_revision = "0021_speed"
branch_labels = None
depends_on = None


def _not_null(table: str, column: sa.Column, default: sa.TextClause | sa.sql.ClauseElement) -> None:
    # Existing rows get the default; afterwards the ORM supplies it, as for the other columns.
    name = column.name
    column.server_default = sa.schema.DefaultClause(default)
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.add_column(column)
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.alter_column(name, server_default=None)


def upgrade() -> None:
    # the video link is personal data of the meeting: never into public outputs
    _not_null(
        "meetings",
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.text("'in_person'"),
    )
    _not_null(
        "meetings", sa.Column("video_url", sa.String(length=500), nullable=False), sa.text("''")
    )
    _not_null("attendance", sa.Column("online", sa.Boolean(), nullable=False), sa.false())
    _not_null("votes", sa.Column("transferred", sa.Integer(), nullable=False), sa.text("0"))
    _not_null("votes", sa.Column("conflicted", sa.Integer(), nullable=False), sa.text("0"))
    with op.batch_alter_table("ballots", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cast_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_ballots_cast_by_id_organisations"),
            "organisations",
            ["cast_by_id"],
            ["id"],
        )
    op.create_table(
        "conflicts_of_interest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("declared_by_id", sa.Integer(), nullable=True),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("declared_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_conflicts_of_interest_agenda_item_id_agenda_items"),
        ),
        sa.ForeignKeyConstraint(
            ["declared_by_id"],
            ["people.id"],
            name=op.f("fk_conflicts_of_interest_declared_by_id_people"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_conflicts_of_interest_meeting_id_meetings"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_conflicts_of_interest_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts_of_interest")),
        sa.UniqueConstraint(
            "agenda_item_id",
            "organisation_id",
            name=op.f("uq_conflicts_of_interest_agenda_item_id"),
        ),
    )
    with op.batch_alter_table("conflicts_of_interest", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conflicts_of_interest_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_conflicts_of_interest_agenda_item_id"), ["agenda_item_id"], unique=False
        )
    op.create_table(
        "vote_transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("from_organisation_id", sa.Integer(), nullable=False),
        sa.Column("to_organisation_id", sa.Integer(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_vote_transfers_from_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_vote_transfers_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["people.id"], name=op.f("fk_vote_transfers_recorded_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["to_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_vote_transfers_to_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_transfers")),
        sa.UniqueConstraint(
            "meeting_id", "from_organisation_id", name=op.f("uq_vote_transfers_meeting_id")
        ),
    )
    with op.batch_alter_table("vote_transfers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vote_transfers_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("vote_transfers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_transfers_meeting_id"))
    op.drop_table("vote_transfers")
    with op.batch_alter_table("conflicts_of_interest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_of_interest_agenda_item_id"))
        batch_op.drop_index(batch_op.f("ix_conflicts_of_interest_meeting_id"))
    op.drop_table("conflicts_of_interest")
    with op.batch_alter_table("ballots", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_ballots_cast_by_id_organisations"), type_="foreignkey"
        )
        batch_op.drop_column("cast_by_id")
    for table, column in (
        ("votes", "conflicted"),
        ("votes", "transferred"),
        ("attendance", "online"),
        ("meetings", "video_url"),
        ("meetings", "format"),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(column)
