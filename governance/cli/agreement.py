"""``gremium agreement``: signing the cooperation agreement (Kooperationsvereinbarung).

Each command calls one function of governance.services.agreements inside one
unit of work; permission checks, validation and the audit trail live there.
A version is named by its number ("2") or by agreement and version ("1/2").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from governance.cli.common import (
    CliState,
    committee_option,
    json_option,
    pass_state,
    print_json,
    print_table,
    state_label,
    t,
)
from governance.clock import BERLIN
from governance.domain.signatures import SignatureMethod
from governance.errors import InvalidInput
from governance.lazy_import import lazy_module
from governance.services.agreement_text import MAX_TEXT

if TYPE_CHECKING:
    from governance.models import AgreementVersion
    from governance.services import agreements, directory
else:  # loaded by the commands that use them: `agreement list` reads through Core
    agreements = lazy_module("governance.services.agreements")
    directory = lazy_module("governance.services.directory")

ID_HELP = (
    "Fassung: ihre Nummer (z. B. 2) oder VEREINBARUNG/FASSUNG (z. B. 1/2); siehe „agreement list“."
)
METHODS = [m.value for m in SignatureMethod]


def _method(state: CliState, method: str | None) -> str | None:
    """How a signature was given, in the reader's words ("eigenhändig"), not its code."""
    return t(state, f"signature.method.{method}") if method else None


def _label(state: CliState, name: str) -> str:
    return state_label(state, "agreement", name)


def _pending(state: CliState, version: AgreementVersion) -> str:
    names = [o.short_name for o in version.pending_parties()]
    return ", ".join(names) if names else t(state, "agreement.cli.nobody")


@click.group("agreement")
def agreement_group() -> None:
    """Kooperationsvereinbarung: anlegen, öffnen, unterzeichnen, ändern, beenden.

    \b
    Erste Vereinbarung: create → open (Vorsitz, ohne Beschluss) → sign/ceremony → in Kraft.
    Änderung: amend → schedule (Beschluss-TOP der nächsten Sitzung) → Abstimmung
    („meeting vote“, Mehrheit für Änderungen) → open → sign/ceremony → in Kraft.

    Eine Fassung wird als Nummer (z. B. 2) oder als VEREINBARUNG/FASSUNG
    (z. B. 1/2) angegeben; „gremium agreement list“ zeigt beide.
    """


@agreement_group.command("list")
@committee_option
@json_option
@pass_state
def list_cmd(state: CliState, committee_ref: str | None, as_json: bool) -> None:
    """Alle Fassungen der Vereinbarung des Gremiums."""
    from governance.reads.agreements import versions
    from governance.reads.committees import committee_id_by_ref, short_name

    with state.reading() as conn:
        committee_id = committee_id_by_ref(conn, committee_ref)
        rows = versions(conn, committee_id)
        committee = short_name(conn, committee_id)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "agreement.cli.none", committee=committee))
        return
    for row in rows:
        row["state_label"] = _label(state, row["state"])
        row["sha"] = (row["text_sha256"] or "")[:12] or None
        row["signatures"] = f"{row['signed']}/{row['parties']}"
    keys = ["id", "ref", "state_label", "signatures", "in_force_from", "ended_on", "sha"]
    headings = t(state, "agreement.cli.heading_list").split("|")
    print_table(rows, list(zip(keys, headings, strict=True)))


@agreement_group.command("show")
@click.argument("version_ref", metavar="[ID]", required=False)
@committee_option
@json_option
@pass_state
def show_cmd(
    state: CliState, version_ref: str | None, committee_ref: str | None, as_json: bool
) -> None:
    """Eine Fassung mit Vertragsparteien und Unterschriften (ohne ID: die neueste).

    ID: Nummer der Fassung (z. B. 2) oder VEREINBARUNG/FASSUNG (z. B. 1/2).
    """
    from governance.reads.agreements import latest_version_id, show, version_id_by_ref
    from governance.reads.committees import committee_id_by_ref

    with state.reading() as conn:
        if version_ref is None:
            version_id = latest_version_id(conn, committee_id_by_ref(conn, committee_ref))
        else:
            version_id = version_id_by_ref(conn, version_ref)
        data = show(conn, version_id)
    if as_json:
        print_json(data)
        return
    click.echo(f"{data['title']}")
    click.echo(
        t(
            state,
            "agreement.cli.version",
            ref=data["ref"],
            id=data["id"],
            label=_label(state, data["state"]),
        )
    )
    click.echo(f"SHA-256: {data['text_sha256'] or '—'}")
    for key in ("opened_at", "effective_from", "in_force_from", "ended_on"):
        if data[key]:
            value = _cell(data[key]) if key == "opened_at" else data[key]
            click.echo(f"{t(state, f'agreement.cli.{key}')}: {value}")
    if data["decision"]:
        click.echo(t(state, "agreement.cli.decision", **data["decision"]))
    signatures = {s["organisation"]: s for s in data["signatures"]}
    rows = []
    for p in data["parties"]:
        s = signatures.get(p["organisation"], {})
        later = (
            t(
                state,
                "agreement.cli.recorded_later",
                at=_cell(s["recorded_at"]),
                by=s["recorded_by"] or "system",
            )
            if s.get("recorded_later")
            else None
        )
        rows.append(
            {
                "organisation": p["organisation"],
                "signed": t(state, "cli.yes" if p["signed"] else "cli.no")
                if not p.get("paper_on_its_way")
                else t(state, "signature.cli.paper_on_its_way", at=_cell(p["paper_on_its_way"])),
                "signatory": s.get("signatory"),
                "signed_on": s.get("signed_on"),
                "method": _method(state, s.get("method")),
                "recorded": later,
            }
        )
    if rows:
        click.echo("")
        keys = ["organisation", "signed", "signatory", "signed_on", "method", "recorded"]
        headings = t(state, "agreement.cli.heading_parties").split("|")
        print_table(rows, list(zip(keys, headings, strict=True)))


def _cell(iso: str) -> str:
    """An ISO moment as Berlin wall-clock time (YYYY-MM-DD HH:MM)."""
    return dt.datetime.fromisoformat(iso).astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


@agreement_group.command("create")
@committee_option
@click.option("--title", required=True, help="Titel der Vereinbarung")
@click.option(
    "--file",
    "text_file",
    required=True,
    metavar="DATEI",
    help=f"Datei mit dem Text (UTF-8, höchstens {MAX_TEXT} Zeichen)",
)
@json_option
@pass_state
def create_cmd(
    state: CliState, committee_ref: str | None, title: str, text_file: str, as_json: bool
) -> None:
    """Die Vereinbarung des Gremiums anlegen (Vorsitz oder Administration): Fassung 1 als Entwurf.

    Der Text kommt aus einer Datei (UTF-8).  Danach öffnet der Vorsitz die
    Fassung zur Unterzeichnung („agreement open“): die erste Vereinbarung
    braucht keinen Beschluss, die Unterschriften aller Vertragsparteien sind
    die Entscheidung.  Spätere Fassungen entstehen mit „agreement amend“.
    """
    text = agreements.text_from_file(text_file)
    with state.uow() as uow:
        version = agreements.create_agreement(uow, committee_ref, title=title, text=text)
        data = {**agreements.summary(version), "characters": len(version.text)}
    if as_json:
        print_json(data)
        return
    click.echo(
        t(
            state,
            "agreement.cli.created",
            title=data["title"],
            ref=data["ref"],
            id=data["id"],
            chars=data["characters"],
        )
    )


@agreement_group.command("text")
@click.argument("version_ref", metavar="ID")
@json_option
@pass_state
def text_cmd(state: CliState, version_ref: str, as_json: bool) -> None:
    """Den (eingefrorenen) Text einer Fassung und seinen SHA-256 ausgeben.

    Wer unterschreibt, prüft damit, was er unterschreibt, und gibt den
    Hashwert bei „agreement sign --hash“ an.  ID: Nummer oder VEREINBARUNG/FASSUNG.
    """
    with state.read() as session:
        version = agreements.version_by_ref(session, version_ref)
        ref, digest, text = agreements.ref_of(version), version.text_sha256, version.text
    if as_json:
        print_json({"ref": ref, "text_sha256": digest, "text": text})
        return
    click.echo(t(state, "agreement.cli.text_version", ref=ref))
    click.echo(f"SHA-256: {digest}" if digest else t(state, "agreement.cli.not_frozen"))
    click.echo("")
    click.echo(text, nl=not text.endswith("\n"))


@agreement_group.command("open")
@click.argument("version_ref", metavar="ID")
@click.option(
    "--effective-from",
    metavar="DATUM",
    help="frühestes Inkrafttreten (JJJJ-MM-TT); ohne: sobald alle unterschrieben haben",
)
@pass_state
def open_cmd(state: CliState, version_ref: str, effective_from: str | None) -> None:
    """Eine Fassung zur Unterzeichnung öffnen (nur der Vorsitz; Änderungen erst nach Beschluss).

    Der Text wird mit seinem SHA-256 eingefroren, die Vertragsparteien werden
    festgelegt und um ihre Unterschrift gebeten (mit dem Text als PDF).  Die
    erste Vereinbarung eines Gremiums öffnet der Vorsitz ohne Beschluss: die
    Unterschriften aller Vertragsparteien sind die Entscheidung.  Eine
    Änderung muss das Gremium erst beschließen („agreement schedule“).
    ID: Nummer oder VEREINBARUNG/FASSUNG.
    """
    with state.uow() as uow:
        version = agreements.open_for_signature(uow, version_ref, effective_from=effective_from)
        effective = (
            t(state, "agreement.cli.effective_on", date=version.effective_from.isoformat())
            if version.effective_from
            else t(state, "agreement.cli.effective_when_signed")
        )
        message = t(
            state,
            "agreement.cli.opened",
            ref=agreements.ref_of(version),
            sha=version.text_sha256,
            parties=len(version.parties),
            effective=effective,
        )
    click.echo(message)


@agreement_group.command("sign")
@click.argument("version_ref", metavar="ID")
@click.option("--org", "org_ref", required=True, help="Vertragspartei (Kurzname oder Nummer)")
@click.option(
    "--signatory", required=True, metavar="EMAIL", help="wer für die Partei unterschreibt"
)
@click.option("--date", "signed_on", required=True, metavar="DATUM", help="JJJJ-MM-TT")
@click.option("--place", required=True, help="Ort der Unterschrift")
@click.option("--method", required=True, help="Form: " + " | ".join(METHODS))
@click.option(
    "--hash",
    "text_sha256",
    required=True,
    metavar="SHA256",
    help="SHA-256 des unterschriebenen Textes (siehe „agreement text ID“)",
)
@pass_state
def sign_cmd(
    state: CliState,
    version_ref: str,
    org_ref: str,
    signatory: str,
    signed_on: str,
    place: str,
    method: str,
    text_sha256: str,
) -> None:
    """Die Unterschrift einer Vertragspartei erfassen.

    Partner:innen unterschreiben nur für die eigene Organisation, mit dem
    heutigen Datum; Vorsitz und Geschäftsstelle erfassen Unterschriften jeder
    Partei, auch nachträglich (Datum zwischen der Öffnung und heute; der
    Eintrag wird als nachträglich erfasst vermerkt).  Der Hashwert muss zur
    offenen Fassung passen.  ID: Nummer oder VEREINBARUNG/FASSUNG.
    """
    with state.uow() as uow:
        signature = agreements.sign(
            uow,
            version_ref,
            organisation=org_ref,
            signatory=signatory,
            signed_on=signed_on,
            place=place,
            method=method,
            text_sha256=text_sha256,
        )
        version = signature.version
        message = t(
            state,
            "agreement.cli.signed",
            organisation=signature.organisation.short_name,
            ref=agreements.ref_of(version),
            signatory=signature.signatory.email,
            date=signature.signed_on.isoformat(),
            place=signature.place,
            status=_label(state, version.state),
            pending=_pending(state, version),
        )
        if signature.recorded_later:
            message += " " + t(
                state, "agreement.cli.signed_later", by=uow.actor.label, today=uow.today.isoformat()
            )
    click.echo(message)


def _sign_spec(value: str) -> tuple[str, str]:
    org, sep, email = value.partition("=")
    if not sep or not org.strip() or not email.strip():
        raise InvalidInput("agreement.error.sign_spec", value=value)
    return org.strip(), email.strip()


@agreement_group.command("ceremony")
@click.argument("version_ref", metavar="ID")
@click.option("--date", "held_on", required=True, metavar="DATUM", help="JJJJ-MM-TT")
@click.option("--place", required=True, help="Ort der Unterzeichnung")
@click.option(
    "--sign",
    "specs",
    multiple=True,
    required=True,
    metavar="ORG=EMAIL",
    help="eine Unterschrift: Vertragspartei=E-Mail der Unterzeichner:in (mehrfach)",
)
@click.option("--method", default="ink", show_default=True, help="Form: " + " | ".join(METHODS))
@pass_state
def ceremony_cmd(
    state: CliState,
    version_ref: str,
    held_on: str,
    place: str,
    specs: tuple[str, ...],
    method: str,
) -> None:
    """Eine Unterzeichnung erfassen: viele Unterschriften auf einmal, alle oder keine.

    Beispiel: --sign Rabenhaus=gf@rabenhaus.example.org --sign ajb=gwa@ajb.example.org
    ID: Nummer oder VEREINBARUNG/FASSUNG.
    """
    pairs = [_sign_spec(s) for s in specs]
    with state.uow() as uow:
        ceremony = agreements.record_ceremony(
            uow,
            version_ref,
            held_on=held_on,
            place=place,
            signatures=[(org, email, method) for org, email in pairs],
        )
        version = agreements.version_by_ref(uow.session, ceremony.version_id)
        message = t(
            state,
            "agreement.cli.ceremony",
            date=held_on,
            place=" ".join(place.split()),
            count=len(pairs),
            status=_label(state, version.state),
            pending=_pending(state, version),
        )
    click.echo(message)


@agreement_group.command("remind")
@click.argument("version_ref", metavar="ID")
@pass_state
def remind_cmd(state: CliState, version_ref: str) -> None:
    """Die ausstehenden Vertragsparteien jetzt an die Unterzeichnung erinnern."""
    with state.uow() as uow:
        count = agreements.remind(uow, version_ref)
    click.echo(t(state, "agreement.cli.reminded", count=count))


@agreement_group.command("amend")
@click.argument("version_ref", metavar="ID")
@click.option(
    "--text-file",
    "--file",
    "text_file",
    required=True,
    metavar="DATEI",
    help=f"Datei mit dem neuen Text (UTF-8, höchstens {MAX_TEXT} Zeichen)",
)
@json_option
@pass_state
def amend_cmd(state: CliState, version_ref: str, text_file: str, as_json: bool) -> None:
    """Eine neue Fassung entwerfen; die geltende bleibt in Kraft, bis die neue in Kraft tritt.

    Eine Änderung beschließt das Gremium, bevor sie unterzeichnet wird
    („agreement schedule“).  ID: eine Fassung der Vereinbarung (Nummer oder
    VEREINBARUNG/FASSUNG).
    """
    text = agreements.text_from_file(text_file)
    with state.uow() as uow:
        new = agreements.amend(uow, version_ref, text=text)
        data = agreements.summary(new)
        needs_decision = any(v.state == "in_force" for v in new.agreement.versions)
    if as_json:
        print_json(data)
        return
    key = "agreement.cli.amended_decide" if needs_decision else "agreement.cli.amended"
    click.echo(t(state, key, ref=data["ref"]))


@agreement_group.command("schedule")
@click.argument("version_ref", metavar="ID")
@json_option
@pass_state
def schedule_cmd(state: CliState, version_ref: str, as_json: bool) -> None:
    """Eine Änderung dem Gremium zur Entscheidung vorlegen (nur der Vorsitz).

    Sie kommt als Beschluss-TOP auf die nächste Sitzung, die noch Vorschläge
    annimmt (gibt es keine: auf die nächste, die geplant wird); die Abstimmung
    mit der Mehrheit für Änderungen der Geschäftsordnung entscheidet.  Erst eine
    beschlossene Änderung kann zur Unterzeichnung geöffnet werden.
    ID: Nummer oder VEREINBARUNG/FASSUNG.
    """
    with state.uow() as uow:
        item = agreements.schedule(uow, version_ref)
        version = agreements.version_by_ref(uow.session, version_ref)
        rule = (
            item.majority
            if item is not None and item.majority
            else agreements.committee_of(uow.session, version).rules.amendment_majority.value
        )
        data = {
            **agreements.summary(version),
            "majority": rule,
            "agenda_item": None
            if item is None
            else {
                "id": item.id,
                "meeting_id": item.meeting_id,
                "meeting": item.meeting.title,
                "top": item.position,
                "starts_at": item.meeting.starts_at,
            },
        }
    if as_json:
        print_json(data)
        return
    where = (
        t(
            state,
            "agreement.amendment.item",
            top=item.position,
            meeting=data["agenda_item"]["meeting"],
            day=data["agenda_item"]["starts_at"].astimezone(BERLIN).date().isoformat(),
        )
        if item is not None
        else t(state, "agreement.amendment.no_meeting")
    )
    click.echo(
        t(
            state,
            "agreement.cli.scheduled",
            ref=data["ref"],
            majority=t(state, f"majority.{rule}"),
            where=where,
        )
    )


@agreement_group.command("terminate")
@click.argument("version_ref", metavar="ID")
@click.option("--date", "on", required=True, metavar="DATUM", help="JJJJ-MM-TT")
@click.option("--reason", required=True, help="Grund der Beendigung")
@pass_state
def terminate_cmd(state: CliState, version_ref: str, on: str, reason: str) -> None:
    """Eine Fassung beenden (nur der Vorsitz); beendet auch eine offene Änderung.

    ID: Nummer oder VEREINBARUNG/FASSUNG.
    """
    with state.uow() as uow:
        version = agreements.terminate(uow, version_ref, on=on, reason=reason)
        message: Any = t(
            state,
            "agreement.cli.terminated",
            ref=agreements.ref_of(version),
            date=version.ended_on.isoformat() if version.ended_on else on,
        )
    click.echo(message)


COMMANDS = [agreement_group]
