"""One meeting as ``meeting show`` and the meeting page show it (Core, plain dicts
with stable keys: they are printed by ``--json``).

Deadlines, the agenda with votes, decisions and attachments, the quorum at the
opening, attendance, action items, pending timers and the triggers the meeting's
state allows. The triggers come from the caller (the workflow definition's
``triggers_from``, or the quick reader of the YAML), so neither the ORM nor the
workflow engine is needed to read a meeting (issue 11 point 19).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Integer, bindparam, select

from governance.clock import BERLIN
from governance.domain.invitation_answers import ANSWERS, ASSURED, OPEN_STATES, UNSURE
from governance.domain.rules import RulesOfProcedure
from governance.domain.voting import AttendanceStatus, Presence, check_quorum, voting_present_at
from governance.errors import NotFound, Text
from governance.reads import tables
from governance.reads.action_items import owner_label
from governance.reads.meetings import SUMMARY

TriggersFrom = Callable[[str], list[str]]
"""A meeting state -> the triggers its workflow allows from it."""

# The statements are built once, here, with bound parameters: building a select (the
# column comparisons, coercions and cache key) cost more CPU per page than running it.
_MEETING = bindparam("meeting", type_=Integer)
_COMMITTEE = bindparam("committee", type_=Integer)


def _the_meeting() -> Any:
    m, c, s = tables.meetings.c, tables.committees.c, tables.meeting_series.c
    return (
        select(
            tables.meetings,
            c.short_name.label("committee"),
            c.rules_data,
            s.title.label("series_title"),
            s.rrule.label("series_rrule"),
            s.state.label("series_state"),
        )
        .join_from(tables.meetings, tables.committees, c.id == m.committee_id)
        .outerjoin(tables.meeting_series, s.id == m.series_id)
        .where(m.id == _MEETING)
    )


_THE_MEETING = _the_meeting()


def describe(conn: Connection, meeting_id: int, triggers_from: TriggersFrom) -> dict[str, Any]:
    meeting = conn.execute(_THE_MEETING, {"meeting": meeting_id}).mappings().one_or_none()
    if meeting is None:
        raise NotFound("error.not_found", kind=Text("kind.meeting"), ref=str(meeting_id), hint="")
    memberships = _memberships_on_day(conn, meeting)
    voting = _voting_members(memberships)
    attendance = _attendance(conn, meeting_id)
    items = _agenda(conn, meeting_id)
    actions = _action_items(conn, meeting_id, meeting["committee_id"])
    # Before the split below takes meeting_id out of the meeting's own.
    open_now = [dict(a) for a in actions if a["state"] == "open"]
    data = {key: meeting[name] for key, name in SUMMARY}
    data.update(
        {
            "committee": meeting["committee"],
            "series": None
            if meeting["series_id"] is None
            else {
                "id": meeting["series_id"],
                "title": meeting["series_title"],
                "rrule": meeting["series_rrule"],
                "state": meeting["series_state"],
            },
            "deadlines": {
                "call_for_proposals": meeting["call_for_proposals_at"],
                "proposal_deadline": meeting["proposal_deadline_at"],
                "invitation": meeting["invitation_at"],
                "reminder": meeting["reminder_at"],
                "minutes_due": meeting["minutes_due_at"],
            },
            "format": meeting["format"],  # in_person, online, hybrid (never the video link)
            "vote_transfers": _vote_transfers(conn, meeting_id),
            "agenda_final": meeting["agenda_final"],
            "agenda_revision": meeting["agenda_revision"],
            "sequence": meeting["sequence"],
            "reason": meeting["reason"],
            "convened_at": meeting["convened_at"],
            "opened_at": meeting["opened_at"],
            "closed_at": meeting["closed_at"],
            "recorded_later": None
            if meeting["recorded_later_at"] is None
            else {"at": meeting["recorded_later_at"], "by": meeting["recorded_later_by"]},
            "quorum_at_opening": _quorum(meeting, meeting["rules_data"], voting, attendance),
            "voting_members": [short_name for _, short_name in voting],
            "agenda": items,
            "attendance": [
                {k: v for k, v in a.items() if k != "organisation_id"} for a in attendance
            ],
            "action_items": [a for a in actions if a.pop("meeting_id") == meeting_id],
            "open_action_items": [
                {k: a[k] for k in ("id", "what", "who", "due_on")}
                for a in sorted(open_now, key=lambda a: (a["due_on"], a["id"]))
            ],
            "timers": _pending_timers(conn, meeting_id, meeting["committee_id"]),
            "allowed_triggers": triggers_from(meeting["state"]),
        }
    )
    expected = expected_attendance(conn, meeting, memberships)
    if expected is not None:  # absent, as before the answers, for a meeting over without any
        data["expected_attendance"] = expected
    return data


def _replies() -> Any:
    r, p = tables.meeting_replies.c, tables.people.c
    deputy = tables.people.alias("deputy")
    return (
        select(
            r.organisation_id,
            r.answer,
            r.comment,
            r.via,
            r.answered_at,
            p.name.label("person"),
            deputy.c.name.label("deputy"),
        )
        .join_from(tables.meeting_replies, tables.people, p.id == r.person_id)
        .outerjoin(deputy, deputy.c.id == r.deputy_person_id)
        .where(r.meeting_id == _MEETING)
    )


def _memberships() -> Any:
    ms, o = tables.memberships.c, tables.organisations.c
    return (
        select(
            ms.organisation_id, ms.role, ms.voting, ms.starts_on, ms.ends_on, o.name, o.short_name
        )
        .join_from(tables.memberships, tables.organisations, o.id == ms.organisation_id)
        .where(ms.committee_id == _COMMITTEE)
        .order_by(ms.id)
    )


_REPLIES, _MEMBERSHIPS = _replies(), _memberships()
_ANSWERING = ("chair", "member", "advisory")  # the roles whose organisations answer


def _memberships_on_day(conn: Connection, meeting: Any) -> list[Any]:
    """The committee's memberships current on the meeting's day, in their order: one
    read for the voting members and the expected attendance."""
    day = meeting["starts_at"].astimezone(BERLIN).date()
    return [
        m
        for m in conn.execute(_MEMBERSHIPS, {"committee": meeting["committee_id"]})
        if m.starts_on <= day and (m.ends_on is None or day < m.ends_on)
    ]


def expected_attendance(
    conn: Connection, meeting: Any, memberships: list[Any] | None = None
) -> dict[str, Any] | None:
    """The answers to the invitation per member organisation on the meeting's day and
    the expected quorum (:func:`governance.domain.voting.check_quorum`, as at the
    opening); None for a meeting that takes no answers and has none. The one
    computation of the expected attendance: the quorum forecast reads it too
    (services/rsvp.describe_expected). "tentative" is not assured.

    *meeting* is the row :func:`describe` reads (``id``, ``committee_id``,
    ``starts_at``, ``state``, ``repeat_of_id``, ``rules_data``); *memberships* those
    of :func:`_memberships_on_day` when the caller has read them already.
    """
    replies = {
        row.organisation_id: row for row in conn.execute(_REPLIES, {"meeting": meeting["id"]})
    }
    if meeting["state"] not in OPEN_STATES and not replies:
        return None
    if memberships is None:
        memberships = _memberships_on_day(conn, meeting)
    members = [m for m in memberships if m.role in _ANSWERING]
    rows = []
    for m in sorted(members, key=lambda m: m.name):
        reply = replies.get(m.organisation_id)
        rows.append(
            {
                "organisation": m.short_name,
                "name": m.name,
                "voting": m.voting,
                "answer": reply.answer if reply is not None else "none",
                "person": None
                if reply is None
                else (reply.deputy or reply.person)
                if reply.answer == "deputy"
                else reply.person,
                "comment": reply.comment if reply is not None else "",
                "via": reply.via if reply is not None else None,
                "answered_at": reply.answered_at if reply is not None else None,
            }
        )
    voting = [row for row in rows if row["voting"]]
    # Only who said they come (themselves or a deputy) is assured; "tentative" and no
    # answer may still come: the best case counts them, the forecast does not.
    coming = sum(1 for row in voting if row["answer"] in ASSURED)
    open_ = sum(1 for row in voting if row["answer"] in UNSURE)
    rules = RulesOfProcedure.from_dict(meeting["rules_data"] or {})
    repeat = meeting["repeat_of_id"] is not None
    quorum = check_quorum(rules, len(voting), coming, repeat_meeting=repeat)
    best_case = check_quorum(rules, len(voting), coming + open_, repeat_meeting=repeat)
    counts = dict.fromkeys((*ANSWERS, "none"), 0)
    for row in rows:
        counts[row["answer"]] += 1
    return {
        "organisations": rows,
        "counts": counts,
        "quorum": {
            "expected": quorum.present,
            "needed": quorum.needed,
            "voting_members": quorum.voting_members,
            "quorate": quorum.quorate,
            "reachable": best_case.quorate,
            "repeat_meeting": quorum.repeat_meeting,
        },
    }


def _voting_members(memberships: list[Any]) -> list[tuple[int, str]]:
    """(organisation id, short name) of the members with a vote on the meeting's day."""
    return [(m.organisation_id, m.short_name) for m in memberships if m.voting]


def _quorum(
    meeting: Any,
    rules_data: dict[str, Any] | None,
    voting: list[tuple[int, str]],
    attendance: list[dict[str, Any]],
) -> dict[str, Any] | None:
    """The quorum at the opening, from who was present then (None before it)."""
    opened: dt.datetime | None = meeting["opened_at"]
    if opened is None:
        return None
    presences = [
        Presence(
            organisation_id=a["organisation_id"],
            voting=a["voting"],
            status=AttendanceStatus(a["status"]),
            arrived_at=a["arrived_at"],
            departed_at=a["departed_at"],
        )
        for a in attendance
        if a["organisation_id"] is not None
    ]
    present = voting_present_at(presences, opened) & {org for org, _ in voting}
    check = check_quorum(
        RulesOfProcedure.from_dict(rules_data or {}),
        len(voting),
        len(present),
        repeat_meeting=meeting["repeat_of_id"] is not None,
    )
    return {
        "quorate": meeting["quorate_at_opening"],
        "present": check.present,
        "voting_members": check.voting_members,
        "needed": check.needed,
        "repeat_meeting": check.repeat_meeting,
    }


def _attendance_statement() -> Any:
    a, o, p = tables.attendance.c, tables.organisations.c, tables.people.c
    return (
        select(
            a.organisation_id,
            o.short_name,
            a.guest_name,
            p.name,
            a.role,
            a.voting,
            a.status,
            a.arrived_at,
            a.departed_at,
            a.online,
        )
        .select_from(tables.attendance)
        .outerjoin(tables.organisations, o.id == a.organisation_id)
        .outerjoin(tables.people, p.id == a.person_id)
        .where(a.meeting_id == _MEETING)
        .order_by(a.id)
    )


_ATTENDANCE = _attendance_statement()


def _attendance(conn: Connection, meeting_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(_ATTENDANCE, {"meeting": meeting_id})
    return [
        {
            "organisation_id": r.organisation_id,
            "organisation": r.short_name,
            "guest": r.guest_name or None,
            "person": r.name,
            "role": r.role,
            "voting": r.voting,
            "status": r.status,
            "arrived_at": r.arrived_at,
            "departed_at": r.departed_at,
            "online": bool(r.online),
        }
        for r in rows
    ]


def _items_statement() -> Any:
    i, p, o, d = tables.agenda_items.c, tables.people.c, tables.organisations.c, tables.decisions.c
    return (
        select(
            i.id,
            i.position,
            i.title,
            i.description,
            i.kind,
            i.majority,
            i.standing,
            i.status,
            i.outcome,
            i.urgent,
            i.confidential,
            p.email.label("proposer"),
            o.short_name.label("proposer_organisation"),
            i.reason,
            i.notes,
            i.accession_application_id,
            i.carried_over_from_id,
            i.carried_over_to_id,
            d.agenda_item_id.label("decided"),
            d.reference.label("decision_reference"),
            d.text.label("decision_text"),
            d.carried.label("decision_carried"),
        )
        .select_from(tables.agenda_items)
        .outerjoin(tables.people, p.id == i.proposer_id)
        .outerjoin(tables.organisations, o.id == i.proposer_organisation_id)
        # An item has at most one decision (unique agenda_item_id): joined, not read apart.
        .outerjoin(tables.decisions, (d.agenda_item_id == i.id) & (d.meeting_id == i.meeting_id))
        .where(i.meeting_id == _MEETING)
        .order_by(i.id)
    )


_ITEMS = _items_statement()


def _agenda(conn: Connection, meeting_id: int) -> list[dict[str, Any]]:
    """Every item: the agenda in order, then proposals and the rest."""
    rows = conn.execute(_ITEMS, {"meeting": meeting_id}).all()
    items = sorted(rows, key=lambda r: (r.status != "accepted", r.position or 0, r.id))
    attachments = _current_attachments(conn, meeting_id) if items else {}
    votes = _votes(conn, meeting_id)
    conflicts = _conflicts(conn, meeting_id)
    return [
        {
            "id": r.id,
            "top": r.position,
            "title": r.title,
            "description": r.description,
            "kind": r.kind,
            "majority": r.majority,
            "standing": r.standing,
            "status": r.status,
            "outcome": r.outcome,
            "urgent": r.urgent,
            "confidential": bool(r.confidential),
            "proposer": r.proposer,
            "proposer_organisation": r.proposer_organisation,
            "attachments": attachments.get(r.id, []),
            "reason": r.reason,
            "notes": r.notes,
            "accession_application_id": r.accession_application_id,
            "carried_over_from": r.carried_over_from_id,
            "carried_over_to": r.carried_over_to_id,
            "vote": votes.get(r.id),
            "decision": None
            if r.decided is None
            else {
                "reference": r.decision_reference,
                "text": r.decision_text,
                "carried": r.decision_carried,
            },
            "conflicts": conflicts.get(r.id, []),
        }
        for r in items
    ]


def _attachments_statement() -> Any:
    a, d, p = tables.agenda_attachments.c, tables.stored_documents.c, tables.people.c
    i = tables.agenda_items.c
    return (
        select(
            a.id,
            a.agenda_item_id,
            a.kind,
            a.title,
            a.version,
            a.url,
            a.document_id,
            d.name,
            d.media_type,
            d.size,
            d.sha256,
            a.created_at,
            p.name.label("created_by"),
        )
        .select_from(tables.agenda_attachments)
        # The meeting's items by a join, not by their ids: one statement, built once.
        .join(tables.agenda_items, i.id == a.agenda_item_id)
        .outerjoin(tables.stored_documents, d.id == a.document_id)
        .outerjoin(tables.people, p.id == a.created_by_id)
        .where(i.meeting_id == _MEETING)
        .order_by(a.id)
    )


_ATTACHMENTS = _attachments_statement()


def _current_attachments(conn: Connection, meeting_id: int) -> dict[int, list[dict[str, Any]]]:
    """The newest version of each attachment, per item of the meeting, as
    :func:`governance.services.agenda_attachments.describe` gives it."""
    rows = conn.execute(_ATTACHMENTS, {"meeting": meeting_id}).all()
    newest: dict[tuple[int, str], Any] = {}
    for row in rows:
        key = (row.agenda_item_id, row.title)
        # A dict keeps the position of a key's first version and takes the newest's row.
        if key not in newest or newest[key].version < row.version:
            newest[key] = row
    out: dict[int, list[dict[str, Any]]] = {}
    for (item_id, _), r in newest.items():
        document = r.document_id is not None
        out.setdefault(item_id, []).append(
            {
                "id": r.id,
                "item_id": r.agenda_item_id,
                "kind": r.kind,
                "title": r.title,
                "version": r.version,
                "url": r.url or None,
                "name": r.name if document else None,
                "media_type": r.media_type if document else None,
                "size": r.size if document else None,
                "sha256": r.sha256 if document else None,
                "created_at": r.created_at,
                "created_by": r.created_by,
            }
        )
    return out


def _votes_statement() -> Any:
    v, b, o = tables.votes.c, tables.ballots.c, tables.organisations.c
    by = tables.organisations.alias("cast_by")
    return (
        select(
            v.id,
            v.agenda_item_id,
            v.method,
            v.yes,
            v.no,
            v.abstain,
            v.majority,
            v.carried,
            v.present,
            v.voting_members,
            v.taken_at,
            o.short_name,
            b.choice,
            by.c.short_name.label("cast_by"),
        )
        .select_from(tables.votes)
        .outerjoin(tables.ballots, b.vote_id == v.id)
        .outerjoin(tables.organisations, o.id == b.organisation_id)
        .outerjoin(by, by.c.id == b.cast_by_id)
        .where(v.meeting_id == _MEETING)
        .order_by(v.id, b.id)
    )


_VOTES = _votes_statement()


def _votes(conn: Connection, meeting_id: int) -> dict[int, dict[str, Any]]:
    """The meeting's votes by agenda item, with their ballots (one statement)."""
    rows = conn.execute(_VOTES, {"meeting": meeting_id})
    by_id: dict[int, dict[str, Any]] = {}
    items: dict[int, int] = {}
    for r in rows:
        items[r.agenda_item_id] = r.id  # an item voted on again: its latest vote
        vote = by_id.setdefault(
            r.id,
            {
                "method": r.method,
                "yes": r.yes,
                "no": r.no,
                "abstain": r.abstain,
                "majority": r.majority,
                "carried": r.carried,
                "present": r.present,
                "voting_members": r.voting_members,
                "taken_at": r.taken_at,
                "ballots": {},
                "transferred": {},
            },
        )
        if r.short_name is not None:
            vote["ballots"][r.short_name] = r.choice
            if r.cast_by is not None:  # cast under a vote transfer: by whom
                vote["transferred"][r.short_name] = r.cast_by
    return {item: by_id[vote_id] for item, vote_id in items.items()}


def _conflicts_statement() -> Any:
    c, o = tables.conflicts_of_interest.c, tables.organisations.c
    return (
        select(c.agenda_item_id, o.short_name, c.reason, c.via)
        .join_from(tables.conflicts_of_interest, tables.organisations, o.id == c.organisation_id)
        # a withdrawn declaration is no conflict (the practice page lists it as withdrawn)
        .where(c.meeting_id == _MEETING, c.withdrawn_at.is_(None))
        .order_by(c.id)
    )


_CONFLICTS = _conflicts_statement()


def _conflicts(conn: Connection, meeting_id: int) -> dict[int, list[dict[str, Any]]]:
    """Conflicts of interest (Befangenheit) by agenda item: who does not vote, and why."""
    out: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute(_CONFLICTS, {"meeting": meeting_id}):
        out.setdefault(r.agenda_item_id, []).append(
            {"organisation": r.short_name, "reason": r.reason, "via": r.via}
        )
    return out


def _transfers_statement() -> Any:
    t = tables.vote_transfers.c
    giver, taker = tables.organisations.alias("giver"), tables.organisations.alias("taker")
    return (
        select(giver.c.short_name.label("giver"), taker.c.short_name.label("taker"), t.via)
        .select_from(tables.vote_transfers)
        .join(giver, giver.c.id == t.from_organisation_id)
        .join(taker, taker.c.id == t.to_organisation_id)
        .where(t.meeting_id == _MEETING, t.withdrawn_at.is_(None))
        .order_by(t.id)
    )


_TRANSFERS = _transfers_statement()


def _vote_transfers(conn: Connection, meeting_id: int) -> list[dict[str, Any]]:
    """Votes transferred for this meeting (Stimmrechtsübertragung), in the order recorded."""
    rows = conn.execute(_TRANSFERS, {"meeting": meeting_id})
    return [{"from": r.giver, "to": r.taker, "via": r.via} for r in rows]


def _action_items_statement() -> Any:
    a, o, p = tables.action_items.c, tables.organisations.c, tables.people.c
    return (
        select(
            a.id,
            a.what,
            o.short_name,
            p.name,
            a.owner_person_id,
            a.due_on,
            a.state,
            a.agenda_item_id,
            a.meeting_id,
        )
        .select_from(tables.action_items)
        .outerjoin(tables.organisations, o.id == a.owner_organisation_id)
        .outerjoin(tables.people, p.id == a.owner_person_id)
        .where((a.meeting_id == _MEETING) | ((a.committee_id == _COMMITTEE) & (a.state == "open")))
        .order_by(a.id)
    )


_ACTION_ITEMS = _action_items_statement()


def _action_items(conn: Connection, meeting_id: int, committee_id: int) -> list[dict[str, Any]]:
    """In one query, by id: the meeting's action items and the committee's open ones."""
    return [
        {
            "id": r.id,
            "what": r.what,
            "who": owner_label(r.name if r.owner_person_id is not None else None, r.short_name),
            "due_on": r.due_on,
            "state": r.state,
            "agenda_item_id": r.agenda_item_id,
            "meeting_id": r.meeting_id,
        }
        for r in conn.execute(_ACTION_ITEMS, {"meeting": meeting_id, "committee": committee_id})
    ]


def _timers_statement() -> Any:
    t = tables.timers.c
    return (
        select(t.name, t.due_at, t.trigger)
        .where(
            # The committee (the engine stamps a meeting's timers with it) narrows the
            # read to that committee's timers by its index: timers has no index on the
            # entity, and with 100,000 pending timers the scan cost 40 ms per page.
            t.committee_id == _COMMITTEE,
            t.entity_type == "meetings",
            t.entity_id == _MEETING,
            t.status == "pending",
        )
        .order_by(t.due_at, t.id)
    )


_TIMERS = _timers_statement()


def _pending_timers(conn: Connection, meeting_id: int, committee_id: int) -> list[dict[str, Any]]:
    return [
        {"name": r.name, "due_at": r.due_at, "trigger": r.trigger}
        for r in conn.execute(_TIMERS, {"meeting": meeting_id, "committee": committee_id})
    ]
