"""``gremium minutes``: notes, preview, circulation, objections, approval, the archive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from governance.cli.common import CliState, json_option, pass_state, print_json, t
from governance.clock import BERLIN
from governance.domain.attachments import human_size
from governance.domain.minutes_notes import parse_notes
from governance.errors import InvalidInput
from governance.lazy_import import lazy_module

if TYPE_CHECKING:
    from governance.services import minutes, minutes_views
else:  # loaded by the commands that change or render: `minutes show` reads through Core
    minutes = lazy_module("governance.services.minutes")
    minutes_views = lazy_module("governance.services.minutes_views")

MEETING = click.argument("meeting_ref", metavar="SITZUNG")


@click.group("minutes")
def minutes_group() -> None:
    """Protokolle: Notizen, Vorschau, Versand, Einwendungen, Genehmigung, Archiv.

    SITZUNG ist die Nummer der Sitzung (gremium meeting list); sie ist auch
    die ID des Protokolls als Dokument.
    """


@minutes_group.command("note")
@MEETING
@click.option(
    "--file",
    "file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Markdown (## TOP 3 …) oder YAML (3: Text) mit Notizen zu mehreren TOPs",
)
@click.option("--top", type=int, default=None, help="Nummer des TOP")
@click.option("--text", default=None, help="Notiz zu diesem TOP (ersetzt die bisherige)")
@pass_state
def note_cmd(
    state: CliState, meeting_ref: str, file: Path | None, top: int | None, text: str | None
) -> None:
    """Notizen zu TOPs erfassen (Geschäftsstelle), solange das Protokoll ein Entwurf ist."""
    if file is not None and top is None and text is None:
        try:
            content = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InvalidInput("error.notes_encoding", file=str(file)) from None
        notes = parse_notes(content, file.name)
    elif file is None and top is not None and text is not None:
        notes = {top: text}
    else:
        raise InvalidInput("minutes.cli.need_notes")
    with state.uow() as uow:
        minutes.record_notes(uow, meeting_ref, notes)
    tops = ", ".join(str(n) for n in sorted(notes))
    click.echo(t(state, "minutes.cli.noted", tops=tops, meeting=meeting_ref))


@minutes_group.command("preview")
@MEETING
@click.option(
    "--format", "fmt", type=click.Choice(["html", "pdf"]), default="html", show_default=True
)
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Zieldatei")
@pass_state
def preview_cmd(state: CliState, meeting_ref: str, fmt: str, out: Path) -> None:
    """Das Protokoll, wie es jetzt aussähe, als HTML oder PDF/A schreiben (ändert nichts)."""
    with state.read() as session:
        draft = minutes_views.preview(session, meeting_ref, state.lang, fmt)
    from governance.documents.files import write_atomically

    path = write_atomically(out, draft.data)
    click.echo(
        t(state, "minutes.cli.written", path=str(path), format=draft.label, sha256=draft.sha256)
    )


@minutes_group.command("circulate")
@MEETING
@pass_state
def circulate_cmd(state: CliState, meeting_ref: str) -> None:
    """Das Protokoll an alle Eingeladenen versenden; die Einwendungsfrist beginnt."""
    with state.uow() as uow:
        record = minutes.circulate(uow, meeting_ref)
        revision, deadline = record.revision, record.objection_deadline_at
    assert deadline is not None
    click.echo(
        t(
            state,
            "minutes.cli.circulated",
            meeting=meeting_ref,
            revision=revision,
            deadline=deadline.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M"),
        )
    )


@minutes_group.command("object")
@MEETING
@click.option("--text", required=True, help="die Einwendung (was falsch ist, was richtig wäre)")
@click.option(
    "--for",
    "organisation",
    default=None,
    metavar="ORG",
    help="für diese Mitgliedsorganisation erfassen (Vorsitz, Geschäftsstelle: "
    "eine Einwendung, die per Post oder Mail kam)",
)
@pass_state
def object_cmd(state: CliState, meeting_ref: str, text: str, organisation: str | None) -> None:
    """Einwendung gegen das versandte Protokoll erheben (eigene Organisation, bis zur Frist)."""
    with state.uow() as uow:
        objection = minutes.object_to(uow, meeting_ref, text=text, organisation=organisation)
        objection_id = objection.id
    click.echo(t(state, "minutes.cli.objected", objection=objection_id))


@minutes_group.command("agree")
@MEETING
@pass_state
def agree_cmd(state: CliState, meeting_ref: str) -> None:
    """Dem versandten Protokoll zustimmen (eigene Organisation, bis zum Ende der Einwendungsfrist)."""
    with state.uow() as uow:
        agreement = minutes.agree(uow, meeting_ref)
        organisation, revision = agreement.organisation, agreement.revision
    click.echo(
        t(state, "minutes.cli.agreed", organisation=organisation, revision=revision, meeting=meeting_ref)
    )


@minutes_group.command("resolve")
@MEETING
@click.argument("objection_id", metavar="EINWENDUNG", type=int)
@click.option("--note", required=True, help="wie die Einwendung erledigt wurde")
@pass_state
def resolve_cmd(state: CliState, meeting_ref: str, objection_id: int, note: str) -> None:
    """Eine Einwendung als erledigt vermerken (Vorsitz)."""
    with state.uow() as uow:
        minutes.resolve(uow, meeting_ref, objection_id=objection_id, note=note)
    click.echo(t(state, "minutes.cli.resolved", objection=objection_id))


@minutes_group.command("approve")
@MEETING
@pass_state
def approve_cmd(state: CliState, meeting_ref: str) -> None:
    """Genehmigen (Vorsitz): nur ohne offene Einwendung, nach der Frist und wenn die
    Geschäftsordnung die Genehmigung ohne Beschluss erlaubt (tacit_approval)."""
    with state.uow() as uow:
        record = minutes.approve(uow, meeting_ref)
        shown = minutes_views.describe(uow.session, record.meeting)
    stored = shown["archive_document"] or {}
    click.echo(
        t(
            state,
            "archive.cli.approved",
            meeting=meeting_ref,
            name=stored.get("name", "—"),
            sha256=shown["archive_sha256"],
        )
    )
    if shown["archive_path"]:
        click.echo(t(state, "archive.cli.copy_line", path=shown["archive_path"]))


@minutes_group.command("show")
@MEETING
@json_option
@pass_state
def show_cmd(state: CliState, meeting_ref: str, as_json: bool) -> None:
    """Stand des Protokolls: Zustand, Fassung, Fristen, Einwendungen, Archiv."""
    from governance.reads.minutes import describe, meeting_id_by_ref

    with state.reading() as conn:
        data = describe(conn, meeting_id_by_ref(conn, meeting_ref))
    if as_json:
        print_json(data)
        return
    click.echo(
        t(
            state,
            "minutes.cli.show",
            meeting=meeting_ref,
            state=t(state, f"minutes.state.{data['state']}"),
            revision=data.get("revision", 0),
        )
    )
    if data.get("objection_deadline_at"):
        click.echo(t(state, "minutes.cli.deadline", at=_local(data["objection_deadline_at"])))
    if data.get("approved_at"):
        how = t(state, f"minutes.approved_by.{data['approved_by']}")
        click.echo(t(state, "minutes.cli.approved_line", at=_local(data["approved_at"]), how=how))
    if data.get("archive_document"):
        stored = data["archive_document"]
        click.echo(
            t(
                state,
                "archive.cli.stored_line",
                name=stored["name"],
                size=human_size(stored["size"], state.lang) if stored["in_database"] else "—",
                sha256=stored["sha256"],
            )
        )
        if stored["note"]:
            click.echo(f"  {stored['note']}")
    if data.get("archive_path"):
        click.echo(t(state, "archive.cli.copy_line", path=data["archive_path"]))
    for o in data.get("objections", []):
        click.echo(
            t(
                state,
                "minutes.cli.objection_line",
                id=o["id"],
                organisation=o["organisation"],
                revision=o["revision"],
                state=t(state, "minutes.cli.done" if o["resolved"] else "minutes.cli.open"),
                text=o["text"],
            )
        )
    for o in data.get("mail_objections", []):
        click.echo(
            t(
                state,
                "inbound.cli.objection_line",
                id=o["id"],
                person=o["person"],
                organisation=o["organisation"] or "—",
                revision=o["revision"],
                state=t(state, f"inbound.state.{o['state']}"),
                text=o["text"],
            )
        )
    for a in data.get("agreements", []):
        click.echo(
            t(
                state,
                "minutes.cli.agreement_line",
                organisation=a["organisation"],
                person=a["person"],
                revision=a["revision"],
                at=_local(a["at"]),
            )
        )
    for n in data["notes"]:
        click.echo(f"{t(state, 'agenda.top', number=n['top'])}: {n['title']}")
        for line in (n["notes"] or "—").splitlines():
            click.echo(f"    {line}")


@minutes_group.command("export")
@MEETING
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Zieldatei")
@pass_state
def export_cmd(state: CliState, meeting_ref: str, out: Path) -> None:
    """Das archivierte PDF/A der genehmigten Niederschrift aus der Datenbank schreiben (Hash wird geprüft)."""
    with state.read() as session:
        document, data = minutes_views.archived_document(session, meeting_ref)
        sha256 = document.sha256
    from governance.documents.files import write_atomically
    from governance.services.documents.output import PDF_LABEL

    path = write_atomically(out, data)
    click.echo(t(state, "minutes.cli.written", path=str(path), format=PDF_LABEL, sha256=sha256))


def _local(moment: object) -> str:
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M")  # type: ignore[attr-defined]


COMMANDS = [minutes_group]
