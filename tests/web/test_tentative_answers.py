"""A "maybe" (TENTATIVE, vielleicht) is its own answer to the invitation: shown as such
in ``meeting show`` and on the meeting page, NOT counted as coming in the quorum
forecast (but as possibly coming in the best case), named in the chair's warning,
asked again by the reminder, and left open on the attendance sheet."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from governance.clock import BERLIN
from governance.services import rsvp, timers
from governance.unit_of_work import Actor
from tests.cli_in_process import ok
from tests.web.links_support import deliver, invite, page, smtp_settings
from tests.web.support import World

FORECAST_AT = dt.datetime(2026, 3, 6, 10, 0, tzinfo=BERLIN)  # 5 days before 11 March, 10:00


@pytest.fixture
def web_settings(tmp_path):
    return smtp_settings(tmp_path)


def answer(gremium, world: World, partner: int, what: str, via: str = "calendar") -> None:
    email = World.EMAILS["partner1" if partner == 0 else "partner2"]
    with gremium.unit_of_work(Actor(label=email, person_id=world.partners[partner])) as work:
        rsvp.answer_invitation(work, 1, what, via=via)


def test_a_tentative_answer_is_shown_and_not_counted_as_coming(gremium, world, tmp_path):
    invite(gremium, world)
    answer(gremium, world, 0, "attends")
    answer(gremium, world, 1, "tentative")
    url = f"sqlite:///{tmp_path / 'gremium.db'}"
    data = json.loads(ok("--db", url, "meeting", "show", "1", "--json"))["expected_attendance"]
    assert data["counts"] == {"attends": 1, "excused": 0, "deputy": 0, "tentative": 1, "none": 1}
    by_org = {row["organisation"]: row["answer"] for row in data["organisations"]}
    assert by_org == {"Rabenhaus": "attends", "KungerKiez": "tentative", "BA TK": "none"}
    # 1 of 3 assured, 2 needed: open, since the tentative and the silent may still come.
    assert (data["quorum"]["expected"], data["quorum"]["needed"]) == (1, 2)
    assert data["quorum"]["quorate"] is False and data["quorum"]["reachable"] is True

    german = ok("--db", url, "meeting", "show", "1")
    assert "KungerKiez: vielleicht / unsicher" in german
    assert "Beschlussfähigkeit offen: 1 von 3 Stimmberechtigten zugesagt" in german
    assert "1 mit „vielleicht“ geantwortet: nicht als Zusage gezählt." in german
    english = ok("--db", url, "--lang", "en", "meeting", "show", "1")
    assert "KungerKiez: tentative" in english
    assert "1 answered “tentative”: not counted as coming." in english


def test_the_meeting_page_shows_a_tentative_answer_to_the_chair(client, signed_in, gremium, world):
    invite(gremium, world)
    answer(gremium, world, 1, "tentative")
    signed_in(client, world.chair)
    shown = page(client.get("/meetings/1"))
    assert "vielleicht / unsicher" in shown
    assert "1 mit „vielleicht“ geantwortet: nicht als Zusage gezählt." in shown


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_chair_is_warned_naming_who_is_unsure_and_they_are_asked_to_decide(
    client, gremium, world, web_settings, lang
):
    from sqlalchemy import update

    from governance.models import Person

    with gremium.db.session() as session, session.begin():
        session.execute(update(Person).where(Person.id == world.chair).values(language=lang))
        session.execute(update(Person).where(Person.id == world.partners[1]).values(language=lang))
    invite(gremium, world)
    deliver(gremium, web_settings)
    answer(gremium, world, 0, "attends")
    answer(gremium, world, 1, "tentative")
    timers.fire_due(gremium, FORECAST_AT)
    mails = deliver(gremium, web_settings)
    # Counted as "attends", the old way, 2 of 3 would have come: no warning at all.
    warning = mails[World.EMAILS["chair"]][0]
    unsure = mails[World.EMAILS["partner2"]][0]
    if lang == "de":
        assert "Zugesagt haben 1 von 3 stimmberechtigten Mitgliedern" in warning
        assert "Mit „vielleicht“ geantwortet haben (nicht als Zusage gezählt" in warning
        assert "- KungerKiez e. V.: Vorstand KungerKiez" in warning
        assert "Noch nicht geantwortet haben" in warning
        assert "- Bezirksamt Treptow-Köpenick, OE SPK: Clara Vorsitz" in warning
        assert "mit „vielleicht“ geantwortet; das zählt noch nicht als Zusage" in unsure
    else:
        assert "1 of 3 voting members said they will come" in warning
        assert "Answered “tentative” (not counted as coming; they are asked today" in warning
        assert "- KungerKiez e. V.: Vorstand KungerKiez" in warning
        assert "with “tentative”; that does not count as coming yet" in unsure
    assert World.EMAILS["partner1"] not in mails  # Rabenhaus said it comes: not asked
    # The reminder's links decide it: the tentative answer becomes "excused".
    from tests.web.support import post_form

    label = "Ich bin verhindert" if lang == "de" else "I cannot attend"
    excused = re.search(re.escape(label) + r": http://gremium\.test(/l/\S+)", unsure)
    assert excused is not None
    done = post_form(client, excused.group(1), {})
    assert done.status_code == 200
    with gremium.db.session() as session:
        from governance.models import Meeting

        meeting = session.get(Meeting, 1)
        assert meeting is not None
        expected = rsvp.describe_expected(session, meeting)
        assert expected is not None and expected["counts"]["tentative"] == 0


def test_the_attendance_sheet_leaves_a_tentative_organisation_open(
    client, signed_in, gremium, world
):
    invite(gremium, world)
    answer(gremium, world, 0, "attends")
    answer(gremium, world, 1, "tentative")
    gremium.clock.advance_to(dt.datetime(2026, 3, 11, 9, 30, tzinfo=BERLIN))
    signed_in(client, world.secretary)
    shown = page(client.get("/meetings/1/session"))
    assert "vorausgefüllt aus der Rückmeldung „nimmt teil“" in shown
    assert "Rückmeldung „vielleicht / unsicher“: bitte vor Ort eintragen" in shown
