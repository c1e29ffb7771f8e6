"""Signing in with the link from the mail, in Chromium, and what the browser keeps of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.browser.conftest import (
    CHAIR,
    SESSION_COOKIE,
    confirm_link,
    request_link,
    screenshot,
    session_cookie,
    sign_in,
)
from tests.browser.site import Site


def test_the_chair_signs_in_with_the_link_from_the_mail_and_the_link_works_only_once(
    make_site: Callable[..., Site], chromium: Any, context: Any, page: Any
) -> None:
    site = make_site()
    page.goto(site.url("/"))
    assert "/sign-in" in page.url, f"a visitor is not sent to the sign-in page: {page.url}"
    screenshot(page, "sign-in")

    link = request_link(page, site, CHAIR)
    assert link.startswith(site.base_url + "/sign-in/"), f"the mail links to {link}"
    screenshot(page, "sign-in-sent")
    page.goto(link)
    assert session_cookie(context) is None, (
        "opening the link alone (as a mail scanner does) signs in"
    )
    screenshot(page, "sign-in-confirm")
    confirm_link(page, link)
    assert page.url.rstrip("/") == site.base_url, page.url
    assert page.locator("main").count() == 1
    assert "Leitung OE SPK" in page.locator("header").inner_text(), "the header names the chair"
    screenshot(page, "overview-after-sign-in")

    # The same link a second time, in another browser: refused, nobody signed in.
    other = chromium.new_context(locale="de-DE")
    try:
        second = other.new_page()
        response = second.goto(link)
        assert response is not None and response.status in (404, 410), (
            f"a used link answers {response.status if response else None}"
        )
        assert second.locator("html").get_attribute("lang") == "de"
        assert session_cookie(other) is None
        second.goto(site.url("/"))
        assert "/sign-in" in second.url, "the used link signed the second browser in"
    finally:
        other.close()


def test_the_session_cookie_is_httponly_samesite_lax_and_not_readable_by_scripts(
    make_site: Callable[..., Site], context: Any, page: Any
) -> None:
    site = make_site()
    sign_in(page, site, CHAIR)
    cookie = session_cookie(context)
    assert cookie is not None, f"no {SESSION_COOKIE} cookie: {context.cookies()}"
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    assert cookie["secure"] is False, "plain HTTP on loopback: a Secure cookie would not come back"
    assert cookie["path"] == "/"
    assert SESSION_COOKIE not in page.evaluate("document.cookie")


def test_behind_an_https_proxy_the_session_cookie_is_secure(
    make_site: Callable[..., Site], chromium: Any
) -> None:
    # The reverse proxy terminates TLS and says so (X-Forwarded-Proto); the server trusts
    # one proxy. Chromium keeps Secure cookies for 127.0.0.1, a trustworthy origin.
    site = make_site(web={"trusted_proxies": 1})
    context = chromium.new_context(
        locale="de-DE", extra_http_headers={"X-Forwarded-Proto": "https"}
    )
    try:
        page = context.new_page()
        confirm_link(page, request_link(page, site, CHAIR))
        cookie = session_cookie(context)
        assert cookie is not None, f"no {SESSION_COOKIE} cookie: {context.cookies()}"
        assert cookie["secure"] is True
        assert cookie["httpOnly"] is True
        assert cookie["sameSite"] == "Lax"
    finally:
        context.close()


def test_signing_out_ends_the_session_in_the_browser(
    make_site: Callable[..., Site], context: Any, page: Any
) -> None:
    site = make_site()
    sign_in(page, site, CHAIR)
    sign_out = page.locator(
        "form[action$='/sign-out'] button, form[action$='/sign-out'] input[type=submit]"
    )
    assert sign_out.count() == 1, "the header has one sign-out button"
    sign_out.first.click()
    page.wait_for_load_state()
    assert "/sign-in" in page.url
    assert session_cookie(context) is None
    page.goto(site.url("/"))
    assert "/sign-in" in page.url
