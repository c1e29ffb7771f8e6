"""The meeting-practice page (issue 16) in Chromium: a hybrid meeting with its video link,
a vote transfer and a conflict of interest, as the chair sees it; the page passes
axe-core (WCAG 2.1 A and AA), speaks German and loads nothing its CSP forbids."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.browser.conftest import CHAIR, SECRETARIAT, screenshot, sign_in
from tests.browser.crawl import crawl
from tests.browser.site import Site

VIDEO = "https://video.ba-tk.example.org/kg-1"


def _practice(site: Site) -> None:
    site.gremium(
        "meeting", "plan", "--title", "Sitzung im März", "--start", "2026-03-11 10:00",
        "--location", "Rathaus Köpenick", actor=CHAIR,
    )  # fmt: skip
    site.gremium(
        "agenda", "propose", "1", "--title", "Zuwendung Kiezfest", "--kind", "decision",
        actor=CHAIR,
    )  # fmt: skip
    site.gremium("committee", "rules", "--set", "vote_transfer=true", actor=CHAIR)
    site.gremium("meeting", "format", "1", "--format", "hybrid", "--video-url", VIDEO, actor=CHAIR)
    site.gremium("meeting", "transfer-vote", "1", "VskA", "ajb", actor=SECRETARIAT)
    shown = json.loads(site.gremium("meeting", "show", "1", "--json"))
    top = next(str(i["top"]) for i in shown["agenda"] if i["title"] == "Zuwendung Kiezfest")
    site.gremium(
        "meeting", "conflict", "1", top, "Rabenhaus",
        "--reason", "Empfänger der Zuwendung", actor=SECRETARIAT,
    )  # fmt: skip


def test_the_chair_sees_format_transfers_and_conflicts_on_an_accessible_page(
    make_site: Callable[..., Site], page: Any
) -> None:
    site = make_site(_practice)
    sign_in(page, site, CHAIR)
    (visit,) = crawl(page, site.base_url, limit=1, start=("/meetings/1/practice",))
    assert visit.status == 200, visit
    assert visit.lang == "de", visit
    assert not visit.csp_reports() and not visit.console and not visit.missing, visit
    assert not visit.violations, [v["id"] for v in visit.violations]
    body = page.locator("main").inner_text()
    assert "hybride Sitzung" in body and VIDEO in body
    assert "VskA hat ihre Stimme an ajb übertragen." in body
    assert "Rabenhaus befangen (Empfänger der Zuwendung)" in body
    screenshot(page, "meeting-practice")


def test_a_declaration_is_withdrawn_by_its_button_and_listed_as_withdrawn(
    make_site: Callable[..., Site], page: Any
) -> None:
    site = make_site(_practice)
    sign_in(page, site, CHAIR)
    page.goto(f"{site.base_url}/meetings/1/practice")
    page.get_by_role("button", name="Zurückziehen – Befangenheit von Rabenhaus bei TOP").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "Zurückgezogen: die Befangenheit von Rabenhaus" in body
    assert "Rabenhaus befangen (Empfänger der Zuwendung)" not in body
    assert "Rabenhaus (Empfänger der Zuwendung) — zurückgezogen am" in body
    page.get_by_role("button", name="Zurückziehen – Übertragung der Stimme von VskA").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "Zurückgezogen: die Übertragung der Stimme von VskA an ajb" in body
    assert "VskA → ajb — zurückgezogen am" in body
    # The page with its withdrawn declarations passes axe as well.
    (visit,) = crawl(page, site.base_url, limit=1, start=("/meetings/1/practice",))
    assert visit.status == 200 and not visit.csp_reports() and not visit.console, visit
    assert not visit.violations, [v["id"] for v in visit.violations]
    shown = json.loads(site.gremium("meeting", "show", "1", "--json"))
    assert shown["vote_transfers"] == []
    assert all(not i.get("conflicts") for i in shown["agenda"])
