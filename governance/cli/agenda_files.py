"""``gremium agenda attach / files / file-export``: the attachments of agenda items.

Files are read here and handed to the service as bytes; where they are kept
(the database), how large they may be and who may attach them is decided
there. Exports are written all or nothing, their SHA-256 checked first.
"""

from __future__ import annotations

from pathlib import Path

import click

from governance.cli.common import CliState, json_option, pass_state, print_json, print_table, t
from governance.documents.files import write_atomically
from governance.domain.attachments import AttachmentLimits, check_file_size, human_size
from governance.errors import InvalidInput
from governance.services import agenda_attachments


def read_file(path: Path, limits: AttachmentLimits) -> tuple[str, bytes]:
    """The name and bytes of *path*; an unreadable file is a clear error, and a file
    over the limit is refused by the same rule the service applies, unread."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            check_file_size(path.name, path.stat().st_size, limits)
    except OSError as exc:
        raise InvalidInput(
            "attachments.error.unreadable", path=str(path), problem=exc.strerror or str(exc)
        ) from None
    return path.name, data


def split_attachments(
    values: tuple[str, ...], limits: AttachmentLimits
) -> tuple[list[tuple[str, bytes]], list[str]]:
    """``--attachment`` values of ``agenda propose``: an http(s) address is a link,
    anything else must be a readable file."""
    files: list[tuple[str, bytes]] = []
    links: list[str] = []
    for value in values:
        if "://" in value or value.lower().startswith(("http:", "https:")):
            links.append(value)  # the service refuses anything but http(s)
        else:
            files.append(read_file(Path(value), limits))
    return files, links


def register(group: click.Group) -> None:
    group.add_command(attach_cmd)
    group.add_command(files_cmd)
    group.add_command(file_export_cmd)


@click.command("attach")
@click.argument("ref", metavar="ITEM")
@click.option(
    "--file",
    "file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Datei (Vorlage), wird in der Datenbank gespeichert",
)
@click.option("--url", default=None, help="Link (nur http:// und https://)")
@click.option(
    "--title",
    default=None,
    help="Bezeichnung; gleiche Bezeichnung = neue Version (Standard: Dateiname bzw. Adresse)",
)
@pass_state
def attach_cmd(
    state: CliState, ref: str, file: Path | None, url: str | None, title: str | None
) -> None:
    """Einem TOP eine Datei oder einen Link anhängen; gleiche Bezeichnung ergibt eine neue Version."""
    with state.uow() as uow:  # the database first: a damaged one is the first thing said
        limits = state.settings.attachment_limits()
        content = read_file(file, limits) if file is not None else None
        attachment = agenda_attachments.attach(uow, ref, file=content, url=url, title=title)
        data_out = agenda_attachments.describe(attachment)
    click.echo(
        t(
            state,
            "attachments.cli.attached",
            id=data_out["id"],
            item=data_out["item_id"],
            title=data_out["title"],
            version=data_out["version"],
            what=_what(state, data_out),
        )
    )


@click.command("files")
@click.argument("ref", metavar="ITEM")
@click.option("--all", "all_versions", is_flag=True, help="auch ältere Versionen zeigen")
@json_option
@pass_state
def files_cmd(state: CliState, ref: str, all_versions: bool, as_json: bool) -> None:
    """Die Anlagen eines TOP: Bezeichnung, Version, Datei oder Link, Größe, SHA-256."""
    with state.read() as session:
        item, rows = agenda_attachments.listing(session, ref, every_version=all_versions)
        data = [agenda_attachments.describe(a) for a in rows]
        item_id = item.id
    if as_json:
        print_json(data)
        return
    if not data:
        click.echo(t(state, "attachments.cli.none", item=item_id))
        return
    print_table(
        [
            {
                **row,
                "kind": t(state, f"attachments.kind.{row['kind']}"),
                "what": row["name"] or row["url"] or "—",
                "size": human_size(row["size"], state.lang) if row["size"] is not None else None,
                "sha": row["sha256"][:12] if row["sha256"] else None,
            }
            for row in data
        ],
        [
            (key, t(state, f"attachments.cli.column.{key}"))
            for key in ("id", "title", "version", "kind", "what", "size", "sha")
        ],
    )


@click.command("file-export")
@click.argument("attachment_ref", metavar="ANLAGE")
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="Zieldatei (Standard: der gespeicherte Dateiname im aktuellen Ordner)",
)
@pass_state
def file_export_cmd(state: CliState, attachment_ref: str, out: Path | None) -> None:
    """Eine gespeicherte Anlage (ID aus agenda files) als Datei schreiben; der SHA-256 wird geprüft."""
    with state.read() as session:
        attachment = agenda_attachments.attachment_by_id(session, attachment_ref)
        document, data = agenda_attachments.file_content(session, attachment)
        name, sha256 = document.name, document.sha256
    path = write_atomically(out if out is not None else Path(name), data)
    click.echo(t(state, "documents.cli.written", path=str(path), format=name, sha256=sha256))


def _what(state: CliState, row: dict[str, object]) -> str:
    if row["kind"] == "file":
        size = row["size"]
        assert isinstance(size, int)
        return f"{row['name']}, {human_size(size, state.lang)}, SHA-256 {str(row['sha256'])[:12]}"
    return str(row["url"] or row["title"])
