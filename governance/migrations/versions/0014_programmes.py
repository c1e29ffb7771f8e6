"""programmes and action areas above the committees

Revision ID: 0014_programmes
Revises: 0013_written_procedure

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_programmes"
down_revision = "0013_written_procedure"  # re-chained at merge
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programmes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programmes")),
        sa.UniqueConstraint("name", name=op.f("uq_programmes_name")),
        sa.UniqueConstraint("short_name", name=op.f("uq_programmes_short_name")),
    )
    op.create_table(
        "action_areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_action_areas_programme_id_programmes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_areas")),
        sa.UniqueConstraint("programme_id", "name", name=op.f("uq_action_areas_programme_id")),
        sa.UniqueConstraint("short_name", name=op.f("uq_action_areas_short_name")),
    )
    with op.batch_alter_table("action_areas", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_areas_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "area_committees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"], ["action_areas.id"], name=op.f("fk_area_committees_area_id_action_areas")
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committees.id"],
            name=op.f("fk_area_committees_committee_id_committees"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area_committees")),
        sa.UniqueConstraint("committee_id", name=op.f("uq_area_committees_committee_id")),
    )
    with op.batch_alter_table("area_committees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_committees_area_id"), ["area_id"], unique=False)

    op.create_table(
        "area_coordinators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("appointed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"], ["action_areas.id"], name=op.f("fk_area_coordinators_area_id_action_areas")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_area_coordinators_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area_coordinators")),
        sa.UniqueConstraint("area_id", "person_id", name=op.f("uq_area_coordinators_area_id")),
    )
    with op.batch_alter_table("area_coordinators", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_coordinators_area_id"), ["area_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_area_coordinators_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "programme_offices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("appointed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_programme_offices_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_programme_offices_programme_id_programmes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_offices")),
        sa.UniqueConstraint(
            "programme_id", "person_id", name=op.f("uq_programme_offices_programme_id")
        ),
    )
    with op.batch_alter_table("programme_offices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_offices_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_programme_offices_programme_id"), ["programme_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("programme_offices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_offices_programme_id"))
        batch_op.drop_index(batch_op.f("ix_programme_offices_person_id"))

    op.drop_table("programme_offices")
    with op.batch_alter_table("area_coordinators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_coordinators_person_id"))
        batch_op.drop_index(batch_op.f("ix_area_coordinators_area_id"))

    op.drop_table("area_coordinators")
    with op.batch_alter_table("area_committees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_committees_area_id"))

    op.drop_table("area_committees")
    with op.batch_alter_table("action_areas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_areas_programme_id"))

    op.drop_table("action_areas")
    op.drop_table("programmes")
