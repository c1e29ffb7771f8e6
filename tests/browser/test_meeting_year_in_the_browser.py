"""Issue 13 point 8, in Chromium against ``gremium web``: a meeting from planning to the
circulated minutes, done by the people whose job it is, each signed in with the link
taken from their mail.

1. The chair plans a meeting, puts a decision on its agenda and convenes it.
   (The simulated clock then moves to the meeting day: ``gremium tick``, what the
   runner does on the real clock while people wait.)
2. The chair runs it: attendance, opening, a vote, an action item, closing.
3. The secretariat writes the minutes and circulates them.
4. A partner sees only what a partner may do: no form of the chair or the
   secretariat, and a form posted to the chair's address anyway is refused and
   changes nothing.

The steps build on each other on one site, so they are one test (the test runner
could otherwise run them apart, on different workers); each step has a browser
context of its own, as each person has their own browser.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import held_meetings
from tests.browser.conftest import (
    CHAIR,
    EXAMPLE_START,
    PARTNER,
    SECRETARIAT,
    copied_site,
    screenshot,
    sign_in,
)
from tests.browser.site import Site

TITLE = "1. Sitzung 2026"
ITEM = "Zuschuss für das Nachbarschaftsfest"
DECISION = "Das Gremium bewilligt 500 Euro für das Nachbarschaftsfest."
ACTION = "Bewilligungsbescheid versenden"
NOTES_1 = "Keine offenen Aufgaben."
NOTES_2 = "Der Zuschuss wurde nach kurzer Aussprache bewilligt."


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, example_template: Path) -> Iterator[Site]:
    built = copied_site(
        example_template, tmp_path_factory.mktemp("story"), simulated_start=EXAMPLE_START
    ).serve()
    yield built
    built.stop()


def query(site: Site, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Read the site's database (what the people did, as stored)."""
    with sqlite3.connect(site.folder / "gremium.db") as conn:
        return list(conn.execute(sql, params).fetchall())


def committee_id(site: Site) -> int:
    return int(query(site, "SELECT id FROM committees WHERE short_name = 'KG'")[0][0])


def meeting_id(site: Site) -> int:
    found = query(site, "SELECT id FROM meetings WHERE title = ?", TITLE)
    assert found, f"no meeting „{TITLE}“ yet (an earlier step of the story failed)"
    return int(found[0][0])


def meeting_state(site: Site) -> str:
    return str(query(site, "SELECT state FROM meetings WHERE id = ?", meeting_id(site))[0][0])


def post_form(page: Any, action_suffix: str) -> Any:
    """The POST form whose action ends with *action_suffix* (exactly one)."""
    form = page.locator(f"form[method=post][action$='{action_suffix}']")
    assert form.count() == 1, f"{form.count()} forms posting to …{action_suffix} on {page.url}"
    return form


def submit(form: Any, label: str | None = None) -> None:
    button = form.locator("button[type=submit]")
    if label is not None:
        button = button.filter(has_text=label)
    with form.page.expect_navigation():
        button.first.click()


def notice(page: Any) -> str:
    return page.locator(".messages").inner_text()


def step_1_the_chair_plans_a_meeting_puts_a_decision_on_the_agenda_and_convenes_it(
    site: Site, page: Any
) -> None:
    sign_in(page, site, CHAIR)
    cid = committee_id(site)
    page.goto(site.url(f"/committees/{cid}/meetings"))
    plan = post_form(page, f"/committees/{cid}/meetings")
    plan.locator("input[name=title]").fill(TITLE)
    plan.locator("input[name=start]").fill("2026-03-11T10:00")
    plan.locator("input[name=location]").fill(held_meetings.LOCATION)
    submit(plan)
    mid = meeting_id(site)
    assert page.url.endswith(f"/meetings/{mid}"), page.url
    assert TITLE in page.locator("h1").inner_text()

    propose = post_form(page, f"/meetings/{mid}/propose")
    propose.locator("input[name=propose_title]").fill(ITEM)
    propose.locator("select[name=propose_kind]").select_option("decision")
    submit(propose)
    assert ITEM in page.locator("main").inner_text()

    submit(post_form(page, f"/meetings/{mid}/convene"))
    assert meeting_state(site) == "convened"
    screenshot(page, "story-1-meeting-convened")
    site.gremium("outbox", "send")  # the runner's mail pass
    invitations = [m for m in site.mails_to(PARTNER) if TITLE in str(m["Subject"])]
    assert invitations, "the partner got no invitation"

    # The runner's part on the simulated clock: to five past ten on the meeting day.
    site.gremium("tick", "--until", f"{held_meetings.FIRST_DAY} 10:05")


def step_2_the_chair_runs_the_meeting_attendance_vote_action_item_and_closes_it(
    site: Site, page: Any
) -> None:
    mid = meeting_id(site)
    sign_in(page, site, CHAIR)
    page.goto(site.url(f"/meetings/{mid}/session"))
    sheet = post_form(page, f"/meetings/{mid}/session/attendance")
    for organisation in held_meetings.PRESENT:
        sheet.locator(f'input[type=radio][name="status:{organisation}"][value=present]').check()
    submit(sheet)
    assert "nicht beschlussfähig" not in page.locator("#quorum").inner_text()

    submit(post_form(page, f"/meetings/{mid}/session/open"))
    assert meeting_state(site) == "in_session"

    vote = post_form(page, f"/meetings/{mid}/session/items/2/vote")
    vote.locator("textarea[name=text]").fill(DECISION)
    choices = {"BA Treptow-Köpenick": "yes", "Rabenhaus": "yes", "Offensiv'91": "yes"}
    choices |= {"tjfbg": "yes", "KungerKiez": "no", "ajb": "abstain"}
    for organisation, choice in choices.items():
        vote.locator(f'input[type=radio][name="ballot:{organisation}"][value={choice}]').check()
    submit(vote, "namentlich")
    result = page.locator(".vote-result").first.inner_text()
    assert "angenommen" in result and "KG-2026/01" in result, result

    action = post_form(page, f"/meetings/{mid}/session/items/2/actions")
    action.locator("input[name=what]").fill(ACTION)
    action.locator("select[name=who]").select_option("BA Treptow-Köpenick")
    action.locator("input[name=due]").fill("2026-03-31")
    submit(action)
    assert ACTION in page.locator("main").inner_text()
    screenshot(page, "story-2-session")

    submit(post_form(page, f"/meetings/{mid}/session/close"))
    assert meeting_state(site) == "closed"

    page.goto(site.url(f"/committees/{committee_id(site)}/decisions"))
    register = page.locator("main").inner_text()
    assert "KG-2026/01" in register and DECISION in register, register
    screenshot(page, "story-2-decisions")


def step_3_the_secretariat_writes_the_minutes_and_circulates_them(site: Site, page: Any) -> None:
    mid = meeting_id(site)
    sign_in(page, site, SECRETARIAT)
    page.goto(site.url(f"/meetings/{mid}/minutes"))
    notes = post_form(page, f"/meetings/{mid}/minutes/notes")
    notes.locator("textarea[name='top-1']").fill(NOTES_1)
    notes.locator("textarea[name='top-2']").fill(NOTES_2)
    submit(notes)
    assert page.locator("textarea[name='top-2']").input_value() == NOTES_2

    before = len(site.mails_to(PARTNER))
    submit(post_form(page, f"/meetings/{mid}/minutes/circulate"))
    state = query(site, "SELECT state FROM minutes WHERE meeting_id = ?", mid)
    assert state and state[0][0] == "circulated", state
    assert page.locator(f"form[action$='/meetings/{mid}/minutes/notes']").count() == 0
    assert NOTES_2 in page.locator("main").inner_text()
    screenshot(page, "story-3-minutes-circulated")
    site.gremium("outbox", "send")
    assert len(site.mails_to(PARTNER)) > before, "the partner did not receive the minutes"


CHAIR_AND_SECRETARIAT_FORMS = (
    "/convene", "/move", "/cancel", "/not-held", "/finalize", "/order", "/session/attendance",
    "/session/open", "/vote", "/session/close", "/actions", "/minutes/notes", "/minutes/circulate",
    "/minutes/approve", "/resolve",
)  # fmt: skip


def step_4_a_partner_sees_only_what_a_partner_may_do_and_a_chairs_form_posted_anyway_is_refused(
    site: Site, page: Any
) -> None:
    mid, cid = meeting_id(site), committee_id(site)
    sign_in(page, site, PARTNER)
    screenshot(page, "story-4-partner-overview")
    for path in (f"/committees/{cid}/meetings", f"/meetings/{mid}", f"/meetings/{mid}/session",
                 f"/meetings/{mid}/minutes"):  # fmt: skip
        response = page.goto(site.url(path))
        assert response is not None and response.status == 200, f"{path}: {response}"
        actions = page.eval_on_selector_all(
            "form[method=post]", "forms => forms.map(f => f.getAttribute('action') || '')"
        )
        forbidden = [
            a
            for a in actions
            if a.endswith(CHAIR_AND_SECRETARIAT_FORMS) or a.endswith(f"/committees/{cid}/meetings")
        ]
        assert not forbidden, f"{path} offers a partner the forms {forbidden}"
    screenshot(page, "story-4-partner-minutes")

    # Posting the secretariat's and the chair's forms anyway, with the partner's own
    # valid token: refused, nothing changes.
    token = page.locator("meta[name=csrf-token]").get_attribute("content")
    partner_id = query(site, "SELECT id FROM people WHERE email = ?", PARTNER)[0][0]
    refusals = "SELECT count(*) FROM audit_records WHERE actor_id = ? AND outcome = 'refused'"
    refused_before = query(site, refusals, partner_id)[0][0]
    meetings_before = query(site, "SELECT count(*) FROM meetings")
    minutes_before = query(site, "SELECT state, revision FROM minutes WHERE meeting_id = ?", mid)
    for path, form in (
        (f"/committees/{cid}/meetings", {"title": "Eigenmächtig", "start": "2026-04-15T10:00",
                                         "duration": "60", "location": "Keller"}),
        (f"/meetings/{mid}/minutes/approve", {}),
        (f"/meetings/{mid}/minutes/notes", {"top-2": "Überschrieben"}),
    ):  # fmt: skip
        answer = page.request.post(
            site.url(path), form={"csrf_token": token or "", **form}, max_redirects=0
        )
        body = answer.text()
        # Refused as a form's refusal is (422, the permission message beside the form)
        # or as not found / forbidden; never done.
        refused = answer.status in (403, 404) or (
            answer.status == 422 and "darf" in body and "nicht ausführen" in body
        )
        assert refused, f"a partner's POST {path} answered {answer.status}: {body[:300]}"
    assert query(site, "SELECT count(*) FROM meetings") == meetings_before
    assert (
        query(site, "SELECT state, revision FROM minutes WHERE meeting_id = ?", mid)
        == minutes_before
    )
    # The attempts are on the audit trail, with the person, as from the command line.
    assert query(site, refusals, partner_id)[0][0] > refused_before


STEPS = (
    step_1_the_chair_plans_a_meeting_puts_a_decision_on_the_agenda_and_convenes_it,
    step_2_the_chair_runs_the_meeting_attendance_vote_action_item_and_closes_it,
    step_3_the_secretariat_writes_the_minutes_and_circulates_them,
    step_4_a_partner_sees_only_what_a_partner_may_do_and_a_chairs_form_posted_anyway_is_refused,
)


def test_a_meeting_from_planning_to_the_circulated_minutes_done_in_the_browser(
    site: Site, chromium: Any
) -> None:
    for step in STEPS:
        context = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        try:
            step(site, context.new_page())
        finally:
            context.close()
