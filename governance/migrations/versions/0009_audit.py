"""audit: keyed chain, digests of protected rows, erasure of personal data

Revision ID: 0009_audit
Revises: 0004

Only columns are added: the records written before keep their plain
SHA-256 links and verify as before. `gremium db upgrade` (and `init`) then
creates the key file if there is none and writes the first keyed record,
which seals the older records and holds the digests of the protected rows
(the baseline later changes are compared with).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_audit"
down_revision = "0008_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("digests", sa.JSON(), nullable=True))
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("key_id")
    with op.batch_alter_table("audit_records", schema=None) as batch_op:
        batch_op.drop_column("digests")
        batch_op.drop_column("key_id")
