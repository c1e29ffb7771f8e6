"""The forms that complete the example year in the browser, over a real SQLite file:
changing and ending a meeting series, attaching a file or a link to an agenda item,
and what is refused (wrong input, wrong role, no CSRF token, too large an upload)."""

from __future__ import annotations

import hashlib
import html
import io
import re

import pytest
from sqlalchemy import select

from governance.errors import GremiumError
from governance.models import AgendaAttachment, Meeting, MeetingSeries
from governance.services import meeting_series
from governance.unit_of_work import Actor
from tests.web.conftest import web_settings_for
from tests.web.support import post_form
from tests.web.test_meeting_pages import items, plan, propose

RULE = "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE"


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def add_series(client, world) -> int:
    response = post_form(
        client,
        f"/committees/{world.committee_id}/series",
        {
            "series_title": "Quartalssitzung",
            "series_rrule": RULE,
            "series_start": "2026-03-11T10:00",
            "series_duration": "120",
            "series_location": "Rathaus, Raum 120",
            "series_horizon": "12",
        },
    )
    assert response.status_code == 303, page(response)
    text = page(client.get(f"/committees/{world.committee_id}/meetings"))
    found = re.search(r'action="/committees/\d+/series/(\d+)"', text)
    assert found, "the list offers no change form for the new series"
    return int(found.group(1))


def change_form(client, world, sid: int) -> dict[str, str]:
    """The change form of series *sid* as the page shows it (every field, hidden ones too)."""
    text = page(client.get(f"/committees/{world.committee_id}/meetings"))
    start = text.index(f'action="/committees/{world.committee_id}/series/{sid}"')
    form = text[start : text.index("</form>", start)]
    return {
        name: value
        for name, value in re.findall(r'name="(series_\d+_\w+)"[^>]*value="([^"]*)"', form)
    }


def series_row(gremium, sid: int) -> MeetingSeries:
    with gremium.db.session() as session:
        found = session.get(MeetingSeries, sid)
        assert found is not None
        return found


def series_meetings(gremium, sid: int) -> list[Meeting]:
    with gremium.db.session() as session:
        return list(
            session.scalars(
                select(Meeting).where(Meeting.series_id == sid).order_by(Meeting.starts_at)
            )
        )


# --- series: change and end ---


def test_the_chair_changes_a_series_and_its_untouched_meetings_follow(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    sid = add_series(chair, world)
    form = change_form(chair, world, sid)
    # what the form shows is the series as it is (Berlin time for the first date)
    assert form[f"series_{sid}_start"] == "2026-03-11T10:00"
    assert form[f"series_{sid}_rrule"] == RULE
    form[f"series_{sid}_location"] = "Bürgeramt, Saal 2"
    form[f"series_{sid}_title"] = "Sitzung des Gremiums"
    response = post_form(chair, f"/committees/{world.committee_id}/series/{sid}", form)
    assert response.status_code == 303, page(response)
    text = page(chair.get(response.headers["Location"]))
    assert "Die Reihe ist geändert" in text
    assert series_row(gremium, sid).location == "Bürgeramt, Saal 2"
    planned = [m for m in series_meetings(gremium, sid) if m.state == "planned"]
    assert planned and {m.location for m in planned} == {"Bürgeramt, Saal 2"}
    assert {m.title for m in planned} == {"Sitzung des Gremiums"}
    assert "Bürgeramt, Saal 2" in text  # the list of meetings shows the new place


def test_a_refused_series_change_keeps_what_was_typed_and_changes_nothing(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    sid = add_series(chair, world)
    form = change_form(chair, world, sid)
    form[f"series_{sid}_rrule"] = "FREQ=HOURLY"
    form[f"series_{sid}_location"] = "Anderer Ort"
    with (
        pytest.raises(GremiumError) as refusal,
        gremium.unit_of_work(Actor(label=world.EMAILS["chair"], person_id=world.chair)) as work,
    ):  # as `gremium meeting series change ID --rrule FREQ=HOURLY` does
        meeting_series.change_series(
            work, meeting_series.series_by_id(work.session, sid), rrule="FREQ=HOURLY"
        )
    response = post_form(chair, f"/committees/{world.committee_id}/series/{sid}", form)
    assert response.status_code == 422
    text = page(response)
    assert refusal.value.message("de") in text
    assert 'value="FREQ=HOURLY"' in text and 'value="Anderer Ort"' in text
    assert f'id="series-{sid}" open' in text  # the form with the message is open
    row = series_row(gremium, sid)
    assert row.rrule == RULE and row.location == "Rathaus, Raum 120"


def test_the_chair_ends_a_series_and_its_untouched_meetings_are_cancelled(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    sid = add_series(chair, world)
    assert len(series_meetings(gremium, sid)) == 4
    response = post_form(chair, f"/committees/{world.committee_id}/series/{sid}/end")
    assert response.status_code == 303, page(response)
    text = page(chair.get(response.headers["Location"]))
    assert "Die Reihe ist beendet" in text
    assert "beendet" in text  # the state in words in the series table
    assert f'/series/{sid}/end"' not in text  # an ended series offers no forms
    assert series_row(gremium, sid).state == "ended"
    assert {m.state for m in series_meetings(gremium, sid)} == {"cancelled"}


def test_a_member_may_not_change_or_end_a_series(client, signed_in, world, gremium):
    chair = signed_in(client, world.chair)
    sid = add_series(chair, world)
    form = change_form(chair, world, sid)
    member = signed_in(client.application.test_client(), world.partners[0])
    listing = page(member.get(f"/committees/{world.committee_id}/meetings"))
    assert "Quartalssitzung" in listing and f"/series/{sid}/end" not in listing
    form[f"series_{sid}_location"] = "Woanders"
    response = post_form(member, f"/committees/{world.committee_id}/series/{sid}", form)
    assert response.status_code == 422 and "nur" in page(response)
    response = post_form(member, f"/committees/{world.committee_id}/series/{sid}/end")
    assert response.status_code == 422
    row = series_row(gremium, sid)
    assert row.state == "active" and row.location == "Rathaus, Raum 120"


def test_series_forms_without_csrf_token_or_of_another_committee_change_nothing(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    sid = add_series(chair, world)
    response = chair.post(f"/committees/{world.committee_id}/series/{sid}/end", data={})
    assert response.status_code == 400
    # the series through another committee's address: as if it did not exist
    outsider = signed_in(client.application.test_client(), world.outsider)
    response = post_form(outsider, f"/committees/{world.other_committee_id}/series/{sid}/end")
    assert response.status_code == 404
    assert series_row(gremium, sid).state == "active"


# --- attachments of agenda items ---


def attachments(gremium, item_id: int) -> list[AgendaAttachment]:
    with gremium.db.session() as session:
        return list(
            session.scalars(
                select(AgendaAttachment).where(AgendaAttachment.agenda_item_id == item_id)
            )
        )


def test_the_secretariat_attaches_a_file_then_a_new_version_and_a_link(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    propose(chair, mid, "Haushalt 2027")
    item = items(gremium, mid)["Haushalt 2027"]
    secretary = signed_in(client.application.test_client(), world.secretary)
    text = page(secretary.get(f"/meetings/{mid}"))
    assert "Datei oder Link an einen TOP anhängen" in text
    assert f'<option value="{item.id}">TOP 2: Haushalt 2027</option>' in text
    first, second = b"%PDF-1.4 Entwurf\n", b"%PDF-1.4 Entwurf, berichtigt\n"
    for content in (first, second):
        response = post_form(
            secretary,
            f"/meetings/{mid}/attach",
            {
                "attach_item": str(item.id),
                "attach_title": "Haushaltsentwurf",
                "attach_file": (io.BytesIO(content), "entwurf.pdf"),
            },
            content_type="multipart/form-data",
        )
        assert response.status_code == 303, page(response)
    response = post_form(
        secretary,
        f"/meetings/{mid}/attach",
        {"attach_item": str(item.id), "attach_url": "https://example.org/haushalt"},
    )
    assert response.status_code == 303, page(response)
    text = page(secretary.get(response.headers["Location"]))
    assert "Die Anlage ist gespeichert" in text
    assert hashlib.sha256(second).hexdigest() in text  # the current version is listed
    assert 'href="https://example.org/haushalt"' in text
    assert sorted((a.title, a.version) for a in attachments(gremium, item.id)) == [
        ("Haushaltsentwurf", 1),
        ("Haushaltsentwurf", 2),
        ("https://example.org/haushalt", 1),
    ]


def test_a_refused_attachment_says_why_and_keeps_what_was_typed(client, signed_in, world, gremium):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    propose(chair, mid, "Verkehr")
    item = items(gremium, mid)["Verkehr"]
    response = post_form(
        chair,
        f"/meetings/{mid}/attach",
        {"attach_item": str(item.id), "attach_title": "Lageplan", "attach_url": "ftp://x.example"},
    )
    assert response.status_code == 422
    text = page(response)
    assert "ftp://x.example" in text and 'value="Lageplan"' in text
    assert "http" in text[text.index('role="alert"') :]
    # neither a file nor a link
    response = post_form(
        chair, f"/meetings/{mid}/attach", {"attach_item": str(item.id), "attach_title": "Leer"}
    )
    assert response.status_code == 422
    assert "eine Datei oder einen Link" in page(response) and 'value="Leer"' in page(response)
    assert attachments(gremium, item.id) == []


def test_a_member_attaches_only_to_items_of_their_own_organisation(
    client, signed_in, world, gremium
):
    chair = signed_in(client, world.chair)
    mid = plan(chair, world)
    propose(chair, mid, "Vom Vorsitz")
    member = signed_in(client.application.test_client(), world.partners[0])
    propose(member, mid, "Vom Rabenhaus")
    own, other = items(gremium, mid)["Vom Rabenhaus"], items(gremium, mid)["Vom Vorsitz"]
    text = page(member.get(f"/meetings/{mid}"))
    assert f'<option value="{own.id}">Vorschlag: Vom Rabenhaus</option>' in text
    assert f'<option value="{other.id}"' not in text
    response = post_form(
        member,
        f"/meetings/{mid}/attach",
        {"attach_item": str(other.id), "attach_url": "https://example.org/x"},
    )
    assert response.status_code == 422
    assert "eigene" in page(response) or "nur" in page(response)
    assert attachments(gremium, other.id) == []
    response = member.post(
        f"/meetings/{mid}/attach",
        data={"attach_item": str(own.id), "attach_url": "https://example.org/x"},
    )
    assert response.status_code == 400  # no CSRF token
    assert attachments(gremium, own.id) == []


def test_an_upload_over_the_limit_is_refused_before_it_is_read(tmp_path, world, clock, signed_in):
    from governance.web.app import create_app

    app = create_app(web_settings_for(tmp_path, attachment_max_mb=1), clock=clock)
    app.config["TESTING"] = True
    try:
        gremium = app.extensions["gremium"]
        chair = signed_in(app.test_client(), world.chair)
        mid = plan(chair, world)
        propose(chair, mid, "Große Anlage")
        item = items(gremium, mid)["Große Anlage"]
        response = post_form(
            chair,
            f"/meetings/{mid}/attach",
            {
                "attach_item": str(item.id),
                "attach_file": (io.BytesIO(b"x" * 2_500_000), "gross.pdf"),
            },
            content_type="multipart/form-data",
        )
        assert response.status_code == 413
        text = page(response)
        assert "nichts wurde gespeichert. Gesendet: 2,5 MB" in text
        assert "höchstens 1,0 MB groß sein (Einstellung attachment_max_mb)" in text
        # just over the per-file limit but within the request limit: the service's message
        response = post_form(
            chair,
            f"/meetings/{mid}/attach",
            {
                "attach_item": str(item.id),
                "attach_file": (io.BytesIO(b"x" * 1_200_000), "etwas.pdf"),
            },
            content_type="multipart/form-data",
        )
        assert response.status_code == 422
        assert "„etwas.pdf“ ist 1,2 MB groß" in page(response)
        assert attachments(gremium, item.id) == []
    finally:
        app.extensions["gremium"].db.dispose()


# --- the administrator's overview ---


def test_an_administrator_without_a_seat_sees_every_committee_and_what_to_administer(
    client, signed_in, world, gremium
):
    from governance.services import directory

    with gremium.unit_of_work(Actor.system()) as work:
        admin = directory.add_person(
            work, name="Ada Admin", email="ada.admin@ba-tk.example.org", is_admin=True
        ).id
    signed_in(client, admin)
    text = page(client.get("/"))
    committees = text[text.index('id="committees-heading"') :]
    assert "Testgremium" in committees and "Anderes Gremium" in committees
    assert "Administration" in committees  # the role shown for each
    tasks = text[text.index('id="admin-heading"') :]
    for cid in (world.committee_id, world.other_committee_id):
        for path in ("", "/rules", "/meetings", "/audit"):
            assert f'href="/committees/{cid}{path}"' in tasks
    assert "gremium --help" in tasks
    assert client.get(f"/committees/{world.other_committee_id}").status_code == 200
    # a chair sees no administration section
    signed_in(client, world.chair)
    assert 'id="admin-heading"' not in client.get("/").get_data(as_text=True)


def test_an_administrators_overview_stays_bounded_however_many_committees_there_are(
    client, signed_in, world, gremium, monkeypatch
):
    """With 10,000 committees the overview must not list them all (the web bench's
    scale data once made it a page of 10,000 rows): the first are listed, the rest counted."""
    from governance.services import directory, my_work

    monkeypatch.setattr(my_work, "ADMIN_LISTED", 1)
    with gremium.unit_of_work(Actor.system()) as work:
        admin = directory.add_person(
            work, name="Ada Admin", email="ada.admin@ba-tk.example.org", is_admin=True
        ).id
    signed_in(client, admin)
    text = page(client.get("/"))
    tasks = text[text.index('id="admin-heading"') :]
    listed = [
        cid
        for cid in (world.committee_id, world.other_committee_id)
        if f'href="/committees/{cid}/rules"' in tasks
    ]
    assert len(listed) == 1
    assert "… und 1 weitere Gremien ohne Ihren Sitz (alle: gremium committee list)." in tasks


def test_the_committee_page_leads_to_its_meetings_before_there_is_any(client, signed_in, world):
    """At the start of the year the overview lists no meeting: the chair reaches the
    meetings page (to add the series) from the committee's page."""
    signed_in(client, world.chair)
    committee = page(client.get(f"/committees/{world.committee_id}"))
    assert f'href="/committees/{world.committee_id}/meetings"' in committee
    assert f'href="/committees/{world.committee_id}/decisions"' in committee


def test_the_new_forms_are_in_english_for_an_english_reader(client, signed_in, world, gremium):
    from governance.models import Person

    chair = signed_in(client, world.chair)
    sid = add_series(chair, world)
    form = change_form(chair, world, sid)
    with gremium.db.session() as session, session.begin():
        session.get(Person, world.chair).language = "en"
    listing = page(chair.get(f"/committees/{world.committee_id}/meetings"))
    assert "Change or end the series “Quartalssitzung”" in listing and "End series" in listing
    mid = series_meetings(gremium, sid)[0].id
    text = page(chair.get(f"/meetings/{mid}"))
    assert "Attach a file or a link to an item" in text and "at most 20.0 MB" in text
    # the change form without a token: refused, nothing changed
    form[f"series_{sid}_location"] = "Elsewhere"
    assert (
        chair.post(f"/committees/{world.committee_id}/series/{sid}", data=form).status_code == 400
    )
    assert series_row(gremium, sid).location == "Rathaus, Raum 120"
