"""written procedure (Umlaufverfahren): motions voted in writing and their ballots

Revision ID: 0013_written_procedure
Revises: 0012_inbound_mail

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_written_procedure"
down_revision = "0012_inbound_mail"  # re-chained at merge: links, inbound, written
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "written_procedures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("majority", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("started_by_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("yes", sa.Integer(), nullable=True),
        sa.Column("no", sa.Integer(), nullable=True),
        sa.Column("abstain", sa.Integer(), nullable=True),
        sa.Column("carried", sa.Boolean(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_written_procedures_agenda_item_id_agenda_items"),
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committees.id"],
            name=op.f("fk_written_procedures_committee_id_committees"),
        ),
        sa.ForeignKeyConstraint(
            ["started_by_id"],
            ["people.id"],
            name=op.f("fk_written_procedures_started_by_id_people"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_written_procedures")),
        sa.UniqueConstraint(
            "committee_id", "year", "seq", name=op.f("uq_written_procedures_committee_id")
        ),
        sa.UniqueConstraint("reference", name=op.f("uq_written_procedures_reference")),
    )
    with op.batch_alter_table("written_procedures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_written_procedures_committee_id"), ["committee_id"], unique=False
        )

    op.create_table(
        "written_ballots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(length=10), nullable=True),
        sa.Column("cast_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cast_by_id", sa.Integer(), nullable=True),
        sa.Column("on_paper", sa.Boolean(), nullable=False),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("demanded_meeting_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("demanded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cast_by_id"], ["people.id"], name=op.f("fk_written_ballots_cast_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["demanded_by_id"], ["people.id"], name=op.f("fk_written_ballots_demanded_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_written_ballots_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["written_procedures.id"],
            name=op.f("fk_written_ballots_procedure_id_written_procedures"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_written_ballots")),
        sa.UniqueConstraint(
            "procedure_id", "organisation_id", name=op.f("uq_written_ballots_procedure_id")
        ),
    )
    with op.batch_alter_table("written_ballots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_written_ballots_procedure_id"), ["procedure_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("written_ballots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_written_ballots_procedure_id"))

    op.drop_table("written_ballots")
    with op.batch_alter_table("written_procedures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_written_procedures_committee_id"))

    op.drop_table("written_procedures")
