"""The meeting pages before the session, over a real SQLite file: a committee's
meetings, planning, the agenda (propose, accept, reject, defer, order,
finalise), convene, move, cancel, not held; refusals next to the form with
what was typed, another committee's pages, and two people editing one meeting."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import re

import pytest
from sqlalchemy import select

from governance.clock import BERLIN
from governance.errors import GremiumError
from governance.models import AgendaItem, Meeting, Person
from governance.services import agenda, agenda_order
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from tests.web.support import post_form, without_page_cache

START = "2026-03-11T10:00"  # a Wednesday, eight weeks after the clock's start


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def plan(client, world, title="Sitzung im März", start=START, **extra) -> int:
    data = {"title": title, "start": start, "duration": "120", "location": "Rathaus, Raum 120"}
    data.update(extra)
    response = post_form(client, f"/committees/{world.committee_id}/meetings", data)
    assert response.status_code == 303, page(response)
    found = re.fullmatch(r"/meetings/(\d+)", response.headers["Location"])
    assert found, response.headers["Location"]
    return int(found.group(1))


def version_on(text: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', text)
    assert found, "the page's forms carry no version"
    return found.group(1)


def positions_on(text: str) -> dict[str, str]:
    return dict(re.findall(r'name="(position_\d+)" form="order-form"[^>]* value="(\d+)"', text))


def items(gremium, mid: int) -> dict[str, AgendaItem]:
    with gremium.db.session() as session:
        rows = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == mid)).all()
        return {row.title: row for row in rows}


def meeting(gremium, mid: int) -> Meeting:
    with gremium.db.session() as session:
        found = session.get(Meeting, mid)
        assert found is not None
        return found


def propose(client, mid: int, title: str, **extra) -> None:
    text = page(client.get(f"/meetings/{mid}"))
    data = {"propose_title": title, "propose_kind": "discussion", "version": version_on(text)}
    data.update(extra)
    response = post_form(client, f"/meetings/{mid}/propose", data)
    assert response.status_code == 303, page(response)


def decide(client, mid: int, item_id: int, decision: str, reason: str = ""):
    version = version_on(page(client.get(f"/meetings/{mid}")))
    return post_form(
        client,
        f"/meetings/{mid}/items/{item_id}",
        {"decision": decision, f"reason_{item_id}": reason, "version": version},
    )


def test_the_chair_plans_a_meeting_and_sees_its_deadlines_and_timers(client, signed_in, world):
    signed_in(client, world.chair)
    mid = plan(client, world)
    text = page(client.get(f"/meetings/{mid}", follow_redirects=True))
    assert "Sitzung im März" in text and "Rathaus, Raum 120" in text
    assert "Die Sitzung ist geplant" in text
    assert "geplant" in text  # the state in words
    # the deadlines of the rules of procedure, in Berlin time
    assert "Vorschlagsfrist" in text and "Einladung (Ladungsfrist)" in text
    assert "18. Februar 2026" in text  # proposal deadline: 21 days before
    # the pending timers as `gremium timers list` shows them for this meeting
    timers = text[text.index('id="timers"') :]
    assert "Anstehende Zeitgeber dieser Sitzung" in timers
    assert "einladen" in timers.lower()
    listing = page(client.get(f"/committees/{world.committee_id}/meetings"))
    assert "Kommende Sitzungen" in listing and "Sitzung im März" in listing


def test_the_list_shows_upcoming_meetings_first_then_past_ones(client, signed_in, world, clock):
    signed_in(client, world.chair)
    plan(client, world, title="Frühe Sitzung", start="2026-02-04T10:00")
    plan(client, world, title="Späte Sitzung", start="2026-04-15T10:00")
    clock.advance_to(dt.datetime(2026, 3, 1, 9, 0, tzinfo=BERLIN))
    signed_in(client, world.chair)  # (the session of seven weeks ago has expired)
    text = page(client.get(f"/committees/{world.committee_id}/meetings"))
    upcoming, past = text.index("Kommende Sitzungen"), text.index("Vergangene Sitzungen")
    assert upcoming < text.index("Späte Sitzung") < past < text.index("Frühe Sitzung")


def test_a_refused_plan_is_shown_next_to_the_form_with_what_was_typed(
    client, signed_in, world, gremium
):
    signed_in(client, world.chair)
    response = post_form(
        client,
        f"/committees/{world.committee_id}/meetings",
        {
            "title": "Sitzung am Karfreitag",
            "start": "2026-04-03T10:00",
            "duration": "90",
            "location": "Rathaus",
        },
    )
    assert response.status_code == 422
    text = page(response)
    assert "Feiertag" in text and "Karfreitag" in text  # the service's message
    assert 'value="Sitzung am Karfreitag"' in text and 'value="90"' in text
    with gremium.db.session() as session:
        assert session.scalars(select(Meeting)).all() == []
    # confirmed: planned
    mid = plan(
        client, world, title="Sitzung am Karfreitag", start="2026-04-03T10:00", on_holiday="1"
    )
    assert meeting(gremium, mid).title == "Sitzung am Karfreitag"


def test_plan_propose_decide_order_finalise_convene_move_and_cancel(
    client, signed_in, world, gremium, web_app
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    member = signed_in(web_app.test_client(), world.partners[0])
    for title in ("Jugendfreizeit", "Neue Spielgeräte", "Kiezfest", "Hausmeister"):
        propose(member, mid, title)
    found = items(gremium, mid)
    text = page(member.get(f"/meetings/{mid}"))
    assert "Kiezfest" in text and "vorgeschlagen von Rabenhaus" in text
    assert "Annehmen" not in text and "Einladung senden" not in text  # not the member's

    assert decide(chair, mid, found["Jugendfreizeit"].id, "accept").status_code == 303
    assert decide(chair, mid, found["Neue Spielgeräte"].id, "accept").status_code == 303
    assert decide(chair, mid, found["Hausmeister"].id, "reject", "kein Thema").status_code == 303
    assert decide(chair, mid, found["Kiezfest"].id, "defer").status_code == 303
    found = items(gremium, mid)
    assert [
        found[t].status for t in ("Jugendfreizeit", "Neue Spielgeräte", "Hausmeister", "Kiezfest")
    ] == ["accepted", "accepted", "rejected", "moved"]
    text = page(chair.get(f"/meetings/{mid}"))
    assert "kein Thema" in text  # the reason shown with the rejected item

    # order: a number per item, one submit
    first, second = found["Jugendfreizeit"], found["Neue Spielgeräte"]
    positions = positions_on(text)  # every item on the agenda has its number field
    assert positions[f"position_{first.id}"] < positions[f"position_{second.id}"]
    positions[f"position_{first.id}"], positions[f"position_{second.id}"] = (
        positions[f"position_{second.id}"],
        positions[f"position_{first.id}"],
    )
    response = post_form(
        chair, f"/meetings/{mid}/order", {**positions, "version": version_on(text)}
    )
    assert response.status_code == 303, page(response)
    found = items(gremium, mid)
    assert found["Neue Spielgeräte"].position < found["Jugendfreizeit"].position
    text = page(chair.get(f"/meetings/{mid}"))
    agenda_table = text[text.index('id="agenda"') :]
    assert agenda_table.index("Neue Spielgeräte") < agenda_table.index("Jugendfreizeit")

    response = post_form(chair, f"/meetings/{mid}/finalize", {"version": version_on(text)})
    assert response.status_code == 303 and meeting(gremium, mid).agenda_final
    text = page(chair.get(f"/meetings/{mid}"))
    assert "Die Tagesordnung ist festgelegt." in text

    response = post_form(chair, f"/meetings/{mid}/convene", {"version": version_on(text)})
    assert response.status_code == 303 and meeting(gremium, mid).state == "convened"

    text = page(chair.get(f"/meetings/{mid}"))
    assert f'href="/meetings/{mid}/session"' in text  # on to the session's page
    response = post_form(
        chair,
        f"/meetings/{mid}/move",
        {
            "move_start": "2026-03-18T14:00",
            "move_reason": "Raum belegt",
            "move_location": "",
            "move_duration": "",
            "version": version_on(text),
        },
    )
    assert response.status_code == 303
    moved = meeting(gremium, mid)
    assert moved.starts_at == dt.datetime(2026, 3, 18, 14, 0, tzinfo=BERLIN)
    assert moved.location == "Rathaus, Raum 120"  # kept
    text = page(chair.get(f"/meetings/{mid}"))
    assert "18. März 2026" in text and "Raum belegt" in text

    response = post_form(
        chair, f"/meetings/{mid}/cancel", {"cancel_reason": "", "version": version_on(text)}
    )
    assert response.status_code == 422  # a reason is needed
    assert meeting(gremium, mid).state == "convened"
    response = post_form(
        chair,
        f"/meetings/{mid}/cancel",
        {"cancel_reason": "Krankheit", "version": version_on(text)},
    )
    assert response.status_code == 303
    assert meeting(gremium, mid).state == "cancelled"
    text = page(chair.get(f"/meetings/{mid}", follow_redirects=True))
    assert "abgesagt" in text and "Krankheit" in text
    assert "Einladung senden" not in text and "Verlegen" not in text


@pytest.mark.postgres
def test_plan_propose_decide_order_finalise_convene_move_and_cancel_on_postgresql(
    pg_web, signed_in
):
    """The same on PostgreSQL: every action locks its meeting's row (FOR NO KEY UPDATE),
    which PostgreSQL refuses on the nullable side of the outer join the meeting page's
    read brings along (HTTP 500 on every form of the page until the lock named its table)."""
    web_app, gremium, world = pg_web
    test_plan_propose_decide_order_finalise_convene_move_and_cancel(
        web_app.test_client(), signed_in, world, gremium, web_app
    )


def test_a_member_may_not_decide_and_is_told_as_on_the_command_line(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    propose(chair, mid, "Vom Vorsitz")  # the chair's own items are accepted at once
    member = signed_in(client.application.test_client(), world.partners[0])
    propose(member, mid, "Vom Mitglied")
    item = items(gremium, mid)["Vom Mitglied"]
    with (
        pytest.raises(GremiumError) as refusal,
        gremium.unit_of_work(
            Actor(label=world.EMAILS["partner1"], person_id=world.partners[0])
        ) as work,
    ):
        agenda.accept(work, str(item.id))  # as `gremium agenda accept` does
    response = decide(member, mid, item.id, "accept")
    assert response.status_code == 422
    assert refusal.value.message("de") in page(response)
    assert items(gremium, mid)["Vom Mitglied"].status == "proposed"
    response = post_form(member, f"/meetings/{mid}/cancel", {"cancel_reason": "x", "version": "0"})
    assert response.status_code == 422 and "nur" in page(response)
    assert meeting(gremium, mid).state == "planned"


def test_rejecting_without_a_reason_is_refused_next_to_that_proposal(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    member = signed_in(client.application.test_client(), world.partners[1])
    propose(member, mid, "Ohne Begründung")
    item = items(gremium, mid)["Ohne Begründung"]
    response = decide(chair, mid, item.id, "reject", "   ")
    assert response.status_code == 422
    text = page(response)
    form = text[text.index(f'id="item-{item.id}"') :]
    assert 'role="alert"' in form[: form.index("</form>")]
    assert items(gremium, mid)["Ohne Begründung"].status == "proposed"


def test_an_item_of_another_meeting_is_not_decided_through_this_one(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    first = plan(chair, world)
    second = plan(chair, world, title="Sitzung im April", start="2026-04-15T10:00")
    member = signed_in(client.application.test_client(), world.partners[0])
    propose(member, second, "Gehört zu April")
    item = items(gremium, second)["Gehört zu April"]
    response = decide(chair, first, item.id, "accept")
    assert response.status_code == 422
    assert f"TOP #{item.id} gehört nicht zu Sitzung {first}" in page(response)
    assert items(gremium, second)["Gehört zu April"].status == "proposed"


def test_a_proposal_with_a_file_lists_it_with_its_sha256(client, signed_in, world):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    member = signed_in(client.application.test_client(), world.partners[0])
    content = b"%PDF-1.4 Vorlage\n"
    text = page(member.get(f"/meetings/{mid}"))
    response = post_form(
        member,
        f"/meetings/{mid}/propose",
        {
            "propose_title": "Mit Vorlage",
            "propose_kind": "discussion",
            "propose_links": "https://example.org/plan",
            "version": version_on(text),
            "propose_files": (io.BytesIO(content), "vorlage.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303, page(response)
    text = page(chair.get(f"/meetings/{mid}"))
    assert "vorlage.pdf" in text and hashlib.sha256(content).hexdigest() in text
    assert 'href="https://example.org/plan"' in text


def test_two_people_editing_one_meeting_the_second_gets_the_conflict_and_keeps_what_they_typed(
    client, signed_in, world, gremium, web_app
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    seen = version_on(page(chair.get(f"/meetings/{mid}")))  # the chair's page, left open
    secretary = signed_in(web_app.test_client(), world.secretary)
    propose(secretary, mid, "Vom Sekretariat, inzwischen")
    response = post_form(
        chair,
        f"/meetings/{mid}/move",
        {
            "move_start": "2026-03-12T15:30",
            "move_reason": "Der Saal ist belegt",
            "move_duration": "90",
            "move_location": "Jugendhaus",
            "version": seen,
        },
    )
    assert response.status_code == 409
    text = page(response)
    assert "inzwischen von jemand anderem geändert" in text
    assert "Vom Sekretariat, inzwischen" in text  # the current state
    assert "Der Saal ist belegt" in text  # what was typed, kept
    assert 'value="2026-03-12T15:30"' in text and 'value="Jugendhaus"' in text
    unchanged = meeting(gremium, mid)
    assert unchanged.starts_at == dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
    # sent again from the page now shown (its current version): done
    response = post_form(
        chair,
        f"/meetings/{mid}/move",
        {
            "move_start": "2026-03-12T15:30",
            "move_reason": "Der Saal ist belegt",
            "move_duration": "90",
            "move_location": "Jugendhaus",
            "version": version_on(text),
        },
    )
    assert response.status_code == 303
    assert meeting(gremium, mid).location == "Jugendhaus"


def test_someone_of_another_committee_gets_404_and_changes_nothing(
    client, signed_in, world, gremium, web_app
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    outsider = signed_in(web_app.test_client(), world.outsider)
    assert outsider.get(f"/meetings/{mid}").status_code == 404
    assert outsider.get(f"/committees/{world.committee_id}/meetings").status_code == 404
    assert outsider.get("/meetings/9999").status_code == 404
    version = str(meeting(gremium, mid).version)
    response = post_form(
        outsider, f"/meetings/{mid}/cancel", {"cancel_reason": "weg", "version": version}
    )
    assert response.status_code == 404
    assert meeting(gremium, mid).state == "planned"


def test_after_its_day_the_chair_records_that_the_meeting_did_not_take_place(
    client, signed_in, world, gremium, clock
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    assert "Sitzung fand nicht statt" not in page(chair.get(f"/meetings/{mid}"))
    clock.advance_to(dt.datetime(2026, 3, 12, 9, 0, tzinfo=BERLIN))
    signed_in(chair, world.chair)  # (the session of two months ago has expired)
    text = page(chair.get(f"/meetings/{mid}"))
    response = post_form(
        chair,
        f"/meetings/{mid}/not-held",
        {"not_held_reason": "Stromausfall", "version": version_on(text)},
    )
    assert response.status_code == 303
    assert meeting(gremium, mid).state == "not_held"


def test_the_meeting_pages_are_in_english_for_an_english_reader(client, signed_in, world, gremium):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    with gremium.db.session() as session, session.begin():
        # A person who chose English (there is no command to change it yet).
        session.get(Person, world.chair).language = "en"
    text = page(chair.get(f"/meetings/{mid}"))
    assert 'lang="en"' in text
    assert "Deadlines and timers" in text and "proposal deadline" in text
    assert "Send invitation" in text and "Move the meeting" in text
    listing = page(chair.get(f"/committees/{world.committee_id}/meetings"))
    assert "Upcoming meetings" in listing and "Plan a single meeting" in listing


def test_the_service_refuses_a_stale_version_the_command_line_gives_none(world, gremium):
    with gremium.unit_of_work(Actor(label="c", person_id=world.chair)) as work:
        mid = meeting_service.plan(
            work,
            str(world.committee_id),
            title="T",
            starts_at="2026-03-11 10:00",
            location="R",
        ).id
    before = meeting(gremium, mid).version
    with gremium.unit_of_work(Actor(label="p", person_id=world.partners[0])) as work:
        agenda.propose(work, str(mid), title="Ein Vorschlag")
    assert meeting(gremium, mid).version > before  # a proposal counts as a change
    with (
        pytest.raises(GremiumError) as refusal,
        gremium.unit_of_work(Actor(label="c", person_id=world.chair)) as work,
    ):
        agenda_order.finalize(work, str(mid), version=before)
    assert type(refusal.value).__name__ == "ConcurrentChange"
    with (
        pytest.raises(GremiumError) as bad,
        gremium.unit_of_work(Actor(label="c", person_id=world.chair)) as work,
    ):
        agenda_order.order(work, str(mid), ["x"], version=None)
    assert "TOP der Tagesordnung" in bad.value.message("de")


def statements_for(gremium, client, path: str) -> int:
    """How many SQL statements the page *path* costs."""
    from sqlalchemy import event

    counted: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        counted.append(statement)

    event.listen(gremium.db.engine, "before_cursor_execute", count)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(gremium.db.engine, "before_cursor_execute", count)
    return len(counted)


def test_the_meeting_page_costs_as_many_statements_for_ten_items_as_for_two(
    client, signed_in, world, gremium, web_app
):
    chair = signed_in(without_page_cache(client), world.chair)
    mid = plan(chair, world)
    members = [signed_in(web_app.test_client(), p) for p in world.partners]
    for n in range(2):
        propose(members[n % 2], mid, f"Vorschlag {n}", propose_links=f"https://example.org/{n}")
    few = statements_for(gremium, chair, f"/meetings/{mid}")
    for n in range(2, 10):
        propose(members[n % 2], mid, f"Vorschlag {n}", propose_links=f"https://example.org/{n}")
    for title, item in items(gremium, mid).items():
        if title in ("Vorschlag 3", "Vorschlag 4"):
            assert decide(chair, mid, item.id, "accept").status_code == 303
    many = statements_for(gremium, chair, f"/meetings/{mid}")
    assert many == few, (few, many)  # no statement per item (no N+1)


def test_every_control_of_the_meeting_pages_has_a_label_and_nothing_is_inline(
    client, signed_in, world, web_app
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    propose(signed_in(web_app.test_client(), world.partners[0]), mid, "Ein Vorschlag")
    propose(chair, mid, "Vom Vorsitz")
    for path in (f"/meetings/{mid}", f"/committees/{world.committee_id}/meetings"):
        text = page(chair.get(path))
        assert "style=" not in text and "<script" not in text
        controls = re.findall(r"<(?:input|select|textarea)\b([^>]*)>", text)
        shown = [c for c in controls if 'type="hidden"' not in c]
        assert shown, path
        for control in shown:
            found = re.search(r'\bid="([^"]+)"', control)
            assert found, f"a control without id on {path}: {control}"
            assert f'<label for="{found.group(1)}"' in text, f"no label for {found.group(1)}"
        assert text.count("<caption>") == text.count("<table")
