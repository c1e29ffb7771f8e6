"""the data version: one number every write advances, the key of the web's page cache

Revision ID: 0021_speed
Revises: 0016_oparl

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_speed"
down_revision = "0016_oparl"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("data_version")
