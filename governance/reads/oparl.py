"""The OParl 1.1 objects Gremium publishes, read with SQLAlchemy Core.

One Body per installation (the district office running Gremium is the
corporation; committees are its Organizations of type "Gremium", the
partner organisations seated in them Organizations of type "Institution").
Privacy by default (OParl's section on data protection): what a committee
publishes is its rule ``publication`` (domain/publication.py); everything
here selects only what that rule allows, in SQL, so nothing else is read,
let alone rendered:

- a committee with ``none`` (the default) does not exist for the interface;
- agenda items only as they stand on the agenda, never one in closed session;
- people only in committees with ``people`` or more, by name and role;
  e-mail addresses only of people who agreed (``people.email_public``);
- the archived minutes only with ``minutes``, and only of meetings without
  closed items (the minutes would carry them).

Lists are keyset-paged by id (stable order, a constant number of statements
per page); ``modified_since`` lists also name the deleted objects
(tombstones, change_times.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import ColumnElement, Select, and_, exists, func, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS, LEVELS_MINUTES, LEVELS_PEOPLE
from governance.i18n import translate
from governance.reads import tables as T

SCHEMA = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 100
MEETINGS_PER_PAGE = 25
"""A page of meetings embeds their agenda items and files: a smaller page keeps each
answer well inside 50 ms (bench/oparl.py); OParl leaves the page size to the server."""
MOST_PER_PAGE = 500
"""``limit`` a client may ask for: bounds what one request makes the machine read."""
BODY_ID = 1

Json = dict[str, Any]

_c = T.committees.c
_o = T.organisations.c
_p = T.people.c
_ms = T.memberships.c
_mp = T.membership_people.c
_m = T.meetings.c
_a = T.agenda_items.c
_d = T.decisions.c
_att = T.agenda_attachments.c
_doc = T.stored_documents.c
_min = T.minutes.c
_t = T.tombstones.c


class NotPublic(LookupError):
    """No object under this address, or none the interface may show."""


@dataclasses.dataclass(frozen=True)
class Filters:
    """OParl's list filters and the keyset position; all optional."""

    created_since: dt.datetime | None = None
    created_until: dt.datetime | None = None
    modified_since: dt.datetime | None = None
    modified_until: dt.datetime | None = None
    after: int = 0
    limit: int = PAGE_SIZE
    default_limit: int = PAGE_SIZE

    def query(self, after: int | None = None) -> dict[str, str]:
        """The query string that keeps these filters (for ``links``), at *after*."""
        out = {
            name: getattr(self, name).isoformat()
            for name in ("created_since", "created_until", "modified_since", "modified_until")
            if getattr(self, name) is not None
        }
        if self.limit != self.default_limit:
            out["limit"] = str(self.limit)
        if after:
            out["after"] = str(after)
        return out


@dataclasses.dataclass(frozen=True)
class Urls:
    """Where the objects live: *base* is the interface's root without the trailing slash."""

    base: str
    lang: str = "de"

    def system(self) -> str:
        return self.base + "/"

    def body(self) -> str:
        return f"{self.base}/body/{BODY_ID}"

    def body_list(self, name: str) -> str:
        return f"{self.body()}/{name}"

    def of(self, kind: str, oid: int | str) -> str:
        return f"{self.base}/{kind}/{oid}"

    def words(self, key: str, **params: Any) -> str:
        return translate(key, self.lang, **params)


# --- what is public ------------------------------------------------------------------------


def _publication() -> ColumnElement[Any]:
    return _c.publication


def _committee_at(levels: Sequence[str]) -> ColumnElement[bool]:
    return _publication().in_(list(levels))


def _meeting_public() -> ColumnElement[bool]:
    return exists().where(_c.id == _m.committee_id, _committee_at(LEVELS_MEETINGS))


def _item_public() -> ColumnElement[bool]:
    return and_(_a.status == "accepted", _a.confidential.is_(False))


def _person_public() -> ColumnElement[bool]:
    return exists().where(
        _mp.person_id == _p.id,
        _ms.id == _mp.membership_id,
        _c.id == _ms.committee_id,
        _committee_at(LEVELS_PEOPLE),
    )


def _organisation_public() -> ColumnElement[bool]:
    return exists().where(
        _ms.organisation_id == _o.id, _c.id == _ms.committee_id, _committee_at(LEVELS_MEETINGS)
    )


def _modified(table_c: Any) -> ColumnElement[Any]:
    return func.coalesce(table_c.modified_at, table_c.created_at)


def _filtered(query: Select[Any], f: Filters, created: Any, modified: Any) -> Select[Any]:
    if f.created_since is not None:
        query = query.where(created >= f.created_since)
    if f.created_until is not None:
        query = query.where(created <= f.created_until)
    if f.modified_since is not None:
        query = query.where(modified >= f.modified_since)
    if f.modified_until is not None:
        query = query.where(modified <= f.modified_until)
    return query


def _time(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def _stamps(created: dt.datetime | None, modified: dt.datetime | None) -> Json:
    out: Json = {}
    if created is not None:
        out["created"] = _time(created)
    if modified is not None or created is not None:
        out["modified"] = _time(modified or created)
    return out


def _prune(obj: Json) -> Json:
    return {k: v for k, v in obj.items() if v is not None}


# --- System and Body -----------------------------------------------------------------------


def system(urls: Urls) -> Json:
    return {
        "id": urls.system(),
        "type": SCHEMA + "System",
        "oparlVersion": "https://schema.oparl.org/1.1/",
        "name": urls.words("oparl.system.name"),
        "body": urls.base + "/body",
        "product": "https://gremium.berlin.de/",
        "vendor": "https://gremium.berlin.de/",
    }


def body(urls: Urls) -> Json:
    return {
        "id": urls.body(),
        "type": SCHEMA + "Body",
        "system": urls.system(),
        "name": urls.words("oparl.body.name"),
        "shortName": urls.words("oparl.body.short_name"),
        "organization": urls.body_list("organization"),
        "person": urls.body_list("person"),
        "meeting": urls.body_list("meeting"),
        "paper": urls.body_list("paper"),
        "agendaItem": urls.body_list("agendaItem"),
        "file": urls.body_list("file"),
        "legislativeTermList": urls.body_list("legislativeTerm"),
        "legislativeTerm": [],
        "classification": "Kooperationsgremien",
    }


# --- pages -----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Page:
    data: list[Json]
    next_after: int | None
    """The keyset position of the next page (None: this is the last page)."""


def _page(objects: list[tuple[int, Json]], limit: int) -> Page:
    objects.sort(key=lambda pair: pair[0])
    more = len(objects) > limit
    shown = objects[:limit]
    return Page([obj for _, obj in shown], shown[-1][0] if more and shown else None)


def _deleted(urls: Urls, kind: str, oid: int, created: dt.datetime | None, at: dt.datetime) -> Json:
    out: Json = {"id": urls.of(kind, oid), "type": SCHEMA + _TYPE[kind], "deleted": True}
    if created is not None:
        out["created"] = _time(created)
    out["modified"] = _time(at)
    return out


_TYPE = {
    "committee": "Organization",
    "organisation": "Organization",
    "person": "Person",
    "meeting": "Meeting",
    "agendaItem": "AgendaItem",
    "membership": "Membership",
    "representation": "Membership",
    "file": "File",
    "paper": "Paper",
}


def _tombstones(
    conn: Connection | Session, kind: str, f: Filters, levels: Sequence[str] = LEVELS_MEETINGS
) -> list[Row[Any]]:
    """Deleted rows of table *kind* that a ``modified_since`` list names (else none): only
    of committees that publish them (*levels*), one per object."""
    if f.modified_since is None:
        return []
    query: Select[Any] = select(
        _t.object_id,
        func.max(_t.created_at).label("created_at"),
        func.max(_t.deleted_at).label("deleted_at"),
    ).where(
        _t.kind == kind,
        _t.object_id > f.after,
        _t.committee_id.in_(select(_c.id).where(_committee_at(levels))),
    )
    grouped = _filtered(query, f, _t.created_at, _t.deleted_at).group_by(_t.object_id)
    return list(conn.execute(grouped.order_by(_t.object_id).limit(f.limit + 1)))


def legislative_terms() -> Page:
    """Committees of cooperation have no electoral terms: the list is empty."""
    return Page([], None)


# --- organisations ---------------------------------------------------------------------------


def _committee_query() -> Select[Any]:
    return select(_c.id, _c.name, _c.short_name, _c.created_at, _c.modified_at).where(
        _committee_at(LEVELS_MEETINGS)
    )


def _committee_json(urls: Urls, row: Row[Any], members: dict[int, list[int]]) -> Json:
    return _prune(
        {
            "id": urls.of("committee", row.id),
            "type": SCHEMA + "Organization",
            "body": urls.body(),
            "name": row.name,
            "shortName": row.short_name,
            "organizationType": "Gremium",
            "classification": "Kooperationsgremium",
            "membership": [urls.of("membership", m) for m in members.get(row.id, [])],
            "meeting": urls.of("committee", f"{row.id}/meeting"),
            **_stamps(row.created_at, row.modified_at),
        }
    )


def _organisation_query() -> Select[Any]:
    return select(_o.id, _o.name, _o.short_name, _o.created_at, _o.modified_at).where(
        _organisation_public()
    )


def _organisation_json(urls: Urls, row: Row[Any]) -> Json:
    return _prune(
        {
            "id": urls.of("organisation", row.id),
            "type": SCHEMA + "Organization",
            "body": urls.body(),
            "name": row.name,
            "shortName": row.short_name,
            "organizationType": "Institution",
            **_stamps(row.created_at, row.modified_at),
        }
    )


def _seats_of(conn: Connection | Session, committee_ids: list[int]) -> dict[int, list[int]]:
    seats: dict[int, list[int]] = {}
    if committee_ids:
        for cid, mid in conn.execute(
            select(_ms.committee_id, _ms.id)
            .where(_ms.committee_id.in_(committee_ids))
            .order_by(_ms.id)
        ):
            seats.setdefault(cid, []).append(mid)
    return seats


ORG_SPLIT = 1_000_000_000
"""The organisation list runs through the committees, then the partner organisations:
its keyset position is a committee id, or ORG_SPLIT + an organisation id."""


def organizations(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    found: list[tuple[int, Json]] = []
    if f.after < ORG_SPLIT:
        query = _committee_query().where(_c.id > f.after).order_by(_c.id).limit(f.limit + 1)
        rows = list(conn.execute(_filtered(query, f, _c.created_at, _modified(_c))))
        seats = _seats_of(conn, [r.id for r in rows])
        found = [(r.id, _committee_json(urls, r, seats)) for r in rows]
        if len(found) > f.limit:
            return _page(found, f.limit)
    rest = f.limit - len(found)
    after = max(f.after - ORG_SPLIT, 0)
    query = _organisation_query().where(_o.id > after).order_by(_o.id).limit(rest + 1)
    rows = list(conn.execute(_filtered(query, f, _o.created_at, _modified(_o))))
    found += [(ORG_SPLIT + r.id, _organisation_json(urls, r)) for r in rows]
    return _page(found, f.limit)


def committee(conn: Connection | Session, urls: Urls, cid: int) -> Json:
    row = conn.execute(_committee_query().where(_c.id == cid)).first()
    if row is None:
        raise NotPublic
    return _committee_json(urls, row, _seats_of(conn, [cid]))


def organisation(conn: Connection | Session, urls: Urls, oid: int) -> Json:
    row = conn.execute(_organisation_query().where(_o.id == oid)).first()
    if row is None:
        raise NotPublic
    return _organisation_json(urls, row)


# --- memberships -------------------------------------------------------------------------------


def membership(conn: Connection | Session, urls: Urls, mid: int) -> Json:
    """An organisation's seat in a committee: ``onBehalfOf`` the partner organisation."""
    row = conn.execute(
        select(
            _ms.id,
            _ms.committee_id,
            _ms.organisation_id,
            _ms.role,
            _ms.voting,
            _ms.starts_on,
            _ms.ends_on,
            _ms.modified_at,
        )
        .join_from(T.memberships, T.committees, _c.id == _ms.committee_id)
        .where(_ms.id == mid, _committee_at(LEVELS_MEETINGS))
    ).first()
    if row is None:
        tomb = _tombstone(conn, "memberships", mid)
        return _deleted(urls, "membership", mid, None, tomb)
    return _prune(
        {
            "id": urls.of("membership", row.id),
            "type": SCHEMA + "Membership",
            "organization": urls.of("committee", row.committee_id),
            "onBehalfOf": urls.of("organisation", row.organisation_id),
            "role": urls.words(f"oparl.role.{row.role}"),
            "votingRight": bool(row.voting),
            "startDate": row.starts_on.isoformat(),
            "endDate": row.ends_on.isoformat() if row.ends_on else None,
            **({"modified": _time(row.modified_at)} if row.modified_at else {}),
        }
    )


def _representation_query() -> Select[Any]:
    return (
        select(
            _mp.id,
            _mp.person_id,
            _mp.capacity,
            _ms.committee_id,
            _ms.organisation_id,
            _ms.role,
            _ms.voting,
            _ms.starts_on,
            _ms.ends_on,
            _ms.modified_at,
        )
        .join_from(T.membership_people, T.memberships, _ms.id == _mp.membership_id)
        .join(T.committees, _c.id == _ms.committee_id)
        .join(T.people, _p.id == _mp.person_id)
        .where(_committee_at(LEVELS_PEOPLE), _p.erased_at.is_(None))
    )


def _representation_json(urls: Urls, row: Row[Any], *, with_person: bool = True) -> Json:
    # The person's role in the committee: the capacity for the organisation, and the
    # organisation's seat (only a voting seat's representative holds a voting right).
    role = (
        urls.words(f"oparl.capacity.{row.capacity}")
        + " ("
        + urls.words(f"oparl.role.{row.role}")
        + ")"
    )
    return _prune(
        {
            "id": urls.of("representation", row.id),
            "type": SCHEMA + "Membership",
            "person": urls.of("person", row.person_id) if with_person else None,
            "organization": urls.of("committee", row.committee_id),
            "onBehalfOf": urls.of("organisation", row.organisation_id),
            "role": role,
            "votingRight": bool(row.voting) and row.capacity == "representative",
            "startDate": row.starts_on.isoformat(),
            "endDate": row.ends_on.isoformat() if row.ends_on else None,
        }
    )


def representation(conn: Connection | Session, urls: Urls, rid: int) -> Json:
    """A person representing an organisation in a committee (a Membership with ``person``)."""
    row = conn.execute(_representation_query().where(_mp.id == rid)).first()
    if row is None:
        tomb = _tombstone(conn, "membership_people", rid, LEVELS_PEOPLE)
        return _deleted(urls, "representation", rid, None, tomb)
    return _representation_json(urls, row)


def _tombstone(
    conn: Connection | Session, kind: str, oid: int, levels: Sequence[str] = LEVELS_MEETINGS
) -> dt.datetime:
    """When the object was deleted, if a committee that publishes it (*levels*) had it."""
    at = conn.execute(
        select(func.max(_t.deleted_at)).where(
            _t.kind == kind,
            _t.object_id == oid,
            _t.committee_id.in_(select(_c.id).where(_committee_at(levels))),
        )
    ).scalar()
    if at is None:
        raise NotPublic
    return at


# --- people ----------------------------------------------------------------------------------------


def _person_query() -> Select[Any]:
    return select(
        _p.id, _p.name, _p.email, _p.email_public, _p.created_at, _p.modified_at, _p.erased_at
    )


def _person_json(urls: Urls, row: Row[Any], roles: dict[int, list[Json]]) -> Json:
    return _prune(
        {
            "id": urls.of("person", row.id),
            "type": SCHEMA + "Person",
            "body": urls.body(),
            "name": row.name,
            "email": [row.email] if row.email_public and row.email else None,
            "membership": roles.get(row.id, []),
            **_stamps(row.created_at, row.modified_at),
        }
    )


def _roles_of(
    conn: Connection | Session, urls: Urls, person_ids: list[int]
) -> dict[int, list[Json]]:
    roles: dict[int, list[Json]] = {}
    if person_ids:
        query = _representation_query().where(_mp.person_id.in_(person_ids)).order_by(_mp.id)
        for row in conn.execute(query):
            roles.setdefault(row.person_id, []).append(
                _representation_json(urls, row, with_person=False)
            )
    return roles


def people(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    visible = and_(_person_public(), _p.erased_at.is_(None))
    query = _person_query().where(visible, _p.id > f.after).order_by(_p.id).limit(f.limit + 1)
    rows = list(conn.execute(_filtered(query, f, _p.created_at, _modified(_p))))
    roles = _roles_of(conn, urls, [r.id for r in rows])
    found = [(r.id, _person_json(urls, r, roles)) for r in rows]
    # Erased people of committees that publish people: deleted, without any data.
    found += [
        (t.object_id, _deleted(urls, "person", t.object_id, t.created_at, t.deleted_at))
        for t in _tombstones(conn, "people", f, LEVELS_PEOPLE)
    ]
    return _page(found, f.limit)


def person(conn: Connection | Session, urls: Urls, pid: int) -> Json:
    row = conn.execute(
        _person_query().where(_p.id == pid, _person_public(), _p.erased_at.is_(None))
    ).first()
    if row is None:
        at = _tombstone(conn, "people", pid, LEVELS_PEOPLE)
        return _deleted(urls, "person", pid, None, at)
    return _person_json(urls, row, _roles_of(conn, urls, [pid]))


# --- meetings, agenda items, files, papers -----------------------------------------------------------


def _meeting_query() -> Select[Any]:
    return (
        select(
            _m.id,
            _m.committee_id,
            _m.title,
            _m.state,
            _m.starts_at,
            _m.ends_at,
            _m.location,
            _m.convened_at,
            _m.created_at,
            _m.modified_at,
            _publication().label("publication"),
        )
        .join_from(T.meetings, T.committees, _c.id == _m.committee_id)
        .where(_committee_at(LEVELS_MEETINGS))
    )


def _item_query() -> Select[Any]:
    return (
        select(
            _a.id,
            _a.meeting_id,
            _a.position,
            _a.title,
            _a.outcome,
            _a.decision_text,
            _a.created_at,
            _a.modified_at,
            _d.carried,
            _d.text.label("resolution"),
        )
        .join_from(T.agenda_items, T.meetings, _m.id == _a.meeting_id)
        .join(T.committees, _c.id == _m.committee_id)
        .outerjoin(T.decisions, _d.agenda_item_id == _a.id)
        .where(_committee_at(LEVELS_MEETINGS), _item_public())
    )


@dataclasses.dataclass
class _Parts:
    """What a page of meetings or items embeds, each read with one statement."""

    items: dict[int, list[Row[Any]]]
    files: dict[int, list[Row[Any]]]
    minutes: dict[int, Row[Any]]


def _files_of(conn: Connection | Session, item_ids: list[int]) -> dict[int, list[Row[Any]]]:
    files: dict[int, list[Row[Any]]] = {}
    if item_ids:
        for row in conn.execute(_file_query().where(_att.agenda_item_id.in_(item_ids))):
            files.setdefault(row.agenda_item_id, []).append(row)
    return files


def _file_query() -> Select[Any]:
    return (
        select(
            _att.id.label("attachment_id"),
            _att.agenda_item_id,
            _att.kind.label("attachment_kind"),
            _att.title,
            _att.url,
            _att.created_at.label("attached_at"),
            _doc.id,
            _doc.name,
            _doc.media_type,
            _doc.size,
            _doc.sha512,
            _doc.created_at,
        )
        .join_from(T.agenda_attachments, T.agenda_items, _a.id == _att.agenda_item_id)
        .join(T.meetings, _m.id == _a.meeting_id)
        .join(T.committees, _c.id == _m.committee_id)
        .outerjoin(T.stored_documents, _doc.id == _att.document_id)
        .where(_committee_at(LEVELS_MEETINGS), _item_public())
        .order_by(_att.id)
    )


def _closed_items() -> ColumnElement[bool]:
    return exists().where(
        _a.meeting_id == _min.meeting_id, _a.status == "accepted", _a.confidential.is_(True)
    )


def _minutes_query() -> Select[Any]:
    return (
        select(
            _min.meeting_id,
            _doc.id,
            _doc.name,
            _doc.media_type,
            _doc.size,
            _doc.sha512,
            _doc.created_at,
        )
        .join_from(T.minutes, T.stored_documents, _doc.id == _min.archive_document_id)
        .join(T.committees, _c.id == _min.committee_id)
        .where(_committee_at(LEVELS_MINUTES), ~_closed_items(), _doc.data.is_not(None))
    )


def _parts(conn: Connection | Session, meetings: list[Row[Any]]) -> _Parts:
    ids = [m.id for m in meetings]
    items: dict[int, list[Row[Any]]] = {}
    minutes: dict[int, Row[Any]] = {}
    if ids:
        query = (
            _item_query()
            .where(_a.meeting_id.in_(ids), _m.id.in_(ids))
            .order_by(_a.meeting_id, _a.position, _a.id)
        )
        for row in conn.execute(query):
            items.setdefault(row.meeting_id, []).append(row)
        if any(m.publication in LEVELS_MINUTES for m in meetings):
            for row in conn.execute(_minutes_query().where(_min.meeting_id.in_(ids))):
                minutes[row.meeting_id] = row
    files = _files_of(conn, [i.id for rows in items.values() for i in rows])
    return _Parts(items, files, minutes)


def _result(urls: Urls, row: Row[Any]) -> str | None:
    if row.outcome is None:
        return None
    if row.outcome == "decided" and row.carried is not None:
        return urls.words("oparl.result.carried" if row.carried else "oparl.result.rejected")
    key = {"noted": "noted", "deferred": "deferred", "decided": "carried"}.get(row.outcome)
    return urls.words(f"oparl.result.{key}") if key else None


def _item_json(urls: Urls, row: Row[Any], order: int, files: dict[int, list[Row[Any]]]) -> Json:
    documents = [_file_json(urls, f) for f in files.get(row.id, []) if f.id is not None]
    return _prune(
        {
            "id": urls.of("agendaItem", row.id),
            "type": SCHEMA + "AgendaItem",
            "meeting": urls.of("meeting", row.meeting_id),
            "number": str(row.position) if row.position is not None else None,
            "order": order,
            "name": row.title,
            "public": True,
            "result": _result(urls, row),
            "resolutionText": (row.resolution or row.decision_text or None),
            "auxiliaryFile": documents or None,
            **_stamps(row.created_at, row.modified_at),
        }
    )


def _file_json(urls: Urls, row: Row[Any], *, meeting_id: int | None = None) -> Json:
    return _prune(
        {
            "id": urls.of("file", row.id),
            "type": SCHEMA + "File",
            "name": getattr(row, "title", None) or row.name,
            "fileName": row.name,
            "mimeType": row.media_type,
            "size": row.size,
            "sha512Checksum": row.sha512 or None,
            "accessUrl": urls.of("file", f"{row.id}/content"),
            "downloadUrl": urls.of("file", f"{row.id}/content") + "?download=1",
            "meeting": [urls.of("meeting", meeting_id)] if meeting_id else None,
            "agendaItem": [urls.of("agendaItem", row.agenda_item_id)]
            if getattr(row, "agenda_item_id", None)
            else None,
            **_stamps(row.created_at, None),
        }
    )


def _meeting_json(urls: Urls, row: Row[Any], parts: _Parts) -> Json:
    items = parts.items.get(row.id, [])
    minutes = parts.minutes.get(row.id)
    return _prune(
        {
            "id": urls.of("meeting", row.id),
            "type": SCHEMA + "Meeting",
            "name": row.title,
            "meetingState": urls.words(f"oparl.meeting_state.{row.state}"),
            "cancelled": row.state == "cancelled",
            "start": _time(row.starts_at),
            "end": _time(row.ends_at),
            "location": _location_json(urls, row) if row.location else None,
            "organization": [urls.of("committee", row.committee_id)],
            "invitation": _invitation_json(urls, row, items) if row.convened_at else None,
            "resultsProtocol": _file_json(urls, minutes, meeting_id=row.id) if minutes else None,
            "agendaItem": [
                _item_json(urls, item, n, parts.files) for n, item in enumerate(items, start=1)
            ],
            **_stamps(row.created_at, row.modified_at),
        }
    )


def _location_json(urls: Urls, row: Row[Any]) -> Json:
    return {
        "id": urls.of("meeting", f"{row.id}/location"),
        "type": SCHEMA + "Location",
        "description": row.location,
    }


def meetings(
    conn: Connection | Session, urls: Urls, f: Filters, committee_id: int | None = None
) -> Page:
    query = _meeting_query().where(_m.id > f.after).order_by(_m.id).limit(f.limit + 1)
    if committee_id is not None:
        query = query.where(_m.committee_id == committee_id)
    rows = list(conn.execute(_filtered(query, f, _m.created_at, _modified(_m))))
    parts = _parts(conn, rows)
    return _page([(r.id, _meeting_json(urls, r, parts)) for r in rows], f.limit)


def meeting(conn: Connection | Session, urls: Urls, mid: int) -> Json:
    row = conn.execute(_meeting_query().where(_m.id == mid)).first()
    if row is None:
        raise NotPublic
    return _meeting_json(urls, row, _parts(conn, [row]))


def location(conn: Connection | Session, urls: Urls, mid: int) -> Json:
    row = conn.execute(_meeting_query().where(_m.id == mid)).first()
    if row is None or not row.location:
        raise NotPublic
    return {**_location_json(urls, row), "meetings": [urls.of("meeting", mid)]}


def agenda_items(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    query = _item_query().where(_a.id > f.after).order_by(_a.id).limit(f.limit + 1)
    rows = list(conn.execute(_filtered(query, f, _a.created_at, _modified(_a))))
    files = _files_of(conn, [r.id for r in rows])
    orders = _orders(conn, rows)
    found = [(r.id, _item_json(urls, r, orders[r.id], files)) for r in rows]
    found += [
        (t.object_id, _deleted(urls, "agendaItem", t.object_id, t.created_at, t.deleted_at))
        for t in _tombstones(conn, "agenda_items", f)
    ]
    return _page(found, f.limit)


def _orders(conn: Connection | Session, rows: list[Row[Any]]) -> dict[int, int]:
    """Each item's place among its meeting's public items (``order``), for items read apart."""
    meeting_ids = sorted({r.meeting_id for r in rows})
    orders: dict[int, int] = {}
    if meeting_ids:
        query = (
            select(_a.id, _a.meeting_id)
            .where(_a.meeting_id.in_(meeting_ids), _item_public())
            .order_by(_a.meeting_id, _a.position, _a.id)
        )
        counter: dict[int, int] = {}
        for iid, mid in conn.execute(query):
            counter[mid] = counter.get(mid, 0) + 1
            orders[iid] = counter[mid]
    return orders


def agenda_item(conn: Connection | Session, urls: Urls, iid: int) -> Json:
    row = conn.execute(_item_query().where(_a.id == iid)).first()
    if row is None:
        tomb = _tombstone(conn, "agenda_items", iid)
        return _deleted(urls, "agendaItem", iid, None, tomb)
    return _item_json(urls, row, _orders(conn, [row])[iid], _files_of(conn, [iid]))


def files(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    query = _file_query().where(_doc.id.is_not(None), _doc.id > f.after)
    query = query.order_by(None).order_by(_doc.id).limit(f.limit + 1)
    rows = list(conn.execute(_filtered(query, f, _doc.created_at, _doc.created_at)))
    found = [(r.id, _file_json(urls, r)) for r in rows]
    return _page(found, f.limit)


def file(conn: Connection | Session, urls: Urls, fid: int) -> Json:
    row = conn.execute(_file_query().where(_doc.id == fid)).first()
    if row is not None:
        return _file_json(urls, row)
    minutes = conn.execute(_minutes_query().where(_doc.id == fid)).first()
    if minutes is None:
        raise NotPublic
    return _file_json(urls, minutes, meeting_id=minutes.meeting_id)


def file_content(conn: Connection | Session, fid: int) -> tuple[str, str, bytes]:
    """(name, media type, bytes) of a public file; NotPublic otherwise."""
    public = (
        conn.execute(_file_query().where(_doc.id == fid)).first()
        or conn.execute(_minutes_query().where(_doc.id == fid)).first()
    )
    if public is None:
        raise NotPublic
    data = conn.execute(select(_doc.data).where(_doc.id == fid)).scalar()
    if data is None:
        raise NotPublic
    return public.name, public.media_type, data


def papers(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    query = _file_query().where(_att.id > f.after).order_by(None).order_by(_att.id)
    rows = list(
        conn.execute(_filtered(query.limit(f.limit + 1), f, _att.created_at, _att.created_at))
    )
    return _page([(r.attachment_id, _paper_json(urls, r)) for r in rows], f.limit)


def paper(conn: Connection | Session, urls: Urls, aid: int) -> Json:
    row = conn.execute(_file_query().where(_att.id == aid)).first()
    if row is None:
        raise NotPublic
    return _paper_json(urls, row)


def _paper_json(urls: Urls, row: Row[Any]) -> Json:
    """An agenda item's document (Vorlage) as a Paper; its file, if stored, as mainFile."""
    return _prune(
        {
            "id": urls.of("paper", row.attachment_id),
            "type": SCHEMA + "Paper",
            "body": urls.body(),
            "name": row.title,
            "paperType": "Anlage",
            "mainFile": _file_json(urls, row) if row.id is not None else None,
            "web": row.url or None,
            "created": _time(row.attached_at),
            "modified": _time(row.attached_at),
        }
    )


# --- the invitation, made from what is public ----------------------------------------------------


def invitation_text(urls: Urls, row: Row[Any], items: list[Row[Any]]) -> bytes:
    """The invitation as OParl shows it: date, place and the public agenda (never the
    invitation mailed to members, which names people and closed items)."""
    start = row.starts_at.astimezone(_berlin()).strftime("%d.%m.%Y %H:%M")
    lines = [
        urls.words("oparl.invitation.heading", meeting=row.title),
        urls.words("oparl.invitation.when", start=start),
        urls.words("oparl.invitation.where", location=row.location or "-"),
        "",
        urls.words("oparl.invitation.agenda"),
    ]
    lines += [f"{n}. {item.title}" for n, item in enumerate(items, start=1)]
    return ("\n".join(lines) + "\n").encode()


def _berlin() -> dt.tzinfo:
    from governance.clock import BERLIN

    return BERLIN


def _invitation_json(urls: Urls, row: Row[Any], items: list[Row[Any]]) -> Json:
    data = invitation_text(urls, row, items)
    where = urls.of("meeting", f"{row.id}/invitation")
    return _prune(
        {
            "id": where,
            "type": SCHEMA + "File",
            "name": urls.words("oparl.invitation.name"),
            "fileName": f"einladung-{row.id}.txt",
            "mimeType": "text/plain",
            "size": len(data),
            "sha512Checksum": hashlib.sha512(data).hexdigest(),
            "accessUrl": where + "/content",
            "downloadUrl": where + "/content?download=1",
            "meeting": [urls.of("meeting", row.id)],
            "created": _time(row.convened_at),
            "modified": _time(row.modified_at or row.convened_at),
        }
    )


def invitation(conn: Connection | Session, urls: Urls, mid: int) -> tuple[Json, bytes]:
    row = conn.execute(_meeting_query().where(_m.id == mid)).first()
    if row is None or row.convened_at is None:
        raise NotPublic
    items = _parts(conn, [row]).items.get(mid, [])
    return _invitation_json(urls, row, items), invitation_text(urls, row, items)


def page_links(list_url: str, f: Filters, page: Page) -> Json:
    def at(after: int | None) -> str:
        query = f.query(after)
        return list_url + ("?" + urlencode(query) if query else "")

    links: Json = {"first": at(None), "self": at(f.after or None)}
    if page.next_after is not None:
        links["next"] = at(page.next_after)
    return links


Reader = Callable[[Connection | Session, Urls, Filters], Page]
