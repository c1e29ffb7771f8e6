"""A column added to a protected table later (issue 16: who cast a ballot under a vote
transfer) leaves the digests the chain recorded before the upgrade valid."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from governance.audit_digests import row_digest


def test_a_row_at_the_added_columns_default_digests_as_before_and_a_marked_one_differs():
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        before = conn.execute(text("SELECT 1 AS id, 'yes' AS choice")).one()
        after = conn.execute(text("SELECT 1 AS id, 'yes' AS choice, NULL AS cast_by_id")).one()
        marked = conn.execute(text("SELECT 1 AS id, 'yes' AS choice, 7 AS cast_by_id")).one()
    assert row_digest(after, "ballots") == row_digest(before, "ballots")
    assert row_digest(marked, "ballots") != row_digest(before, "ballots")


def test_the_oparl_columns_of_an_agenda_item_leave_its_earlier_digest_valid():
    # 0016_oparl added agenda_items.confidential (old rows: false) and modified_at (set on
    # every flush, bookkeeping for OParl's filters): neither changes what the trail recorded.
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        before = conn.execute(text("SELECT 3 AS id, 'Haushalt' AS title")).one()
        after = conn.execute(
            text(
                "SELECT 3 AS id, 'Haushalt' AS title, 0 AS confidential,"
                " '2026-12-01T10:00:00' AS modified_at"
            )
        ).one()
        closed = conn.execute(text("SELECT 3 AS id, 'Haushalt' AS title, 1 AS confidential")).one()
    assert row_digest(after, "agenda_items") == row_digest(before, "agenda_items")
    assert row_digest(closed, "agenda_items") != row_digest(before, "agenda_items")
