"""Issue 13, in Chromium against ``gremium web``: a committee set up from nothing (not
the example) gets its agreement in the browser. The chair, signed in with the link
from the mail, creates it with the text typed in and opens it for signature; the
secretariat records the signing ceremony, after which the agreement is in force.
The agreement page with each of these forms, and the accessions page with the form
for the committee's decision, pass axe-core (WCAG 2.1 A and AA).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import EXAMPLE_START, screenshot, sign_in
from tests.browser.crawl import crawl, violation_lines
from tests.browser.site import Site, new_site

ADMIN = "admin@bezirk.example.org"
CHAIR = "leitung@bezirk.example.org"
SECRETARY = "geschaeftsstelle@bezirk.example.org"
PARTNER = "vorstand@nachbarn.example.org"
TEXT = "§ 1 Zweck\n\nDie Partner arbeiten im Kiez zusammen.\n\n§ 2 Dauer\n\nUnbefristet."


@pytest.fixture
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """An installation with one committee, its chair, secretariat and one partner, made
    through the command line as an administrator does (no example, no agreement)."""
    built = new_site(tmp_path_factory.mktemp("empty"), simulated_start=EXAMPLE_START)
    g = built.gremium
    g("init", "--admin-email", ADMIN, "--admin-name", "Ada Admin")
    g(
        "committee",
        "add",
        "Kiezgremium Nord",
        "--short",
        "KN",
        "--sender",
        "kn@bezirk.example.org",
        actor=ADMIN,
    )
    g(
        "org",
        "add",
        "Bezirksamt, Sozialraumplanung",
        "--short",
        "BA",
        "--kind",
        "public_body",
        actor=ADMIN,
    )
    g("org", "add", "Nachbarn e. V.", "--short", "Nachbarn", "--kind", "association", actor=ADMIN)
    g("person", "add", "Lea Leitung", "--email", CHAIR, "--org", "BA", actor=ADMIN)
    g("person", "add", "Gustav Geschäftsstelle", "--email", SECRETARY, "--org", "BA", actor=ADMIN)
    g("person", "add", "Vera Vorstand", "--email", PARTNER, "--org", "Nachbarn", actor=ADMIN)
    g(
        "member",
        "add",
        "--committee",
        "KN",
        "--org",
        "BA",
        "--role",
        "chair",
        "--representative",
        CHAIR,
        actor=ADMIN,
    )
    g(
        "member",
        "add",
        "--committee",
        "KN",
        "--org",
        "Nachbarn",
        "--representative",
        PARTNER,
        actor=CHAIR,
    )
    g("secretariat", "add", SECRETARY, "--committee", "KN", actor=CHAIR)
    # an application on the agenda: the accessions page then has the decision's form
    g(
        "accession",
        "apply",
        "--committee",
        "KN",
        "--org-name",
        "Kiezladen e. V.",
        "--short-name",
        "Kiezladen",
        "--kind",
        "association",
        "--applicant-name",
        "Kim Kiez",
        "--applicant-email",
        "kim@kiezladen.example.org",
    )
    g("accession", "review", "1", actor=CHAIR)
    g("accession", "schedule", "1", actor=CHAIR)
    built.serve()
    yield built
    built.stop()


def query(site: Site, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(site.folder / "gremium.db") as conn:
        return list(conn.execute(sql).fetchall())


def submit(form: Any) -> None:
    with form.page.expect_navigation():
        form.locator("button[type=submit]").first.click()


def axe_of(page: Any, site: Site, path: str) -> list[str]:
    """The axe-core violations of the page at *path* (and a check it answered 200)."""
    (visit,) = crawl(page, site.base_url, start=(path,), limit=1)
    assert visit.status == 200, f"{path} answered {visit.status}"
    assert not visit.csp_reports(), visit.csp_reports()
    return violation_lines([visit])


def test_the_chair_creates_and_opens_the_agreement_and_the_secretariat_records_the_ceremony(
    site: Site, chromium: Any
) -> None:
    (cid,) = query(site, "SELECT id FROM committees WHERE short_name = 'KN'")[0]
    path = f"/committees/{cid}/agreement"

    chair = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    chair.set_default_timeout(15_000)
    try:
        page = chair.new_page()
        sign_in(page, site, CHAIR)
        page.goto(site.url(f"/committees/{cid}"))
        with page.expect_navigation():
            page.get_by_role("link", name="Kooperationsvereinbarung").first.click()
        assert page.url.endswith(path), page.url
        assert (
            "Das Gremium hat noch keine Kooperationsvereinbarung."
            in page.locator("main").inner_text()
        )
        assert axe_of(page, site, path) == []

        form = page.locator("form[action$='/agreement']")
        form.get_by_label("Titel").fill("Kooperationsvereinbarung Kiez Nord")
        form.get_by_label("Text der Vereinbarung").fill(TEXT)
        submit(form)
        main = page.locator("main").inner_text()
        assert "Die Vereinbarung ist angelegt: Fassung 1/1 als Entwurf" in main
        assert "Kooperationsvereinbarung Kiez Nord" in main

        opening = page.locator("form[action$='/open']")
        submit(opening)
        main = page.locator("main").inner_text()
        assert "ist zur Unterzeichnung offen; 2 Vertragsparteien" in main, main
        digest = query(site, "SELECT text_sha256 FROM agreement_versions")[0][0]
        assert digest and digest in main
        assert page.locator("a[href$='/document.pdf'][download]").count() == 1
        screenshot(page, "agreement-opened")
        accessions = f"/committees/{cid}/accessions"
        assert axe_of(page, site, accessions) == []
        assert page.locator("form[action$='/1/decide']").count() == 1
    finally:
        chair.close()

    secretariat = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    secretariat.set_default_timeout(15_000)
    try:
        page = secretariat.new_page()
        sign_in(page, site, SECRETARY)
        page.goto(site.url(path))
        assert axe_of(page, site, path) == []
        ceremony = page.locator("form[action$='/ceremony']")
        assert ceremony.count() == 1
        ceremony.get_by_label("Ort").fill("Rathaus Pankow")
        ceremony.get_by_label("Unterzeichnet für Bezirksamt, Sozialraumplanung (BA)").fill(CHAIR)
        ceremony.get_by_label("Unterzeichnet für Nachbarn e. V. (Nachbarn)").fill(PARTNER)
        submit(ceremony)
        main = page.locator("main").inner_text()
        assert "Unterzeichnung erfasst: 2 Unterschriften zu Fassung 1/1; Stand: in Kraft." in main
        assert "Rathaus Pankow" in main and "Unterschrift ausstehend" not in main
        screenshot(page, "agreement-in-force")
    finally:
        secretariat.close()

    assert query(site, "SELECT state FROM agreement_versions") == [("in_force",)]
    recorded_by = query(
        site,
        "SELECT DISTINCT p.email FROM signatures s JOIN people p ON p.id = s.recorded_by_id",
    )
    assert recorded_by == [(SECRETARY,)]
