"""``gremium documents``: print what the committee signs and archives.

Rendering only reads: nothing in the database changes and nothing is
audited. A PDF is always a tagged PDF/A-3a (and PDF/UA-1), so every PDF Gremium hands out can go
into an archive as it is; its SHA-256 is printed for the record.
"""

from __future__ import annotations

from pathlib import Path

import click

from governance.cli.common import CliState, pass_state, t
from governance.documents.files import write_atomically

FORMATS = ("html", "pdf")


@click.group("documents")
def documents_group() -> None:
    """Dokumente erzeugen: Vereinbarung, Beitrittserklärung, Sitzungsunterlagen (HTML, PDF/A).

    Die Sprache des Dokuments ist die globale Option --lang
    (z. B. „gremium --lang en documents render …“).
    """


@documents_group.command("render")
@click.argument("kind", metavar="ART")
@click.argument("ref", metavar="ID")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="pdf",
    show_default=True,
    help="html oder pdf (PDF/A-3a, barrierefrei getaggt, zum Archivieren).",
)
@click.option(
    "--out",
    "out",
    metavar="PFAD",
    type=click.Path(path_type=Path),
    help="Zieldatei (Standard: ART-ID.FORMAT im aktuellen Ordner).",
)
@pass_state
def render_cmd(state: CliState, kind: str, ref: str, fmt: str, out: Path | None) -> None:
    """Ein Dokument als HTML oder PDF/A schreiben.

    \b
    ART: agreement (Fassung der Vereinbarung: Nummer oder VEREINBARUNG/FASSUNG)
         accession_declaration (Nummer des Beitrittsantrags)
         invitation, minutes, attendance_list (Nummer der Sitzung)
         decisions_register (GREMIUM/JAHR, z. B. KG/2026)
    """
    # WeasyPrint takes over half a second to import: only this command pays for it.
    from governance.documents.kinds import kind_by_name
    from governance.documents.output import render_document

    kind_by_name(kind)  # an unknown kind is refused before the database is opened
    with state.read() as session:
        document = render_document(session, kind, ref, state.lang, fmt)
    path = write_atomically(out or Path(document.filename), document.data)
    click.echo(
        t(
            state,
            "documents.cli.written",
            path=str(path),
            format=document.label,
            sha256=document.sha256,
        )
    )


COMMANDS = [documents_group]
