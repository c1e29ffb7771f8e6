"""A signed-in partner answers the invitation on the meeting page in Chromium (issue
14.3): the form is accessible (axe-core, WCAG 2.1 A and AA, as the crawl checks), a
refusal is shown next to the form and changes nothing, and the answer then shows
in ``meeting show`` as given "on the web"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.browser.conftest import CHAIR, PARTNER, screenshot, sign_in
from tests.browser.site import Site
from tests.browser.test_action_links import _invited, _violations


def test_a_partner_answers_on_the_meeting_page(make_site: Callable[..., Site], page: Any) -> None:
    site = make_site(_invited)
    sign_in(page, site, PARTNER)
    page.goto(site.url("/meetings/1"))
    section = page.locator("section:has(#answer-heading)")
    assert "Für Rabenhaus" in section.inner_text()
    assert "noch keine Rückmeldung" in section.inner_text()
    assert _violations(page) == []

    # "deputy" without naming one: refused next to the form, nothing recorded.
    page.get_by_label("Ihre Antwort").select_option("deputy")
    page.get_by_role("button", name="Rückmeldung senden").click()
    assert "Bitte angeben, wer Rabenhaus" in page.locator("#answer-form").inner_text()
    assert _violations(page) == []
    assert "Rabenhaus: keine Rückmeldung" in site.gremium("meeting", "show", "1", actor=CHAIR)

    page.get_by_label("Ihre Antwort").select_option("excused")
    page.get_by_label("Bemerkung (freiwillig)").fill("Wir sind auf Klausur.")
    page.get_by_role("button", name="Rückmeldung senden").click()
    main = page.locator("main").inner_text()
    assert "Ihre Rückmeldung ist vermerkt." in main
    assert "Bisherige Rückmeldung für Rabenhaus" in main and "verhindert" in main
    assert _violations(page) == []
    screenshot(page, "meeting-answer")
    shown = site.gremium("meeting", "show", "1", actor=CHAIR)
    assert "Rabenhaus: verhindert" in shown and "Wir sind auf Klausur." in shown
