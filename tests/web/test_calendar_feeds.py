"""Calendar subscriptions: the /calendar page, the secret feed addresses and what a feed shows."""

from __future__ import annotations

import icalendar
from sqlalchemy import select

from governance.models import AuditRecord, CalendarFeed
from governance.services import meetings
from tests.web.calendar_support import (
    AFTER_OCTOBER,
    BEFORE_OCTOBER,
    chair,
    feed_path,
    plan,
)
from tests.web.support import World, post_form


def events(body: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(body)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_a_member_makes_an_address_and_the_feed_shows_the_committees_meetings(
    client, signed_in, world, gremium
):
    mid = plan(gremium, world, "Sitzung im Herbst", BEFORE_OCTOBER)
    signed_in(client, world.partners[0])
    page = client.get("/calendar").get_data(as_text=True)
    assert "Kalender-Abos" in page and "Testgremium" in page and "Adresse erzeugen" in page
    path = feed_path(client, "committee", world.committee_id)
    client.delete_cookie("gremium_session")  # the address works without signing in
    answer = client.get(path)
    assert answer.status_code == 200 and answer.mimetype == "text/calendar"
    body = answer.get_data()
    assert b"BEGIN:VTIMEZONE" in body and b"TZID:Europe/Berlin" in body
    found = events(body)
    meeting = found[f"meeting-{mid}@ba-tk.example.org"]
    assert str(meeting["summary"]) == "Sitzung im Herbst" and int(meeting["sequence"]) == 0
    assert meeting.decoded("dtstart").utcoffset().total_seconds() == 2 * 3600
    assert f"proposal-deadline-{mid}@ba-tk.example.org" in found
    # nothing personal: no attendee, no organizer, no address
    assert b"ATTENDEE" not in body and b"ORGANIZER" not in body and b"mailto:" not in body
    # polled again unchanged: 304 by ETag and by Last-Modified
    assert client.get(path, headers={"If-None-Match": answer.headers["ETag"]}).status_code == 304
    since = answer.headers["Last-Modified"]
    assert client.get(path, headers={"If-Modified-Since": since}).status_code == 304


def test_a_cancelled_meeting_stays_cancelled_and_a_moved_one_has_a_higher_sequence(
    client, signed_in, world, gremium
):
    moved = plan(gremium, world, "Wird verschoben", BEFORE_OCTOBER)
    cancelled = plan(gremium, world, "Fällt aus", AFTER_OCTOBER)
    signed_in(client, world.secretary)
    path = feed_path(client, "committee", world.committee_id)
    first = client.get(path)
    with gremium.unit_of_work(chair(world)) as work:
        meetings.move(work, moved, starts_at=AFTER_OCTOBER.replace(hour=10), reason="Raum belegt")
        meetings.cancel(work, cancelled, reason="Krankheit")
    second = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200
    found = events(second.get_data())
    gone = found[f"meeting-{cancelled}@ba-tk.example.org"]
    assert str(gone["status"]) == "CANCELLED" and int(gone["sequence"]) == 1
    assert str(gone["summary"]).startswith("Abgesagt: ")
    assert str(found[f"proposal-deadline-{cancelled}@ba-tk.example.org"]["status"]) == "CANCELLED"
    again = found[f"meeting-{moved}@ba-tk.example.org"]
    assert int(again["sequence"]) == 1 and again.decoded("dtstart").hour == 10


def test_renewing_stops_the_old_address_and_is_audited_without_the_token(
    client, signed_in, world, gremium
):
    signed_in(client, world.partners[1])
    old = feed_path(client, "person", world.partners[1])
    assert client.get(old).status_code == 200
    refused = post_form(client, "/calendar", {"kind": "person", "scope_id": str(world.partners[1])})
    assert refused.status_code == 422 and "erneuern" in refused.get_data(as_text=True)
    new = feed_path(client, "person", world.partners[1], renew=True)
    assert new != old
    assert client.get(old).status_code == 404 and client.get(new).status_code == 200
    with gremium.unit_of_work(chair(world)) as work:
        records = (
            work.session.execute(
                select(AuditRecord).where(AuditRecord.entity_type == "calendar_feeds")
            )
            .scalars()
            .all()
        )
        actions = [r.action for r in records]
        stored = work.session.execute(select(CalendarFeed.token_sha256)).scalars().all()
    assert actions == ["calendar.issue", "calendar.renew"]
    token = new.rsplit("/", 1)[1].removesuffix(".ics")
    assert token not in str([r.details for r in records]) and token not in stored


def test_only_members_get_a_committees_feed_and_a_person_only_their_own(
    client, signed_in, world, gremium
):
    signed_in(client, world.outsider)
    page = client.get("/calendar").get_data(as_text=True)
    assert "Testgremium" not in page and "Anderes Gremium" in page
    refused = post_form(
        client, "/calendar", {"kind": "committee", "scope_id": str(world.committee_id)}
    )
    assert refused.status_code == 403 or refused.status_code == 422
    other = post_form(client, "/calendar", {"kind": "person", "scope_id": str(world.chair)})
    assert other.status_code in (403, 422) and "nur für die eigene Person" in other.get_data(
        as_text=True
    )
    unknown = client.get("/calendar/" + "x" * 43 + ".ics")
    assert unknown.status_code == 404


def test_the_personal_feed_shows_the_meetings_the_person_is_invited_to_in_english(
    client, signed_in, world, gremium
):
    mid = plan(gremium, world, "Sitzung", BEFORE_OCTOBER)
    with gremium.unit_of_work(chair(world)) as work:
        from governance.models import Person

        person = work.session.get(Person, world.partners[0])
        assert person is not None
        person.language = "en"
    signed_in(client, world.partners[0])
    page = client.get("/calendar").get_data(as_text=True)
    assert "Calendar subscriptions" in page and "Create address" in page
    path = feed_path(client, "person", world.partners[0])
    assert "New subscription address for" in post_form(
        client, "/calendar", {"kind": "person", "renew": "1"}
    ).get_data(as_text=True)
    path = feed_path(client, "person", world.partners[0], renew=True)
    body = client.get(path).get_data()
    found = events(body)
    assert str(found[f"meeting-{mid}@ba-tk.example.org"]["summary"]) == "TG: Sitzung"
    assert str(found[f"proposal-deadline-{mid}@ba-tk.example.org"]["summary"]).startswith(
        "Proposal deadline"
    )
    assert b"My meetings (Vorstand Rabenhaus)" in body


def test_a_member_who_left_gets_nothing_any_more(client, signed_in, world, gremium):
    signed_in(client, world.outsider)
    path = feed_path(client, "committee", world.other_committee_id)
    assert client.get(path).status_code == 200
    with gremium.unit_of_work(chair(world)) as work:
        from governance.models import Membership

        membership = work.session.execute(
            select(Membership).where(Membership.committee_id == world.other_committee_id)
        ).scalar_one()
        membership.ends_on = work.today
    assert client.get(path).status_code == 404


__all__ = ["World"]


def test_an_area_coordinator_subscribes_to_the_meetings_of_the_areas_committees(
    client, signed_in, world, gremium
):
    from governance.services import programmes
    from governance.unit_of_work import Actor

    mid = plan(gremium, world, "Sitzung im Kiez", BEFORE_OCTOBER)
    with gremium.unit_of_work(Actor.system()) as work:
        programmes.add_programme(work, name="Gemeinschaftsinitiative", short_name="GI")
        area = programmes.add_area(work, "GI", name="Stadtrand Süd", short_name="SRS")
        programmes.add_committee(work, area, world.committee_id)
        programmes.appoint_coordinator(work, area, World.EMAILS["outsider"])
        area_id = area.id
    signed_in(client, world.partners[0])
    refused = post_form(client, "/calendar", {"kind": "area", "scope_id": str(area_id)})
    assert refused.status_code in (403, 422)
    assert "nur seine Koordination" in refused.get_data(as_text=True)
    signed_in(client, world.outsider)
    assert "Stadtrand Süd" in client.get("/calendar").get_data(as_text=True)
    path = feed_path(client, "area", area_id)
    body = client.get(path).get_data()
    assert b"Handlungsraum Stadtrand S" in body
    found = events(body)
    assert str(found[f"meeting-{mid}@ba-tk.example.org"]["summary"]) == "TG: Sitzung im Kiez"
    with gremium.unit_of_work(Actor.system()) as work:
        programmes.dismiss_coordinator(work, area_id, World.EMAILS["outsider"])
    assert client.get(path).status_code == 404


def test_the_objection_period_of_circulated_minutes_is_an_all_day_entry_cancelled_by_an_objection(
    client, signed_in, world, gremium
):
    import datetime as dt

    from governance.services import minutes
    from tests.web.records_support import berlin, hold_meeting

    held = hold_meeting(gremium, world)
    gremium.clock.advance_to(berlin(2026, 1, 22, 9, 0))
    with gremium.unit_of_work(World.EMAILS["secretary"]) as work:
        minutes_id = minutes.circulate(work, held.meeting_id).id
    signed_in(client, world.partners[0])
    path = feed_path(client, "committee", world.committee_id)
    uid = f"objection-period-{minutes_id}@ba-tk.example.org"
    period = events(client.get(path).get_data())[uid]
    # 14 days from the day of circulation: 22 January to 5 February inclusive
    assert period.decoded("dtstart") == dt.date(2026, 1, 22)
    assert period.decoded("dtend") == dt.date(2026, 2, 6)
    assert str(period["status"]) == "CONFIRMED" and int(period["sequence"]) == 0
    assert str(period["summary"]) == "Einwendungsfrist Protokoll – Sitzung des Testgremiums"
    with gremium.unit_of_work(World.EMAILS["partner1"]) as work:
        minutes.object_to(work, held.meeting_id, text="TOP 2 fehlt.")
    period = events(client.get(path).get_data())[uid]
    assert str(period["status"]) == "CANCELLED" and int(period["sequence"]) == 1
    gremium.clock.advance_to(berlin(2026, 1, 26, 9, 0))
    with gremium.unit_of_work(World.EMAILS["secretary"]) as work:
        minutes.circulate(work, held.meeting_id)
    period = events(client.get(path).get_data())[uid]
    assert str(period["status"]) == "CONFIRMED" and int(period["sequence"]) == 2
    assert period.decoded("dtstart") == dt.date(2026, 1, 26)


def test_changing_the_series_raises_the_sequence_of_the_meetings_it_re_times(
    client, signed_in, world, gremium
):
    from governance.models import Committee
    from governance.services import meeting_series

    with gremium.unit_of_work(chair(world)) as work:
        committee = work.session.get(Committee, world.committee_id)
        series = meeting_series.add_series(
            work,
            committee,
            title="Quartalssitzung",
            rrule="FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
            first_start="2026-03-11 10:00",
            location="Rathaus Köpenick",
        ).id
    signed_in(client, world.chair)
    path = feed_path(client, "committee", world.committee_id)
    before = [
        e for e in events(client.get(path).get_data()).values() if "meeting-" in str(e["uid"])
    ]
    assert before and all(int(e["sequence"]) == 0 for e in before)
    with gremium.unit_of_work(chair(world)) as work:
        meeting_series.change_series(
            work, meeting_series.series_by_id(work.session, series), location="Rathaus Treptow"
        )
    after = {str(e["uid"]): e for e in events(client.get(path).get_data()).values()}
    for old in before:
        new = after[str(old["uid"])]
        assert int(new["sequence"]) == 1 and str(new["location"]) == "Rathaus Treptow"
