"""Votes on decision items and the decisions register (Beschlussregister).

A vote is taken on one decision item of a meeting in session, once: either
one ballot per voting organisation present (roll call) or the totals of an
open show of hands. The quorum is checked from who is present at that
moment. The result under the item's majority enters the register with a
number per committee and year ("KG-2026/07"); a vote on an accession item
decides the application, one on an amendment item the amendment of the
agreement, one on a minutes-approval item the minutes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from governance.clock import BERLIN
from governance.domain.rules import Majority, VoteCount
from governance.domain.voting import Choice, result, tally
from governance.errors import Conflict, InvalidInput, Text
from governance.models import (
    AccessionApplication,
    AgendaItem,
    Ballot,
    Decision,
    Meeting,
    Vote,
)
from governance.services import access, decision_numbers, directory, validation
from governance.services.attendance import voting_memberships
from governance.services.vote_standing import Standing, standing
from governance.unit_of_work import UnitOfWork


def record_vote(
    uow: UnitOfWork,
    item: AgendaItem,
    *,
    text: str,
    ballots: Mapping[str, str] | None = None,
    totals: tuple[int, int, int] | None = None,
) -> Decision:
    """Record the vote on *item* and enter the decision in the register.

    *ballots* maps organisations (short name, name or number) to yes / no /
    abstain; *totals* are (yes, no, abstain) of an open show of hands.
    """
    meeting: Meeting = item.meeting
    # A session recorded afterwards: the secretariat records the votes as they were taken.
    action = "meeting.record_later" if meeting.recorded_later_at else "meeting.vote"
    access.check(uow, action, meeting.committee, entity_type="meetings", entity_id=meeting.id)
    if "vote" not in uow.engine.allowed_triggers(meeting):
        uow.fire(meeting, "vote")  # refused: names the state and what is possible now
    _votable(uow.session, item)
    if (ballots is None) == (totals is None):
        raise InvalidInput("vote.error.ballots_or_totals")
    decision_text = validation.text(text, "--text", 4000)
    # Who votes on this item: conflicts of interest and vote transfers (issue 16).
    now = standing(uow.session, meeting, uow.now, item)
    check = now.check
    if not check.quorate:
        raise Conflict(
            "vote.error.not_quorate",
            present=check.present,
            members=check.voting_members,
            needed=check.needed,
        ).concerning(
            entity_type="meetings",
            entity_id=meeting.id,
            action="vote",
            committee_id=meeting.committee_id,
        )
    cast_by: dict[int, int] = {}
    if ballots is not None:
        choices, cast_by = _ballots(uow, meeting, ballots, now)
        votes = tally(choices.values())
        method = "roll_call"
    else:
        assert totals is not None
        yes, no, abstain = totals
        for name, value in (("--yes", yes), ("--no", no), ("--abstain", abstain)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InvalidInput("vote.error.count", what=name, value=value)
        votes = VoteCount(yes, no, abstain)
        if votes.total == 0:
            raise InvalidInput("vote.error.no_votes")
        # A member holding a transferred vote raises its hand for it too.
        can_vote = len(now.voters) + len(now.proxies)
        if votes.total > can_vote:
            raise InvalidInput("vote.error.too_many", total=votes.total, present=can_vote)
        choices = {}
        method = "show_of_hands"
    assert item.majority is not None  # _votable: a decision item always has its majority
    majority = Majority(item.majority)
    outcome = result(meeting.committee.rules, majority, votes)
    # The guard quorate_now re-checks the quorum as part of the workflow.
    uow.fire(
        meeting,
        "vote",
        item=item.id,
        top=item.position,
        method=method,
        yes=votes.yes,
        no=votes.no,
        abstain=votes.abstain,
        carried=outcome.carried,
    )
    vote = Vote(
        agenda_item_id=item.id,
        meeting_id=meeting.id,
        method=method,
        yes=votes.yes,
        no=votes.no,
        abstain=votes.abstain,
        majority=majority.value,
        carried=outcome.carried,
        voting_members=check.voting_members,
        present=check.present,
        transferred=len(now.proxies),
        conflicted=len(now.conflicted_present),
        taken_at=uow.now,
    )
    uow.session.add(vote)
    uow.session.flush()
    for organisation_id, choice in choices.items():
        uow.session.add(
            Ballot(
                vote_id=vote.id,
                organisation_id=organisation_id,
                choice=choice.value,
                cast_by_id=cast_by.get(organisation_id),
            )
        )
    item.outcome = "decided"
    item.decision_text = decision_text
    decision = _register(uow, meeting, item, vote, decision_text)
    if item.accession_application_id is not None:
        application = uow.session.get(AccessionApplication, item.accession_application_id)
        assert application is not None
        uow.fire(
            application,
            "decide",
            yes=votes.yes,
            no=votes.no,
            abstain=votes.abstain,
            decided_on=uow.today,
            decision=decision.reference,
        )
    if item.agreement_version_id is not None:
        # Like an accession item: the vote on an amendment item decides the amendment.
        from governance.services.amendments import decide_by_vote as decide_amendment

        decide_amendment(uow, item, votes, decision.reference)
    if item.minutes_id is not None:
        # Like an accession item: the vote on an approval item decides on the minutes.
        from governance.services.minutes import decide_by_vote as decide_minutes

        decide_minutes(uow, item, decision)
    return decision


def _votable(session: Session, item: AgendaItem) -> None:
    if item.status != "accepted":
        raise Conflict("vote.error.not_on_agenda", item=item.id, title=item.title)
    if item.kind != "decision" or item.majority is None:
        raise Conflict(
            "vote.error.not_a_decision_item",
            top=item.position,
            title=item.title,
            kind=Text(f"agenda.kind.{item.kind}"),
        )
    already = session.execute(select(Vote.id).where(Vote.agenda_item_id == item.id)).first()
    if already or item.outcome is not None:
        raise Conflict("vote.error.already_voted_item", top=item.position, title=item.title)


def _ballots(
    uow: UnitOfWork, meeting: Meeting, ballots: Mapping[str, str], now: Standing
) -> tuple[dict[int, Choice], dict[int, int]]:
    """The choices by organisation, and who cast those under a vote transfer."""
    voting = {m.organisation_id for m in voting_memberships(uow.session, meeting)}
    out: dict[int, Choice] = {}
    cast_by: dict[int, int] = {}
    for ref, raw in ballots.items():
        organisation = directory.organisation_by_ref(uow.session, ref)
        choice = validation.choice(Choice, raw, f"--ballot {organisation.short_name}")
        if organisation.id not in voting:
            raise Conflict("vote.error.no_voting_right", organisation=organisation.short_name)
        if organisation.id in now.conflicts:
            raise Conflict(
                "vote.error.conflicted",
                organisation=organisation.short_name,
                reason=now.conflicts[organisation.id].reason,
            ).concerning(
                entity_type="meetings",
                entity_id=meeting.id,
                action="vote",
                committee_id=meeting.committee_id,
            )
        if organisation.id in now.proxies:
            cast_by[organisation.id] = now.proxies[organisation.id]
        elif organisation.id not in now.voters:
            raise Conflict(
                "vote.error.absent",
                organisation=organisation.short_name,
                at=uow.now.astimezone(BERLIN).strftime("%H:%M"),
            )
        if organisation.id in out:
            raise Conflict("vote.error.already_voted", organisation=organisation.short_name)
        out[organisation.id] = choice
    if not out:
        raise InvalidInput("vote.error.no_votes")
    return out, cast_by


def parse_ballots(values: list[str]) -> dict[str, str]:
    """``ORG=yes`` pairs from the command line; an organisation named twice voted twice."""
    ballots: dict[str, str] = {}
    for value in values:
        org, sep, choice = value.rpartition("=")
        if not sep or not org.strip():
            raise InvalidInput("vote.error.ballot_format", value=value)
        key = org.strip()
        if key.lower() in (k.lower() for k in ballots):
            raise Conflict("vote.error.already_voted", organisation=key)
        ballots[key] = choice.strip()
    return ballots


def _register(
    uow: UnitOfWork, meeting: Meeting, item: AgendaItem, vote: Vote, text: str
) -> Decision:
    committee = meeting.committee
    year = uow.today.year
    # Shared with the decisions taken in writing (services/written_procedure.py).
    seq = decision_numbers.next_seq(uow.session, committee.id, year)
    decision = Decision(
        committee_id=committee.id,
        year=year,
        seq=seq,
        reference=decision_numbers.reference(committee, year, seq),
        meeting_id=meeting.id,
        agenda_item_id=item.id,
        vote_id=vote.id,
        text=text,
        carried=vote.carried,
        decided_on=uow.today,
    )
    uow.session.add(decision)
    uow.session.flush()
    uow.audit(
        entity_type="decisions",
        entity_id=decision.id,
        committee_id=committee.id,
        action="decision.register",
        details={
            "reference": decision.reference,
            "item": item.id,
            "carried": vote.carried,
            "text": text,
        },
    )
    return decision


def votes_of(session: Session, meeting: Meeting) -> tuple[dict[int, Vote], dict[int, Decision]]:
    """The votes and register entries of *meeting*, by agenda item."""
    # Each vote's ballots in one more query, not one per vote.
    taken = session.execute(
        select(Vote).where(Vote.meeting_id == meeting.id).options(selectinload(Vote.ballots))
    ).scalars()
    entered = session.execute(select(Decision).where(Decision.meeting_id == meeting.id)).scalars()
    return {v.agenda_item_id: v for v in taken}, {d.agenda_item_id: d for d in entered}


def describe_vote(vote: Vote) -> dict[str, Any]:
    """A vote as pages and ``meeting show`` give it: counts, majority, result, ballots."""
    described: dict[str, Any] = {
        "method": vote.method,
        "yes": vote.yes,
        "no": vote.no,
        "abstain": vote.abstain,
        "majority": vote.majority,
        "carried": vote.carried,
        "present": vote.present,
        "voting_members": vote.voting_members,
        "taken_at": vote.taken_at,
        "ballots": {b.organisation.short_name: b.choice for b in vote.ballots},
    }
    # issue 16, only where it happened: ballots cast under a vote transfer (organisation:
    # who cast it) and how many present did not vote for a conflict of interest
    transferred = {
        b.organisation.short_name: b.cast_by.short_name for b in vote.ballots if b.cast_by
    }
    if transferred or vote.transferred:
        described["transferred_ballots"] = transferred
        described["transferred"] = vote.transferred
    if vote.conflicted:
        described["conflicted"] = vote.conflicted
    return described
