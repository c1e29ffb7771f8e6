"""The meeting in session in the browser (/meetings/<id>/session): the attendance
sheet and the quorum, votes by ballots and by totals, items noted or deferred,
action items, closing; refusals beside their form with what was typed; a
partner sees the proceedings only; another committee's person gets a 404."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
import sqlalchemy
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.examples import treptow_koepenick as tk
from governance.models import ActionItem, Attendance, AuditRecord, Decision, Meeting, Person, Vote
from governance.services import agenda, directory
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from tests.conftest import audited_as
from tests.web.support import World, post_form

DAY = dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)


def as_person(gremium: App, person_id: int) -> Actor:
    with gremium.db.session() as s:
        person = s.get(Person, person_id)
        assert person is not None
        return Actor(label=person.email, person_id=person.id)


@pytest.fixture
def convened(gremium: App, world: World) -> int:
    """A meeting of the test committee on 11 March, convened with three items."""
    return convene_spring_meeting(gremium, world)


def convene_spring_meeting(gremium: App, world: World) -> int:
    chair = as_person(gremium, world.chair)
    with gremium.unit_of_work(chair) as uow:
        committee = directory.committee_by_ref(uow.session, "TG")
        meeting = meeting_service.plan(
            uow,
            committee,
            title="Frühjahrssitzung",
            starts_at="2026-03-11 10:00",
            location="Rathaus, Raum 120",
        )
        for title, kind in (
            ("Stadtteilfest 2026", "decision"),
            ("Haushalt 2027", "decision"),
            ("Bericht der Geschäftsstelle", "information"),
        ):
            agenda.propose(uow, meeting, title=title, kind=kind)
        meeting_service.convene(uow, meeting)
        return meeting.id


@pytest.fixture
def meeting_day(gremium: App, convened: int) -> int:
    """The convened meeting on its day, at 09:30."""
    return on_its_day(gremium, convened)


def on_its_day(gremium: App, meeting_id: int) -> int:
    gremium.clock.advance_to(DAY - dt.timedelta(minutes=30))
    return meeting_id


def test_before_its_day_the_page_says_when_the_meeting_can_be_opened(
    client, signed_in, world, convened
):
    signed_in(client, world.chair)
    html = page(client, convened)
    assert "kann am Sitzungstag eröffnet werden" in text_of(html)
    assert "Sitzung eröffnen" not in html and 'name="status:' not in html
    response = post_form(client, f"/meetings/{convened}/session/open")
    assert response.status_code == 422 and "eröffnen" in text_of(response.get_data(as_text=True))


def page(client, mid: int) -> str:
    response = client.get(f"/meetings/{mid}/session")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def text_of(html: str) -> str:
    """What a reader sees: the page's text without its tags, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def quorum_box(html: str) -> str:
    """The text of the quorum box of the session page."""
    start = html.index('id="quorum"')
    return text_of(html[html.index(">", start) + 1 : html.index("</p>", start)])


def sheet(*present: str, absent: tuple[str, ...] = ()) -> dict[str, object]:
    data: dict[str, object] = {"organisation": [*present, *absent]}
    for org in present:
        data[f"status:{org}"] = "present"
    for org in absent:
        data[f"status:{org}"] = "absent"
    return data


def count(gremium: App, model: type) -> int:
    with gremium.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def opened(client, gremium: App, mid: int, *present: str) -> None:
    assert (
        post_form(client, f"/meetings/{mid}/session/attendance", sheet(*present)).status_code == 303
    )
    gremium.clock.advance_to(DAY)
    assert post_form(client, f"/meetings/{mid}/session/open").status_code == 303


def test_the_secretariat_fills_in_the_attendance_sheet_and_sees_the_quorum_after_each_submit(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.secretary)
    before = text_of(page(client, meeting_day))
    assert "nicht beschlussfähig" in before and "0 von 3" in before
    assert 'name="status:Rabenhaus" value="present"' in page(client, meeting_day)
    response = post_form(
        client,
        f"/meetings/{meeting_day}/session/attendance",
        sheet("Rabenhaus", absent=("KungerKiez",)),
    )
    assert response.status_code == 303
    shown = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Anwesenheit gespeichert" in shown and "1 von 3" in shown
    response = post_form(
        client, f"/meetings/{meeting_day}/session/attendance", sheet("BA TK", "Rabenhaus")
    )
    shown = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Beschlussfähig: 2 von 3 stimmberechtigten Organisationen anwesend (nötig: 2)" in shown
    html = page(client, meeting_day)
    assert re.search(r'value="present" checked>\s*anwesend', html)
    with gremium.db.session() as s:
        statuses = {a.organisation.short_name: a.status for a in s.scalars(select(Attendance))}
    assert statuses == {"Rabenhaus": "present", "KungerKiez": "absent", "BA TK": "present"}


def test_a_guest_is_listed_and_never_counted(client, signed_in, world, meeting_day):
    signed_in(client, world.secretary)
    post_form(
        client,
        f"/meetings/{meeting_day}/session/guests",
        {"guest_name": "Erika Gast", "guest_affiliation": "Jugendamt"},
    )
    shown = text_of(page(client, meeting_day))
    assert "Erika Gast (Jugendamt)" in shown and "0 von 3" in shown


def test_the_chair_opens_the_meeting_and_votes_by_ballots_and_by_totals(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.chair)
    opened(client, gremium, meeting_day, "BA TK", "Rabenhaus", "KungerKiez")
    shown = text_of(page(client, meeting_day))
    assert "Bei der Eröffnung: beschlussfähig" in shown and "3 von 3" in shown
    response = post_form(
        client,
        f"/meetings/{meeting_day}/session/items/2/vote",
        {
            "text": "Das Stadtteilfest findet am 6. Juni statt.",
            "method": "ballots",
            "voter": ["BA TK", "Rabenhaus", "KungerKiez"],
            "ballot:BA TK": "yes",
            "ballot:Rabenhaus": "yes",
            "ballot:KungerKiez": "abstain",
        },
    )
    assert response.status_code == 303
    shown = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert (
        "Beschluss TG-2026/01 zu TOP 2: 2 ja, 0 nein, 1 Enthaltung — angenommen (einfache Mehrheit)."
        in shown
    )
    assert "Das Stadtteilfest findet am 6. Juni statt." in shown
    assert "Rabenhaus Ja" in shown and "KungerKiez Enthaltung" in shown
    response = post_form(
        client,
        f"/meetings/{meeting_day}/session/items/3/vote",
        {
            "text": "Der Haushalt wird beschlossen.",
            "method": "totals",
            "yes": "1",
            "no": "2",
            "abstain": "",
        },
    )
    shown = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Beschluss TG-2026/02: abgelehnt — 1 ja, 2 nein, 0 Enthaltungen" in shown
    with gremium.db.session() as s:
        assert [
            (d.reference, d.carried) for d in s.scalars(select(Decision).order_by(Decision.id))
        ] == [
            ("TG-2026/01", True),
            ("TG-2026/02", False),
        ]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"method": "totals", "yes": "4"}, "4 Stimmen, aber nur 3 stimmberechtigte"),
        ({"method": "totals", "yes": "drei"}, "--yes: „drei“ ist keine Anzahl"),
        ({"method": "ballots"}, "Es wurde keine Stimme abgegeben."),
        ({"method": "totals"}, "Bitte entweder namentlich"),
    ],
)
def test_a_refused_vote_says_why_beside_the_form_and_keeps_what_was_typed(
    client, signed_in, world, gremium, meeting_day, form, message
):
    signed_in(client, world.chair)
    opened(client, gremium, meeting_day, "BA TK", "Rabenhaus", "KungerKiez")
    response = post_form(
        client,
        f"/meetings/{meeting_day}/session/items/2/vote",
        {"text": "Mein Beschlusstext", **form},
    )
    assert response.status_code in (409, 422)
    html = response.get_data(as_text=True)
    assert message in text_of(html)
    item = html[html.index('id="item-2"') : html.index('id="item-3"')]
    assert message in text_of(item) and "Mein Beschlusstext</textarea>" in item
    assert "Mein Beschlusstext" not in html[html.index('id="item-3"') :]
    assert count(gremium, Vote) == 0


def test_no_vote_without_a_quorum_and_none_twice(client, signed_in, world, gremium, meeting_day):
    signed_in(client, world.chair)
    opened(client, gremium, meeting_day, "Rabenhaus")
    response = post_form(
        client,
        f"/meetings/{meeting_day}/session/items/2/vote",
        {"text": "Beschluss", "method": "totals", "yes": "1"},
    )
    assert response.status_code == 409
    assert "nicht beschlussfähig" in text_of(response.get_data(as_text=True)).lower()
    post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("BA TK", "Rabenhaus"))
    vote = {"text": "Beschluss", "method": "totals", "yes": "2"}
    assert (
        post_form(client, f"/meetings/{meeting_day}/session/items/2/vote", vote).status_code == 303
    )
    again = post_form(client, f"/meetings/{meeting_day}/session/items/2/vote", vote)
    assert again.status_code == 409 and "bereits abgestimmt" in text_of(
        again.get_data(as_text=True)
    )
    info = post_form(client, f"/meetings/{meeting_day}/session/items/4/vote", vote)
    assert info.status_code == 409 and "nicht abgestimmt" in text_of(info.get_data(as_text=True))
    assert count(gremium, Vote) == 1


def test_action_items_are_listed_under_their_item_and_items_are_noted_or_deferred(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.secretary)
    post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("BA TK", "Rabenhaus"))
    gremium.clock.advance_to(DAY)
    signed_in(client, world.chair)
    post_form(client, f"/meetings/{meeting_day}/session/open")
    signed_in(client, world.secretary)
    late = post_form(
        client,
        f"/meetings/{meeting_day}/session/items/4/actions",
        {"what": "Verwendungsnachweis vorlegen", "who": "Rabenhaus", "due": "2026-03-01"},
    )
    assert late.status_code == 422
    html = late.get_data(as_text=True)
    section = html[html.index('id="actions-4"') :]
    assert "2026-03-01" in text_of(section) and 'value="Verwendungsnachweis vorlegen"' in section
    response = post_form(
        client,
        f"/meetings/{meeting_day}/session/items/4/actions",
        {"what": "Verwendungsnachweis vorlegen", "who": "Rabenhaus", "due": "2026-04-30"},
    )
    assert response.status_code == 303
    html = page(client, meeting_day)
    section = text_of(html[html.index('id="actions-4"') :])
    assert "Verwendungsnachweis vorlegen — Rabenhaus" in section and "offen" in section
    post_form(client, f"/meetings/{meeting_day}/session/items/4/mark", {"outcome": "noted"})
    post_form(client, f"/meetings/{meeting_day}/session/items/3/mark", {"outcome": "deferred"})
    refused = post_form(
        client, f"/meetings/{meeting_day}/session/items/2/mark", {"outcome": "noted"}
    )
    assert refused.status_code == 409
    shown = text_of(page(client, meeting_day))
    assert (
        "TOP 4: Bericht der Geschäftsstelle" in shown and "Ergebnis: zur Kenntnis genommen" in shown
    )
    assert "Ergebnis: vertagt" in shown
    # The action item raised today is not one "from earlier meetings" under TOP 1.
    assert "Keine offenen Aufgaben aus früheren Sitzungen." in shown
    assert count(gremium, ActionItem) == 1


def test_closing_the_meeting_sends_open_items_to_the_next_one(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.chair)
    opened(client, gremium, meeting_day, "BA TK", "Rabenhaus")
    shown = text_of(page(client, meeting_day))
    assert "Nicht behandelte TOPs gehen auf die nächste Sitzung: 1, 2, 3, 4" in shown
    response = post_form(client, f"/meetings/{meeting_day}/session/close")
    assert response.status_code == 303
    shown = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Die Sitzung ist geschlossen" in shown
    assert "Sitzung schließen" not in shown and "Namentlich abstimmen" not in shown
    with gremium.db.session() as s:
        assert s.get(Meeting, meeting_day).state == "closed"


def test_a_partner_sees_the_proceedings_and_a_post_is_refused_with_the_command_lines_message(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.secretary)
    post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("Rabenhaus"))
    signed_in(client, world.partners[0])
    html = page(client, meeting_day)
    assert "Sie sehen den Verlauf" in text_of(html)
    assert "<form" not in html.split("<main", 1)[1]
    assert "Rabenhaus anwesend" in text_of(html)
    response = post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("KungerKiez"))
    assert response.status_code in (403, 422)
    assert "nur Vorsitz / Geschäftsstelle" in text_of(response.get_data(as_text=True))
    assert count(gremium, Attendance) == 1


def test_a_person_of_another_committee_gets_404_and_changes_nothing(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.outsider)
    assert client.get(f"/meetings/{meeting_day}/session").status_code == 404
    assert client.get("/meetings/9999/session").status_code == 404
    response = post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("Rabenhaus"))
    assert response.status_code == 404
    assert count(gremium, Attendance) == 0


def test_a_chair_who_reads_english_sees_the_page_in_english(
    client, signed_in, world, gremium, meeting_day
):
    with gremium.unit_of_work(Actor.system()) as uow:
        chair = uow.session.get(Person, world.chair)
        assert chair is not None
        chair.language = "en"  # as the person chose it
    signed_in(client, world.chair)
    opened(client, gremium, meeting_day, "BA TK", "Rabenhaus")
    html = page(client, meeting_day)
    shown = text_of(html)
    assert 'lang="en"' in html
    assert "Quorate: 2 of 3 voting organisations present (needed: 2)." in shown
    assert "Vote by roll call" in shown and "Close the meeting" in shown


def test_the_quorum_can_be_read_again_for_the_pages_optional_script(
    client, signed_in, world, meeting_day
):
    signed_in(client, world.secretary)
    post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("BA TK", "Rabenhaus"))
    signed_in(client, world.partners[1])
    data = client.get(f"/meetings/{meeting_day}/session/quorum").get_json()
    assert data == {
        "quorate": True,
        "label": "beschlussfähig",
        "text": "2 von 3 stimmberechtigten Organisationen anwesend (nötig: 2).",
    }
    html = page(client, meeting_day)
    assert 'src="/static/in_session.js" defer' in html and "<script>" not in html
    script = client.get("/static/in_session.js")
    assert script.status_code == 200
    assert 'getAttribute("data-source")' in script.get_data(as_text=True)  # address from the page
    signed_in(client, world.outsider)
    assert client.get(f"/meetings/{meeting_day}/session/quorum").status_code == 404


def test_a_meeting_held_on_paper_is_recorded_afterwards_by_the_secretariat(
    client, signed_in, world, gremium, meeting_day
):
    gremium.clock.advance_to(DAY + dt.timedelta(hours=5))
    signed_in(client, world.secretary)
    html = page(client, meeting_day)
    assert "Nachträglich erfassen" in text_of(html)
    assert post_form(client, f"/meetings/{meeting_day}/session/record-later").status_code == 303
    post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("BA TK", "Rabenhaus"))
    response = post_form(
        client,
        f"/meetings/{meeting_day}/session/items/2/vote",
        {"text": "Das Fest findet statt.", "method": "totals", "yes": "2"},
    )
    assert response.status_code == 303
    shown = text_of(page(client, meeting_day))
    assert "wird nachträglich erfasst" in shown and "Beschluss TG-2026/01: angenommen" in shown
    assert post_form(client, f"/meetings/{meeting_day}/session/close").status_code == 303
    with gremium.db.session() as s:
        meeting = s.get(Meeting, meeting_day)
        assert meeting is not None and meeting.state == "closed" and meeting.recorded_later_at


def test_two_people_on_the_sheet_the_second_sees_the_change_and_keeps_what_was_typed(
    client, signed_in, world, gremium, meeting_day
):
    chair = signed_in(client, world.chair)
    post_form(
        chair,
        f"/meetings/{meeting_day}/session/attendance",
        {**sheet(absent=("Rabenhaus",)), "shown:Rabenhaus": ""},
    )
    secretary = signed_in(client.application.test_client(), world.secretary)
    stale = {**sheet("Rabenhaus", "KungerKiez"), "shown:Rabenhaus": "", "shown:KungerKiez": ""}
    response = post_form(secretary, f"/meetings/{meeting_day}/session/attendance", stale)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "inzwischen von jemand anderem erfasst: Rabenhaus jetzt abwesend" in text_of(html)
    assert re.search(r'name="status:Rabenhaus" value="present" checked', html)
    assert 'name="shown:Rabenhaus" value="absent"' in html
    with gremium.db.session() as s:
        assert [a.status for a in s.scalars(select(Attendance))] == ["absent"]
    again = {**stale, "shown:Rabenhaus": "absent"}
    assert (
        post_form(secretary, f"/meetings/{meeting_day}/session/attendance", again).status_code
        == 303
    )
    assert "2 von 3" in text_of(page(secretary, meeting_day))


class _Controls(HTMLParser):
    """The page's form controls, labels and fieldsets, as a keyboard or screen reader meets them."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[str] = []
        self.labelled: set[str] = set()
        self.fieldsets = 0
        self.legends = 0
        self.radios_outside_fieldsets = 0
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label" and a.get("for"):
            self.labelled.add(str(a["for"]))
        if tag == "fieldset":
            self.fieldsets += 1
            self.depth += 1
        if tag == "legend":
            self.legends += 1
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.controls.append(str(a.get("id")))
            if a.get("type") == "radio" and self.depth == 0:
                self.radios_outside_fieldsets += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "fieldset":
            self.depth -= 1


def test_every_control_has_a_label_and_every_group_of_choices_a_legend(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.chair)
    opened(client, gremium, meeting_day, "BA TK", "Rabenhaus", "KungerKiez")
    found = _Controls()
    found.feed(page(client, meeting_day))
    assert len(found.controls) > 40
    assert [c for c in found.controls if c not in found.labelled] == []
    assert len(set(found.controls)) == len(found.controls)  # ids are unique
    assert found.fieldsets == found.legends and found.radios_outside_fieldsets == 0


def test_an_organisation_marked_present_after_the_opening_arrived_then(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.chair)
    opened(client, gremium, meeting_day, "BA TK", "Rabenhaus")
    gremium.clock.advance_to(DAY + dt.timedelta(minutes=40))
    post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("KungerKiez"))
    html = page(client, meeting_day)
    assert 'name="arrived:KungerKiez" value="10:40"' in html
    assert 'name="arrived:Rabenhaus" value=""' in html
    shown = text_of(html)
    assert "3 von 3" in shown and "Bei der Eröffnung: beschlussfähig" in shown


def statements_of(gremium: App, client, path: str) -> int:
    """How many SQL statements a GET of *path* runs (sign-in lookup included)."""
    seen: list[str] = []

    def count_one(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    sqlalchemy.event.listen(gremium.db.engine, "before_cursor_execute", count_one)
    try:
        assert client.get(path).status_code == 200
    finally:
        sqlalchemy.event.remove(gremium.db.engine, "before_cursor_execute", count_one)
    return len(seen)


def test_the_page_runs_as_many_statements_for_three_votes_as_for_one(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.chair)
    opened(client, gremium, meeting_day, "BA TK", "Rabenhaus", "KungerKiez")
    path = f"/meetings/{meeting_day}/session"
    ballots = {
        "method": "ballots",
        "voter": ["BA TK", "Rabenhaus", "KungerKiez"],
        "ballot:BA TK": "yes",
        "ballot:Rabenhaus": "no",
        "ballot:KungerKiez": "yes",
    }
    post_form(client, f"{path}/items/2/vote", {"text": "Eins", **ballots})
    action = {"what": "Nachweis", "who": "Rabenhaus", "due": "2026-04-30"}
    post_form(client, f"{path}/items/2/actions", action)
    one = statements_of(gremium, client, path)
    post_form(client, f"{path}/items/3/vote", {"text": "Zwei", **ballots})
    post_form(client, f"{path}/items/3/actions", action)
    post_form(client, f"{path}/items/4/actions", action)
    post_form(client, f"{path}/guests", {"guest_name": "Erika Gast"})
    assert statements_of(gremium, client, path) == one


def test_the_example_committee_meets_in_the_browser_with_its_eight_voting_members(
    example_client, signed_in
):
    gremium: App = example_client.application.extensions["gremium"]
    with gremium.unit_of_work(tk.CHAIR_EMAIL) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        meeting = meeting_service.plan(
            uow,
            committee,
            title="Sitzung des Kooperationsgremiums",
            starts_at="2026-03-11 10:00",
            location="Rathaus Köpenick, Raum 120",
        )
        agenda.propose(uow, meeting, title="Stadtteilfest", kind="decision")
        meeting_service.convene(uow, meeting)
        mid = meeting.id
    gremium.clock.advance_to(DAY - dt.timedelta(minutes=30))
    signed_in(example_client, tk.SECRETARIAT_EMAIL)
    html = page(example_client, mid)
    assert 'name="status:Offensiv&#39;91"' in html  # names with an apostrophe survive the form
    assert "SenASGIVA" in html and "ohne Stimmrecht" in text_of(html)
    present = ["BA Treptow-Köpenick", "Rabenhaus", "Offensiv'91", "tjfbg", "SenASGIVA"]
    post_form(example_client, f"/meetings/{mid}/session/attendance", sheet(*present))
    # the quorum box says its word once, then the counts
    shown = quorum_box(page(example_client, mid))
    assert shown == (
        "nicht beschlussfähig : 4 von 8 stimmberechtigten Organisationen anwesend (nötig: 5). "
        "Es kann nichts beschlossen werden."
    )
    post_form(example_client, f"/meetings/{mid}/session/attendance", sheet("KungerKiez"))
    shown = quorum_box(page(example_client, mid))
    assert shown == "beschlussfähig : 5 von 8 stimmberechtigten Organisationen anwesend (nötig: 5)."
    gremium.clock.advance_to(DAY)
    signed_in(example_client, tk.CHAIR_EMAIL)
    assert post_form(example_client, f"/meetings/{mid}/session/open").status_code == 303
    html = page(example_client, mid)
    assert html.count('class="ballot"') == 5  # one ballot per voting organisation present


def test_the_audit_trail_names_the_person_who_acted_in_the_browser(
    client, signed_in, world, gremium, meeting_day
):
    signed_in(client, world.secretary)
    post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("Rabenhaus"))
    signed_in(client, world.partners[1])
    post_form(client, f"/meetings/{meeting_day}/session/attendance", sheet("KungerKiez"))
    with gremium.db.session() as s:
        rows = [
            (r.actor, r.action, r.outcome)
            for r in s.scalars(
                select(AuditRecord)
                .where(AuditRecord.action.in_(["record_attendance", "meeting.attendance"]))
                .order_by(AuditRecord.seq)
            )
        ]
    assert rows == [
        (audited_as(gremium, World.EMAILS["secretary"]), "record_attendance", "done"),
        (audited_as(gremium, World.EMAILS["partner2"]), "meeting.attendance", "refused"),
    ]


# --- the same on PostgreSQL: an action in session locks its meeting's row there ---


@pytest.fixture
def pg_meeting_day(pg_web) -> tuple:
    """(client, gremium, world, meeting id): the convened meeting on its day, on PostgreSQL."""
    web_app, gremium, world = pg_web
    day = on_its_day(gremium, convene_spring_meeting(gremium, world))
    return web_app.test_client(), gremium, world, day


@pytest.mark.postgres
def test_the_chair_opens_the_meeting_and_votes_on_postgresql(pg_meeting_day, signed_in):
    client, gremium, world, day = pg_meeting_day
    test_the_chair_opens_the_meeting_and_votes_by_ballots_and_by_totals(
        client, signed_in, world, gremium, day
    )


@pytest.mark.postgres
def test_closing_the_meeting_on_postgresql(pg_meeting_day, signed_in):
    client, gremium, world, day = pg_meeting_day
    test_closing_the_meeting_sends_open_items_to_the_next_one(
        client, signed_in, world, gremium, day
    )
