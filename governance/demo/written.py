"""A decision between meetings in the demo year: the written procedure (Umlaufverfahren)
in October, between the September and December meetings.

The chair puts a statement on the district's neighbourhood fund to the nine
voting members; six vote by the personal links of the motion mail (read from
the Maildir as delivered), one sends its vote on paper and the secretariat
records it, two are reminded two days before the deadline and let it pass.
At the deadline seven of nine have voted (five make the participation): the
statement is carried and takes the register's next number; every member is
told, and the December minutes list it.
"""

from __future__ import annotations

from governance.demo.script import CHAIR, SECRETARIAT, Stage
from governance.models import Capacity
from governance.services import directory
from governance.services import written_procedure as wp
from governance.unit_of_work import Actor

TITLE = "Stellungnahme zum Kiezfonds 2027"
TEXT = (
    "Das Kooperationsgremium unterstützt die Fortführung des Kiezfonds im Jahr 2027 "
    "mit mindestens dem Ansatz von 2026.\n\n"
    "Die Geschäftsstelle leitet die Stellungnahme dem Bezirksamt und dem Ausschuss für "
    "Soziales der Bezirksverordnetenversammlung zu."
)
BY_LINK = {
    "BA Treptow-Köpenick": "yes",
    "Rabenhaus": "yes",
    "tjfbg": "yes",
    "KungerKiez": "yes",
    "ajb": "abstain",
    "Kosmosviertel": "yes",
}
LABELS = {"yes": "Ja", "no": "Nein", "abstain": "Enthaltung"}


def written_decision(stage: Stage) -> None:
    stage.at(2026, 10, 5, 9, 0)

    def put(uow):  # type: ignore[no-untyped-def]
        committee = directory.committee_by_ref(uow.session, "KG")
        return wp.start(uow, committee, title=TITLE, text=TEXT, kind="statement").id

    number = stage.act(CHAIR, put)
    stage.note(f"Umlaufverfahren Nr. {number} eingeleitet: {TITLE}")
    stage.at(2026, 10, 6, 10, 0)
    for organisation, choice in BY_LINK.items():
        token = _link(stage, _representative(stage, organisation), number, choice)
        from governance.services import action_links

        stage.act(Actor.system(), lambda uow, t=token: action_links.act(uow, t, {}))
    stage.at(2026, 10, 8, 11, 0)
    stage.act(
        SECRETARIAT,
        lambda uow: wp.record_paper_vote(
            uow, wp.procedure_by_ref(uow.session, number), organisation="Offensiv'91", choice="no"
        ),
    )
    # The reminder (10 October) and the deadline (12 October, 23:59) are timers.
    stage.at(2026, 10, 13, 9, 0)
    with stage.app.db.session() as s:
        procedure = wp.procedure_by_ref(s, number)
        assert procedure.state == "decided", procedure.state
        stage.note(
            f"Umlaufverfahren Nr. {number} beschlossen als {procedure.reference}: "
            f"{procedure.yes} Ja, {procedure.no} Nein, {procedure.abstain} Enthaltung "
            f"(7 von 9 haben abgestimmt, eine Stimme auf Papier)"
        )


def _representative(stage: Stage, organisation: str) -> str:
    with stage.app.db.session() as s:
        committee = directory.committee_by_ref(s, "KG")
        membership = directory.membership_of(
            s, committee, directory.organisation_by_ref(s, organisation)
        )
        assert membership is not None, organisation
        return membership.persons(Capacity.REPRESENTATIVE)[0].email


def _link(stage: Stage, recipient: str, number: int, choice: str) -> str:
    """The token of the *choice* link in the motion mail to *recipient*, as delivered."""
    import email
    import email.policy
    import mailbox
    import re

    assert stage.mail_folder is not None, "the demo's mail goes to a Maildir"
    subject = f"Umlaufverfahren Nr. {number}:"
    for raw in mailbox.Maildir(stage.mail_folder, factory=None, create=False):
        message = email.message_from_bytes(bytes(raw), policy=email.policy.default)
        if recipient in str(message["To"]) and str(message["Subject"]).strip().startswith(subject):
            body = message.get_body(("plain",))
            assert body is not None
            found = re.search(
                rf"^{LABELS[choice]}: \S+/l/([A-Za-z0-9_-]+)", body.get_content(), re.M
            )
            if found:
                return found.group(1)
    raise AssertionError(f"no link “{LABELS[choice]}” in a mail “{subject}…” to {recipient}")
