"""``gremium documents``: print what the committee signs and archives.

Rendering only reads: nothing in the database changes and nothing is
audited. A PDF is always a tagged PDF/A-3a (and PDF/UA-1), so every PDF Gremium hands out can go
into an archive as it is; its SHA-256 is printed for the record.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import click

from governance.cli.common import CliState, pass_state, t
from governance.documents.files import write_atomically
from governance.services.documents.kinds import kind_by_name

PDF_LABEL = "PDF/A-3a, PDF/UA-1"
"""How commands name the PDFs they write (see documents.rendering.PDF_VARIANT)."""

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
    from governance.documents.archival import pdfa
    from governance.services.documents.kinds import load_html

    kind_by_name(kind)  # an unknown kind is refused before the database is opened
    with state.read() as session:
        html = load_html(session, kind, ref, state.lang)
    if fmt == "pdf":
        document = pdfa(html)
        data, sha256, label = document.data, document.sha256, PDF_LABEL
    else:
        data = html.encode("utf-8")
        sha256, label = hashlib.sha256(data).hexdigest(), "HTML"
    path = write_atomically(out or _default_name(kind, ref, fmt), data)
    click.echo(t(state, "documents.cli.written", path=str(path), format=label, sha256=sha256))


def _default_name(kind: str, ref: str, fmt: str) -> Path:
    return Path(f"{kind}-{re.sub(r'[^0-9A-Za-z]+', '-', ref).strip('-')}.{fmt}")


COMMANDS = [documents_group]
