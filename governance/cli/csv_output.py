"""``--format csv`` of the listings (decisions, actions, members, report attendance):
the option, and writing the file to standard output or ``--out``.

The CSV itself is the application layer's (governance.services.csv_export), so the
web's downloads are the same bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from governance.cli.common import CliState, t
from governance.errors import InvalidInput

if TYPE_CHECKING:
    from governance.services.csv_export import CsvFile

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("text", "json", "csv")


def format_option(fn: F) -> F:
    """Add --format text|json|csv and --out (where the CSV goes; default standard output)."""
    fn = click.option(
        "--out",
        "out",
        metavar="PFAD",
        type=click.Path(path_type=Path, dir_okay=False),
        help="CSV in diese Datei statt auf die Standardausgabe.",
    )(fn)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="text, json oder csv (UTF-8 mit BOM, Trennzeichen ;, für Tabellenkalkulationen).",
    )(fn)


def wanted(fmt: str, as_json: bool) -> str:
    """The format asked for: --json is --format json; with another --format it is refused."""
    if as_json and fmt not in ("text", "json"):
        raise InvalidInput("report.cli.format_json", fmt=fmt)
    return "json" if as_json else fmt


def write_csv(state: CliState, document: CsvFile, out: Path | None) -> None:
    """The CSV to *out* (and a line saying so on standard error) or to standard output."""
    if out is None:
        stream = sys.stdout
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream only (a caller capturing the output)
            stream.write(document.data.decode("utf-8"))
        else:  # the bytes as they are: the BOM and CRLF untouched by the text layer
            stream.flush()
            buffer.write(document.data)
            buffer.flush()
        return
    from governance.documents.files import write_atomically

    path = write_atomically(out, document.data)
    click.echo(t(state, "report.cli.csv_written", rows=document.rows, path=str(path)), err=True)
