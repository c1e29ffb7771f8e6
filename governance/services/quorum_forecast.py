"""The quorum forecast (Prognose der Beschlussfähigkeit), an effect of the meeting workflow.

``forecast_days`` (rules of procedure, default 5) before a convened meeting the
timer ``quorum_forecast`` fires: from the answers to the invitation
(:func:`governance.reads.meeting_view.expected_attendance`) it computes the expected
quorum with the committee's rules, as the opening would. When the organisations
that said they come (themselves or a deputy) do not reach it:

- the chair gets ``quorum_forecast``: how many are expected, how many are
  needed, whether the quorum can still be reached if everyone who has not
  answered (or answered "tentative", vielleicht) came, and who that is
  (organisation and people) — so that the meeting can be moved instead of held
  without deciding anything;
- each voting organisation that has not answered or answered "tentative" gets
  ``rsvp_reminder`` (its representatives and deputies), with their personal
  links again: a "maybe" counts for nothing in the forecast, so they are asked
  to decide.

A repeat meeting is quorate regardless of attendance: no forecast. Registered
on import by governance.services.meeting_workflow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from governance.clock import BERLIN
from governance.models import Meeting, Person
from governance.services import directory, rsvp
from governance.services.meeting_notices import chair_people, notify
from governance.workflow.registry import effect

if TYPE_CHECKING:
    from governance.unit_of_work import TransitionContext


def _people(ctx: TransitionContext, meeting: Meeting, shorts: set[str]) -> dict[str, list[Person]]:
    """The people of each organisation in *shorts* (short names), by its short name."""
    day = meeting.starts_at.astimezone(BERLIN).date()
    found: dict[str, list[Person]] = {}
    for membership in directory.current_memberships(ctx.session, meeting.committee, day):
        short = membership.organisation.short_name
        if short in shorts:
            found[short] = [mp.person for mp in membership.people if mp.person.erased_at is None]
    return found


@effect("forecast_quorum")
def forecast_quorum(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    if meeting.is_repeat or meeting.committee.rules.forecast_days == 0:
        return
    expected = rsvp.describe_expected(ctx.session, meeting)
    if expected is None or expected["quorum"]["quorate"]:
        return
    voting = [row for row in expected["organisations"] if row["voting"]]
    names = {row["organisation"]: row["name"] for row in voting}
    by_answer = {
        answer: {row["organisation"] for row in voting if row["answer"] == answer}
        for answer in ("none", "tentative")
    }
    people = _people(ctx, meeting, by_answer["none"] | by_answer["tentative"])
    counts = expected["counts"]
    q = expected["quorum"]

    def listed(answer: str) -> list[dict[str, Any]]:
        return [
            {"organisation": names[short], "people": [p.name for p in people.get(short, [])]}
            for short in sorted(by_answer[answer], key=lambda s: names[s])
        ]

    notify(
        ctx.uow,
        meeting,
        "quorum_forecast",
        chair_people(ctx.session, meeting.committee, ctx.today),
        revision=f"s{meeting.sequence}",
        forecast={
            "expected": q["expected"],
            "needed": q["needed"],
            "voting_members": q["voting_members"],
            "reachable": q["reachable"],
            "attends": counts["attends"],
            "deputy": counts["deputy"],
            "excused": counts["excused"],
            "unanswered": listed("none"),
            "tentative": listed("tentative"),
        },
    )
    # Those who answered "tentative" are asked again too: the chair needs a decision.
    recipients: dict[int, tuple[Person, bool]] = {}
    for short, members in people.items():  # in the order of the memberships
        for person in members:
            recipients.setdefault(person.id, (person, short in by_answer["tentative"]))

    def personal(person: Person) -> dict[str, Any]:
        return {
            "links": rsvp.invitation_links(ctx.uow, meeting, person),
            "tentative": recipients[person.id][1],
        }

    notify(
        ctx.uow,
        meeting,
        "rsvp_reminder",
        [person for person, _ in recipients.values()],
        revision=f"s{meeting.sequence}",
        personal=personal,
    )
