"""``gremium demo``: the seed scenario on a simulated clock, end to end."""

from __future__ import annotations

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
def demo(out: str) -> None:
    """Beispieljahr des Kooperationsgremiums Treptow-Köpenick auf simulierter Uhr durchspielen."""
    from governance.demo import run

    result = run(Path(out))
    click.echo("Gremium — Demo: Kooperationsgremium Treptow-Köpenick (simulierte Uhr)\n")
    for at, text in result.events:
        click.echo(f"  {at.astimezone(BERLIN):%d.%m.%Y %H:%M}  {text}")
    click.echo("\nMitglieder:")
    for member in result.members:
        click.echo(f"  - {member}")
    click.echo("\nNachrichten im Postausgang (werden mit dem Mail-Issue zugestellt):")
    for name, count in sorted(result.messages.items()):
        click.echo(f"  {count:3d}  {name}")
    verdict = "unversehrt" if result.audit_intact else "BESCHÄDIGT"
    click.echo(f"\nPrüfpfad: {result.audit_records} Einträge, {verdict}")
    click.echo(f"Datenbank: {result.database}")
    click.echo(f"Weiter erkunden: gremium --db sqlite:///{result.database} audit log")


COMMANDS = [demo]
