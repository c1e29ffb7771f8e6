"""Real-browser tests: headless Chromium (Debian's /usr/bin/chromium) driven by
Playwright against ``gremium web`` running as a server process.

Where Chromium or the Playwright package is missing, every test here is
skipped with the reason; with ``GREMIUM_REQUIRE_BROWSER=1`` (set by CI) that
is an error instead, as for PostgreSQL in tests/conftest.py. ``make test``
installs Chromium where it may (as root, with apt-get).

One Chromium per test session (per xdist worker), a fresh browser context
(cookies, storage) per test. Screenshots of the main pages go to
``test-output/screenshots/`` (not committed).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from governance.examples import treptow_koepenick as tk
from tests.browser.site import Site, new_site
from tests.conftest import RunCache, copy_sqlite
from tests.web_server import REPO

CHROMIUM = os.environ.get("GREMIUM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "test-output" / "screenshots"

CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
PARTNER = "gf@rabenhaus.example.org"
EXAMPLE_START = "2026-01-12 09:00"
"""The simulated clock of a fresh site: a Monday in January (Europe/Berlin)."""


def browser_problem() -> str | None:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return (
            f"no Chromium at {CHROMIUM} (Debian: `apt-get install chromium`; "
            "`make test` installs it when run as root)"
        )
    for module, package in (
        ("playwright", "playwright"),
        ("axe_playwright_python", "axe-playwright-python"),
    ):
        if importlib.util.find_spec(module) is None:
            return f"the Python package {package} is missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session", autouse=True)
def _browser_available() -> None:
    """Skip (fail in CI) before any server is built when the browser cannot run."""
    problem = browser_problem()
    if problem:
        if os.environ.get("GREMIUM_REQUIRE_BROWSER") == "1":
            pytest.fail(f"CI requires the browser tests to run: {problem}")
        pytest.skip(f"skipped: {problem}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(chromium: Any) -> Iterator[Any]:
    """A fresh browser context (no cookies) in German, the size of a laptop screen."""
    ctx = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


def screenshot(page: Any, name: str) -> Path:
    """Write the whole page as test-output/screenshots/<name>.png (for people, not compared)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- signing in as a person does it ---


def request_link(page: Any, site: Site, address: str) -> str:
    """Ask for a sign-in link on /sign-in and return the link from the mail that arrives."""
    seen = len(site.mails_to(address))
    page.goto(site.url("/sign-in"))
    form = page.locator("form:has(input[type=email])")
    form.locator("input[type=email]").fill(address)
    form.locator("button[type=submit], input[type=submit]").first.click()
    page.wait_for_load_state()
    return site.sign_in_link(address, seen=seen)


def confirm_link(page: Any, link: str) -> Any:
    """Open a sign-in link and confirm it (the page asks, so that mail scanners do not sign in)."""
    response = page.goto(link)
    form = page.locator("form[method=post]:has(button[type=submit], input[type=submit])")
    if response is not None and response.ok and form.count():
        with page.expect_navigation():
            form.first.locator("button[type=submit], input[type=submit]").first.click()
    return response


def sign_in(page: Any, site: Site, address: str) -> None:
    """The whole sign-in: ask for the link, take it from the mail, confirm, land on the overview."""
    confirm_link(page, request_link(page, site, address))
    assert page.url.rstrip("/") == site.base_url, f"after signing in {address} is on {page.url}"


SESSION_COOKIE = "gremium_session"


def session_cookie(context: Any) -> dict[str, Any] | None:
    """The session cookie as the browser keeps it (None: not signed in)."""
    found = [c for c in context.cookies() if c["name"] == SESSION_COOKIE]
    return found[0] if found else None


# --- sites ---


def example_site(folder: Path, web: dict[str, Any] | None = None) -> Site:
    """A fresh site with the example committee (``gremium init --example``), not yet served."""
    site = new_site(folder, simulated_start=EXAMPLE_START, web=web)
    site.gremium("init", "--example", "treptow-koepenick")
    return site


def _build_example(folder: Path) -> None:
    example_site(folder).stop()


@pytest.fixture(scope="session")
def example_template(run_cache: RunCache) -> Path:
    """The example committee's database and audit key (``gremium init --example``), made
    once per run; :func:`copied_site` serves a copy of it."""
    return run_cache.built("browser-example", _build_example)


def copied_site(
    template: Path, folder: Path, *, simulated_start: str, web: dict[str, Any] | None = None
) -> Site:
    """A site (configuration, SMTP server) over a copy of the database in *template*,
    not yet served: what ``new_site`` and the commands that built *template* made."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in template.iterdir():
        if entry.is_dir():
            shutil.copytree(entry, folder / entry.name)
        elif entry.name == "gremium.db":
            copy_sqlite(entry, folder / entry.name)
        elif entry.name not in ("gremium.toml", "gremium.db-wal", "gremium.db-shm"):
            shutil.copy2(entry, folder / entry.name)
    return new_site(folder, simulated_start=simulated_start, web=web)


@pytest.fixture
def make_site(
    tmp_path_factory: pytest.TempPathFactory, example_template: Path
) -> Iterator[Callable[..., Site]]:
    """Build a fresh example site; *prepare* runs CLI commands on it before it is served.
    (Each site is a copy of the example made once per run: ``example_template``.)"""
    built: list[Site] = []

    def make(
        prepare: Callable[[Site], None] | None = None, web: dict[str, Any] | None = None
    ) -> Site:
        site = copied_site(
            example_template,
            tmp_path_factory.mktemp("site"),
            simulated_start=EXAMPLE_START,
            web=web,
        )
        built.append(site)
        if prepare is not None:
            prepare(site)
        return site.serve()

    yield make
    for site in built:
        site.stop()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory, demo_year: Path) -> Iterator[Site]:
    """The demo year (every kind of page has content: minutes, decisions, audit) served
    at its end. The year is run once per test run (``demo_year`` in tests/conftest.py);
    each worker that needs the site serves a copy of it."""
    from governance.demo.run import END

    site = copied_site(
        demo_year,
        tmp_path_factory.mktemp("demo"),
        simulated_start=END.strftime("%Y-%m-%d %H:%M"),
    ).serve()
    yield site
    site.stop()


def path_of(url: str, base: str) -> str:
    return re.sub(r"#.*$", "", url.removeprefix(base)) or "/"
