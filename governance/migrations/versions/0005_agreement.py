"""agreement: amendments decided by the committee, signing dates bound to the opening

Revision ID: 0005_agreement
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_agreement"
down_revision = "0004"
branch_labels = None
depends_on = None

_VERSION_COLUMNS = (
    ("opened_at", sa.DateTime(timezone=True)),
    ("decided_on", sa.Date()),
    ("votes_yes", sa.Integer()),
    ("votes_no", sa.Integer()),
    ("votes_abstain", sa.Integer()),
    ("decision_reference", sa.String(length=60)),
)


def upgrade() -> None:
    with op.batch_alter_table("agreement_versions", schema=None) as batch_op:
        for name, type_ in _VERSION_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recorded_later", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.alter_column("recorded_later", server_default=None)
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agreement_version_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_agenda_items_agreement_version_id_agreement_versions"),
            "agreement_versions",
            ["agreement_version_id"],
            ["id"],
        )
    backfill_opened_at(op.get_bind())


def backfill_opened_at(bind: sa.engine.Connection) -> None:
    """Versions opened before this migration: the moment of opening is on the audit trail."""
    bind.execute(
        sa.text(
            """
            UPDATE agreement_versions SET opened_at = (
                SELECT MIN(a.at) FROM audit_records a
                WHERE a.entity_type = 'agreement_versions'
                  AND a.entity_id = agreement_versions.id
                  AND a.to_state = 'open_for_signature'
                  AND a.outcome = 'done'
            )
            WHERE text_sha256 IS NOT NULL AND opened_at IS NULL
            """
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_agenda_items_agreement_version_id_agreement_versions"),
            type_="foreignkey",
        )
        batch_op.drop_column("agreement_version_id")
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.drop_column("recorded_later")
    with op.batch_alter_table("agreement_versions", schema=None) as batch_op:
        for name, _ in reversed(_VERSION_COLUMNS):
            batch_op.drop_column(name)
