"""A committee set up from nothing on the command line, as a new district does it
(not ``init --example``): ``committee add``, members, ``agreement create``, opened,
signed by every party, in force; then an accession whose declaration is signed.
And what a user gets wrong on the way: refused with one line, nothing changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.gremium_cli import Gremium, built_once, isolate

ADMIN = "admin@bezirk.example.org"
CHAIR = "leitung@bezirk.example.org"
SECRETARY = "gs@bezirk.example.org"
PARTNERS = {"Nachbarn": "vorstand@nachbarn.example.org", "Kiez": "gf@kiez.example.org"}
TEXT = "Präambel\n\nWir arbeiten zusammen.\n\n§ 1 Ziel\nGute Nachbarschaft im Bezirk.\n"
TITLE = "Kooperationsvereinbarung Nachbarschaft"


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    """An empty database with the first administrator, a committee and its members."""
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)

    def build(t: Gremium) -> None:
        t.ok("init", "--admin-email", ADMIN, "--admin-name", "Administration")
        t.ok("committee", "add", "Kooperationsgremium Nord", "--short", "KN",
             "--sender", "gremium@bezirk.example.org", actor=ADMIN)  # fmt: skip
        t.ok("org", "add", "Bezirksamt Nord", "--short", "BA", "--kind", "public_body", actor=ADMIN)
        t.ok("person", "add", "Leitung", "--email", CHAIR, "--org", "BA", actor=ADMIN)
        t.ok("person", "add", "Geschäftsstelle", "--email", SECRETARY, "--org", "BA", actor=ADMIN)
        t.ok("member", "add", "--org", "BA", "--role", "chair", "--representative", CHAIR,
             actor=ADMIN)  # fmt: skip
        t.ok("secretariat", "add", SECRETARY, actor=CHAIR)
        for short, email in PARTNERS.items():
            t.ok(
                "org",
                "add",
                f"{short} e.V.",
                "--short",
                short,
                "--kind",
                "association",
                actor=CHAIR,
            )
            t.ok(
                "person",
                "add",
                f"Vertretung {short}",
                "--email",
                email,
                "--org",
                short,
                actor=CHAIR,
            )
            t.ok("member", "add", "--org", short, "--representative", email, actor=CHAIR)

    return built_once(g, "a committee of its own", build)


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "text.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_a_new_committee_gets_its_agreement_signed_and_a_partner_accedes(
    gremium: Gremium, text_file: Path
) -> None:
    out = gremium.ok("agreement", "create", "--title", TITLE, "--file", str(text_file),
                     actor=CHAIR)  # fmt: skip
    assert f"Vereinbarung „{TITLE}“ als Fassung 1/1" in out
    assert "gremium agreement open 1/1" in out
    [row] = gremium.json("agreement", "list")
    assert (row["ref"], row["state"], row["text_sha256"]) == ("1/1", "draft", None)

    # The first agreement needs no vote: the chair opens it, the parties' signatures decide.
    assert "zur Unterzeichnung offen" in gremium.ok("agreement", "open", "1/1", actor=CHAIR)
    digest = gremium.json("agreement", "text", "1/1")["text_sha256"]
    for short, email in {"BA": CHAIR, **PARTNERS}.items():
        gremium.ok("agreement", "sign", "1/1", "--org", short, "--signatory", email,
                   "--date", "2026-01-12", "--place", "Berlin", "--method", "electronic",
                   "--hash", digest, actor=email)  # fmt: skip
    shown = gremium.json("agreement", "show", "1/1")
    assert (shown["state"], shown["in_force_from"], shown["signed"]) == (
        "in_force",
        "2026-01-12",
        3,
    )

    gremium.ok("accession", "apply", "--org-name", "Neue Nachbarn e.V.", "--short-name", "Neu",
               "--kind", "association", "--applicant-name", "Vorstand Neu",
               "--applicant-email", "vorstand@neu.example.org")  # fmt: skip
    gremium.ok("accession", "review", "1", actor=CHAIR)
    gremium.ok("accession", "schedule", "1", actor=CHAIR)
    gremium.ok("accession", "decide", "1", "--yes", "3", "--no", "0", "--abstain", "0",
               actor=CHAIR)  # fmt: skip
    gremium.ok("accession", "declare", "1", "--signatory", "vorstand@neu.example.org",
               "--date", "2026-01-12", "--place", "Berlin", "--hash", digest,
               actor=SECRETARY)  # fmt: skip
    assert gremium.json("accession", "show", "1")["state"] == "joined"


def test_creating_the_agreement_in_english_and_as_json(gremium: Gremium, text_file: Path) -> None:
    code, out, err = gremium("--lang", "en", "agreement", "create", "--title", TITLE,
                             "--file", str(text_file), actor=ADMIN)  # fmt: skip
    assert code == 0, err
    assert f"Agreement “{TITLE}” created as draft version 1/1" in out
    # A second agreement while one exists is refused, and says what to do instead.
    code, out, err = gremium("--lang", "en", "agreement", "create", "--title", "Zwei",
                             "--file", str(text_file), actor=CHAIR)  # fmt: skip
    assert code == 2
    assert "has an agreement already (version 1/1: draft)" in err
    assert "gremium agreement amend" in err


def test_create_as_json_gives_the_draft(gremium: Gremium, text_file: Path) -> None:
    data = gremium.json("--as", CHAIR, "agreement", "create", "--title", TITLE,
                        "--file", str(text_file))  # fmt: skip
    assert (data["ref"], data["state"], data["title"], data["characters"]) == (
        "1/1",
        "draft",
        TITLE,
        len(TEXT),
    )
    assert gremium.json("agreement", "text", "1/1")["text"] == TEXT


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str, str]]:
    empty = tmp / "leer.md"
    empty.write_text("  \n\n", encoding="utf-8")
    latin1 = tmp / "latin1.md"
    latin1.write_bytes("Präambel\n".encode("latin-1"))
    huge = tmp / "riesig.md"
    huge.write_text("x" * 200_001, encoding="utf-8")
    control = tmp / "steuerzeichen.md"
    control.write_bytes("Präambel\r\nWir\x00arbeiten zusammen.\n".encode())
    return {
        "control": (control, "Steuerzeichen (U+0000) in Zeile 2", "(U+0000) on line 2"),
        "missing": (tmp / "fehlt.md", "gibt es nicht", "does not exist"),
        "empty": (empty, "ist leer", "is empty"),
        "latin1": (latin1, "kein UTF-8-Text", "not UTF-8 text"),
        "huge": (huge, "höchstens 200000 Zeichen", "at most 200000 characters"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "latin1", "huge", "control"])
def test_a_text_file_that_cannot_be_an_agreement_is_refused_and_changes_nothing(
    gremium: Gremium, tmp_path: Path, case: str
) -> None:
    path, german, english = _bad_files(tmp_path)[case]
    before = gremium.snapshot()
    line = gremium.refused("agreement", "create", "--title", TITLE, "--file", str(path),
                           actor=CHAIR)  # fmt: skip
    assert german in line and (case == "control" or str(path) in line)
    code, _, err = gremium("--lang", "en", "agreement", "create", "--title", TITLE,
                           "--file", str(path), actor=CHAIR)  # fmt: skip
    assert code == 2 and english in err
    assert gremium.snapshot() == before


def test_only_the_chair_or_an_administrator_creates_the_agreement(
    gremium: Gremium, text_file: Path
) -> None:
    before = gremium.counts()[:-1]
    for actor in (SECRETARY, PARTNERS["Kiez"]):
        line = gremium.refused("agreement", "create", "--title", TITLE, "--file", str(text_file),
                               actor=actor)  # fmt: skip
        assert "darf „die Vereinbarung des Gremiums anlegen“ nicht ausführen" in line
    assert gremium.counts()[:-1] == before
    [refusal] = gremium.json("audit", "log", "--limit", "1")
    assert refusal["outcome"] == "refused" and refusal["action"] == "agreement.create"


def test_an_unknown_committee_is_refused(gremium: Gremium, text_file: Path) -> None:
    line = gremium.refused("agreement", "create", "--committee", "XY", "--title", TITLE,
                           "--file", str(text_file), actor=ADMIN)  # fmt: skip
    assert "Gremium „XY“ gibt es nicht. Bekannt: KN." in line
    assert gremium.json("agreement", "list", "--committee", "KN") == []
