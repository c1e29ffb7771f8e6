"""The written procedure in the browser: the chair's pages (start, state, paper vote,
withdraw) and the members' personal links from the motion mail (real SMTP on
loopback → link → confirmation page → POST)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from governance.models import WrittenProcedure
from governance.services import written_procedure as wp
from governance.unit_of_work import Actor
from tests.web.links_support import LINK, deliver, page, smtp_settings
from tests.web.support import World, post_form


@pytest.fixture
def web_settings(tmp_path):
    return smtp_settings(tmp_path)


def procedures(world: World) -> str:
    return f"/committees/{world.committee_id}/procedures"


def start_one(gremium, world: World) -> int:
    chair = Actor(label=World.EMAILS["chair"], person_id=world.chair)
    with gremium.unit_of_work(chair) as work:
        return wp.start(work, _committee(work, world), title="Sommerfest", text="Wir feiern.").id


def _committee(work, world: World):
    from governance.models import Committee

    return work.session.get(Committee, world.committee_id)


def test_the_chair_puts_a_motion_from_the_page_and_sees_its_state(
    client, signed_in, world, gremium
):
    signed_in(client, world.chair)
    shown = client.get(procedures(world))
    assert shown.status_code == 200
    assert "Antrag vorlegen" in page(shown) and "Noch kein Umlaufverfahren." in page(shown)
    done = post_form(
        client,
        procedures(world),
        {
            "title": "Sommerfest 2026",
            "text": "Das Gremium richtet das Sommerfest aus.\n\nBudget 500 €.",
            "kind": "decision",
            "majority": "simple",
            "days": "7",
        },
        follow_redirects=True,
    )
    text = page(done)
    assert (
        "Umlaufverfahren Nr. 1 eingeleitet; der Antrag geht an 3 stimmberechtigte Mitglieder."
        in text
    )
    assert "Umlaufverfahren Nr. 1: Sommerfest 2026" in text
    assert "0 von 3 abgestimmt (nötig für einen Beschluss: 2)" in text
    assert "Budget 500 €." in text
    listing = page(client.get(procedures(world)))
    assert "Sommerfest 2026" in listing and "offen" in listing


def test_bad_input_is_refused_next_to_the_form_keeping_what_was_typed(
    client, signed_in, world, gremium
):
    signed_in(client, world.chair)
    refused = post_form(
        client, procedures(world), {"title": "Fest", "text": "Wir feiern.", "days": "90"}
    )
    assert refused.status_code == 422
    text = page(refused)
    assert "Die Frist „90“ geht nicht: erlaubt ist eine ganze Zahl von Tagen von 1 bis 60." in text
    assert 'value="Fest"' in text and "Wir feiern." in text
    with gremium.db.session() as s:
        assert s.execute(select(WrittenProcedure)).first() is None


def test_a_partner_cannot_start_one(client, signed_in, world, gremium):
    signed_in(client, world.partners[0])
    assert "Antrag vorlegen" not in page(client.get(procedures(world)))
    refused = post_form(client, procedures(world), {"title": "Fest", "text": "Wir feiern."})
    assert refused.status_code == 422
    assert "Vorsitz" in page(refused)


def test_the_secretariat_records_a_paper_vote_and_a_second_one_is_refused(
    client, signed_in, world, gremium
):
    number = start_one(gremium, world)
    signed_in(client, world.secretary)
    url = f"{procedures(world)}/{number}"
    assert "Stimme auf Papier erfassen" in page(client.get(url))
    done = post_form(
        client, f"{url}/paper", {"organisation": "Rabenhaus", "choice": "no"}, follow_redirects=True
    )
    text = page(done)
    assert "Papierstimme von Rabenhaus im Umlaufverfahren Nr. 1 erfasst: Nein" in text
    assert "auf Papier, nachträglich erfasst" in text
    again = post_form(client, f"{url}/paper", {"organisation": "Rabenhaus", "choice": "yes"})
    assert again.status_code == 409
    assert "Rabenhaus hat in diesem Umlaufverfahren schon abgestimmt (Nein" in page(again)


def test_the_chair_withdraws_it(client, signed_in, world, gremium):
    number = start_one(gremium, world)
    signed_in(client, world.chair)
    url = f"{procedures(world)}/{number}"
    done = post_form(
        client, f"{url}/withdraw", {"reason": "Doppelt eingereicht"}, follow_redirects=True
    )
    text = page(done)
    assert "zurückgezogen" in text and "Doppelt eingereicht" in text
    assert "Antrag zurückziehen" not in text


def test_a_partner_votes_from_the_motion_mail_once(client, world, gremium, web_settings):
    number = start_one(gremium, world)
    mails = deliver(gremium, web_settings)
    motion = mails[World.EMAILS["partner1"]][0]
    assert "Wir feiern." in motion
    links = {}
    for label, key in (("Ja", "yes"), ("Nein", "no"), ("Enthaltung", "abstain")):
        found = re.search(rf"^{label}: (\S+)", motion, re.M)
        assert found, motion
        path = LINK.fullmatch(found.group(1))
        assert path, found.group(1)
        links[key] = path.group(1)
    shown = page(client.get(links["yes"]))
    assert "Umlaufverfahren Nr. 1: Sommerfest" in shown
    assert "Vorstand Rabenhaus, Sie stimmen für Rabenhaus e. V. mit Ja." in shown
    with gremium.db.session() as s:
        assert wp.describe(wp.procedure_by_ref(s, number))["voted"] == 0  # GET changes nothing
    done = post_form(client, links["yes"], {})
    assert done.status_code == 200, page(done)
    assert "Die Stimme von Rabenhaus im Umlaufverfahren Nr. 1 ist gezählt: Ja." in page(done)
    refused = post_form(client, links["no"], {})
    assert "Rabenhaus hat in diesem Umlaufverfahren schon abgestimmt (Ja" in page(refused)
    with gremium.db.session() as s:
        data = wp.describe(wp.procedure_by_ref(s, number))
    ballot = next(b for b in data["ballots"] if b["organisation"] == "Rabenhaus")
    assert (ballot["choice"], ballot["via"]) == ("yes", "link")
