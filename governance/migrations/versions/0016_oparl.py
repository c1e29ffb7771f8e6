"""OParl 1.1 interface: times of last change, tombstones, closed-session items, SHA-512

Revision ID: 0016_oparl
Revises: 0015_calendar_feeds

"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0016_oparl"
down_revision = "0015_calendar_feeds"  # re-chained at merge
branch_labels = None
depends_on = None

_CHANGED = ("committees", "organisations", "people", "memberships", "meetings", "agenda_items")


def upgrade() -> None:
    for name in _CHANGED:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("modified_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email_public", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("confidential", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("stored_documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sha512", sa.String(length=128), nullable=False, server_default="")
        )
    with op.batch_alter_table("committees", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("publication", sa.String(length=20), nullable=False, server_default="none")
        )
    committees = sa.table(
        "committees",
        sa.column("id", sa.Integer),
        sa.column("rules_data", sa.JSON),
        sa.column("publication", sa.String),
    )
    conn = op.get_bind()
    for cid, rules in conn.execute(sa.select(committees.c.id, committees.c.rules_data)).all():
        level = (rules or {}).get("publication")
        if level:
            conn.execute(
                committees.update().where(committees.c.id == cid).values(publication=str(level))
            )
    # The meetings list pages by (id) and filters by the time of last change.
    op.create_index("ix_meetings_modified_at", "meetings", ["modified_at"])
    op.create_table(
        "tombstones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tombstones")),
    )
    op.create_index("ix_tombstones_kind_object", "tombstones", ["kind", "object_id"])
    # The SHA-512 of the documents already kept (one at a time: they may be large).
    docs = sa.table(
        "stored_documents",
        sa.column("id", sa.Integer),
        sa.column("data", sa.LargeBinary),
        sa.column("sha512", sa.String),
    )
    ids = [r[0] for r in conn.execute(sa.select(docs.c.id).where(docs.c.data.is_not(None)))]
    for doc_id in ids:
        data = conn.execute(sa.select(docs.c.data).where(docs.c.id == doc_id)).scalar_one()
        conn.execute(
            docs.update().where(docs.c.id == doc_id).values(sha512=hashlib.sha512(data).hexdigest())
        )


def downgrade() -> None:
    op.drop_index("ix_tombstones_kind_object", table_name="tombstones")
    op.drop_table("tombstones")
    op.drop_index("ix_meetings_modified_at", table_name="meetings")
    with op.batch_alter_table("stored_documents", schema=None) as batch_op:
        batch_op.drop_column("sha512")
    with op.batch_alter_table("committees", schema=None) as batch_op:
        batch_op.drop_column("publication")
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_column("confidential")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("email_public")
    for name in reversed(_CHANGED):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("modified_at")
