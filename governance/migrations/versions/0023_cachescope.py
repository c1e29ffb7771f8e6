"""cachescope: a data version per committee (the page cache keeps other committees' pages);
the indexes of the committee reference lookup, of an entity's timers and of a person's
secretariats

Revision ID: 0023_cachescope
Revises: 0022_withdrawals

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_cachescope"
down_revision = "0022_withdrawals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No rows: a committee never advanced reads as 0 (governance/data_version.py).
    op.create_table(
        "committee_versions",
        sa.Column("committee_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("committee_id", name=op.f("pk_committee_versions")),
    )
    op.create_index(
        "ix_committees_lower_short_name",
        "committees",
        [sa.literal_column("lower(short_name)")],
        unique=False,
    )
    op.create_index(
        "ix_timers_entity_type_entity_id", "timers", ["entity_type", "entity_id"], unique=False
    )
    # the person's secretariats, asked with the session before every overview
    op.create_index(
        "ix_secretariat_members_person_id", "secretariat_members", ["person_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_secretariat_members_person_id", table_name="secretariat_members")
    op.drop_index("ix_timers_entity_type_entity_id", table_name="timers")
    op.drop_index("ix_committees_lower_short_name", table_name="committees")
    op.drop_table("committee_versions")
