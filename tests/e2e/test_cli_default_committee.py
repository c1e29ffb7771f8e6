"""The committee of a command that names none, from an empty installation: the
only one there is; with several, the installation's default (``[cli] committee``
in the configuration file, ``GREMIUM_COMMITTEE`` over it; ``--committee`` over
both); refused in one line, German or English, when there is no committee, when
there are several and no default, and when the default names no committee."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.gremium_cli import Gremium, isolate

ADMIN = "admin@gremium.example.org"


@pytest.fixture
def g(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    return Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)


def _committee(g: Gremium, short: str) -> None:
    g.ok("committee", "add", f"Runde {short}", "--short", short, "--sender",
         f"{short.lower()}@x.example.org", actor=ADMIN)  # fmt: skip


def _config(text: str) -> None:
    Path("gremium.toml").write_text(text, encoding="utf-8")


def test_no_committee_yet(g: Gremium) -> None:
    g.ok("init", "--admin-email", ADMIN, "--admin-name", "Ada Admin")
    line = g.refused("meeting", "list")
    assert line == (
        "Fehler: Es gibt noch kein Gremium: „gremium committee add“ legt eines an "
        "(oder „gremium init --example treptow-koepenick“ das Beispiel)."
    )
    line = g.refused("--lang", "en", "committee", "show")
    assert line.startswith("Error: There is no committee yet: “gremium committee add”")


def test_one_committee_needs_no_name_and_several_need_one_or_a_default(
    g: Gremium, monkeypatch: pytest.MonkeyPatch
) -> None:
    g.ok("init", "--admin-email", ADMIN, "--admin-name", "Ada Admin")
    _committee(g, "RS")
    assert g.json("committee", "show")["short_name"] == "RS"  # the only one

    _committee(g, "RN")
    before = g.snapshot()
    line = g.refused("meeting", "list")
    assert line == (
        "Fehler: Welches Gremium? Es gibt mehrere: RN, RS. Nennen Sie es mit --committee "
        '(z. B. --committee RN) oder legen Sie einen Standard fest: [cli] committee = "RN" '
        "in der Konfigurationsdatei (gremium.toml) oder GREMIUM_COMMITTEE=RN."
    )
    line = g.refused("--lang", "en", "member", "list", "--json")
    assert line == (
        "Error: Which committee? There are several: RN, RS. Name one with --committee "
        '(e.g. --committee RN) or set a default: [cli] committee = "RN" in the '
        "configuration file (gremium.toml) or GREMIUM_COMMITTEE=RN."
    )
    assert g.snapshot() == before  # nothing changed
    assert g.json("meeting", "list", "--committee", "RS") == []

    # the configuration file's default; --committee wins over it
    _config('language = "de"\n\n[cli]\ncommittee = "rs"\n')
    assert g.json("committee", "show")["short_name"] == "RS"
    assert g.json("committee", "show", "RN")["short_name"] == "RN"
    # a change goes to the default committee too
    g.ok("org", "add", "Quartiersbüro", "--short", "QB", "--kind", "association", actor=ADMIN)
    g.ok("person", "add", "Lea Leitung", "--email", "lea@x.example.org", "--org", "QB",
         actor=ADMIN)  # fmt: skip
    g.ok("member", "add", "--org", "QB", "--role", "chair", "--representative",
         "lea@x.example.org", actor=ADMIN)  # fmt: skip
    assert [m["organisation"] for m in g.json("member", "list")] == ["QB"]
    assert g.json("member", "list", "--committee", "RN") == []

    # the environment over the file
    monkeypatch.setenv("GREMIUM_COMMITTEE", "RN")
    assert g.json("committee", "show")["short_name"] == "RN"
    assert g.json("committee", "show", "RS")["short_name"] == "RS"
    monkeypatch.setenv("GREMIUM_COMMITTEE", "2")  # a number is the committee's ID
    assert g.json("committee", "show")["short_name"] == "RN"


def test_a_default_that_names_no_committee(g: Gremium, monkeypatch: pytest.MonkeyPatch) -> None:
    g.ok("init", "--admin-email", ADMIN, "--admin-name", "Ada Admin")
    _committee(g, "RS")
    _committee(g, "RN")
    _config('[cli]\ncommittee = "KG"\n')
    line = g.refused("meeting", "list")
    assert line == (
        "Fehler: Das Standardgremium „KG“ aus [cli] committee (gremium.toml) gibt es nicht. "
        "Bekannt: RN, RS. Ändern Sie die Einstellung oder nennen Sie das Gremium mit --committee."
    )
    assert g.json("meeting", "list", "-c", "RN") == []  # named, the default is not looked at
    monkeypatch.setenv("GREMIUM_COMMITTEE", "XY")
    line = g.refused("--lang", "en", "committee", "show")
    assert line == (
        "Error: The default committee “XY” from GREMIUM_COMMITTEE does not exist. "
        "Known: RN, RS. Change the setting or name the committee with --committee."
    )
    # a committee typed with the command is refused as before, without the default's words
    line = g.refused("committee", "show", "ZZ")
    assert line == "Fehler: Gremium „ZZ“ gibt es nicht. Bekannt: RN, RS."


@pytest.mark.parametrize(
    ("toml", "de", "en"),
    [
        (
            '[cli]\ncommittee = "zwei Worte"\n',
            "[cli] committee (gremium.toml): „zwei Worte“ ist kein Gremium; erlaubt: ein Kurzname",
            "[cli] committee (gremium.toml): “zwei Worte” is no committee; allowed: a short name",
        ),
        (
            "[cli]\ncolour = 1\n",
            "unbekannte Einstellung(en) in [cli]: colour; erlaubt: committee",
            "unknown setting(s) in [cli]: colour; allowed: committee",
        ),
        ("cli = 3\n", "„cli“ muss eine Tabelle sein", "“cli” must be a table"),
        ("[cli]\ncommittee = true\n", "„cli.committee“ muss ein Text", "“cli.committee” must be a"),
    ],
)
def test_a_default_that_is_no_committee_is_refused_at_start(
    g: Gremium, toml: str, de: str, en: str
) -> None:
    g.ok("init")
    _config(toml)
    assert de in g.refused("meeting", "list")
    assert en in g.refused("--lang", "en", "meeting", "list")


def test_the_environment_is_checked_too(g: Gremium, monkeypatch: pytest.MonkeyPatch) -> None:
    g.ok("init")
    monkeypatch.setenv("GREMIUM_COMMITTEE", "K G")
    assert "GREMIUM_COMMITTEE: „K G“ ist kein Gremium" in g.refused("meeting", "list")


def test_listings_across_committees_are_not_narrowed_by_the_default(g: Gremium) -> None:
    g.ok("init", "--admin-email", ADMIN, "--admin-name", "Ada Admin")
    _committee(g, "RS")
    _committee(g, "RN")
    everything = g.json("audit", "log")
    _config('[cli]\ncommittee = "RS"\n')
    assert g.json("audit", "log") == everything
    assert len(g.json("audit", "log", "--committee", "RS")) < len(everything)
    # an area's report: the default committee does not compete with --area
    g.ok("programme", "add", "Programm", "--short", "P", actor=ADMIN)
    g.ok("area", "add", "P", "Nord", "--short", "nord", actor=ADMIN)
    g.ok("area", "add-committee", "nord", "RN", actor=ADMIN)
    g.ok("report", "annual", "--area", "nord", "--year", "2026", "--format", "html",
         "--out", "nord.html")  # fmt: skip
    assert Path("nord.html").stat().st_size > 0
    line = g.refused("report", "annual", "--area", "nord", "-c", "RN", "--year", "2026")
    assert "--area" in line


def test_the_programme_example_adds_the_default_to_the_configuration_file(g: Gremium) -> None:
    _config('language = "en"')  # the user's file, without a final line break
    said = g.ok("init", "--example", "gemeinschaftsinitiative")
    assert (
        "Two committees: commands without --committee now mean KG ([cli] committee in "
        "gremium.toml); the other one with --committee KV."
    ) in said
    assert Path("gremium.toml").read_text(encoding="utf-8") == (
        'language = "en"\n\n[cli]\ncommittee = "KG"  # the committee of commands without '
        "--committee\n"
    )
    assert g.json("committee", "show")["short_name"] == "KG"
    assert g.json("meeting", "list", "-c", "KV") == []


def test_a_cli_table_of_the_installation_is_left_as_it_is(g: Gremium) -> None:
    _config("# ours\n[cli]\n")
    said = g.ok("init", "--example", "gemeinschaftsinitiative")
    assert "gremium.toml hat schon eine Tabelle [cli]" in said
    assert Path("gremium.toml").read_text(encoding="utf-8") == "# ours\n[cli]\n"
    assert g.refused("meeting", "list").startswith(
        "Fehler: Welches Gremium? Es gibt mehrere: KG, KV."
    )
