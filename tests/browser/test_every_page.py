"""Every page the chair, the secretariat and a partner reach by following links, on the
demo year's site, checked in Chromium: accessible (axe-core, WCAG 2.1 A and AA, the
basis of BITV 2.0), in a declared language, under a Content-Security-Policy the
browser reports no violation of, and answering without an error.

Each person's pages are visited once (signed in with the link from the mail);
the tests below read what that visit found.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from governance.examples.gemeinschaftsinitiative import COORDINATOR_EMAIL
from tests.browser.conftest import CHAIR, PARTNER, SCREENSHOTS, SECRETARIAT, screenshot, sign_in
from tests.browser.crawl import Visit, crawl, violation_lines
from tests.browser.site import Site
from tests.conftest import RunCache

ROLES = {
    "chair": CHAIR,
    "secretariat": SECRETARIAT,
    "partner": PARTNER,
    # issue 15: the area's coordinator (a deputy in KG, the chair of KV) reads the area
    "coordinator": COORDINATOR_EMAIL,
}
ROLE_NAMES = list(ROLES)

# The main pages, photographed once per role the first time the crawl meets one.
MAIN_PAGES = {
    "overview": re.compile(r"^/$"),
    "committee": re.compile(r"^/committees/\d+$"),
    "rules": re.compile(r"^/committees/\d+/rules$"),
    "agreement": re.compile(r"^/committees/\d+/agreement$"),
    "accessions": re.compile(r"^/committees/\d+/accessions$"),
    "meetings": re.compile(r"^/committees/\d+/meetings$"),
    "meeting": re.compile(r"^/meetings/\d+$"),
    "session": re.compile(r"^/meetings/\d+/session$"),
    "minutes": re.compile(r"^/meetings/\d+/minutes$"),
    "decisions": re.compile(r"^/committees/\d+/decisions$"),
    "actions": re.compile(r"^/committees/\d+/actions$"),
    "documents": re.compile(r"^/committees/\d+/documents$"),
    "audit": re.compile(r"^/committees/\d+/audit$"),
    "workflows": re.compile(r"^/workflows$"),
    "procedures": re.compile(r"^/committees/\d+/procedures$"),
    "procedure": re.compile(r"^/committees/\d+/procedures/\d+$"),
    "calendar": re.compile(r"^/calendar$"),
    "area": re.compile(r"^/areas/\d+$"),  # the chair administers the installation:
    "programme": re.compile(r"^/programmes/\d+$"),  # the overview links the programme
}

_visits: dict[str, list[Visit]] = {}


def _crawl(chromium: Any, demo_site: Site, role: str, into: Path) -> None:
    """Sign in as *role*, visit every page, write the visits to *into*/visits.json."""
    context = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, demo_site, ROLES[role])
    shot: set[str] = set()

    def photograph(page: Any, path: str) -> None:
        for name, pattern in MAIN_PAGES.items():
            if name not in shot and pattern.match(path):
                shot.add(name)
                screenshot(page, f"{role}-{name}")

    try:
        visits = crawl(page, demo_site.base_url, on_page=photograph)
    finally:
        context.close()
    summary = [
        f"{v.status} {v.path} lang={v.lang or '-'} axe={len(v.violations)} console={len(v.console)}"
        for v in visits
    ]
    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS.parent / f"crawl-{role}.txt").write_text(
        "\n".join(summary) + "\n", encoding="utf-8"
    )
    (into / "visits.json").write_text(
        json.dumps([dataclasses.asdict(v) for v in visits]), encoding="utf-8"
    )


@pytest.fixture
def visited(request: pytest.FixtureRequest, run_cache: RunCache) -> Callable[[str], list[Visit]]:
    """``visited(role)``: the pages that person reached. Each role is crawled once per run
    (by whichever worker asks first; the others read what it found), so the demo site and
    Chromium start only where a crawl is still to be made."""

    def crawler(role: str) -> Callable[[Path], None]:
        return lambda into: _crawl(
            request.getfixturevalue("chromium"), request.getfixturevalue("demo_site"), role, into
        )

    def visit(role: str) -> list[Visit]:
        if role not in _visits:
            name = f"browser-crawl-{role}"
            if not run_cache.is_built(name) and not run_cache.build_unless_busy(
                name, crawler(role)
            ):
                # Another worker is crawling this role: crawl the others meanwhile.
                for other in ROLE_NAMES:
                    if not run_cache.is_built(name):
                        run_cache.build_unless_busy(f"browser-crawl-{other}", crawler(other))
            folder = run_cache.built(f"browser-crawl-{role}", crawler(role))
            found = json.loads((folder / "visits.json").read_text(encoding="utf-8"))
            _visits[role] = [Visit(**v) for v in found]
        return _visits[role]

    return visit


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_page_a_person_reaches_answers_without_an_error(
    visited: Callable[[str], list[Visit]], role: str
) -> None:
    visits = visited(role)
    assert len(visits) > 3, f"the {role} reached only {[v.path for v in visits]}"
    failed = [f"{v.path}: HTTP {v.status}" for v in visits if v.status >= 400]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_axe_core_finds_no_wcag_2_1_a_or_aa_violation_on_any_page(
    visited: Callable[[str], list[Visit]], role: str
) -> None:
    visits = visited(role)
    lines = violation_lines(visits)
    checked = len([v for v in visits if v.html])
    assert not lines, f"{len(lines)} violations on {checked} pages of the {role}:\n" + "\n".join(
        lines
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_page_declares_its_language_german_by_default(
    visited: Callable[[str], list[Visit]], role: str
) -> None:
    wrong = [f"{v.path}: lang={v.lang!r}" for v in visited(role) if v.html and v.lang != "de"]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_page_has_a_content_security_policy_the_browser_reports_no_violation_of(
    visited: Callable[[str], list[Visit]], role: str
) -> None:
    visits = [v for v in visited(role) if v.html]
    without = [v.path for v in visits if not v.csp or "default-src" not in v.csp]
    assert not without, f"pages without a Content-Security-Policy (default-src): {without}"
    for visit in visits:
        # no inline script or style may be needed: the policy must not allow them
        assert "'unsafe-inline'" not in visit.csp, f"{visit.path}: {visit.csp}"  # type: ignore[operator]
    reports = [f"{v.path}: {m}" for v in visits for m in v.csp_reports()]
    assert not reports, "\n".join(reports)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_everything_a_page_loads_is_there(visited: Callable[[str], list[Visit]], role: str) -> None:
    missing = [f"{v.path}: {m}" for v in visited(role) for m in v.missing]
    # (a page that itself fails is the first test's finding, not repeated here)
    missing += [
        f"{v.path}: {m}"
        for v in visited(role)
        for m in v.console
        if "Failed to load resource" in m and not m.endswith(f"{v.path})")
    ]
    assert not missing, "resources answering with an error:\n" + "\n".join(missing)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_no_page_logs_a_script_error_in_the_console(
    visited: Callable[[str], list[Visit]], role: str
) -> None:
    errors = [
        f"{v.path}: {m}"
        for v in visited(role)
        for m in v.console
        if m.startswith("pageerror")
        or (
            m.startswith("error")
            and "Failed to load resource" not in m  # the test above
            and "Content Security Policy" not in m  # the CSP test
        )
    ]
    assert not errors, "\n".join(errors)
