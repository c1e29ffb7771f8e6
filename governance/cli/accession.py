"""``gremium accession``: applications for accession (Beitritt) of a new partner.

Each command calls one function of governance.services.accession inside one
unit of work; permission checks, validation and the audit record live there.
"""

from __future__ import annotations

from typing import Any

import click

from governance.cli.common import (
    CliState,
    committee_option,
    json_option,
    pass_state,
    print_json,
    print_table,
    t,
)
from governance.models import AccessionApplication, AgreementVersion, SignatureMethod
from governance.services import accession, directory
from governance.unit_of_work import Actor, UnitOfWork


def _label(state: CliState, name: str) -> str:
    return state.app.engine.definitions["accession"].label(name, state.lang)


def _changed(state: CliState, application: AccessionApplication) -> str:
    return t(
        state,
        "accession.cli.changed",
        id=application.id,
        organisation=application.organisation.short_name,
        status=_label(state, application.state),
    )


def _act(state: CliState, ref: str, action: Any, **kwargs: Any) -> None:
    """Run *action* on application *ref* in one unit of work and say what it is now."""
    with state.uow() as uow:
        application = action(uow, ref, **kwargs)
        message = _changed(state, application)
    click.echo(message)


@click.group("accession")
def accession_group() -> None:
    """Beitritt neuer Kooperationspartner:innen: Antrag, Prüfung, Beschluss, Beitrittserklärung."""


@accession_group.command("apply")
@committee_option
@click.option("--org-name", required=True, help="Name der Organisation")
@click.option("--short-name", required=True, help="Kurzname der Organisation")
@click.option(
    "--kind",
    required=True,
    help="public_body | association | non_profit_company | umbrella_association",
)
@click.option("--applicant-name", required=True, help="Name der antragstellenden Person")
@click.option("--applicant-email", required=True, help="E-Mail der antragstellenden Person")
@click.option("--function", "function_title", default="", help="Funktion der Person")
@click.option("--language", default="de", help="Sprache der Person: de | en")
@click.option("--motivation", default="", help="Begründung des Antrags")
@pass_state
def apply_cmd(
    state: CliState,
    committee_ref: str | None,
    org_name: str,
    short_name: str,
    kind: str,
    applicant_name: str,
    applicant_email: str,
    function_title: str,
    language: str,
    motivation: str,
) -> None:
    """Einen Beitrittsantrag stellen (legt Organisation und Person an, falls neu).

    Ohne --as wird der Antrag als vom System erfasst protokolliert (z. B. aus
    einem Formular); eine Rolle im Gremium ist nicht nötig.
    """
    actor: Actor | str = state.actor if state.actor else Actor.system()
    with state.app.unit_of_work(actor) as uow:
        application = accession.apply(
            uow,
            committee_ref,
            org_name=org_name,
            short_name=short_name,
            kind=kind,
            applicant_name=applicant_name,
            applicant_email=applicant_email,
            function_title=function_title,
            language=language,
            motivation=motivation,
        )
        message = t(
            state,
            "accession.cli.applied",
            id=application.id,
            organisation=application.organisation.short_name,
            status=_label(state, application.state),
        )
    click.echo(message)


@accession_group.command("list")
@committee_option
@click.option("--state", "state_filter", default=None, help="nur Anträge in diesem Zustand")
@json_option
@pass_state
def list_cmd(
    state: CliState, committee_ref: str | None, state_filter: str | None, as_json: bool
) -> None:
    """Alle Beitrittsanträge des Gremiums."""
    engine = state.app.engine
    with state.read() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        rows = [
            accession.describe(a, engine)
            for a in accession.applications(session, committee, state_filter, engine=engine)
        ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "accession.cli.none"))
        return
    headings = t(state, "accession.cli.heading").split("|")
    keys = ["id", "organisation", "applicant_email", "submitted_on", "state_label", "member_from"]
    for row in rows:
        row["state_label"] = _label(state, row["state"])
    print_table(rows, list(zip(keys, headings, strict=True)))


@accession_group.command("show")
@click.argument("ref", metavar="ID")
@json_option
@pass_state
def show_cmd(state: CliState, ref: str, as_json: bool) -> None:
    """Einen Beitrittsantrag anzeigen."""
    with state.read() as session:
        data = accession.describe(accession.application_by_id(session, ref), state.app.engine)
    if as_json:
        print_json(data)
        return
    votes = data["votes"]
    declaration = data["declaration"]
    shown = {k: ("—" if v in (None, "") else v) for k, v in data.items()}
    shown["status"] = _label(state, shown.pop("state"))
    shown["votes"] = t(state, "accession.cli.votes", **votes) if votes else "—"
    shown["declaration"] = (
        t(
            state,
            "accession.cli.declaration",
            **{**declaration, "method": t(state, f"signature.method.{declaration['method']}")},
        )
        if declaration
        else "—"
    )
    shown["allowed"] = ", ".join(
        f"{_label(state, n)} ({n})" for n in data["allowed_triggers"]
    ) or t(state, "error.nothing_allowed")
    click.echo(t(state, "accession.cli.show", **shown))


@accession_group.command("review")
@click.argument("ref", metavar="ID")
@pass_state
def review_cmd(state: CliState, ref: str) -> None:
    """Den Antrag in Prüfung nehmen (Vorsitz)."""
    _act(state, ref, accession.review)


@accession_group.command("schedule")
@click.argument("ref", metavar="ID")
@pass_state
def schedule_cmd(state: CliState, ref: str) -> None:
    """Den Antrag zur Entscheidung auf die Tagesordnung setzen (Vorsitz)."""
    _act(state, ref, accession.schedule)


@accession_group.command("reject")
@click.argument("ref", metavar="ID")
@click.option("--reason", required=True, help="Begründung der Ablehnung")
@pass_state
def reject_cmd(state: CliState, ref: str, reason: str) -> None:
    """Den Antrag ohne Beschluss des Gremiums ablehnen (Vorsitz)."""
    _act(state, ref, accession.reject, reason=reason)


@accession_group.command("decide")
@click.argument("ref", metavar="ID")
@click.option("--yes", "yes", required=True, help="Ja-Stimmen")
@click.option("--no", "no", required=True, help="Nein-Stimmen")
@click.option("--abstain", "abstain", required=True, help="Enthaltungen")
@click.option("--date", "day", default=None, help="Tag des Beschlusses (Standard: heute)")
@pass_state
def decide_cmd(state: CliState, ref: str, yes: str, no: str, abstain: str, day: str | None) -> None:
    """Das Abstimmungsergebnis des Gremiums erfassen (Vorsitz).

    Angenommen ist der Antrag mit der Beitrittsmehrheit der Geschäftsordnung
    (Standard: zwei Drittel der abgegebenen Stimmen, Enthaltungen zählen nicht).
    """
    with state.uow() as uow:
        accession.decide(uow, ref, yes=yes, no=no, abstain=abstain, decided_on=day)
        application = accession.application_by_id(uow.session, ref)
        message = t(
            state,
            "accession.cli.decided",
            id=application.id,
            organisation=application.organisation.short_name,
            status=_label(state, application.state),
            yes=application.votes_yes,
            no=application.votes_no,
            abstain=application.votes_abstain,
        )
    click.echo(message)


@accession_group.command("declare")
@click.argument("ref", metavar="ID")
@click.option("--signatory", required=True, metavar="EMAIL", help="wer unterzeichnet hat")
@click.option("--date", "day", required=True, help="Tag der Unterzeichnung (JJJJ-MM-TT)")
@click.option("--place", required=True, help="Ort der Unterzeichnung")
@click.option(
    "--hash", "digest", required=True, metavar="SHA256", help="SHA-256 der geltenden Fassung"
)
@click.option(
    "--method",
    default=SignatureMethod.INK.value,
    show_default=True,
    help="ink | scanned | electronic",
)
@click.option(
    "--member-from",
    default=None,
    help="Mitglied ab (Standard: der Tag nach der Unterzeichnung)",
)
@pass_state
def declare_cmd(
    state: CliState,
    ref: str,
    signatory: str,
    day: str,
    place: str,
    digest: str,
    method: str,
    member_from: str | None,
) -> None:
    """Die unterzeichnete Beitrittserklärung erfassen; die Organisation tritt bei."""
    with state.uow() as uow:
        declaration = _declare(uow, ref, signatory, day, place, digest, method, member_from)
        application = accession.application_by_id(uow.session, ref)
        message = t(
            state,
            "accession.cli.joined",
            organisation=application.organisation.short_name,
            member_from=application.member_from.isoformat() if application.member_from else "—",
            number=declaration,
        )
    click.echo(message)


def _declare(
    uow: UnitOfWork,
    application: str,
    signatory: str,
    day: str,
    place: str,
    digest: str,
    method: str,
    member_from: str | None,
) -> int:
    declaration = accession.declare(
        uow,
        application,
        signatory_email=signatory,
        signed_on=day,
        place=place,
        text_sha256=digest,
        method=method,
        member_from=member_from,
    )
    version = uow.session.get(AgreementVersion, declaration.agreement_version_id)
    return version.number if version else 0


@accession_group.command("withdraw")
@click.argument("ref", metavar="ID")
@click.option("--reason", default="", help="Begründung (optional)")
@pass_state
def withdraw_cmd(state: CliState, ref: str, reason: str) -> None:
    """Den Antrag vor der Entscheidung zurückziehen (Antragsteller:in; Vorsitz/Geschäftsstelle erfasst)."""
    _act(state, ref, accession.withdraw, reason=reason)


COMMANDS = [accession_group]
