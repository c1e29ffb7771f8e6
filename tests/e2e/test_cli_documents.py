"""``gremium documents render`` end to end: a fresh SQLite file set up with
``gremium init --example treptow-koepenick``, the agreement opened and signed
by one party, documents written as HTML and PDF/A exactly as from a shell."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from governance.examples import treptow_koepenick as tk
from tests.e2e.gremium_cli import Gremium, built_once, isolate

RABENHAUS = tk.email(tk.ORGANISATIONS[1], "gf")


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    """The example committee; Rabenhaus has signed the open agreement on 2026-01-12."""
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)

    def build(t: Gremium) -> None:
        t.ok("init", "--example", "treptow-koepenick")
        t.ok("agreement", "open", "1", actor=tk.CHAIR_EMAIL)
        digest = t.json("agreement", "text", "1")["text_sha256"]
        t.ok(
            *("agreement", "sign", "1", "--org", "Rabenhaus", "--signatory", RABENHAUS),
            *("--date", "2026-01-12", "--place", "Berlin-Köpenick", "--method", "scanned"),
            *("--hash", digest),
            actor=RABENHAUS,
        )

    return built_once(g, "example signed by Rabenhaus", build)


def test_the_secretariat_prints_the_agreement_as_html_to_sign(gremium: Gremium, tmp_path: Path):
    out = gremium.ok(
        "documents", "render", "agreement", "1", "--format", "html", "--out", "kv.html"
    )
    html = (tmp_path / "kv.html").read_text(encoding="utf-8")
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()
    assert out.strip() == f"kv.html geschrieben (HTML, SHA-256 {digest})."
    assert (
        '<th scope="row">Unterzeichnet von</th><td>Geschäftsführung Rabenhaus, Geschäftsführerin</td>'
        in html
    )
    assert '<th scope="row">Datum</th><td>12.01.2026</td>' in html
    assert "unterschrieben und eingescannt" in html
    assert html.count('<div class="sign-line">Unterschrift</div>') == 8
    umask = os.umask(0)
    os.umask(umask)
    # Owner-only, whatever the umask (personal data): group_access = true would allow 0640.
    assert (tmp_path / "kv.html").stat().st_mode & 0o777 == 0o666 & ~(umask | 0o077)


def test_the_pdf_is_pdfa_and_the_printed_hash_is_the_files(gremium: Gremium, tmp_path: Path):
    out = gremium.ok("documents", "render", "agreement", "1/1", "--out", "kv.pdf")
    data = (tmp_path / "kv.pdf").read_bytes()
    assert (
        out.strip()
        == f"kv.pdf geschrieben (PDF/A-3a, PDF/UA-1, SHA-256 {hashlib.sha256(data).hexdigest()})."
    )
    reader = PdfReader(io.BytesIO(data))
    assert (
        'pdfaid:part="3"' in reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    )
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "Geschäftsführung Rabenhaus" in text and "12.01.2026" in text
    assert f"Seite 1 von {len(reader.pages)}" in text


def test_without_out_the_file_is_named_after_kind_and_id(gremium: Gremium, tmp_path: Path):
    gremium.ok("documents", "render", "agreement", "1/1", "--format", "html")
    assert (tmp_path / "agreement-1-1.html").is_file()


def test_the_global_language_option_prints_in_english(gremium: Gremium, tmp_path: Path):
    out = gremium.ok("--lang", "en", "documents", "render", "agreement", "1", "--format", "html")
    assert out.startswith("Wrote agreement-1.html (HTML, SHA-256 ")
    html = (tmp_path / "agreement-1.html").read_text(encoding="utf-8")
    assert (
        '<html lang="en">' in html
        and '<th scope="row">Signed by</th>' in html
        and "12/01/2026" in html
    )


def test_an_unknown_kind_is_refused_with_the_kinds_allowed(gremium: Gremium, tmp_path: Path):
    before = gremium.snapshot()
    err = gremium.refused("documents", "render", "protokoll", "1", "--out", "p.pdf")
    assert err == (
        "Fehler: Dokumentart „protokoll“ gibt es nicht; erlaubt: accession_declaration, "
        "agreement, annual_report, attendance_list, decisions_register, invitation, minutes."
    )
    assert gremium.snapshot() == before
    assert not (tmp_path / "p.pdf").exists()


def test_an_unknown_id_says_so(gremium: Gremium, tmp_path: Path):
    err = gremium.refused("documents", "render", "agreement", "9", "--out", "kv.pdf")
    assert err == "Fehler: Fassung der Vereinbarung „9“ gibt es nicht."
    err = gremium.refused("--lang", "en", "documents", "render", "accession_declaration", "4")
    assert err == "Error: There is no accession application “4”."
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_path_in_a_missing_folder_or_naming_a_folder_says_so(gremium: Gremium, tmp_path: Path):
    err = gremium.refused("documents", "render", "agreement", "1", "--out", "fehlt/kv.pdf")
    assert (
        err
        == "Fehler: „fehlt/kv.pdf“ lässt sich nicht schreiben: den Ordner „fehlt“ gibt es nicht."
    )
    (tmp_path / "archiv").mkdir()
    err = gremium.refused("documents", "render", "agreement", "1", "--out", "archiv")
    assert err == "Fehler: „archiv“ ist ein Ordner; bitte einen Dateinamen angeben."
    assert list(tmp_path.glob("**/*.pdf")) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_unwritable_folder_says_so_and_leaves_nothing_behind(gremium: Gremium, tmp_path: Path):
    locked = tmp_path / "gesperrt"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        err = gremium.refused("documents", "render", "agreement", "1", "--out", "gesperrt/kv.pdf")
    finally:
        locked.chmod(0o700)
    assert err == "Fehler: „gesperrt/kv.pdf“ lässt sich nicht schreiben (Permission denied)."
    assert list(locked.iterdir()) == []


def test_the_declaration_of_an_application_not_yet_accepted_is_refused(gremium: Gremium):
    gremium.ok(
        *("accession", "apply", "--org-name", "Stadtteilarbeit Kosmosviertel e.V."),
        *("--short-name", "Kosmosviertel", "--kind", "association"),
        *("--applicant-name", "Vorstand Kosmosviertel"),
        *("--applicant-email", "vorstand@kosmosviertel.example.org"),
    )
    err = gremium.refused("documents", "render", "accession_declaration", "1")
    assert err == (
        "Fehler: Die Beitrittserklärung zu Antrag 1 gibt es erst, wenn das Gremium den Antrag "
        "angenommen hat (der Antrag ist „beantragt“)."
    )


def test_other_commands_do_not_pay_for_loading_the_pdf_renderer():
    probe = "import sys, governance.cli; print('weasyprint' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
