"""A partner signs the agreement electronically from the signature request, in Chromium:
the mail's link opens a page with the frozen text and its SHA-256 (opening it signs
nothing), typing the name and confirming signs; both pages pass axe-core (WCAG 2.1
A and AA), speak German and load nothing their Content-Security-Policy forbids."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from tests.browser.conftest import CHAIR, PARTNER, screenshot
from tests.browser.crawl import crawl
from tests.browser.site import Site, _text_of


def _electronic_signature_allowed(site: Site) -> None:
    site.gremium("committee", "rules", "--set", "electronic_signature=true", actor=CHAIR)
    site.gremium("agreement", "open", "1", actor=CHAIR)


def _checked(page: Any, site: Site, path: str) -> None:
    (visit,) = crawl(page, site.base_url, limit=1, start=(path,))
    assert visit.status == 200, visit
    assert visit.lang == "de", visit
    assert visit.csp and "script-src" in visit.csp, visit
    assert not visit.csp_reports() and not visit.console and not visit.missing, visit
    assert not visit.violations, [v["id"] for v in visit.violations]


def test_a_partner_signs_electronically_from_the_mail_in_the_browser(
    make_site: Callable[..., Site], page: Any
) -> None:
    site = make_site(_electronic_signature_allowed)
    site.gremium("outbox", "send")
    (request,) = [m for m in site.mails_to(PARTNER) if "unterzeichnen" in str(m["Subject"])]
    text = _text_of(request)
    found = re.search(r"Elektronisch unterschreiben \(mit Ihrem Namen\): (\S+)", text)
    assert found, text
    # The link names the configured site; the test server listens elsewhere: same path.
    path = urlsplit(found.group(1)).path
    assert path.startswith("/l/")

    _checked(page, site, path)
    assert "elektronisch" not in site.gremium("agreement", "show", "1").split("SHA-256")[1]
    body = page.locator("main").inner_text()
    assert "Das Gremium" in body or "§" in body, "the frozen text is on the page"
    sha = re.search(r"SHA-256\) ist ([0-9a-f]{64})", body)
    assert sha and sha.group(1) in text
    screenshot(page, "link-signature")

    page.get_by_label("Ihr Name, wie ihn das Gremium führt").fill("Geschäftsführung Rabenhaus")
    page.get_by_role("button", name="Elektronisch unterschreiben").click()
    page.wait_for_load_state("load")
    done = page.locator("main").inner_text()
    assert "Rabenhaus hat die Fassung 1/1 elektronisch unterschrieben" in done, done
    screenshot(page, "link-signature-done")
    shown = site.gremium("agreement", "show", "1")
    assert re.search(r"Rabenhaus\s+ja\s+gf@rabenhaus.example.org", shown), shown
