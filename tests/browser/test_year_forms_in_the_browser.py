"""Issue 13, in Chromium against ``gremium web`` on the example committee: the chair sets
up the meeting series, changes it and ends it on the meetings page, and attaches a file
to an agenda item on the meeting page. Each page, with the forms open, passes axe-core
(WCAG 2.1 A and AA)."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from tests.browser.conftest import CHAIR, screenshot, sign_in
from tests.browser.crawl import WCAG_TAGS, Visit, violation_lines
from tests.browser.site import Site

FILE = b"%PDF-1.4 Haushaltsentwurf 2027\n"


def query(site: Site, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(site.folder / "gremium.db") as conn:
        return list(conn.execute(sql).fetchall())


def submit(form: Any) -> str:
    with form.page.expect_navigation():
        form.locator("button[type=submit]").first.click()
    return str(form.page.locator("main").inner_text())


def axe_here(page: Any, path: str) -> list[str]:
    """The axe-core violations of the page as it is now (open <details> included)."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    visit = Visit(path, 200, violations=list(result.response.get("violations", [])))
    return violation_lines([visit])


def test_the_chair_runs_the_series_and_attaches_a_file_in_the_browser(
    make_site: Any, chromium: Any
) -> None:
    site = make_site()
    (cid,) = query(site, "SELECT id FROM committees WHERE short_name = 'KG'")[0]
    context = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        sign_in(page, site, CHAIR)
        path = f"/committees/{cid}/meetings"
        page.goto(site.url(path))
        adding = page.locator("form[action$='/series']")
        adding.locator("[name=series_title]").fill("Sitzung des Kooperationsgremiums")
        adding.get_by_label("Wiederholungsregel").fill("FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE")
        adding.get_by_label("Erster Termin").fill("2026-03-11T10:00")
        adding.locator("[name=series_location]").fill("Rathaus Köpenick, Ratssaal")
        assert "Die Sitzungsreihe ist angelegt" in submit(adding)
        (sid,) = query(site, "SELECT id FROM meeting_series")[0]

        page.locator(f"#series-{sid} summary").click()
        assert axe_here(page, path) == []
        changing = page.locator(f"form[action$='/series/{sid}']")
        changing.locator(f"[name=series_{sid}_location]").fill("Rathaus Treptow, Raum 1")
        assert "Die Reihe ist geändert" in submit(changing)
        places = query(site, f"SELECT DISTINCT location FROM meetings WHERE series_id = {sid}")
        assert places == [("Rathaus Treptow, Raum 1",)]

        with page.expect_navigation():
            page.locator("#upcoming a").first.click()
        meeting_path = page.url.removeprefix(site.base_url)
        attaching = page.locator("form[action$='/attach']")
        attaching.locator("input[type=file]").set_input_files(
            files=[{"name": "haushalt.pdf", "mimeType": "application/pdf", "buffer": FILE}]
        )
        attaching.get_by_label("Bezeichnung").fill("Haushaltsentwurf")
        main = submit(attaching)
        assert "Die Anlage ist gespeichert" in main
        assert "haushalt.pdf" in main and hashlib.sha256(FILE).hexdigest() in main
        assert axe_here(page, meeting_path) == []
        screenshot(page, "meeting-with-attachment")

        page.goto(site.url(path))
        page.locator(f"#series-{sid} summary").click()
        assert "Die Reihe ist beendet" in submit(page.locator(f"form[action$='/series/{sid}/end']"))
    finally:
        context.close()
    assert query(site, "SELECT state FROM meeting_series") == [("ended",)]
