"""Meeting practice in the demo year (issue 16): the September meeting is hybrid, the
Rabenhaus declares a conflict of interest by its link, the VskA transfers its vote by
its link, and a roll-call vote shows both.

:func:`prepare` runs in July (the chair allows vote transfers and makes the September
meeting hybrid, with a grant for Rabenhaus on its agenda); :func:`september` is
called by governance/demo/autumn.py at the steps of that meeting.
"""

from __future__ import annotations

from typing import Any

from governance.demo.actions import item_of, representative_of, vote
from governance.demo.script import CHAIR, SECRETARIAT, Stage, on_meeting
from governance.services import agenda, meeting_format, rules_of_procedure
from governance.services import meetings as ms

VIDEO_URL = "https://video.ba-tk.example.org/kooperationsgremium-sitzung-3"
"""The September meeting's video link: in the invitations only, never in public outputs."""
GRANT = "Zuwendung für das Kiezfest 2027 des Rabenhaus e.V."
CONFLICT_REASON = "Der Rabenhaus e.V. ist Empfänger der Zuwendung"

_LINKS = {
    "conflict": "befangen ist, erklären Sie das hier",
    "transfer": "für diese Sitzung schriftlich an ein anderes Mitglied übertragen",
}


def prepare(stage: Stage) -> None:
    september = stage.meeting(3)
    stage.at(2026, 7, 20, 9, 0)
    stage.act(
        CHAIR,
        lambda uow: rules_of_procedure.change_rules(
            uow, ms.meeting_by_id(uow.session, september).committee, {"vote_transfer": "true"}
        ),
    )
    stage.act(
        CHAIR,
        on_meeting(meeting_format.set_format, september, format="hybrid", video_url=VIDEO_URL),
    )
    stage.act(
        CHAIR,
        lambda uow: agenda.propose(
            uow,
            ms.meeting_by_id(uow.session, september),
            title=GRANT,
            kind="decision",
            description="2.500 Euro aus dem Verfügungsfonds des Handlungsraums.",
        ),
    )
    stage.note(
        "Vorsitz erlaubt die Stimmrechtsübertragung (Geschäftsordnung) und lädt zur "
        "September-Sitzung hybrid ein (Videolink nur in den Einladungen)"
    )


def september(stage: Stage, meeting: int, phase: str) -> None:
    if phase == "answered":
        _by_link(
            stage,
            meeting,
            "Rabenhaus",
            "conflict",
            {"item": str(item_of(stage, meeting, GRANT[:20])), "reason": CONFLICT_REASON},
        )
        stage.note("Rabenhaus erklärt per Link die Befangenheit beim TOP „Zuwendung Kiezfest“")
        _by_link(stage, meeting, "VskA", "transfer", {"to": _organisation_id(stage, "ajb")})
        stage.note("VskA kann nicht kommen und überträgt ihre Stimme per Link schriftlich an ajb")
    elif phase == "attended":
        stage.act(
            SECRETARIAT,
            on_meeting(meeting_format.attend_online, meeting, organisation="Kosmosviertel"),
        )
        stage.note(
            "Hybride Sitzung: Kosmosviertel ist per Video zugeschaltet und zählt als anwesend"
        )
    elif phase == "opened":
        vote(
            stage,
            item_of(stage, meeting, GRANT[:20]),
            "Das Gremium bewilligt dem Rabenhaus e.V. 2.500 Euro für das Kiezfest 2027.",
            ballots={
                "BA Treptow-Köpenick": "yes",
                "Offensiv'91": "yes",
                "tjfbg": "yes",
                "KungerKiez": "abstain",
                "ajb": "yes",
                "VskA": "yes",  # cast by ajb under the transfer
                "Kosmosviertel": "yes",
                "Paritätischer Berlin": "yes",
            },
        )
        stage.note(
            "Namentliche Abstimmung: Rabenhaus stimmt wegen Befangenheit nicht mit, "
            "ajb gibt die übertragene Stimme der VskA ab"
        )


def _organisation_id(stage: Stage, name: str) -> str:
    from governance.services import directory

    with stage.app.db.session() as s:
        return str(directory.organisation_by_ref(s, name).id)


def _by_link(
    stage: Stage, meeting: int, organisation: str, kind: str, form: dict[str, Any]
) -> None:
    """The representative opens the link in their invitation and confirms (the same call
    the web page's POST makes)."""
    from governance.services import action_links
    from governance.unit_of_work import Actor

    token = _token(stage, representative_of(stage, meeting, organisation), _LINKS[kind])
    stage.act(Actor.system(), lambda uow: action_links.act(uow, token, form))


def _token(stage: Stage, recipient: str, words: str) -> str:
    """The token of the link after *words* in the newest invitation to *recipient*."""
    import email
    import email.policy
    import email.utils
    import mailbox
    import re

    assert stage.mail_folder is not None, "the demo's mail goes to a Maildir"
    found: list[tuple[Any, str]] = []
    for raw in mailbox.Maildir(stage.mail_folder, factory=None, create=False):
        message = email.message_from_bytes(bytes(raw), policy=email.policy.default)
        if recipient not in str(message["To"]) or "Einladung" not in str(message["Subject"]):
            continue
        body = message.get_body(("plain",))
        assert body is not None
        found.append((email.utils.parsedate_to_datetime(str(message["Date"])), body.get_content()))
    assert found, f"no invitation to {recipient}"
    text = max(found, key=lambda pair: pair[0])[1]
    link = re.search(re.escape(words) + r"[^:]*: \S+/l/([A-Za-z0-9_-]+)", text)
    assert link, f"no link “{words}” in the invitation to {recipient}"
    return link.group(1)
