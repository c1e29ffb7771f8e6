"""Privacy by default in Chromium (issue 15.6): the chair marks an agenda item
nichtöffentlich on the meeting's page with the keyboard alone, and a person gives their
consent to their address being published on their own page (/me); both pages pass
axe-core (WCAG 2.1 A and AA) before and after, speak German and load nothing their CSP
forbids."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.browser.conftest import CHAIR, screenshot, sign_in
from tests.browser.crawl import crawl
from tests.browser.keyboard import labelled, tab_to
from tests.browser.site import Site

SECRET = "Personalangelegenheit Leitungsstelle"


def _meeting(site: Site) -> None:
    site.gremium(
        "meeting", "plan", "--title", "Sitzung im März", "--start", "2026-03-11 10:00",
        "--location", "Rathaus Köpenick", actor=CHAIR,
    )  # fmt: skip
    site.gremium("agenda", "propose", "1", "--title", "Zuwendung Kiezfest", "--kind", "decision",
                 actor=CHAIR)  # fmt: skip
    site.gremium("agenda", "propose", "1", "--title", SECRET, actor=CHAIR)


def _accessible(page: Any, site: Site, path: str) -> None:
    (visit,) = crawl(page, site.base_url, limit=1, start=(path,))
    assert visit.status == 200, visit
    assert visit.lang == "de", visit
    assert not visit.csp_reports() and not visit.console and not visit.missing, visit
    assert not visit.violations, [v["id"] for v in visit.violations]


def _press(page: Any, *words: str) -> None:
    """Tab to the button whose text has all *words* and press Enter."""
    focus = tab_to(
        page,
        lambda f: f.get("tag") == "BUTTON" and all(w in str(f.get("text")) for w in words),
        f"the button „{' '.join(words)}“",
    )
    assert labelled(focus)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_chair_marks_an_item_nichtoeffentlich_with_the_keyboard(
    make_site: Callable[..., Site], page: Any
) -> None:
    site = make_site(_meeting)
    sign_in(page, site, CHAIR)
    _accessible(page, site, "/meetings/1")
    page.goto(site.url("/meetings/1"))
    _press(page, "Nichtöffentlich machen", SECRET)
    main = page.locator("main").inner_text()
    assert "Der TOP ist jetzt nichtöffentlich." in main
    row = page.locator("#agenda tr", has_text=SECRET).inner_text()
    assert "nichtöffentlich" in row and "Öffentlich machen" in row
    screenshot(page, "meeting-item-confidential")
    _accessible(page, site, "/meetings/1")
    shown = json.loads(site.gremium("meeting", "show", "1", "--json"))
    flags = {i["title"]: i["confidential"] for i in shown["agenda"]}
    assert flags[SECRET] is True and flags["Zuwendung Kiezfest"] is False


def test_a_person_gives_consent_on_their_own_page_with_the_keyboard(
    make_site: Callable[..., Site], page: Any
) -> None:
    site = make_site(_meeting)
    sign_in(page, site, CHAIR)
    _accessible(page, site, "/me")
    page.goto(site.url("/me"))
    assert "Sie haben nicht eingewilligt" in page.locator("main").inner_text()
    _press(page, "Veröffentlichung erlauben")
    assert "Einwilligung erfasst" in page.locator("main").inner_text()
    screenshot(page, "own-data-consent")
    _accessible(page, site, "/me")
    assert json.loads(site.gremium("person", "show", CHAIR, "--json"))["email_public"] is True
    _press(page, "Einwilligung widerrufen")
    assert "Sie haben nicht eingewilligt" in page.locator("main").inner_text()
    assert json.loads(site.gremium("person", "show", CHAIR, "--json"))["email_public"] is False
