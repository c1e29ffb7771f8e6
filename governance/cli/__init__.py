"""The command line: ``gremium`` (also ``python -m governance``).

Global options: --db URL, --as EMAIL, --lang de|en, --config PATH.
Every error is one line on stderr and exit status 2; nothing is changed.
"""

from __future__ import annotations

import sys

import click

from governance import __version__
from governance.cli.common import CliState, make_state
from governance.errors import GremiumError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gremium")
@click.option("--db", "db", metavar="URL", help="Datenbank-URL (Standard: sqlite:///gremium.db)")
@click.option("--as", "actor", metavar="EMAIL", help="handelnde Person (E-Mail-Adresse)")
@click.option("--lang", type=click.Choice(["de", "en"]), help="Sprache der Ausgaben")
@click.option(
    "--config", "config", metavar="PATH", help="Konfigurationsdatei (Standard: ./gremium.toml)"
)
@click.pass_context
def cli(
    ctx: click.Context, db: str | None, actor: str | None, lang: str | None, config: str | None
) -> None:
    """Gremium: Kooperationsgremien führen — Vereinbarung, Beitritt, Sitzungen, Protokolle."""
    state = make_state(config, db, actor, lang)
    global _current_lang
    _current_lang = state.lang
    ctx.obj = state
    ctx.call_on_close(state.close)


def _register() -> None:
    # Each command group lives in its own module named after the domain concept.
    from governance.cli import admin, demo, directory

    for module in (admin, directory, demo):
        for command in module.COMMANDS:
            cli.add_command(command)
    for name in (
        "agreement",
        "accession",
        "withdrawal",
        "meeting",
        "agenda",
        "decisions",
        "documents",
        "outbox",
        "run",
        "minutes",
    ):
        try:
            module = __import__(f"governance.cli.{name}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:
            if exc.name != f"governance.cli.{name}":
                raise
            continue
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def _register_personal_data() -> None:
    # issue 12: `person export` and `person erase` join the `person` group.
    from governance.cli import personal_data

    personal_data.register()


_register_personal_data()


_current_lang: str | None = None


def main(argv: list[str] | None = None) -> None:
    try:
        # Outside standalone mode click returns ctx.exit()'s status instead of exiting.
        code = cli.main(args=argv, prog_name="gremium", standalone_mode=False)
    except GremiumError as exc:
        lang = _current_lang or _lang_from(argv if argv is not None else sys.argv[1:])
        click.echo(f"{'Fehler' if lang == 'de' else 'Error'}: {exc.message(lang)}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Abgebrochen. / Aborted.", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


def _lang_from(argv: list[str]) -> str:
    import os

    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return (
        os.environ.get("GREMIUM_LANG", "de")
        if os.environ.get("GREMIUM_LANG") in ("de", "en")
        else "de"
    )


__all__ = ["CliState", "cli", "main"]
