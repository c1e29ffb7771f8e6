"""The quorum forecast (Prognose der Beschlussfähigkeit), an effect of the meeting workflow.

``forecast_days`` (rules of procedure, default 5) before a convened meeting the
timer ``quorum_forecast`` fires: from the answers to the invitation
(:func:`governance.services.rsvp.expected_attendance`) it computes the expected
quorum with the committee's rules, as the opening would. When the organisations
that said they come (themselves or a deputy) do not reach it:

- the chair gets ``quorum_forecast``: how many are expected, how many are
  needed, whether the quorum can still be reached if everyone who has not
  answered came, and who that is (organisation and people) — so that the
  meeting can be moved instead of held without deciding anything;
- each voting organisation that has not answered gets ``rsvp_reminder`` (its
  representatives and deputies), with their personal links again.

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


def _unanswered_people(ctx: TransitionContext, meeting: Meeting) -> dict[str, list[Person]]:
    """The people of each voting organisation that has not answered, by its short name."""
    day = meeting.starts_at.astimezone(BERLIN).date()
    expected = rsvp.expected_attendance(ctx.session, meeting)
    open_orgs = {r.short_name for r in expected.unanswered if r.voting}
    found: dict[str, list[Person]] = {}
    for membership in directory.current_memberships(ctx.session, meeting.committee, day):
        short = membership.organisation.short_name
        if short in open_orgs:
            found[short] = [mp.person for mp in membership.people if mp.person.erased_at is None]
    return found


@effect("forecast_quorum")
def forecast_quorum(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    if meeting.is_repeat or meeting.committee.rules.forecast_days == 0:
        return
    expected = rsvp.expected_attendance(ctx.session, meeting)
    if expected.quorum.quorate:
        return
    unanswered = _unanswered_people(ctx, meeting)
    names = {r.short_name: r.organisation for r in expected.rows}
    counts = expected.counts()
    notify(
        ctx.uow,
        meeting,
        "quorum_forecast",
        chair_people(ctx.session, meeting.committee, ctx.today),
        revision=f"s{meeting.sequence}",
        forecast={
            "expected": expected.quorum.present,
            "needed": expected.quorum.needed,
            "voting_members": expected.quorum.voting_members,
            "reachable": expected.can_reach_quorum,
            "attends": counts["attends"],
            "deputy": counts["deputy"],
            "excused": counts["excused"],
            "unanswered": [
                {"organisation": names[short], "people": [p.name for p in people]}
                for short, people in sorted(unanswered.items(), key=lambda kv: names[kv[0]])
            ],
        },
    )
    recipients: dict[int, Person] = {}
    for people in unanswered.values():
        for person in people:
            recipients.setdefault(person.id, person)

    def links(person: Person) -> dict[str, Any]:
        return {"links": rsvp.invitation_links(ctx.uow, meeting, person)}

    notify(
        ctx.uow,
        meeting,
        "rsvp_reminder",
        list(recipients.values()),
        revision=f"s{meeting.sequence}",
        personal=links,
    )
