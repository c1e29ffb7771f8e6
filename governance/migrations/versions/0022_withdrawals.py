"""withdrawals: a conflict of interest or a vote transfer withdrawn (kept, with its moment)

Revision ID: 0022_withdrawals
Revises: 0017_meeting_practice

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_withdrawals"
down_revision = "0017_meeting_practice"
branch_labels = None
depends_on = None

# (table, old unique constraint, new partial unique index, its columns)
_TABLES = (
    (
        "conflicts_of_interest",
        "uq_conflicts_of_interest_agenda_item_id",
        "uq_conflicts_of_interest_in_force",
        ["agenda_item_id", "organisation_id"],
    ),
    (
        "vote_transfers",
        "uq_vote_transfers_meeting_id",
        "uq_vote_transfers_in_force",
        ["meeting_id", "from_organisation_id"],
    ),
)
_IN_FORCE = sa.text("withdrawn_at IS NULL")


def upgrade() -> None:
    for table, old, new, columns in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True)
            )
            batch_op.add_column(sa.Column("withdrawn_by_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_withdrawn_by_id_people"),
                "people",
                ["withdrawn_by_id"],
                ["id"],
            )
            # A withdrawn record stays: only the ones in force are unique.
            batch_op.drop_constraint(old, type_="unique")
        op.create_index(
            new,
            table,
            columns,
            unique=True,
            sqlite_where=_IN_FORCE,
            postgresql_where=_IN_FORCE,
        )


def downgrade() -> None:
    for table, old, new, columns in _TABLES:
        # The withdrawn records go: the old constraint allows one record per pair.
        op.execute(sa.text(f"DELETE FROM {table} WHERE withdrawn_at IS NOT NULL"))
        op.drop_index(new, table_name=table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_unique_constraint(old, columns)
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_withdrawn_by_id_people"), type_="foreignkey"
            )
            batch_op.drop_column("withdrawn_by_id")
            batch_op.drop_column("withdrawn_at")
