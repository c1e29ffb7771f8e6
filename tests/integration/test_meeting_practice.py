"""Meeting practice (issue 16) through the services, on SQLite and PostgreSQL: conflicts of
interest (Befangenheit), vote transfers (Stimmrechtsübertragung), hybrid meetings."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from governance.bootstrap import App
from governance.errors import Conflict, GremiumError, InvalidInput, NotPermitted
from governance.examples import treptow_koepenick as tk
from governance.models import AuditRecord, Ballot, ConflictOfInterest, OutboxMessage, Vote
from governance.services import (
    action_links,
    agenda,
    conflicts_of_interest,
    directory,
    meeting_format,
    meeting_session,
    rules_of_procedure,
    vote_transfer,
    votes,
)
from governance.services import meetings as ms
from governance.services.documents.kinds import load_html
from governance.unit_of_work import Actor
from tests.conftest import SYSTEM
from tests.integration.test_meetings import (
    CHAIR,
    RABENHAUS,
    SECRETARIAT,
    VOTING,
    act,
    add_series,
    attend,
    berlin,
    meetings,
    on_item,
    propose,
    run_to_meeting_day,
    tick,
)

VSKA = "referat@vska.example.org"


@pytest.fixture
def kg(any_app: App) -> App:
    """The example committee of Treptow-Köpenick, on SQLite and on PostgreSQL."""
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


VIDEO = "https://video.ba-tk.example.org/kg-1"


def rules(app: App, **settings: str) -> None:
    with app.unit_of_work(CHAIR) as uow:
        rules_of_procedure.change_rules(uow, "KG", settings)


def refused(exc: GremiumError) -> tuple[str, str]:
    return exc.message("de"), exc.message("en")


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def audit_actions(app: App) -> list[str]:
    with app.db.session() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.seq)))


def declare(app: App, actor: str, item: int, organisation: str, reason: str) -> Any:
    return on_item(
        app, actor, conflicts_of_interest.declare, item, organisation=organisation, reason=reason
    )


def vote(app: App, item: int, **kwargs: Any) -> Any:
    with app.unit_of_work(CHAIR) as uow:
        decision = votes.record_vote(
            uow,
            agenda.item_by_ref(uow.session, item),
            text="Die Zuwendung wird bewilligt.",
            **kwargs,
        )
        return decision.vote_id


# --- conflict of interest ---


def test_a_conflicted_member_does_not_vote_and_the_minutes_say_who_and_why(kg):
    first = run_to_meeting_day(kg)
    grant = propose(kg, CHAIR, first, "Zuwendung an Rabenhaus", kind="decision", urgent=True)
    # The representative declares for their own organisation, not for another one.
    with pytest.raises(NotPermitted) as other:
        declare(kg, RABENHAUS, grant, "tjfbg", "Nachbarschaft")
    assert "nicht für tjfbg" in refused(other.value)[0]
    declare(kg, RABENHAUS, grant, "Rabenhaus", "Rabenhaus erhält die Zuwendung")
    with pytest.raises(Conflict) as twice:
        declare(kg, SECRETARIAT, grant, "Rabenhaus", "nochmals")
    assert "bereits als befangen" in refused(twice.value)[0]

    attend(kg, first, VOTING[:5])  # five of eight: quorate at opening, not for this vote
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(kg, CHAIR, ms.open_meeting, first)
    with pytest.raises(Conflict) as not_quorate:
        vote(kg, grant, totals=(4, 0, 0))
    assert "beschlussfähig" in refused(not_quorate.value)[0]

    rules(kg, conflicted_count_for_quorum="true")
    with pytest.raises(Conflict) as conflicted:
        vote(kg, grant, ballots={"Rabenhaus": "yes", "tjfbg": "yes"})
    de, en = refused(conflicted.value)
    assert de == (
        "Rabenhaus ist bei diesem TOP befangen (Rabenhaus erhält die Zuwendung) "
        "und stimmt nicht mit ab."
    )
    assert en.startswith("Rabenhaus has a conflict of interest in this item")
    with pytest.raises(InvalidInput) as too_many:
        vote(kg, grant, totals=(5, 0, 0))  # only four may vote on it
    assert "nur 4" in refused(too_many.value)[0]
    vote_id = vote(
        kg,
        grant,
        ballots={
            "BA Treptow-Köpenick": "yes",
            "Offensiv'91": "yes",
            "tjfbg": "yes",
            "KungerKiez": "no",
        },
    )
    with kg.db.session() as s:
        taken = s.get(Vote, vote_id)
        assert taken is not None
        assert (taken.present, taken.conflicted) == (5, 1)
        assert votes.describe_vote(taken)["conflicted"] == 1
        de_html = text_of(load_html(s, "minutes", str(first), "de"))
        en_html = text_of(load_html(s, "minutes", str(first), "en"))
    assert (
        "Wegen Befangenheit nicht an der Abstimmung beteiligt: Rabenhaus e.V. "
        "(Rabenhaus erhält die Zuwendung)." in de_html
    )
    assert "Took no part in the vote for a conflict of interest: Rabenhaus e.V." in en_html
    assert "conflict.declare" in audit_actions(kg)
    # After the vote, no conflict can be declared for the item any more.
    with pytest.raises(Conflict) as late:
        declare(kg, SECRETARIAT, grant, "tjfbg", "zu spät")
    assert "bereits abgestimmt" in refused(late.value)[0]


# --- vote transfer ---


def test_a_vote_is_transferred_in_writing_where_the_rules_allow_and_marked_in_the_record(kg):
    first = run_to_meeting_day(kg)
    grant = propose(kg, CHAIR, first, "Zuwendung Kiezfest", kind="decision", urgent=True)
    with pytest.raises(Conflict) as off:
        act(
            kg,
            SECRETARIAT,
            vote_transfer.transfer,
            first,
            from_organisation="VskA",
            to_organisation="ajb",
        )
    assert "vote_transfer=true" in refused(off.value)[0]
    assert "allow it" in refused(off.value)[1]

    rules(kg, vote_transfer="true")
    act(
        kg,
        SECRETARIAT,
        vote_transfer.transfer,
        first,
        from_organisation="VskA",
        to_organisation="ajb",
    )
    refusals = [
        ({"from_organisation": "Paritätischer Berlin", "to_organisation": "ajb"}, "bereits 1"),
        ({"from_organisation": "ajb", "to_organisation": "tjfbg"}, "führt die übertragene Stimme"),
        ({"from_organisation": "VskA", "to_organisation": "tjfbg"}, "bereits an ajb"),
        ({"from_organisation": "tjfbg", "to_organisation": "VskA"}, "ihre eigene Stimme an ajb"),
        ({"from_organisation": "tjfbg", "to_organisation": "tjfbg"}, "an sich selbst"),
        ({"from_organisation": "SenASGIVA", "to_organisation": "tjfbg"}, "kein stimmberechtigtes"),
    ]
    for kwargs, words in refusals:
        with pytest.raises(GremiumError) as no:
            act(kg, SECRETARIAT, vote_transfer.transfer, first, **kwargs)
        assert words in refused(no.value)[0], (kwargs, refused(no.value))
    # A representative may not transfer another organisation's vote.
    with pytest.raises(NotPermitted):
        act(
            kg,
            RABENHAUS,
            vote_transfer.transfer,
            first,
            from_organisation="tjfbg",
            to_organisation="Rabenhaus",
        )

    attend(kg, first, VOTING[:6])  # ajb present; VskA is not
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(kg, CHAIR, ms.open_meeting, first)
    vote_id = vote(
        kg,
        grant,
        ballots={"BA Treptow-Köpenick": "yes", "Rabenhaus": "yes", "ajb": "no", "VskA": "no"},
    )
    with kg.db.session() as s:
        taken = s.get(Vote, vote_id)
        assert taken is not None
        described = votes.describe_vote(taken)
        assert described["transferred_ballots"] == {"VskA": "ajb"}
        assert (taken.present, taken.transferred) == (6, 1)  # by default not for the quorum
        de_html = text_of(load_html(s, "minutes", str(first), "de"))
        en_html = text_of(load_html(s, "minutes", str(first), "en"))
    assert "VskA nein (übertragene Stimme, abgegeben durch ajb)" in de_html
    assert "VskA no (transferred vote, cast by ajb)" in en_html
    assert (
        "Stimmrechtsübertragungen: Verband für sozial-kulturelle Arbeit e.V. hat ihre Stimme"
        in de_html
    )
    assert "vote_transfer.record" in audit_actions(kg)


def test_a_transfer_ends_when_the_transferring_member_arrives_and_counts_where_the_rules_say(kg):
    first = run_to_meeting_day(kg)
    grant = propose(kg, CHAIR, first, "Zuwendung Kiezfest", kind="decision", urgent=True)
    later = propose(kg, CHAIR, first, "Zweite Zuwendung", kind="decision", urgent=True)
    rules(kg, vote_transfer="true", transferred_votes_count_for_quorum="true")
    act(
        kg,
        SECRETARIAT,
        vote_transfer.transfer,
        first,
        from_organisation="VskA",
        to_organisation="ajb",
    )
    attend(kg, first, ["BA Treptow-Köpenick", "Rabenhaus", "tjfbg", "ajb"])
    attend(kg, first, ["VskA"], arrived="10:30")
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(kg, CHAIR, ms.open_meeting, first)  # 4 present + 1 transferred vote = 5 of 8: quorate
    with kg.db.session() as s:
        assert ms.meeting_by_id(s, first).quorate_at_opening is True
    vote(kg, grant, ballots={"VskA": "yes", "ajb": "yes", "tjfbg": "yes"})
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 45))
    # VskA came: the transfer has ended, it votes itself and ajb may no longer vote for it
    # (and five are present in person now).
    vote_id = vote(kg, later, ballots={"VskA": "no", "ajb": "yes"})
    with kg.db.session() as s:
        ballots = list(s.scalars(select(Ballot).where(Ballot.vote_id == vote_id)))
        assert all(b.cast_by_id is None for b in ballots)
        taken = s.get(Vote, vote_id)
        assert taken is not None and taken.transferred == 0
        assert "Übertragung endete, als Verband" in text_of(
            load_html(s, "minutes", str(first), "de")
        )


# --- hybrid and online meetings ---


def test_a_hybrid_meetings_video_link_goes_to_the_invited_and_online_members_count(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    for fmt, url, words in (
        ("hybrid", "", "braucht einen Videolink"),
        ("online", "http://video.example.org/x", "https-Adresse"),
        ("online", "https://video.example.org/a b", "https-Adresse"),
        ("in_person", VIDEO, "keinen Videolink"),
        ("zoom", VIDEO, "in_person, online, hybrid"),
    ):
        with pytest.raises(InvalidInput) as bad:
            act(kg, CHAIR, meeting_format.set_format, first, format=fmt, video_url=url)
        assert words in refused(bad.value)[0], refused(bad.value)
    with pytest.raises(NotPermitted):
        act(kg, RABENHAUS, meeting_format.set_format, first, format="hybrid", video_url=VIDEO)
    act(kg, CHAIR, meeting_format.set_format, first, format="hybrid", video_url=VIDEO)
    with kg.db.session() as s:
        [record] = s.scalars(
            select(AuditRecord).where(
                AuditRecord.action == "meeting.format", AuditRecord.outcome == "done"
            )
        )
        assert VIDEO not in str(record.details)  # the audit trail outlives the meeting

    tick(kg, 2026, 3, 11, 9, 30)  # the invitation goes out; the meeting's day
    with kg.db.session() as s:
        invitations = list(
            s.scalars(select(OutboxMessage).where(OutboxMessage.notification == "invitation"))
        )
    assert invitations
    for message in invitations:
        assert message.context["meeting"]["video_url"] == VIDEO
        assert message.calendar is not None
        unfolded = message.calendar.replace("\r\n ", "")
        assert f"CONFERENCE;FEATURE=VIDEO;VALUE=URI:{VIDEO}" in unfolded
        assert f"URL:{VIDEO}" in unfolded
    with kg.db.session() as s:
        invitation_de = text_of(load_html(s, "invitation", str(first), "de"))
        invitation_en = text_of(load_html(s, "invitation", str(first), "en"))
    assert f"Videolink (nur für die Eingeladenen) {VIDEO}" in invitation_de
    assert "hybrid meeting (in the room and by video)" in invitation_en

    attend(kg, first, VOTING[:5])
    with pytest.raises(InvalidInput) as absent:
        act(kg, SECRETARIAT, meeting_format.attend_online, first, organisation="VskA")
    assert "nicht als anwesend" in refused(absent.value)[0]
    act(kg, SECRETARIAT, meeting_format.attend_online, first, organisation="KungerKiez")
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    with kg.unit_of_work(CHAIR) as uow:
        assert meeting_session.quorum_now(uow, ms.meeting_by_id(uow.session, first)).present == 5
    rules(kg, online_counts_for_quorum="false")
    with kg.unit_of_work(CHAIR) as uow:
        assert meeting_session.quorum_now(uow, ms.meeting_by_id(uow.session, first)).present == 4
    rules(kg, online_counts_for_quorum="true")
    act(kg, CHAIR, ms.open_meeting, first)
    with kg.db.session() as s:
        minutes_de = text_of(load_html(s, "minutes", str(first), "de"))
        minutes_en = text_of(load_html(s, "minutes", str(first), "en"))
    assert "anwesend, online teilgenommen" in minutes_de
    assert "took part online" in minutes_en
    assert VIDEO not in minutes_de  # the minutes (to be published) never carry the link


def test_conflict_and_transfer_by_the_links_in_the_invitation(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    grant = propose(kg, CHAIR, first, "Zuwendung an Rabenhaus", kind="decision")
    rules(kg, vote_transfer="true")
    tick(kg, 2026, 2, 26, 9, 0)  # invited on 25 February
    with kg.db.session() as s:
        by_person = {
            m.recipient: m
            for m in s.scalars(
                select(OutboxMessage).where(OutboxMessage.notification == "invitation")
            )
        }
        rabenhaus = by_person[RABENHAUS]
        vska = by_person[VSKA]
        assert set(rabenhaus.context["practice_links"]) == {"conflict", "transfer"}
        tokens = {}
        for who, message, kind in ((RABENHAUS, rabenhaus, "conflict"), (VSKA, vska, "transfer")):
            [address] = action_links.fill(
                s,
                message.person_id,
                [message.context["practice_links"][kind]],
                None,
                kg.clock.now(),
            )
            tokens[who] = address.rsplit("/l/", 1)[1]
        s.commit()
    with kg.unit_of_work(Actor.system()) as uow:
        done = action_links.act(
            uow, tokens[RABENHAUS], {"item": str(grant), "reason": "Empfänger der Zuwendung"}
        )
    assert done.result.render("de").startswith(
        "Erfasst: Rabenhaus ist bei „Zuwendung an Rabenhaus“"
    )
    with kg.db.session() as s:
        ajb = str(directory.organisation_by_ref(s, "ajb").id)
    with kg.unit_of_work(Actor.system()) as uow:
        done = action_links.act(uow, tokens[VSKA], {"to": ajb})
    assert done.result.render("en") == "Recorded: VskA transfers its vote for this meeting to ajb."
    with kg.db.session() as s:
        [conflict] = s.scalars(select(ConflictOfInterest))
        assert conflict.via == "link"
        meeting = ms.meeting_by_id(s, first)
        [transfer] = vote_transfer.transfers(s, meeting)
        assert (transfer.via, transfer.to_organisation.short_name) == ("link", "ajb")
