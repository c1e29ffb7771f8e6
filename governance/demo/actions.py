"""What people do in the demo, in small steps: propose, attend, vote, write minutes."""

from __future__ import annotations

from typing import Any

from governance.demo.script import (
    CHAIR,
    SECRETARIAT,
    Stage,
    on_item,
    on_meeting,
)
from governance.services import (
    agenda,
    attendance,
    minutes,
    votes,
)
from governance.services import meetings as ms


def propose(stage: Stage, actor: str, meeting: int, title: str, **kwargs: Any) -> int:
    return int(
        stage.act(
            actor,
            lambda uow: (
                agenda.propose(
                    uow, ms.meeting_by_id(uow.session, meeting), title=title, **kwargs
                ).id
            ),
        )
    )


def attend(
    stage: Stage, meeting: int, organisation: str, status: str = "present", **kwargs: Any
) -> None:
    stage.act(
        SECRETARIAT,
        on_meeting(
            attendance.record, meeting, organisation_ref=organisation, status=status, **kwargs
        ),
    )


def vote(stage: Stage, item: int, text: str, **kwargs: Any) -> str:
    decision = stage.act(CHAIR, on_item(votes.record_vote, item, text=text, **kwargs))
    result = "angenommen" if decision.carried else "abgelehnt"
    stage.note(f"Beschluss {decision.reference}: {text} — {result}")
    return str(decision.reference)


def item_of(stage: Stage, meeting: int, title_start: str) -> int:
    with stage.app.db.session() as s:
        found = [
            i
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.title.startswith(title_start) and i.status == "accepted"
        ]
    return found[0].id


def minutes_round(stage: Stage, meeting: int, notes: dict[int, str]) -> None:
    if notes:
        stage.act(SECRETARIAT, on_meeting(minutes.record_notes, meeting, notes=notes))
    stage.act(SECRETARIAT, on_meeting(minutes.circulate, meeting))


def note_the_rest(stage: Stage, meeting: int) -> None:
    """The items without a vote are taken note of, as the chair goes through the agenda."""
    with stage.app.db.session() as s:
        rest = [
            i.id
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.status == "accepted" and i.outcome is None and i.kind != "decision"
        ]
    for item in rest:
        stage.act(SECRETARIAT, on_item(agenda.mark, item, outcome="noted"))


def held_number(stage: Stage, meeting: int) -> int | None:
    with stage.app.db.session() as s:
        return ms.meeting_by_id(s, meeting).number


def item_of_proposed(stage: Stage, meeting: int, title_start: str) -> int:
    with stage.app.db.session() as s:
        return next(
            i.id
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.title.startswith(title_start)
        )


# --- answers to the invitation, by the links in the mail (issue 14) ---

_LINK_LABELS = {
    "attends": "Ich nehme teil",
    "excused": "Ich bin verhindert",
    "deputy": "Mich vertritt …",
}


def representative_of(stage: Stage, meeting: int, organisation: str) -> str:
    """The e-mail address of *organisation*'s (first) representative in the committee."""
    from governance.models import Capacity
    from governance.services import directory

    with stage.app.db.session() as s:
        committee = ms.meeting_by_id(s, meeting).committee
        membership = directory.membership_of(
            s, committee, directory.organisation_by_ref(s, organisation)
        )
        assert membership is not None, organisation
        return membership.persons(Capacity.REPRESENTATIVE)[0].email


def link_in_mail(stage: Stage, recipient: str, subject_start: str, answer: str) -> str:
    """The token of the link for *answer* in the newest mail to *recipient* whose subject
    starts with *subject_start*, read from the Maildir as delivered (as its reader sees it)."""
    import email
    import email.policy
    import email.utils
    import mailbox
    import re

    assert stage.mail_folder is not None, "the demo's mail goes to a Maildir"
    found: list[tuple[Any, str]] = []
    for raw in mailbox.Maildir(stage.mail_folder, factory=None, create=False):
        message = email.message_from_bytes(bytes(raw), policy=email.policy.default)
        if recipient not in str(message["To"]) or not str(message["Subject"]).startswith(
            subject_start
        ):
            continue
        body = message.get_body(("plain",))
        assert body is not None
        found.append((email.utils.parsedate_to_datetime(str(message["Date"])), body.get_content()))
    assert found, f"no mail “{subject_start}…” to {recipient}"
    text = max(found, key=lambda pair: pair[0])[1]
    link = re.search(re.escape(_LINK_LABELS[answer]) + r": \S+/l/([A-Za-z0-9_-]+)", text)
    assert link, f"no link “{_LINK_LABELS[answer]}” in the mail to {recipient}"
    return link.group(1)


def answer_by_link(
    stage: Stage,
    meeting: int,
    organisation: str,
    answer: str,
    *,
    deputy: str | None = None,
    comment: str = "",
    mail: str = "Einladung",
) -> None:
    """The organisation's representative opens the link of their mail and confirms: the
    same call the web page's POST makes (governance/services/action_links.py)."""
    from governance.services import action_links
    from governance.unit_of_work import Actor

    token = link_in_mail(stage, representative_of(stage, meeting, organisation), mail, answer)
    form = {"comment": comment, **({"deputy": deputy} if deputy else {})}
    stage.act(Actor.system(), lambda uow: action_links.act(uow, token, form))


def answers_by_link(stage: Stage, meeting: int, answers: dict[str, str]) -> None:
    """Several organisations answer their invitation by link (attends or excused)."""
    for organisation, answer in answers.items():
        answer_by_link(stage, meeting, organisation, answer)
