"""``gremium agenda attach / files / file-export`` end to end: a member proposes
an item with a file and a link, the secretariat uploads a new version, the
files are listed and exported (from another folder too), and the archived
minutes are exported from another folder; bad input is refused in one line
and changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.e2e.gremium_cli import Gremium
from tests.e2e.test_cli_minutes import CHAIR, RABENHAUS, SECRETARIAT, gremium  # noqa: F401

PLAN_V1 = b"Posten;Betrag\nBuehne;1200\n"
PLAN_V2 = b"Posten;Betrag\nBuehne;1200\nTechnik;800\n"


def next_meeting(g: Gremium) -> str:
    planned = [m for m in g.json("meeting", "list") if m["state"] == "planned"]
    return str(planned[0]["id"])


def test_files_and_links_are_attached_versioned_listed_and_exported(
    gremium: Gremium,  # noqa: F811
    tmp_path: Path,
    monkeypatch,
):
    meeting = next_meeting(gremium)
    (tmp_path / "kostenplan.csv").write_bytes(PLAN_V1)
    out = gremium.ok(
        "agenda",
        "propose",
        meeting,
        "--title",
        "Stadtteilfest 2027",
        "--attachment",
        "kostenplan.csv",
        "--attachment",
        "https://rabenhaus.example.org/fest",
        actor=RABENHAUS,
    )
    item = out.split()[1].lstrip("#").rstrip(":")
    [plan, link] = gremium.json("agenda", "files", item)
    assert (plan["kind"], plan["name"], plan["version"], plan["size"]) == (
        "file",
        "kostenplan.csv",
        1,
        len(PLAN_V1),
    )
    assert plan["sha256"] == hashlib.sha256(PLAN_V1).hexdigest()
    assert (link["kind"], link["url"]) == ("link", "https://rabenhaus.example.org/fest")

    (tmp_path / "kostenplan.csv").write_bytes(PLAN_V2)
    out = gremium.ok("agenda", "attach", item, "--file", "kostenplan.csv", actor=SECRETARIAT)
    assert (
        f"zu TOP #{item}: „kostenplan.csv“, Version 2 (kostenplan.csv, {len(PLAN_V2)} B, SHA-256 "
        in out
    )
    listed = gremium.json("agenda", "files", item)
    assert [(a["title"], a["version"]) for a in listed] == [
        ("kostenplan.csv", 2),
        ("https://rabenhaus.example.org/fest", 1),
    ]
    every = gremium.json("agenda", "files", item, "--all")
    assert [a["version"] for a in every if a["kind"] == "file"] == [1, 2]
    shown = gremium.ok("meeting", "show", meeting)
    assert (
        f"Anlage {listed[0]['id']}: kostenplan.csv – kostenplan.csv, Version 2, {len(PLAN_V2)} B"
        in shown
    )
    assert "https://rabenhaus.example.org/fest" in shown
    table = gremium.ok("agenda", "files", item)
    assert (
        "kostenplan.csv" in table
        and f"{len(PLAN_V2)} B" in table
        and plan["sha256"][:12] not in table
    )

    # Exported from another working folder: the bytes come from the database.
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    first = next(a for a in every if a["version"] == 1)
    out = gremium.ok("agenda", "file-export", str(first["id"]))
    assert (elsewhere / "kostenplan.csv").read_bytes() == PLAN_V1
    assert plan["sha256"] in out
    gremium.ok("agenda", "file-export", str(listed[0]["id"]), "--out", "neu.csv")
    assert (elsewhere / "neu.csv").read_bytes() == PLAN_V2


def test_bad_attachments_are_refused_in_one_line_and_change_nothing(
    gremium: Gremium,  # noqa: F811
    tmp_path: Path,
    monkeypatch,
):
    meeting = next_meeting(gremium)
    out = gremium.ok("agenda", "propose", meeting, "--title", "Bericht", actor=CHAIR)
    item = out.split()[1].lstrip("#").rstrip(":")
    before = gremium.counts()[:-1], gremium.json("agenda", "files", item)
    assert gremium.refused(
        "agenda", "attach", item, "--url", "file:///etc/passwd", actor=CHAIR
    ) == (
        "Fehler: „file:///etc/passwd“ ist keine zulässige Adresse; erlaubt sind http:// und "
        "https:// mit Servername, ohne Leerzeichen, bis 2000 Zeichen."
    )
    for url in ("javascript:alert(1)", "ftp://example.org/x", "https://", "http://a b.example"):
        assert "keine zulässige Adresse" in gremium.refused(
            "agenda", "attach", item, "--url", url, actor=CHAIR
        )
    assert gremium.refused("agenda", "attach", item, actor=CHAIR) == (
        "Fehler: Bitte genau eines angeben: --file DATEI oder --url ADRESSE."
    )
    assert "lässt sich nicht lesen" in gremium.refused(
        "agenda", "attach", item, "--file", "fehlt.pdf", actor=CHAIR
    )
    (tmp_path / "leer.txt").write_bytes(b"")
    assert "ist leer" in gremium.refused(
        "agenda", "attach", item, "--file", "leer.txt", actor=CHAIR
    )
    monkeypatch.setenv("GREMIUM_ATTACHMENT_MAX_MB", "1")
    (tmp_path / "gross.pdf").write_bytes(b"%" * 1_500_000)
    assert gremium.refused("agenda", "attach", item, "--file", "gross.pdf", actor=CHAIR) == (
        "Fehler: Die Datei „gross.pdf“ ist 1,5 MB groß; erlaubt sind höchstens 1,0 MB je Datei "
        "(Einstellung attachment_max_mb)."
    )
    # A member may attach only to the items its organisation proposed.
    assert "oder die Organisation, die den TOP vorgeschlagen hat" in gremium.refused(
        "agenda", "attach", item, "--url", "https://example.org/", actor=RABENHAUS
    )
    # The held meeting's items take no attachments any more.
    assert "bis zum Schluss der Sitzung" in gremium.refused(
        "agenda",
        "attach",
        f"{gremium.meeting}/2",
        "--url",
        "https://example.org/",
        actor=CHAIR,  # type: ignore[attr-defined]
    )
    assert (gremium.counts()[:-1], gremium.json("agenda", "files", item)) == before


def test_archived_minutes_are_exported_from_any_folder(
    gremium: Gremium,  # noqa: F811
    tmp_path: Path,
    monkeypatch,
):
    meeting = gremium.meeting  # type: ignore[attr-defined]
    gremium.ok("minutes", "note", meeting, "--top", "1", "--text", "Keine.", actor=SECRETARIAT)
    gremium.ok("minutes", "circulate", meeting, actor=SECRETARIAT)
    gremium.ok("tick", "--until", "2026-07-01 00:00")
    shown = gremium.json("minutes", "show", meeting)
    stored = shown["archive_document"]
    assert stored["name"] == "protokoll-KG-sitzung-1-r1.pdf" and stored["in_database"]
    # The copy next to the database goes away; the record is in the database.
    Path(shown["archive_path"]).unlink()
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    out = gremium.ok("minutes", "export", meeting, "--out", "protokoll.pdf")
    data = (elsewhere / "protokoll.pdf").read_bytes()
    assert hashlib.sha256(data).hexdigest() == shown["archive_sha256"] == stored["sha256"]
    assert data.startswith(b"%PDF-") and shown["archive_sha256"] in out
    text = gremium.ok("minutes", "show", meeting)
    assert "Archiv (Datenbank): protokoll-KG-sitzung-1-r1.pdf" in text
