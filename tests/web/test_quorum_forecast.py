"""The quorum forecast: replies build the expected attendance; forecast_days before the
meeting the chair is warned (the mail read as the chair reads it, German and English)
and those who have not answered are reminded with their links again."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from sqlalchemy import select, update

from governance.clock import BERLIN
from governance.models import Committee, Meeting, Person
from governance.services import rsvp, timers
from governance.unit_of_work import Actor
from tests.web.links_support import deliver, invite, links_in, smtp_settings
from tests.web.support import World


@pytest.fixture
def web_settings(tmp_path):
    return smtp_settings(tmp_path)


FORECAST_AT = dt.datetime(2026, 3, 6, 10, 0, tzinfo=BERLIN)  # 5 days before 11 March, 10:00


def answer(gremium, world: World, partner: int, what: str) -> None:
    email = World.EMAILS["partner1" if partner == 0 else "partner2"]
    with gremium.unit_of_work(Actor(label=email, person_id=world.partners[partner])) as work:
        rsvp.answer_invitation(work, 1, what, via="calendar")


def chair_language(gremium, world: World, lang: str) -> None:
    with gremium.db.session() as session, session.begin():
        session.execute(update(Person).where(Person.id == world.chair).values(language=lang))


def test_no_timer_fires_before_forecast_days_and_none_warns_when_the_quorum_is_assured(
    gremium,
    world,
    web_settings,
):
    invite(gremium, world)
    deliver(gremium, web_settings)
    answer(gremium, world, 0, "attends")
    answer(gremium, world, 1, "attends")
    fired = timers.fire_due(gremium, FORECAST_AT - dt.timedelta(minutes=1))
    assert all(f.name != "quorum_forecast" for f in fired)
    fired = timers.fire_due(gremium, FORECAST_AT)
    assert [f.name for f in fired if f.name == "quorum_forecast"] == ["quorum_forecast"]
    mails = deliver(gremium, web_settings)
    assert World.EMAILS["chair"] not in mails  # 2 of 3 come: quorate, nobody is bothered


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_chair_is_warned_naming_who_has_not_answered_and_they_are_reminded(
    client,
    gremium,
    world,
    web_settings,
    lang,
):
    chair_language(gremium, world, lang)
    invite(gremium, world)
    deliver(gremium, web_settings)
    answer(gremium, world, 0, "excused")
    timers.fire_due(gremium, FORECAST_AT)
    mails = deliver(gremium, web_settings)

    warning = mails[World.EMAILS["chair"]][0]
    if lang == "de":
        assert "nach den bisherigen Rückmeldungen ist die Sitzung" in warning
        assert "Zugesagt haben 0 von 3 stimmberechtigten Mitgliedern" in warning
        assert "nötig sind 2. Abgesagt: 1." in warning
        assert "Die Beschlussfähigkeit ist noch erreichbar" in warning
        assert "Noch nicht geantwortet haben (sie werden heute erinnert):" in warning
        assert "- KungerKiez e. V.: Vorstand KungerKiez" in warning
        assert "- Bezirksamt Treptow-Köpenick, OE SPK: Clara Vorsitz" in warning
        assert "Rabenhaus" not in warning
    else:
        assert "from the answers so far, the meeting of the committee" in warning
        assert "0 of 3 voting members said they will come" in warning
        assert "2 are needed. Excused: 1." in warning
        assert "Not answered yet (they are reminded today):" in warning
        assert "- KungerKiez e. V.: Vorstand KungerKiez" in warning

    # KungerKiez has not answered: reminded, with links that work.
    reminder = mails[World.EMAILS["partner2"]][0]
    assert "noch nicht geantwortet" in reminder
    assert World.EMAILS["partner1"] not in mails  # Rabenhaus answered: no reminder
    links = links_in(reminder)
    from tests.web.support import post_form

    done = post_form(client, links["attends"], {})
    assert done.status_code == 200
    assert "ist vermerkt" in html.unescape(done.get_data(as_text=True))


def test_a_quorum_that_cannot_be_reached_is_said_so(gremium, world, web_settings):
    invite(gremium, world)
    deliver(gremium, web_settings)
    answer(gremium, world, 0, "excused")
    answer(gremium, world, 1, "excused")
    timers.fire_due(gremium, FORECAST_AT)
    warning = deliver(gremium, web_settings)[World.EMAILS["chair"]][0]
    assert "Selbst wenn alle kämen, die noch nicht geantwortet haben, wäre die Sitzung" in warning


def test_forecast_days_is_a_rule_of_procedure(gremium, world):
    chair = Actor(label=World.EMAILS["chair"], person_id=world.chair)
    from governance.services import rules_of_procedure

    with gremium.unit_of_work(chair) as work:
        committee = work.session.get(Committee, world.committee_id)
        assert committee is not None and committee.rules.forecast_days == 5
        rules_of_procedure.change_rules(work, committee, {"forecast_days": "3"})
    with gremium.db.session() as session:
        committee = session.get(Committee, world.committee_id)
        assert committee is not None and committee.rules.forecast_days == 3
    with gremium.unit_of_work(chair) as work, pytest.raises(Exception) as too_long:
        committee = work.session.get(Committee, world.committee_id)
        rules_of_procedure.change_rules(work, committee, {"forecast_days": "20"})
    assert "forecast_days" in str(too_long.value)
    invite(gremium, world)
    with gremium.db.session() as session:
        meeting = session.scalars(select(Meeting)).one()
        due = [
            t.due_at
            for t in gremium.engine.pending_timers(session, meeting)
            if t.name == "quorum_forecast"
        ]
    assert [d.astimezone(BERLIN) for d in due] == [dt.datetime(2026, 3, 8, 10, 0, tzinfo=BERLIN)]


def test_meeting_show_lists_the_answers_and_the_expected_quorum(gremium, world, tmp_path):
    import json

    from tests.cli_in_process import ok

    invite(gremium, world)
    answer(gremium, world, 0, "excused")
    url = f"sqlite:///{tmp_path / 'gremium.db'}"
    text = ok("--db", url, "meeting", "show", "1")
    assert "Rückmeldungen (erwartete Anwesenheit):" in text
    assert "  Rabenhaus: verhindert" in text
    assert "  KungerKiez: keine Rückmeldung" in text
    assert (
        "Beschlussfähigkeit offen: 0 von 3 Stimmberechtigten zugesagt, nötig 2; "
        "2 ohne Rückmeldung." in text
    )
    english = ok("--db", url, "--lang", "en", "meeting", "show", "1")
    assert "Answers (expected attendance):" in english
    assert "  Rabenhaus: excused" in english
    assert "Quorum open: 0 of 3 voting members said they come, 2 needed; 2 without an answer." in (
        english
    )
    answer(gremium, world, 1, "excused")
    data = json.loads(ok("--db", url, "meeting", "show", "1", "--json"))
    expected = data["expected_attendance"]
    assert expected["counts"] == {
        "attends": 0,
        "excused": 2,
        "deputy": 0,
        "tentative": 0,
        "none": 1,
    }
    assert expected["quorum"] == {
        "expected": 0,
        "needed": 2,
        "voting_members": 3,
        "quorate": False,
        "reachable": False,
        "repeat_meeting": False,
    }
    assert {r["organisation"]: r["answer"] for r in expected["organisations"]} == {
        "BA TK": "none",
        "KungerKiez": "excused",
        "Rabenhaus": "excused",
    }
    assert "nicht erreichbar, selbst wenn alle ohne Rückmeldung (1) kämen." in ok(
        "--db", url, "meeting", "show", "1"
    )


def test_the_meeting_page_shows_the_answers_to_chair_and_secretariat_only(
    client, signed_in, gremium, world
):
    from tests.web.links_support import page

    invite(gremium, world)
    answer(gremium, world, 0, "excused")
    chair = signed_in(client, World.EMAILS["chair"])
    text = page(chair.get("/meetings/1"))
    assert "Rückmeldungen zur Einladung" in text
    assert "Beschlussfähigkeit offen: 0 von 3 Stimmberechtigten zugesagt, nötig 2" in text
    assert "Rabenhaus e. V.</th>" in text and "verhindert" in text and "per Kalender" in text
    assert "KungerKiez e. V.</th>" in text and "keine Rückmeldung" in text

    partner = signed_in(gremium_client(client), World.EMAILS["partner2"])
    assert "Rückmeldungen zur Einladung" not in page(partner.get("/meetings/1"))


def gremium_client(client):
    return client.application.test_client()


def test_the_secretariat_revokes_a_persons_links_on_the_web(
    client, signed_in, gremium, world, web_settings
):
    from tests.web.links_support import page
    from tests.web.support import post_form

    invite(gremium, world)
    links = links_in(deliver(gremium, web_settings)[World.EMAILS["partner1"]][0])
    secretary = signed_in(client, World.EMAILS["secretary"])
    listing = page(secretary.get(f"/committees/{world.committee_id}/links"))
    assert (
        "Vorstand Rabenhaus &lt;vorstand@rabenhaus.example.org&gt;"
        in html.escape(listing, quote=False)
        or "Vorstand Rabenhaus <vorstand@rabenhaus.example.org>" in listing
    )
    assert "rsvp.attends" in listing

    wrong = post_form(
        secretary, f"/committees/{world.committee_id}/links/revoke", {"person": "x@example.org"}
    )
    assert wrong.status_code in (404, 422)
    assert "x@example.org" in page(wrong)

    done = post_form(
        secretary,
        f"/committees/{world.committee_id}/links/revoke",
        {"person": World.EMAILS["partner1"]},
    )
    assert done.status_code == 303
    after = page(secretary.get(done.headers["Location"]))
    assert "Gesperrt: 4 Links" in after  # the three answers and the conflict of interest
    visitor = gremium_client(client)
    assert "von der Geschäftsstelle gesperrt" in page(visitor.get(links["attends"]))

    partner = signed_in(gremium_client(client), World.EMAILS["partner2"])
    assert partner.get(f"/committees/{world.committee_id}/links").status_code == 403


def test_in_session_the_attendance_sheet_starts_from_the_answers(
    client, signed_in, gremium, world, clock
):
    import re

    from governance.models import Attendance
    from tests.web.links_support import page
    from tests.web.support import post_form

    invite(gremium, world)
    answer(gremium, world, 0, "attends")
    answer(gremium, world, 1, "excused")
    clock.advance_to(dt.datetime(2026, 3, 11, 9, 30, tzinfo=BERLIN))
    secretary = signed_in(client, World.EMAILS["secretary"])
    text = page(secretary.get("/meetings/1/session"))
    checked = dict(re.findall(r'name="status:([^"]+)" value="([a-z]+)" checked', text))
    assert checked == {"Rabenhaus": "present", "KungerKiez": "excused"}
    assert "Rabenhaus e. V. (Rabenhaus) – vorausgefüllt aus der Rückmeldung „nimmt teil“" in text
    assert 'value="vorstand@rabenhaus.example.org" selected' in text

    # Still editable: the secretariat saves the sheet as shown, but KungerKiez came after all.
    form = {
        "organisation": ["BA TK", "Rabenhaus", "KungerKiez"],
        "status:BA TK": "present",
        "status:Rabenhaus": checked["Rabenhaus"],
        "person:Rabenhaus": "vorstand@rabenhaus.example.org",
        "status:KungerKiez": "present",
        **{f"shown:{o}": "" for o in ("BA TK", "Rabenhaus", "KungerKiez")},
    }
    saved = post_form(secretary, "/meetings/1/session/attendance", form)
    assert saved.status_code == 303, page(saved)
    with gremium.db.session() as session:
        rows = session.scalars(select(Attendance)).all()
        by_org = {a.organisation.short_name: a.status for a in rows if a.organisation}
    assert by_org == {"BA TK": "present", "Rabenhaus": "present", "KungerKiez": "present"}
