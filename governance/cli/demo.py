"""``gremium demo``: the seed scenario's year on a simulated clock, end to end."""

from __future__ import annotations

import time
from pathlib import Path

import click

from governance.clock import BERLIN


@click.command("demo")
@click.option(
    "--out",
    "out",
    default="demo-output",
    show_default=True,
    help="Ausgabeordner (wird neu befüllt)",
)
@click.option("--no-documents", is_flag=True, help="ohne PDF-Dokumente (schneller)")
def demo(out: str, no_documents: bool) -> None:
    """Beispieljahr des Kooperationsgremiums Treptow-Köpenick auf simulierter Uhr durchspielen."""
    from governance.demo import run

    began = time.perf_counter()
    result = run(Path(out), documents=not no_documents)
    seconds = time.perf_counter() - began
    echo = click.echo
    echo("Gremium — Demo: ein Jahr des Kooperationsgremiums Treptow-Köpenick (simulierte Uhr)\n")
    for at, text in result.events:
        echo(f"  {at.astimezone(BERLIN):%d.%m.%Y %H:%M}  {text}")
    echo("\nSitzungen:")
    for line in result.meetings:
        echo(f"  {line}")
    echo("\nBeschlussregister:")
    for line in result.decisions:
        echo(f"  {line}")
    echo("\nMitglieder:")
    for member in result.members:
        echo(f"  - {member}")
    echo("\nZeitgeber ausgelöst:")
    for label, count in sorted(result.timers.items()):
        echo(f"  {count:4d}  {label}")
    echo(f"\nE-Mails ({result.mails_delivered} zugestellt in {result.maildir}):")
    for name, count in sorted(result.messages.items()):
        echo(f"  {count:4d}  {name}")
    echo("\nArchivierte Protokolle (PDF/A, SHA-256):")
    for name, sha in result.archived_minutes:
        echo(f"  {name}  {sha}")
    verdict = "unversehrt" if result.audit_intact else "BESCHÄDIGT"
    echo(f"\nPrüfpfad: {result.audit_records} Einträge, {verdict}")
    echo("\nWo liegt was:")
    echo(f"  Datenbank:   {result.database}")
    echo(
        f"  Postfach:    {result.maildir}  (Maildir: mit jedem Mailprogramm zu öffnen, z. B. mutt -f)"
    )
    echo(f"  Dokumente:   {result.documents}")
    echo(f"  Archiv:      {result.archive}")
    echo(
        f"  Einstellungen: {result.folder / 'gremium.toml'}  (Standardgremium KG; KV mit --committee KV)"
    )
    echo(f"Weiter erkunden: gremium --config {result.folder / 'gremium.toml'} meeting list")
    echo(f"Dauer: {seconds:.1f} s")


COMMANDS = [demo]
