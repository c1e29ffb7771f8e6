"""Visiting every page a signed-in person reaches by following links, as a browser does.

Bounded: same origin, GET links only, never the sign-out, no downloads (PDF,
files, links marked ``download``), at most :data:`LIMIT` pages, breadth first from the overview. On each
page: the status, the Content-Security-Policy header, ``<html lang>``, what
the console reported (a CSP violation is reported there), and the
violations axe-core finds for WCAG 2.0 and 2.1, levels A and AA.
"""

from __future__ import annotations

import dataclasses
import re
from collections import deque
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

LIMIT = 60
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SKIPPED = re.compile(r"(/sign-out\b|/static/|\.pdf$|[?&]format=pdf\b|/pdf$|/download\b|/export\b)")


@dataclasses.dataclass
class Visit:
    path: str
    status: int
    content_type: str = ""
    csp: str | None = None
    lang: str = ""
    console: list[str] = dataclasses.field(default_factory=list)
    missing: list[str] = dataclasses.field(default_factory=list)
    """What the page loaded (stylesheets, images, the icon) that answered with an error."""
    violations: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    @property
    def html(self) -> bool:
        return self.content_type.startswith("text/html")

    def csp_reports(self) -> list[str]:
        return [m for m in self.console if "Content Security Policy" in m]


def _normal(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(
    page: Any,
    base_url: str,
    *,
    limit: int = LIMIT,
    axe: bool = True,
    on_page: Callable[[Any, str], None] | None = None,
    start: tuple[str, ...] = ("/",),
) -> list[Visit]:
    """Visit the pages reachable from the overview; *page* must be signed in.
    *on_page* is called on every HTML page (path) after its checks (for screenshots)."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error as PlaywrightError

    checker = Axe()
    console: list[str] = []
    missing: list[str] = []
    page.on(
        "console",
        lambda m: (
            console.append(f"{m.type}: {m.text} ({m.location.get('url', '')})")
            if m.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on(
        "response",
        lambda r: (
            missing.append(f"{r.status} {_path(r.url)}")
            if r.status >= 400 and r.request.resource_type != "document"
            else None
        ),
    )
    origin = urlsplit(base_url).netloc
    queue: deque[str] = deque(_normal(base_url + path) for path in start)
    seen = set(queue)
    visits: list[Visit] = []
    while queue and len(visits) < limit:
        url = queue.popleft()
        console.clear()
        missing.clear()
        try:
            response = page.goto(url)
        except PlaywrightError as exc:  # a download the pattern did not catch
            if "Download is starting" in str(exc):
                continue
            raise
        if response is None:
            continue
        page.wait_for_load_state("load")
        visit = Visit(
            _path(url),
            response.status,
            response.headers.get("content-type", ""),
            response.headers.get("content-security-policy"),
        )
        visits.append(visit)
        if not visit.html:
            continue
        visit.lang = page.evaluate("document.documentElement.getAttribute('lang') || ''")
        if axe:
            result = checker.run(
                page,
                options={
                    "runOnly": {"type": "tag", "values": WCAG_TAGS},
                    "resultTypes": ["violations"],
                },
            )
            visit.violations = list(result.response.get("violations", []))
        visit.console = list(console)
        visit.missing = list(missing)
        if on_page is not None:
            on_page(page, visit.path)
        # a link marked `download` is a file to save, not a page
        for href in page.eval_on_selector_all(
            "a[href]:not([download])", "els => els.map(e => e.href)"
        ):
            target = _normal(href)
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue
            if SKIPPED.search(parts.path + ("?" + parts.query if parts.query else "")):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return visits


def violation_lines(visits: list[Visit]) -> list[str]:
    """One line per page, rule and element: what a developer needs to find it."""
    lines = []
    for visit in visits:
        for violation in visit.violations:
            for node in violation.get("nodes", []):
                target = " ".join(str(t) for t in node.get("target", []))
                lines.append(
                    f"{visit.path}: {violation['id']} ({violation.get('impact')}): "
                    f"{violation.get('help')} — {target} — {node.get('html', '')[:120]}"
                )
    return lines
