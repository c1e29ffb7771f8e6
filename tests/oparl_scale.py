"""A scale data set for the OParl interface: many public meetings with their agenda items.

Bulk Core inserts (one executemany per table), not the services: 10,000
meetings one unit of work at a time would take longer than reading them.
Used by tests/web/test_oparl.py (a few hundred meetings) and bench/oparl.py
(10,000). Every committee publishes ``people``; every fifth item is in
closed session (``confidential``) and every seventh is still only proposed:
neither may appear.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import Connection, insert, select, text

from governance.bootstrap import App
from governance.domain.rules import RulesOfProcedure
from governance.models import (
    AgendaAttachment,
    AgendaItem,
    Committee,
    Meeting,
    Membership,
    MembershipPerson,
    Organisation,
    Person,
    StoredDocument,
)

START = dt.datetime(2026, 1, 5, 17, 0, tzinfo=dt.UTC)
SECRET = "GEHEIM"
"""Part of the title of every item that must not appear."""


def seed(
    app: App,
    committees: int,
    meetings_per_committee: int,
    items_per_meeting: int,
    documents_every: int = 0,
) -> int:
    """Add the data set; return how many meetings it has. With *documents_every* n, every
    item of every n-th meeting has a document (a Paper with its File)."""
    rules = RulesOfProcedure().updated({"publication": "people"}).to_dict()
    with app.db.engine.begin() as conn:
        first = (conn.execute(select(Committee.id).order_by(Committee.id.desc())).scalar() or 0) + 1
        cids = list(range(first, first + committees))
        conn.execute(
            insert(Committee),
            [
                {
                    "id": c,
                    "name": f"Skalengremium {c}",
                    "short_name": f"SK{c}",
                    "sender_email": "",
                    "rules_data": rules,
                    "publication": "people",
                    "created_at": START,
                    "version": 1,
                }
                for c in cids
            ],
        )
        first_org = (
            conn.execute(select(Organisation.id).order_by(Organisation.id.desc())).scalar() or 0
        ) + 1
        conn.execute(
            insert(Organisation),
            [
                {
                    "id": first_org + i,
                    "name": f"Träger {c}",
                    "short_name": f"T{c}",
                    "kind": "association",
                    "created_at": START,
                }
                for i, c in enumerate(cids)
            ],
        )
        first_person = (
            conn.execute(select(Person.id).order_by(Person.id.desc())).scalar() or 0
        ) + 1
        conn.execute(
            insert(Person),
            [
                {
                    "id": first_person + i,
                    "name": f"Vertretung {c}",
                    "email": f"vertretung{c}@skala.example.org",
                    "function_title": "",
                    "language": "de",
                    "organisation_id": first_org + i,
                    "is_admin": False,
                    "created_at": START,
                    "email_public": False,
                }
                for i, c in enumerate(cids)
            ],
        )
        first_ms = (
            conn.execute(select(Membership.id).order_by(Membership.id.desc())).scalar() or 0
        ) + 1
        conn.execute(
            insert(Membership),
            [
                {
                    "id": first_ms + i,
                    "committee_id": c,
                    "organisation_id": first_org + i,
                    "role": "member",
                    "voting": True,
                    "starts_on": START.date(),
                    "state": "active",
                    "version": 1,
                }
                for i, c in enumerate(cids)
            ],
        )
        conn.execute(
            insert(MembershipPerson),
            [
                {
                    "membership_id": first_ms + i,
                    "person_id": first_person + i,
                    "capacity": "representative",
                }
                for i in range(len(cids))
            ],
        )
        first_meeting = (
            conn.execute(select(Meeting.id).order_by(Meeting.id.desc())).scalar() or 0
        ) + 1
        meetings = []
        for i, c in enumerate(cids):
            for n in range(meetings_per_committee):
                start = START + dt.timedelta(days=7 * n)
                meetings.append(
                    {
                        "id": first_meeting + i * meetings_per_committee + n,
                        "committee_id": c,
                        "title": f"Sitzung {n + 1} von SK{c}",
                        "starts_at": start,
                        "ends_at": start + dt.timedelta(hours=2),
                        "location": "Rathaus Köpenick, Raum 1",
                        "call_for_proposals_at": start - dt.timedelta(days=35),
                        "proposal_deadline_at": start - dt.timedelta(days=21),
                        "invitation_at": start - dt.timedelta(days=14),
                        "reminder_at": start - dt.timedelta(days=2),
                        "minutes_due_at": start + dt.timedelta(days=14),
                        "convened_at": start - dt.timedelta(days=14),
                        "state": "convened",
                        "created_at": START - dt.timedelta(days=60),
                        "version": 1,
                        "detached": False,
                        "agenda_final": False,
                        "agenda_revision": 1,
                        "sequence": 0,
                        "schedule_note": "",
                        "reason": "",
                    }
                )
        conn.execute(insert(Meeting), meetings)
        items = []
        for m in meetings:
            for k in range(items_per_meeting):
                closed = k % 5 == 4
                proposed = k % 7 == 6
                items.append(
                    {
                        "meeting_id": m["id"],
                        "position": None if proposed else k + 1,
                        "title": f"{SECRET} TOP {k + 1}"
                        if closed or proposed
                        else f"TOP {k + 1}: Bericht",
                        "description": "",
                        "kind": "information",
                        "status": "proposed" if proposed else "accepted",
                        "confidential": closed,
                        "created_at": m["created_at"],
                        "version": 1,
                        "urgent": False,
                        "reason": "",
                        "notes": "",
                        "decision_text": "",
                    }
                )
        conn.execute(insert(AgendaItem), items)
        if documents_every:
            every = range(first_meeting, first_meeting + len(meetings), documents_every)
            _documents(conn, list(every))
    if app.db.engine.dialect.name == "postgresql":
        # What autovacuum does a minute after a bulk load: the planner's statistics.
        with app.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    return len(meetings)


def _documents(conn: Connection, meeting_ids: list[int]) -> None:
    """A stored document attached to every item of these meetings."""
    item_ids = conn.execute(
        select(AgendaItem.id).where(AgendaItem.meeting_id.in_(meeting_ids)).order_by(AgendaItem.id)
    ).scalars()
    first = (
        conn.execute(select(StoredDocument.id).order_by(StoredDocument.id.desc())).scalar() or 0
    ) + 1
    documents, attachments = [], []
    for n, iid in enumerate(item_ids):
        data = f"Vorlage zu TOP {iid}".encode()
        documents.append(
            {
                "id": first + n,
                "kind": "agenda_attachment",
                "entity_type": "agenda_item",
                "entity_id": iid,
                "name": f"vorlage-{iid}.txt",
                "media_type": "text/plain",
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "sha512": hashlib.sha512(data).hexdigest(),
                "data": data,
                "legacy_path": "",
                "note": "",
                "created_at": START,
                "created_by": "",
            }
        )
        attachments.append(
            {
                "agenda_item_id": iid,
                "kind": "document",
                "title": f"Vorlage {iid}",
                "version": 1,
                "url": "",
                "document_id": first + n,
                "created_at": START,
            }
        )
    conn.execute(insert(StoredDocument), documents)
    conn.execute(insert(AgendaAttachment), attachments)
