"""The page cache (governance/web/page_cache.py) as a user sees it: a page opened again
is the kept one, and after every kind of write a page can show (a form, a service action,
a timer that fires, a mail delivered, a role taken away, the clock passing a deadline)
the next view shows the change; two server processes on one database stay consistent,
and nobody is ever given another person's (or another session's) page."""

from __future__ import annotations

import datetime as dt
import html
import re
import threading

import pytest
from sqlalchemy import select

from governance import data_version
from governance.clock import BERLIN
from governance.mail.dispatch import dispatch
from governance.mail.settings import mail_settings
from governance.mail.transports import make_transport
from governance.models import Committee, Membership
from governance.services import meetings as meeting_service
from governance.services import sign_in, timers
from governance.services.directory import person_by_email
from governance.unit_of_work import Actor
from governance.web.app import create_app
from governance.web.page_cache import EXTENSION
from tests.statements import counting
from tests.web.conftest import web_settings_for
from tests.web.records_support import hold_meeting
from tests.web.support import SESSION_COOKIE, World, post_form

START = "2026-03-11T10:00"
PASSED = 'badge--passed"><time datetime="2026-02-18T09:00'
"""The proposal deadline of the meeting planned for START, marked as passed."""


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def plan(client, world: World, title: str) -> int:
    data = {"title": title, "start": START, "duration": "120", "location": "Rathaus"}
    answer = post_form(client, f"/committees/{world.committee_id}/meetings", data)
    assert answer.status_code == 303, text(answer)
    found = re.fullmatch(r"/meetings/(\d+)", answer.headers["Location"])
    assert found
    return int(found.group(1))


def selects(statements: list[str]) -> list[str]:
    """The reads among *statements*: a kept page reads the session and the data version
    (one statement); a session's last activity may be written beside it."""
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def version(gremium) -> int | None:
    with gremium.db.read_connection() as conn:
        return data_version.current(conn)


def test_a_page_opened_again_is_the_kept_one_with_its_etag_and_304(
    client, signed_in, world, gremium
) -> None:
    signed_in(client, world.chair)
    first = client.get("/")
    with counting(gremium) as again:
        second = client.get("/")
    assert second.status_code == 200 and text(second) == text(first)
    assert "Testgremium" in text(second)
    # the session is checked, the data version read: nothing else is asked
    assert len(again) <= 4, "\n".join(again)
    etag = second.headers["ETag"]
    assert second.headers["Cache-Control"] == "no-store"  # personal data stays out of caches
    same = client.get("/", headers={"If-None-Match": etag})
    assert same.status_code == 304 and same.get_data() == b""
    changed = client.get("/", headers={"If-None-Match": '"something-else"'})
    assert changed.status_code == 200 and text(changed) == text(first)


def test_after_a_form_a_service_action_and_a_held_meeting_the_pages_show_them(
    client, signed_in, web_app, world, gremium
) -> None:
    chair = signed_in(client, world.chair)
    partner = signed_in(web_app.test_client(), world.partners[0])
    register = f"/committees/{world.committee_id}/decisions"
    assert "Sitzung im März" not in text(chair.get("/"))
    before = text(chair.get(register))

    mid = plan(chair, world, "Sitzung im März")  # a form
    assert "Sitzung im März" in text(chair.get("/"))
    assert "Sitzung im März" in text(partner.get("/"))
    page = text(chair.get(f"/meetings/{mid}"))
    assert "Rathaus" in page

    with gremium.unit_of_work(World.EMAILS["chair"]) as uow:  # a service action
        meeting = meeting_service.meeting_by_id(uow.session, mid)
        meeting_service.move(
            uow, meeting, starts_at="2026-03-12T10:00", reason="Raum belegt",
            location="Jugendclub Kiez",
        )  # fmt: skip
    assert "Jugendclub Kiez" in text(chair.get(f"/meetings/{mid}"))

    hold_meeting(gremium, world)  # decisions taken: the register lists them
    chair = signed_in(client, world.chair)  # (the clock moved on: the session ran out)
    after = text(chair.get(register))
    assert "Keine Beschlüsse." in before
    assert "Keine Beschlüsse." not in after and "angenommen" in after


def test_a_timer_that_fires_and_the_clock_passing_a_deadline_show_at_once(
    client, signed_in, world, gremium, clock
) -> None:
    chair = signed_in(client, world.chair)
    mid = plan(chair, world, "Sitzung im März")
    # the proposal deadline is 18 February; the second before it, nothing has passed
    deadline = dt.datetime(2026, 2, 18, 10, 0, tzinfo=BERLIN)
    clock.advance_to(deadline - dt.timedelta(seconds=1))
    chair = signed_in(client, world.chair)  # (the first session has run out meanwhile)
    assert PASSED not in text(chair.get(f"/meetings/{mid}"))
    assert PASSED not in text(chair.get(f"/meetings/{mid}"))  # the kept page
    # one second later the mark is there, although nothing was written
    clock.advance_to(deadline)
    assert PASSED in text(chair.get(f"/meetings/{mid}"))

    kept = text(chair.get(f"/meetings/{mid}"))
    assert "Anstehende Zeitgeber" in kept
    fired = timers.fire_due(gremium, deadline)  # the clock stays in the same second
    assert fired, "no timer was due"
    assert clock.now() == deadline
    shown = text(chair.get(f"/meetings/{mid}"))
    assert shown != kept  # the timers fired: the state and the timers listed changed


def test_a_mail_delivered_advances_the_data_version(
    client, signed_in, world, gremium, web_settings
) -> None:
    chair = signed_in(client, world.chair)
    mid = plan(chair, world, "Sitzung im März")
    with gremium.unit_of_work(World.EMAILS["chair"]) as uow:
        meeting_service.convene(uow, mid)  # the invitations are queued
    chair.get(f"/meetings/{mid}")  # the message "Die Sitzung ist geplant" shown once
    kept = text(chair.get(f"/meetings/{mid}"))
    before = version(gremium)
    settings = mail_settings(web_settings)
    report = dispatch(gremium, make_transport(settings), settings)
    assert report.sent, "nothing was delivered"
    # the outbox's delivery states are data: every kept page is rendered afresh
    assert version(gremium) != before
    assert text(chair.get(f"/meetings/{mid}")) == kept  # (this page shows no delivery)


def test_a_role_taken_away_ends_the_kept_pages_of_that_committee(
    client, signed_in, world, gremium, clock
) -> None:
    partner = signed_in(client, world.partners[0])
    register = f"/committees/{world.committee_id}/decisions"
    assert partner.get(register).status_code == 200
    assert "Testgremium" in text(partner.get("/"))
    yesterday = (clock.now().astimezone(BERLIN) - dt.timedelta(days=1)).date()
    with gremium.db.session() as session, session.begin():
        membership = session.scalars(
            select(Membership).where(
                Membership.committee_id == world.committee_id,
                Membership.organisation_id == world.partner_orgs[0],
            )
        ).one()
        membership.starts_on = min(membership.starts_on, yesterday)
        membership.ends_on = yesterday
    assert partner.get(register).status_code == 404
    assert "Testgremium" not in text(partner.get("/"))


def test_two_server_processes_on_one_database_stay_consistent(
    signed_in, world, web_app, web_settings, clock
) -> None:
    other_process = create_app(web_settings, clock=clock)
    try:
        one = signed_in(web_app.test_client(), world.chair)
        two = signed_in(other_process.test_client(), world.chair)
        assert "Sitzung im Mai" not in text(one.get("/"))
        assert "Sitzung im Mai" not in text(two.get("/"))  # both keep the page
        plan(two, world, "Sitzung im Mai")  # written through the second process
        assert "Sitzung im Mai" in text(one.get("/"))
        assert "Sitzung im Mai" in text(two.get("/"))
    finally:
        other_process.extensions["gremium"].db.dispose()


def test_nobody_gets_another_persons_or_another_sessions_page(signed_in, world, web_app) -> None:
    chair = signed_in(web_app.test_client(), world.chair)
    partner = signed_in(web_app.test_client(), world.partners[0])
    outsider = signed_in(web_app.test_client(), world.outsider)
    pages = {who: text(c.get("/")) for who, c in (("chair", chair), ("partner", partner))}
    pages["outsider"] = text(outsider.get("/"))
    assert "Clara Vorsitz" in pages["chair"] and "Clara Vorsitz" not in pages["partner"]
    assert "Vorstand Rabenhaus" in pages["partner"]
    assert "Anderes Gremium" in pages["outsider"] and "Testgremium" not in pages["outsider"]
    register = f"/committees/{world.committee_id}/decisions"
    assert chair.get(register).status_code == 200
    assert outsider.get(register).status_code == 404  # the chair's kept page is not theirs

    # the same person in two browsers: each page carries its own session's CSRF token
    second = signed_in(web_app.test_client(), world.chair)
    token_one, token_two = chair.gremium_csrf, second.gremium_csrf  # type: ignore[attr-defined]
    assert token_one != token_two
    assert token_one in text(chair.get("/")) and token_two not in text(chair.get("/"))
    assert token_two in text(second.get("/")) and token_one not in text(second.get("/"))


def test_a_one_time_message_and_a_signed_out_session_never_come_from_the_cache(
    client, signed_in, world, web_app
) -> None:
    chair = signed_in(client, world.chair)
    chair.get("/")
    mid = plan(chair, world, "Sitzung im März")
    shown = text(chair.get(f"/meetings/{mid}"))
    assert "Gespeichert." in shown or "geplant" in shown
    again = text(chair.get(f"/meetings/{mid}"))
    assert "Gespeichert." not in again  # the message once, then the page without it
    assert text(chair.get(f"/meetings/{mid}")) == again

    assert post_form(chair, "/sign-out").status_code in (302, 303)
    answer = chair.get(f"/meetings/{mid}")
    assert answer.status_code == 303 and "/sign-in" in answer.headers["Location"]


def test_the_language_is_part_of_the_key(client, signed_in, world, gremium) -> None:
    chair = signed_in(client, world.chair)
    assert "Meine Übersicht" in text(chair.get("/"))
    from governance.models import Person

    with gremium.db.session() as session, session.begin():
        person = session.get(Person, world.chair)
        assert person is not None
        person.language = "en"
    assert "My overview" in text(chair.get("/"))


def test_the_cache_is_bounded_and_can_be_switched_off(signed_in, world, tmp_path, clock) -> None:
    from governance.web.page_cache import Page, Pages

    pages = Pages(limit=10)
    pages.put(("a",), Page(1, 5, "e1", b"12345"))
    pages.put(("b",), Page(1, 5, "e2", b"12345"))
    assert pages.take(("a",), 1) == (Page(1, 5, "e1", b"12345"), False)  # a used: b leaves first
    pages.put(("c",), Page(1, 5, "e3", b"12345"))
    assert pages.get(("b",)) is None and pages.get(("a",)) is not None
    assert pages.size <= 10 and len(pages) == 2
    pages.put(("huge",), Page(1, 5, "e4", b"x" * 11))
    assert pages.get(("huge",)) is None

    # a page is sent from its rendering up to (not including) its horizon, never before
    # (a clock set back) nor after: then one request renders, the others wait for it
    assert pages.take(("a",), 4.999) == (Page(1, 5, "e1", b"12345"), False)
    assert pages.take(("a",), 5) == (None, True)
    waited: list[object] = []
    other = threading.Thread(target=lambda: waited.append(pages.take(("a",), 5)))
    other.start()
    other.join(0.2)
    assert other.is_alive()  # past the horizon: it waits for the page being rendered
    pages.put(("a",), Page(5, 9, "e6", b"9"))
    pages.done(("a",))
    other.join(5)
    assert waited == [(Page(5, 9, "e6", b"9"), False)]
    assert pages.take(("a",), 4) == (None, True)  # the clock before the rendering
    pages.done(("a",))

    settings = web_settings_for(tmp_path, web={"page_cache_mb": 0})
    off = create_app(settings, clock=clock)
    try:
        assert EXTENSION not in off.extensions
        client = signed_in(off.test_client(), world.chair)
        assert "ETag" not in client.get("/").headers
    finally:
        off.extensions["gremium"].db.dispose()


def test_a_kept_page_changes_when_the_day_changes_and_not_before(
    client, signed_in, world, gremium, clock
) -> None:
    hold_meeting(gremium, world)  # an action item for Rabenhaus due on 28 January
    due = "fällig am Mittwoch, 28. Januar 2026"
    clock.advance_to(dt.datetime(2026, 1, 28, 23, 55, 30, tzinfo=BERLIN))
    partner = signed_in(client, world.partners[0])
    assert due in text(partner.get("/"))
    clock.advance_to(dt.datetime(2026, 1, 28, 23, 59, 59, tzinfo=BERLIN))
    with counting(gremium) as later:
        kept = text(partner.get("/"))
    # minutes later, nothing written: the kept page (no second in the key)
    assert due in kept and len(selects(later)) == 1, "\n".join(later)
    clock.advance_to(dt.datetime(2026, 1, 29, tzinfo=BERLIN))  # midnight in Berlin
    assert "überfällig seit Mittwoch, 28. Januar 2026" in text(partner.get("/"))


def test_a_page_is_kept_five_minutes_at_most_however_far_its_horizon(
    client, signed_in, world, gremium, clock
) -> None:
    # Nothing on the overview changes before midnight; still, after MAX_KEEP_SECONDS
    # the page is rendered afresh (a moment the horizon missed shows late by minutes).
    clock.advance_to(dt.datetime(2026, 1, 20, 10, 0, tzinfo=BERLIN))
    partner = signed_in(client, world.partners[0])
    first = text(partner.get("/"))
    clock.advance_to(dt.datetime(2026, 1, 20, 10, 4, 59, tzinfo=BERLIN))
    with counting(gremium) as kept:
        assert text(partner.get("/")) == first
    assert len(selects(kept)) == 1, "\n".join(kept)
    clock.advance_to(dt.datetime(2026, 1, 20, 10, 5, 1, tzinfo=BERLIN))
    with counting(gremium) as again:
        assert text(partner.get("/")) == first
    assert len(selects(again)) > 1, "\n".join(again)


def test_a_session_ended_by_another_process_ends_at_once(
    signed_in, world, web_app, web_settings, clock
) -> None:
    chair = signed_in(web_app.test_client(), world.chair)
    mid = plan(chair, world, "Sitzung im März")
    chair.get(f"/meetings/{mid}")  # (the message after planning)
    assert chair.get(f"/meetings/{mid}").status_code == 200
    assert chair.get(f"/meetings/{mid}").status_code == 200  # kept
    token = chair.get_cookie(SESSION_COOKIE)
    assert token is not None
    other_process = create_app(web_settings, clock=clock)
    try:
        with other_process.extensions["gremium"].unit_of_work(World.EMAILS["chair"]) as uow:
            sign_in.close_session(uow, token.value)  # signed out in another browser or worker
    finally:
        other_process.extensions["gremium"].db.dispose()
    for path in (f"/meetings/{mid}", "/", f"/committees/{world.committee_id}/decisions"):
        answer = chair.get(path)
        assert answer.status_code == 303 and "/sign-in" in answer.headers["Location"], path


def test_the_horizon_notes_the_moments_of_every_row_loaded(
    client, signed_in, world, gremium
) -> None:
    from governance import horizon
    from governance.models import Meeting

    mid = plan(signed_in(client, world.chair), world, "Sitzung im März")
    with gremium.db.read_session() as session:
        deadline = session.get(Meeting, mid).proposal_deadline_at  # type: ignore[union-attr]
    # a minute before the deadline (nothing else of the meeting lies between)
    before = deadline - dt.timedelta(minutes=1)
    with horizon.watching(before) as watched, gremium.db.read_session() as session:
        session.get(Meeting, mid)
    assert watched.until == deadline
    # at the moment itself: just after it (``ends_at >= now`` changes then)
    with horizon.watching(deadline) as watched, gremium.db.read_session() as session:
        session.get(Meeting, mid)
    assert deadline < watched.until <= deadline + dt.timedelta(milliseconds=1)
    assert horizon.current() is None  # nothing is noted outside a rendering


LONG = {"session_hours": 24 * 400, "session_idle_minutes": 60 * 24 * 400}
"""A session that outlasts the clock's jumps below (a new one would be a write)."""


def _moments(gremium, after: dt.datetime, until: dt.datetime) -> list[dt.datetime]:
    """Every moment stored in the database between *after* and *until* (every date-time
    column of every table) and the midnights around every stored day (date columns)."""
    from sqlalchemy import Date, DateTime

    from governance.models.base import Base

    found: set[dt.datetime] = set()
    with gremium.db.read_connection() as conn:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                kind = getattr(column.type, "impl", column.type)
                if not isinstance(kind, (Date, DateTime)):
                    continue
                for (value,) in conn.execute(select(column).where(column.is_not(None)).distinct()):
                    if isinstance(value, dt.datetime):
                        value = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
                        found.add(value)
                    elif isinstance(value, dt.date):
                        for day in (value, value + dt.timedelta(days=1)):
                            found.add(dt.datetime.combine(day, dt.time(), BERLIN))
                            found.add(dt.datetime.combine(day, dt.time(), dt.UTC))
    return sorted(m for m in found if after < m <= until)


def test_a_kept_page_is_the_page_rendered_afresh_at_every_moment_it_could_change(
    world, tmp_path, clock
) -> None:
    """The horizon (governance/horizon.py) misses no moment: the clock walks over every
    moment the database holds (a second before it and at it) while nothing is written,
    and at each step every cached page is the page an uncached server renders."""
    from governance.services import agenda
    from governance.services import meetings as ms

    kept_app = create_app(web_settings_for(tmp_path, web={"page_cache_mb": 8, **LONG}), clock=clock)
    fresh_app = create_app(
        web_settings_for(tmp_path, web={"page_cache_mb": 0, **LONG}), clock=clock
    )
    gremium = kept_app.extensions["gremium"]
    try:
        held = hold_meeting(gremium, world)  # closed: minutes due, an action item due
        with gremium.unit_of_work(World.EMAILS["chair"]) as uow:
            committee = uow.session.get(Committee, world.committee_id)
            march = ms.plan(
                uow,
                committee,
                title="Sitzung im März",
                starts_at=dt.datetime(2026, 3, 11, 10, tzinfo=BERLIN),
                location="Rathaus",
            )
            mid = march.id
        with gremium.unit_of_work(World.EMAILS["partner1"]) as uow:
            agenda.propose(uow, ms.meeting_by_id(uow.session, mid), title="Bänke", kind="decision")
        pages = ["/", f"/meetings/{mid}", f"/meetings/{held.meeting_id}"]
        pages.append(f"/committees/{world.committee_id}/decisions")
        people = [World.EMAILS["chair"], World.EMAILS["secretary"], World.EMAILS["partner1"]]
        cookies = {}
        with gremium.unit_of_work(Actor.system()) as uow:
            lifetime = sign_in.SessionLifetime(dt.timedelta(days=400), dt.timedelta(days=400))
            for email in people:
                person = person_by_email(uow.session, email)
                cookies[email] = sign_in.open_session(uow, person, lifetime, how="test").token
        start = clock.now()
        steps = []
        for moment in _moments(gremium, start, start + dt.timedelta(days=60)):
            steps += [moment - dt.timedelta(seconds=1), moment]
        assert len(steps) > 20, steps
        hits = changes = 0
        before: dict[tuple[str, str], str] = {}
        for step in [start, *steps]:
            clock.advance_to(max(step, clock.now()))
            for email in people:
                kept, fresh = kept_app.test_client(), fresh_app.test_client()
                for c in (kept, fresh):
                    c.set_cookie(SESSION_COOKIE, cookies[email])
                for path in pages:
                    with counting(gremium) as asked:
                        shown = kept.get(path)
                    hits += len(selects(asked)) == 1
                    rendered = fresh.get(path)
                    assert shown.status_code == rendered.status_code == 200, (email, path)
                    assert text(shown) == text(rendered), f"{email} {path} at {step}: a stale page"
                    changes += before.get((email, path), text(rendered)) != text(rendered)
                    before[email, path] = text(rendered)
        # the walk saw pages change by the clock alone, and pages kept over several steps
        assert changes >= 5 and hits > len(steps), (changes, hits, len(steps))
    finally:
        for app in (kept_app, fresh_app):
            app.extensions["gremium"].db.dispose()


# --- the scope of a write: one committee's write keeps the other committees' pages ---


def plan_in(client, committee_id: int, title: str, start: str = START) -> int:
    data = {"title": title, "start": start, "duration": "120", "location": "Rathaus"}
    answer = post_form(client, f"/committees/{committee_id}/meetings", data)
    assert answer.status_code == 303, text(answer)
    found = re.fullmatch(r"/meetings/(\d+)", answer.headers["Location"])
    assert found
    client.get(answer.headers["Location"])  # the page with the message "geplant", once
    return int(found.group(1))


def committee_version(gremium, committee_id: int) -> int:
    with gremium.db.read_connection() as conn:
        return data_version.of_committee(conn, committee_id)


def kept(client, pages: list[str]) -> dict[str, str]:
    """Each page's ETag (the page rendered and kept, or taken from the cache)."""
    etags = {}
    for path in pages:
        answer = client.get(path)
        assert answer.status_code == 200, path
        etags[path] = answer.headers["ETag"]
    return etags


def served_from_the_cache(client, etags: dict[str, str]) -> list[str]:
    """The pages answered from the cache (304 to their ETag: a rendering answers 200)."""
    return [
        path
        for path, etag in etags.items()
        if client.get(path, headers={"If-None-Match": etag}).status_code == 304
    ]


def rename(gremium, model, row_id: int, **values: object) -> None:
    """A change written without a service (no audit record): the version of everything."""
    with gremium.db.session() as session, session.begin():
        row = session.get(model, row_id)
        for name, value in values.items():
            setattr(row, name, value)


def check_scope(web_app, gremium, world: World, signed_in) -> None:
    """A write in AG keeps TG's meeting page, register and its chair's overview (the chair
    sits in TG only); a write in TG, a person's and an organisation's rename render them
    afresh (on SQLite and PostgreSQL: the callers)."""
    from governance.models import Organisation, Person

    chair = signed_in(web_app.test_client(), world.chair)
    outsider = signed_in(web_app.test_client(), world.outsider)
    partner = signed_in(web_app.test_client(), world.partners[0])
    mid = plan_in(chair, world.committee_id, "Sitzung im März")
    tg = ["/", f"/meetings/{mid}", f"/committees/{world.committee_id}/decisions"]
    etags = kept(chair, tg)
    assert served_from_the_cache(chair, etags) == tg
    assert "Sitzung im Mai" not in text(outsider.get("/"))
    everything = version(gremium)

    # a form in AG, a service action in AG: TG's pages stay kept
    other = plan_in(outsider, world.other_committee_id, "Sitzung im Mai")
    with gremium.unit_of_work(World.EMAILS["outsider"]) as uow:
        meeting_service.move(
            uow, meeting_service.meeting_by_id(uow.session, other),
            starts_at="2026-03-12T10:00", reason="Raum belegt", location="Jugendclub Kiez",
        )  # fmt: skip
    assert version(gremium) == everything
    assert committee_version(gremium, world.committee_id) >= 1  # (TG's plan above)
    assert served_from_the_cache(chair, etags) == tg
    assert "Sitzung im Mai" in text(outsider.get("/"))  # AG's pages: rendered afresh
    assert "Jugendclub Kiez" in text(outsider.get(f"/meetings/{other}"))

    # a write in TG: its pages are rendered afresh and show it
    plan_in(chair, world.committee_id, "Sitzung im April")
    assert served_from_the_cache(chair, etags) == []
    assert "Sitzung im April" in text(chair.get("/"))
    assert version(gremium) == everything
    etags = kept(chair, tg)

    # a person renamed (no committee's row): every page again
    rename(gremium, Person, world.chair, name="Clara Vorsitzende")
    assert version(gremium) != everything
    assert served_from_the_cache(chair, etags) == []
    assert "Clara Vorsitzende" in text(chair.get("/"))

    # an organisation renamed: shown on the overview of the partner acting for it
    before = text(partner.get("/"))
    assert "Rabenhaus-Neu" not in before
    rename(gremium, Organisation, world.partner_orgs[0], short_name="Rabenhaus-Neu")
    assert "Rabenhaus-Neu" in text(partner.get("/"))


def test_a_write_in_another_committee_keeps_this_committees_pages(
    signed_in, web_app, world, gremium
) -> None:
    check_scope(web_app, gremium, world, signed_in)


def test_which_versions_a_transaction_advances(world, gremium) -> None:
    """Attribution (governance/data_version.py): a committee's rows with audit records
    naming it advance that committee alone; anything else, the version of everything."""
    from sqlalchemy import update

    from governance.models import Meeting, Person, Timer

    tg, ag = world.committee_id, world.other_committee_id

    def versions() -> tuple[int | None, int, int]:
        return version(gremium), committee_version(gremium, tg), committee_version(gremium, ag)

    with gremium.unit_of_work(World.EMAILS["outsider"]) as uow:
        other = meeting_service.plan(
            uow, uow.session.get(Committee, ag), title="Sitzung im Mai",
            starts_at=dt.datetime(2026, 5, 6, 10, tzinfo=BERLIN), location="Rathaus",
        )  # fmt: skip
        other_id = other.id
    start = versions()
    assert start[2] >= 1

    def step(change) -> tuple[int, int, int]:
        before = versions()
        with gremium.unit_of_work(Actor.system()) as uow:
            change(uow)
        after = versions()
        return tuple(int(a != b) for a, b in zip(after, before, strict=True))  # type: ignore[return-value]

    def ag_meeting_titled(uow) -> None:
        uow.session.get(Meeting, other_id).title = "Sitzung im Mai (neu)"
        uow.audit(entity_type="meetings", entity_id=other_id, action="t", committee_id=ag)

    assert step(ag_meeting_titled) == (0, 0, 1)

    def and_a_person_renamed(uow) -> None:
        ag_meeting_titled(uow)
        uow.session.get(Person, world.outsider).name = "Olga Außen-Neu"

    assert step(and_a_person_renamed) == (1, 0, 0)

    def without_an_audit_record(uow) -> None:
        uow.session.get(Meeting, other_id).location = "Jugendclub"

    assert step(without_an_audit_record) == (1, 0, 0)

    def a_record_naming_no_committee(uow) -> None:
        uow.session.get(Meeting, other_id).location = "Rathaus"
        uow.audit(entity_type="meetings", entity_id=other_id, action="t")

    assert step(a_record_naming_no_committee) == (1, 0, 0)

    def a_record_naming_the_wrong_committee(uow) -> None:
        # the row's own committee is advanced too (the ORM's rows carry it)
        uow.session.get(Meeting, other_id).title = "Sitzung im Mai"
        uow.audit(entity_type="meetings", entity_id=other_id, action="t", committee_id=tg)

    assert step(a_record_naming_the_wrong_committee) == (0, 1, 1)

    def a_runner_claiming_timers(uow) -> None:
        uow.session.execute(update(Timer).values(lease_owner="runner-1", lease_until=None))

    assert step(a_runner_claiming_timers) == (0, 0, 0)

    def a_timer_changed_otherwise(uow) -> None:
        uow.session.execute(update(Timer).values(lease_owner=None, attempts=Timer.attempts))

    assert step(a_timer_changed_otherwise) == (1, 0, 0)


def _the_proposal(uow, meeting_id: int) -> int:
    from governance.models import AgendaItem

    return uow.session.scalars(
        select(AgendaItem.id).where(
            AgendaItem.meeting_id == meeting_id, AgendaItem.status == "proposed"
        )
    ).one()


def test_a_kept_page_is_the_page_rendered_afresh_after_every_write_in_either_committee(
    world, tmp_path, clock
) -> None:
    """A sequence of writes in TG, in AG and outside both (people, organisations, who sits
    where); after each, every page of every person from the cache is the page an
    uncached server renders, and TG's pages stay kept over AG's writes."""
    from governance.models import Organisation, Person
    from governance.services import agenda, directory, rsvp

    kept_app = create_app(web_settings_for(tmp_path, web={"page_cache_mb": 8, **LONG}), clock=clock)
    fresh_app = create_app(
        web_settings_for(tmp_path, web={"page_cache_mb": 0, **LONG}), clock=clock
    )
    gremium = kept_app.extensions["gremium"]
    e = World.EMAILS
    try:
        ids: dict[str, int] = {}

        def plan_meeting(email: str, committee_id: int, title: str, day: int) -> None:
            with gremium.unit_of_work(email) as uow:
                ids[title] = meeting_service.plan(
                    uow, uow.session.get(Committee, committee_id), title=title,
                    starts_at=dt.datetime(2026, 3, day, 10, tzinfo=BERLIN), location="Rathaus",
                ).id  # fmt: skip

        plan_meeting(e["chair"], world.committee_id, "Sitzung TG", 11)
        plan_meeting(e["outsider"], world.other_committee_id, "Sitzung AG", 12)
        tg, ag = ids["Sitzung TG"], ids["Sitzung AG"]
        pages = ["/", f"/meetings/{tg}", f"/meetings/{ag}"]
        pages += [
            f"/committees/{c}/decisions" for c in (world.committee_id, world.other_committee_id)
        ]
        tg_pages = {f"/meetings/{tg}", f"/committees/{world.committee_id}/decisions"}
        people = [e["chair"], e["secretary"], e["partner1"], e["outsider"]]
        cookies = {}
        with gremium.unit_of_work(Actor.system()) as uow:
            lifetime = sign_in.SessionLifetime(dt.timedelta(days=400), dt.timedelta(days=400))
            for email in people:
                person = person_by_email(uow.session, email)
                cookies[email] = sign_in.open_session(uow, person, lifetime, how="test").token

        def in_ag(action):
            def run() -> None:
                with gremium.unit_of_work(e["outsider"]) as uow:
                    action(uow)

            return run

        def in_tg(who: str | Actor, action):
            def run() -> None:
                with gremium.unit_of_work(e[who] if isinstance(who, str) else who) as uow:
                    action(uow)

            return run

        def renamed(model, row_id: int, **values: object):
            return lambda: rename(gremium, model, row_id, **values)

        def delivered() -> None:
            settings = mail_settings(kept_app.extensions["gremium"].settings)
            dispatch(gremium, make_transport(settings), settings)

        def fired() -> None:
            # the clock at AG's meeting's first pending timer: it fires
            from governance.models import Timer

            with gremium.db.read_session() as session:
                due = session.scalars(
                    select(Timer.due_at)
                    .where(Timer.entity_id == ag, Timer.entity_type == "meetings")
                    .where(Timer.status == "pending")
                    .order_by(Timer.due_at)
                ).first()
            assert due is not None
            clock.advance_to(max(due, clock.now()))
            assert timers.fire_due(gremium, clock.now())

        steps = [
            ("AG: a meeting moved", in_ag(lambda uow: meeting_service.move(
                uow, meeting_service.meeting_by_id(uow.session, ag),
                starts_at="2026-03-13T10:00", reason="Raum", location="Jugendclub Kiez"))),
            ("TG: a proposal", in_tg("partner1", lambda uow: agenda.propose(
                uow, meeting_service.meeting_by_id(uow.session, tg), title="Bänke",
                kind="decision"))),
            ("AG: convened", in_ag(lambda uow: meeting_service.convene(uow, ag))),
            ("TG: the proposal accepted", in_tg("chair", lambda uow: agenda.accept(
                uow, _the_proposal(uow, tg), meeting=tg))),
            ("mail delivered", delivered),
            ("TG: convened", in_tg("chair", lambda uow: meeting_service.convene(uow, tg))),
            ("TG: a partner's answer", in_tg("partner1", lambda uow: rsvp.answer_invitation(
                uow, tg, "attends"))),
            ("AG: the chair's answer", in_ag(lambda uow: rsvp.answer_invitation(uow, ag, "excused"))),
            ("AG's chair into TG's secretariat", in_tg(Actor.system(), lambda uow: (
                directory.add_secretariat(uow, world.committee_id, e["outsider"])))),
            ("TG: moved", in_tg("chair", lambda uow: meeting_service.move(
                uow, meeting_service.meeting_by_id(uow.session, tg),
                starts_at="2026-03-11T11:00", reason="Raum", location="Kiezladen"))),
            ("a person renamed", renamed(Person, world.partners[0], name="Vorstand Raben")),
            ("an organisation renamed", renamed(
                Organisation, world.partner_orgs[0], short_name="Rabenhaus-Neu")),
            ("AG: timers fired", fired),
        ]  # fmt: skip
        kept_over_ag = 0
        for name, write in [("start", lambda: None), *steps]:
            write()
            for email in people:
                kept_client, fresh = kept_app.test_client(), fresh_app.test_client()
                for c in (kept_client, fresh):
                    c.set_cookie(SESSION_COOKIE, cookies[email])
                for path in pages:
                    with counting(gremium) as asked:
                        shown = kept_client.get(path)
                    rendered = fresh.get(path)
                    assert shown.status_code == rendered.status_code, (name, email, path)
                    assert text(shown) == text(rendered), f"after {name}: {email} {path} stale"
                    if name.startswith("AG") and path in tg_pages and email != e["outsider"]:
                        kept_over_ag += len(selects(asked)) == 1
        # TG's pages of TG's people were kept over AG's writes (not rendered again)
        assert kept_over_ag >= 3 * 2 * 3, kept_over_ag
    finally:
        for app in (kept_app, fresh_app):
            app.extensions["gremium"].db.dispose()


def written_by_the_cli(tmp_path, db_url: str, *args: str) -> None:
    """``gremium ARGS`` in a process of its own (another process on the database)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "GREMIUM_DB": db_url, "GREMIUM_MAIL_MAILDIR": str(tmp_path / "mail")}
    env.pop("GREMIUM_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "governance", *args],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def check_a_cli_write(tmp_path, db_url: str, web_app, gremium, world: World, signed_in) -> None:
    """A meeting planned in AG through ``gremium`` is on AG's chair's next page at once;
    TG's pages stay kept."""
    chair = signed_in(web_app.test_client(), world.chair)
    outsider = signed_in(web_app.test_client(), world.outsider)
    mid = plan_in(chair, world.committee_id, "Sitzung im März")
    tg = ["/", f"/meetings/{mid}", f"/committees/{world.committee_id}/decisions"]
    etags = kept(chair, tg)
    assert "Sitzung per Befehl" not in text(outsider.get("/"))
    written_by_the_cli(
        tmp_path, db_url, "--as", World.EMAILS["outsider"], "meeting", "plan", "-c", "AG",
        "--title", "Sitzung per Befehl", "--start", "2027-03-10 10:00", "--location", "Rathaus",
    )  # fmt: skip
    assert "Sitzung per Befehl" in text(outsider.get("/"))
    assert served_from_the_cache(chair, etags) == tg
    written_by_the_cli(
        tmp_path, db_url, "--as", World.EMAILS["chair"], "meeting", "plan", "-c", "TG",
        "--title", "Sitzung per Befehl TG", "--start", "2027-03-11 10:00", "--location", "Rathaus",
    )  # fmt: skip
    assert served_from_the_cache(chair, etags) == []
    assert "Sitzung per Befehl TG" in text(chair.get("/"))


def test_a_write_through_the_cli_is_on_the_next_page(
    tmp_path, signed_in, web_app, world, gremium
) -> None:
    url = f"sqlite:///{tmp_path / 'gremium.db'}"
    check_a_cli_write(tmp_path, url, web_app, gremium, world, signed_in)


@pytest.mark.postgres
def test_a_write_in_another_committee_keeps_this_committees_pages_on_postgresql(
    pg_web, signed_in
) -> None:
    web_app, gremium, world = pg_web
    check_scope(web_app, gremium, world, signed_in)


@pytest.mark.postgres
def test_a_write_through_the_cli_is_on_the_next_page_on_postgresql(
    pg_web, pg_url, tmp_path, signed_in
) -> None:
    web_app, gremium, world = pg_web
    check_a_cli_write(tmp_path, pg_url, web_app, gremium, world, signed_in)
