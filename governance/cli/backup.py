"""`gremium backup --out FILE` and `gremium restore FILE` (see governance.backup)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from governance.cli.common import CliState, json_option, pass_state, print_json, t
from governance.clock import BERLIN


@click.command("backup")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="DATEI",
    help="die Sicherung (eine neue Datei, ZIP)",
)
@click.option(
    "--with-audit-key",
    is_flag=True,
    help="die Schlüsseldatei des Prüfpfads mitsichern (sonst getrennt aufbewahren)",
)
@json_option
@pass_state
def backup(state: CliState, out: Path, with_audit_key: bool, as_json: bool) -> None:
    """Datenbank und archivierte Dokumente sichern: ein konsistenter Stand, auch während der Dienst läuft.

    Eine ZIP-Datei mit manifest.json (SHA-256 jedes Teils und jedes Dokuments).
    SQLite über seine Backup-Schnittstelle, PostgreSQL mit pg_dump.
    """
    from governance import backup as service

    made = service.make(state.settings, out, with_audit_key=with_audit_key)
    manifest = made.manifest
    if as_json:
        print_json(
            {
                "file": str(made.path),
                "size": made.size,
                "sha256": made.sha256,
                "key_file": str(made.key_file),
                **{k: v for k, v in manifest.items() if k != "documents"},
                "documents": len(manifest["documents"]),
            }
        )
        return
    click.echo(t(state, "backup.made", path=made.path, size=made.size, sha256=made.sha256))
    _summary(state, manifest)
    damaged = [str(d["id"]) for d in manifest["documents"] if not d["intact"]]
    if damaged:
        click.echo(t(state, "backup.damaged_documents", count=len(damaged), ids=", ".join(damaged)))
    if manifest["audit_key_included"]:
        click.echo(t(state, "backup.key_included", path=made.key_file))
    omitted = [
        t(
            state,
            f"backup.omitted.{what}",
            path=made.key_file,
            keys=", ".join(manifest["audit"]["key_ids"]) or "—",
        )
        for what in manifest["not_included"]
    ]
    click.echo(t(state, "backup.not_included", what="; ".join(omitted)))


def _summary(state: CliState, manifest: dict[str, Any]) -> None:
    tables = manifest["tables"]
    click.echo(
        t(
            state,
            "backup.summary",
            kind="SQLite" if manifest["database"]["kind"] == "sqlite" else "PostgreSQL",
            revision=manifest["schema_revision"],
            at=_when(manifest["created_at"]),
            tables=len(tables),
            rows=sum(table["rows"] for table in tables.values()),
            documents=len(manifest["documents"]),
            head=manifest["audit"]["head_seq"] or 0,
        )
    )


def _when(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone(BERLIN).strftime("%Y-%m-%d %H:%M:%S")


@click.command("restore")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), metavar="DATEI")
@json_option
@pass_state
def restore(state: CliState, file: Path, as_json: bool) -> None:
    """Eine Sicherung in eine leere Datenbank zurückspielen, danach prüfen (Exit 1 bei Abweichung).

    Die Datei wird vorher vollständig geprüft (Manifest, SHA-256); eine
    beschädigte oder fremde Datei, eine nicht leere Zieldatenbank oder ein
    fehlender Prüfpfad-Schlüssel werden abgelehnt, ohne etwas zu ändern.
    Danach werden Datensätze und Dokumente mit dem Manifest verglichen und
    der Prüfpfad geprüft (wie gremium audit verify).
    """
    from governance import backup as service

    done = service.restore(state.settings, file)
    manifest = done.manifest
    tables = manifest["tables"]
    if as_json:
        print_json(
            {
                "restored_into": done.target,
                "file": str(file),
                "created_at": manifest["created_at"],
                "schema_revision": manifest["schema_revision"],
                "database": manifest["database"]["kind"],
                "tables": len(tables),
                "rows": sum(table["rows"] for table in tables.values()),
                "documents": len(manifest["documents"]),
                "differences": done.differences,
                "audit_ok": done.verify.ok,
                "audit_records": done.verify.checked,
                "audit_findings": done.verify.describe_all(state.lang),
                "key_file": str(done.key_file),
                "key_written": done.key_written,
                "upgrade_needed": done.upgrade_needed,
                "ok": done.ok,
            }
        )
    else:
        click.echo(
            t(
                state,
                "backup.restored",
                url=done.target,
                at=_when(manifest["created_at"]),
                revision=manifest["schema_revision"],
            )
        )
        if done.differences:
            click.echo(t(state, "backup.restored_differs", count=len(done.differences)))
            for line in done.differences:
                click.echo(f"    {line}")
        else:
            click.echo(
                t(
                    state,
                    "backup.restored_same",
                    tables=len(tables),
                    rows=sum(table["rows"] for table in tables.values()),
                    documents=len(manifest["documents"]),
                )
            )
        key = "backup.key_written" if done.key_written else "backup.key_present"
        click.echo(t(state, key, path=done.key_file))
        result = done.verify
        if result.ok:
            click.echo(
                "  "
                + t(
                    state,
                    "audit.verify.ok_full",
                    count=result.checked,
                    entities=result.entities_checked,
                    witnesses=result.witnesses_checked,
                )
            )
        else:
            findings = result.describe_all(state.lang)
            click.echo(
                "  " + t(state, "audit.verify.broken", count=result.checked, problems=len(findings))
            )
            for line in findings:
                click.echo(f"    {line}")
        if done.upgrade_needed:
            click.echo(t(state, "backup.upgrade_needed"))
        click.echo(t(state, "backup.not_restored"))
    if not done.ok:
        raise SystemExit(1)


COMMANDS = [backup, restore]
