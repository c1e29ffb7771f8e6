"""The command line: ``gremium`` (also ``python -m governance``).

Global options: --db URL, --as EMAIL, --lang de|en, --config PATH.
Every error is one line on stderr and exit status 2; nothing is changed.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from governance import __version__
from governance.cli.common import CliState, make_state
from governance.errors import GremiumError

# Each command lives in a module named after its domain concept, imported only
# when the command runs (click's LazyGroup recipe): ``gremium --help`` and a
# read-only command do not pay for the ORM, the workflow engine, Jinja2 or
# WeasyPrint they do not use. The one-line help shown in ``gremium --help``
# is kept here so that the listing imports nothing either;
# tests/e2e/test_cli_startup.py checks it against each command's own help.
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "accession": (
        "governance.cli.accession",
        "Beitritt neuer Kooperationspartner:innen: Antrag,...",
    ),
    "actions": ("governance.cli.decisions", "Aufgaben (Arbeitsaufträge) aus den Sitzungen."),
    "agenda": ("governance.cli.agenda", "Tagesordnung: TOPs vorschlagen, annehmen, ablehnen,..."),
    "agreement": (
        "governance.cli.agreement",
        "Kooperationsvereinbarung: anlegen, öffnen, unterzeichnen,...",
    ),
    "area": ("governance.cli.programmes", "Handlungsräume eines Programms und ihre Gremien."),
    "audit": ("governance.cli.operations", "Prüfpfad (Audit-Trail): anzeigen und prüfen."),
    "backup": (
        "governance.cli.backup",
        "Datenbank und archivierte Dokumente sichern: ein...",
    ),
    "calendar": (
        "governance.cli.calendar",
        "Kalender-Abos: geheime Adressen für Sitzungen und Fristen...",
    ),
    "clock": (
        "governance.cli.operations",
        "Die Uhr der Installation (System- oder simulierte Uhr).",
    ),
    "committee": ("governance.cli.committee", "Gremien und ihre Geschäftsordnung."),
    "db": ("governance.cli.admin", "Datenbankschema (Alembic-Migrationen)."),
    "decisions": ("governance.cli.decisions", "Beschlussregister des Gremiums."),
    "demo": ("governance.cli.demo", "Beispieljahr des Kooperationsgremiums Treptow-Köpenick..."),
    "documents": (
        "governance.cli.documents",
        "Dokumente erzeugen: Vereinbarung, Beitrittserklärung,...",
    ),
    "init": ("governance.cli.admin", "Datenbank einrichten (oder aktualisieren), optional mit..."),
    "links": (
        "governance.cli.rsvp",
        "Persönliche Links in E-Mails (Aktionslinks): anzeigen und...",
    ),
    "mail": ("governance.cli.mail", "Eingehende E-Mails: Antworten aus dem Postfach der..."),
    "meeting": ("governance.cli.meeting", "Sitzungen: Sitzungsreihen, Planung, Einladung,..."),
    "member": (
        "governance.cli.committee",
        "Mitgliedschaften von Organisationen in einem Gremium.",
    ),
    "minutes": (
        "governance.cli.minutes",
        "Protokolle: Notizen, Vorschau, Versand, Einwendungen,...",
    ),
    "org": ("governance.cli.directory", "Organisationen (Träger, Bezirksamt, Verbände)."),
    "outbox": (
        "governance.cli.outbox",
        "Ausgehende E-Mails: anzeigen, versenden, erneut versuchen.",
    ),
    "person": (
        "governance.cli.directory",
        "Personen (Vertretungen, Stellvertretungen, Geschäftsstelle).",
    ),
    "programme": (
        "governance.cli.programmes",
        "Programme wie die Gemeinschaftsinitiative, mit ihren...",
    ),
    "procedure": (
        "governance.cli.written_procedure",
        "Umlaufverfahren: Beschlüsse zwischen den Sitzungen,...",
    ),
    "restore": (
        "governance.cli.backup",
        "Eine Sicherung in eine leere Datenbank zurückspielen,...",
    ),
    "report": ("governance.cli.report", "Berichte: Jahresbericht eines Gremiums oder..."),
    "run": ("governance.cli.run", "Dienst: fällige Zeitgeber auslösen und E-Mails versenden,..."),
    "secretariat": ("governance.cli.directory", "Die Geschäftsstelle eines Gremiums."),
    "tick": (
        "governance.cli.operations",
        "Simulierte Uhr vorstellen und fällige Zeitgeber der Reihe...",
    ),
    "timers": ("governance.cli.operations", "Zeitgeber (Fristen, Erinnerungen)."),
    "withdrawal": (
        "governance.cli.withdrawal",
        "Austritt von Mitgliedern mit der Kündigungsfrist der...",
    ),
    "web": ("governance.cli.web", "Weboberfläche bereitstellen (gunicorn mit gthread-Workern)."),
    "workflow": ("governance.cli.workflow", "Workflow-Definitionen (workflows/*.yaml)."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported from their module on first use."""

    def __init__(
        self, *args: Any, lazy_commands: dict[str, tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            self.add_command(load_command(cmd_name, self.lazy_commands[cmd_name][0]))
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The listing from the table above: no command module is imported for it.
        rows = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                rows.append((name, self.commands[name].get_short_help_str(limit=60)))
            else:
                rows.append((name, self.lazy_commands[name][1]))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def load_command(name: str, module_name: str) -> click.Command:
    """The command *name* from the ``COMMANDS`` list of *module_name*."""
    module = importlib.import_module(module_name)
    for command in module.COMMANDS:
        if command.name == name:
            return command
    raise LookupError(f"{module_name}.COMMANDS has no command {name!r}")


@click.group(
    cls=LazyGroup,
    lazy_commands=LAZY_COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
    global _current_lang, _current_url
    _current_lang = state.lang
    _current_url = _masked_url(state.settings.database)
    # The database holds every mail body; mail, documents and the archive are
    # personal data too: what this process creates is not readable by others.
    # main() puts the caller's umask back.
    os.umask(state.settings.umask(_caller_umask))
    ctx.obj = state
    ctx.call_on_close(state.close)


_current_lang: str | None = None
_current_url: str | None = None
_caller_umask = 0o022


def _masked_url(url: object) -> str:
    from governance.config import masked

    return masked(url) if isinstance(url, str) else ""


def main(argv: list[str] | None = None) -> None:
    global _caller_umask
    _caller_umask = os.umask(0o077)
    os.umask(_caller_umask)
    try:
        # Outside standalone mode click returns ctx.exit()'s status instead of exiting.
        code = cli.main(args=argv, prog_name="gremium", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Abgebrochen. / Aborted.", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        error = exc if isinstance(exc, GremiumError) else fault(exc)
        if error is None:
            raise  # a bug: its traceback is what the report needs
        lang = _current_lang or _lang_from(argv if argv is not None else sys.argv[1:])
        from governance.services.validation import visible

        # One line, whatever was typed: a line break quoted from the input is shown as \n.
        message = visible(error.message(lang))
        click.echo(f"{'Fehler' if lang == 'de' else 'Error'}: {message}", err=True)
        sys.exit(2)
    finally:
        os.umask(_caller_umask)
    sys.exit(code if isinstance(code, int) else 0)


def fault(exc: BaseException) -> GremiumError | None:
    """A fault of the installation (database, disk) as a one-line error; None for a bug."""
    import errno

    if type(exc).__module__.startswith("sqlalchemy"):
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            from governance.database import problem

            return problem(exc, _current_url or "")
        return None
    if isinstance(exc, OSError) and exc.errno is not None:
        from governance.errors import Text

        kinds = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EACCES: "denied"}
        kinds |= {errno.EPERM: "denied", errno.EROFS: "readonly"}
        kind = kinds.get(exc.errno, "other")
        reason = Text(f"error.disk.{kind}", reason=exc.strerror or str(exc))
        return GremiumError("error.disk", path=exc.filename or "?", problem=reason)
    return None


def _lang_from(argv: list[str]) -> str:
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
