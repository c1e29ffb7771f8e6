"""A partner answers the invitation in Chromium with the link from the mail, not signed
in: the page is accessible (axe-core, WCAG 2.1 A and AA), opening it changes nothing,
the confirmation records the answer, and the link then says it was used."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.browser.conftest import CHAIR, PARTNER, screenshot, session_cookie
from tests.browser.crawl import WCAG_TAGS
from tests.browser.site import Site, _text_of


def _invited(site: Site) -> None:
    site.gremium(
        "meeting", "plan", "--committee", "KG", "--title", "Sitzung im März",
        "--start", "2026-03-18 10:00", "--location", "Rathaus Köpenick", actor=CHAIR,
    )  # fmt: skip
    site.gremium("meeting", "convene", "1", actor=CHAIR)


def _violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return [v["id"] for v in result.response.get("violations", [])]


def test_the_partner_names_a_deputy_through_the_link_in_the_invitation(
    make_site: Callable[..., Site], context: Any, page: Any
) -> None:
    site = make_site(_invited)
    site.gremium("outbox", "send")
    [invitation] = [m for m in site.mails_to(PARTNER) if str(m["Subject"]).startswith("Einladung")]
    found = re.search(r"Mich vertritt …: \S+(/l/[A-Za-z0-9_-]+)", _text_of(invitation))
    assert found, _text_of(invitation)
    link = site.url(found.group(1))

    page.goto(link)
    assert session_cookie(context) is None
    assert page.locator("html").get_attribute("lang") == "de"
    assert "Rückmeldung: Sitzung im März" in page.locator("h1").inner_text()
    assert _violations(page) == []
    screenshot(page, "action-link-deputy")
    assert "keine Rückmeldung" in site.gremium("meeting", "show", "1").split("Rabenhaus:")[1]

    page.get_by_label("Mich vertritt").select_option("nachbarschaft@rabenhaus.example.org")
    page.get_by_label("Bemerkung (freiwillig)").fill("Ich bin auf Dienstreise.")
    page.get_by_role("button", name="Vertretung bestätigen").click()
    assert "vertritt Sie bei „Sitzung im März“" in page.locator("main").inner_text()
    assert _violations(page) == []
    shown = site.gremium("meeting", "show", "1")
    assert "Rabenhaus: vertreten durch" in shown and "Ich bin auf Dienstreise." in shown

    page.goto(link)
    assert "Dieser Link wurde bereits benutzt" in page.locator("main").inner_text()
    assert _violations(page) == []


def _invited_with_a_decision(site: Site) -> None:
    site.gremium(
        "meeting", "plan", "--committee", "KG", "--title", "Sitzung im März",
        "--start", "2026-03-18 10:00", "--location", "Rathaus Köpenick", actor=CHAIR,
    )  # fmt: skip
    site.gremium(
        "agenda", "propose", "1", "--title", "Zuwendung Kiezfest", "--kind", "decision",
        actor=CHAIR,
    )  # fmt: skip
    site.gremium("meeting", "convene", "1", actor=CHAIR)


def test_a_conflict_declared_by_the_invitations_link_is_withdrawn_on_its_page(
    make_site: Callable[..., Site], page: Any
) -> None:
    site = make_site(_invited_with_a_decision)
    site.gremium("outbox", "send")
    [invitation] = [m for m in site.mails_to(PARTNER) if str(m["Subject"]).startswith("Einladung")]
    found = re.search(r"nicht ab\): \S+(/l/[A-Za-z0-9_-]+)", _text_of(invitation))
    assert found, _text_of(invitation)
    link = site.url(found.group(1))
    page.goto(link)
    page.get_by_label("Grund (steht im Protokoll)").fill("Versehen")
    page.get_by_role("button", name="Befangenheit erklären").click()
    assert "Erfasst: Rabenhaus ist bei „Zuwendung Kiezfest“" in page.locator("main").inner_text()

    page.goto(link)  # used, yet it offers to withdraw what it declared (and nothing else)
    body = page.locator("main").inner_text()
    assert "Befangenheit bei TOP" in body and "(Versehen)" in body
    assert page.get_by_role("button", name="Befangenheit erklären").count() == 0
    assert _violations(page) == []
    page.get_by_role("button", name=re.compile("^Zurückziehen")).click()
    assert "Zurückgezogen: die Befangenheit von Rabenhaus" in page.locator("main").inner_text()
    assert _violations(page) == []
    assert "befangen" not in site.gremium("meeting", "show", "1")
    page.goto(link)  # and it works again for the right declaration
    assert page.get_by_role("button", name="Befangenheit erklären").count() == 1
