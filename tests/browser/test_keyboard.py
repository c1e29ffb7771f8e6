"""The session page with the keyboard alone (WCAG 2.1.1): attendance, opening and a vote
by Tab, Space and Enter, no mouse. The meeting is convened and it is five past ten on
its day (tests/held_meetings.py); the chair signs in with the link from the mail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests import held_meetings
from tests.browser.conftest import CHAIR, screenshot, sign_in
from tests.browser.keyboard import choose_radio, press_button, tab_to, type_into
from tests.browser.site import Site


def meeting_day(site: Site) -> None:
    held_meetings.plan_meetings(site.gremium, 1)
    held_meetings.propose_decisions(site.gremium, 1, 1)
    held_meetings.to_meeting_day(site.gremium)


def test_the_chair_records_attendance_opens_and_votes_with_the_keyboard_alone(
    make_site: Callable[..., Site], page: Any
) -> None:
    site = make_site(meeting_day)
    sign_in(page, site, CHAIR)
    page.goto(site.url("/meetings/1/session"))
    screenshot(page, "session-before")

    # Attendance: six of eight voting organisations are present (five make the quorum).
    for organisation in held_meetings.PRESENT:
        choose_radio(page, f"status:{organisation}", "present")
    press_button(page, "speichern")
    assert "beschlussfähig" in page.locator("#quorum").inner_text().lower()
    assert "nicht beschlussfähig" not in page.locator("#quorum").inner_text().lower()

    press_button(page, "eröffnen")

    # The vote on TOP 2 by totals: the decision's text, 5 yes, 1 no, 0 abstentions.
    type_into(page, "text", "Der Zuschuss wird bewilligt.")
    for name, count in (("yes", "5"), ("no", "1"), ("abstain", "0")):
        type_into(page, name, count)
    tab_to(
        page,
        lambda f: (
            f.get("tag") == "BUTTON" and f.get("name") == "method" and f.get("value") == "totals"
        ),
        "the button recording the totals",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    screenshot(page, "session-voted")
    result = page.locator(".vote-result").first.inner_text()
    assert "angenommen" in result, result
    assert "KG-2026/01" in result, result
    assert "Der Zuschuss wird bewilligt." in page.locator("main").inner_text()
    out = site.gremium("decisions", "list")
    assert "KG-2026/01" in out and "5:1:0" in out, out
