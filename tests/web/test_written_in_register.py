"""The decisions register page lists a decision taken in writing with its number,
where a meeting's decision shows its agenda item (reads/decisions.py)."""

from __future__ import annotations

from governance.services import written_procedure as wp
from governance.unit_of_work import Actor
from tests.web.links_support import page
from tests.web.support import World


def test_the_register_page_shows_the_written_decision_under_its_number(
    client, signed_in, world, gremium
):
    from governance.models import Committee

    chair = Actor(label=World.EMAILS["chair"], person_id=world.chair)
    with gremium.unit_of_work(chair) as work:
        committee = work.session.get(Committee, world.committee_id)
        number = wp.start(work, committee, title="Sommerfest", text="Wir feiern.").id
    for email in (World.EMAILS["chair"], World.EMAILS["partner1"], World.EMAILS["partner2"]):
        with gremium.unit_of_work(email) as work:
            wp.vote(work, wp.procedure_by_ref(work.session, number), choice="yes")
    signed_in(client, world.chair)
    shown = client.get(f"/committees/{world.committee_id}/decisions")
    assert shown.status_code == 200
    text = page(shown)
    assert "TG-2026/01" in text and "Umlaufverfahren Nr. 1: Sommerfest" in text
    found = page(client.get(f"/committees/{world.committee_id}/decisions?q=feiern"))
    assert "Umlaufverfahren Nr. 1: Sommerfest" in found
    other = page(client.get(f"/committees/{world.committee_id}/decisions?year=2025"))
    assert "Sommerfest" not in other
