"""`make demo` runs the committee's year: the agreement signed at a ceremony,
a new partner accepted by the committee's vote, four quarterly meetings (one
not quorate and repeated), minutes circulated, objected to, revised, approved
and archived; every mail in a Maildir, every document in the output folder."""

from __future__ import annotations

import email
import email.policy
import mailbox
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from governance.cli import main


def demo(out, *extra: str, lang: str = "de") -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", lang, "demo", "--out", str(out), *extra])
    assert exit_.value.code == 0


@pytest.mark.slow
def test_the_demo_runs_the_year_of_the_committee(tmp_path, capsys):
    out = tmp_path / "demo-output"
    demo(out)
    printed = capsys.readouterr().out
    assert (out / "gremium.db").is_file()
    assert "9 Unterschriften; Vereinbarung in Kraft" in printed
    assert (
        "KG-2026/01  11.03.2026  angenommen  Das Gremium nimmt die Stadtteilarbeit Kosmosviertel"
        in printed
    )
    assert "Kosmosviertel (Mitglied, ab 01.04.2026)" in printed
    assert "Sitzung Nr. 2: nicht beschlussfähig" in printed
    assert "Wiederholungssitzung eröffnet" in printed
    assert "Einwendung von tjfbg" in printed and "Fassung 2 erneut versandt" in printed
    assert "unversehrt" in printed
    # Five sets of minutes, the first in its second revision, archived as PDF/A.
    archived = sorted(p.name for p in (out / "archive").iterdir())
    assert archived == [
        "protokoll-KG-sitzung-1-r2.pdf",
        *(f"protokoll-KG-sitzung-{n}-r1.pdf" for n in range(2, 6)),
    ]
    assert all((out / "archive" / name).read_bytes().startswith(b"%PDF") for name in archived)
    assert (out / "documents" / "Beschlussregister-2026.pdf").is_file()
    assert (out / "documents" / "Jahresbericht-2026.pdf").is_file()  # the year ends with it
    # Every mail is in the Maildir; the invitation carries the agenda PDF and a calendar entry.
    box = mailbox.Maildir(str(out / "mail"), create=False)
    messages = [
        email.message_from_bytes(box.get_bytes(k), policy=email.policy.default)
        for k in box.iterkeys()
    ]
    invitation = next(m for m in messages if str(m["Subject"]).startswith("Einladung"))
    kinds = {p.get_content_type() for p in invitation.walk()}
    assert {"text/plain", "text/html", "text/calendar", "application/pdf"} <= kinds
    # The signature request carries the agreement's text as PDF.
    request = next(m for m in messages if str(m["Subject"]).startswith("Bitte unterzeichnen"))
    [pdf] = [p for p in request.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == "Kooperationsvereinbarung-Fassung-1-1.pdf"
    assert f"E-Mails ({len(messages)} zugestellt" in printed
    # Partners answer the invitations by the links in them; five days before the June
    # meeting the forecast warns the chair, and the one who had not answered and the one
    # whose calendar said TENTATIVE (not counted as coming) are reminded.
    assert "Rückmeldungen per Link zur Juni-Sitzung: zwei Zusagen, vier Absagen" in printed
    assert "tjfbg antwortet im Kalender mit „vielleicht“: zählt nicht als Zusage" in printed
    [warning] = [m for m in messages if str(m["Subject"]).startswith("Beschlussfähigkeit")]
    assert "spk@ba-tk.example.org" in str(warning["To"])
    assert str(warning["Subject"]) == (
        "Beschlussfähigkeit gefährdet: Sitzung des Kooperationsgremiums am 10.06.2026"
    )
    said = warning.get_body(("plain",)).get_content()
    assert "Zugesagt haben 2 von 9 stimmberechtigten Mitgliedern" in said
    assert "nötig sind 5. Abgesagt: 5." in said
    assert "- Paritätischer Wohlfahrtsverband Landesverband Berlin e.V.: Bezirksbeauftragte" in said
    assert "Mit „vielleicht“ geantwortet haben (nicht als Zusage gezählt" in said
    reminders = [m for m in messages if str(m["Subject"]).startswith("Bitte um Rückmeldung")]
    assert sorted(str(m["To"]).split("<")[-1].rstrip(">") for m in reminders) == [
        "bezirk-tk@paritaet-berlin.example.org",
        "treptow@tjfbg.example.org",
    ]
    with sqlite3.connect(out / "gremium.db") as db:
        vias = dict(db.execute("SELECT via, count(*) FROM meeting_replies GROUP BY via").fetchall())
        used = db.execute(
            "SELECT count(*) FROM action_links WHERE used_at IS NOT NULL AND purpose LIKE 'rsvp.%'"
        ).fetchone()
        purposes = dict(
            db.execute(
                "SELECT purpose, count(*) FROM action_links WHERE used_at IS NOT NULL "
                "GROUP BY purpose"
            ).fetchall()
        )
        written = db.execute(
            "SELECT via, count(*) FROM written_ballots WHERE choice IS NOT NULL GROUP BY via"
        ).fetchall()
    db.close()
    # March, June (Rabenhaus answers by its calendar instead), September, December
    assert vias == {"link": 7 + 8 + 9 + 9, "calendar": 1} and used[0] == 33
    # Rabenhaus agrees with revision 2 of the first minutes by the link of their mail.
    assert purposes.get("minutes.agree") == 1
    assert "Rabenhaus stimmt der Fassung 2 über den Link im Protokollentwurf zu" in printed
    # In October a statement is decided in written procedure: six votes by link, one on
    # paper; it takes the register's number between the September and December decisions.
    assert dict(written) == {"link": 6, "paper": 1}
    assert "Umlaufverfahren Nr. 1 beschlossen als KG-2026/06: 5 Ja, 1 Nein, 1 Enthaltung" in printed
    [result] = [
        m
        for m in messages
        if str(m["Subject"]).strip().startswith("Umlaufverfahren Nr. 1: Beschluss KG-2026/06")
        and "referat@vska.example.org" in str(m["To"])
    ]
    assert (
        "Der Antrag ist angenommen (Beschluss KG-2026/06)"
        in result.get_body(("plain",)).get_content()
    )
    # The December minutes list it among the written procedures since September.
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from governance.models import Meeting
    from governance.services.documents import minutes as minutes_document

    engine = create_engine(f"sqlite:///{out / 'gremium.db'}")
    with Session(engine) as session:
        december = session.execute(
            select(Meeting.id).where(Meeting.title.is_not(None)).order_by(Meeting.starts_at)
        ).scalars()
        listed = {
            meeting_id: minutes_document.context(session, session.get(Meeting, meeting_id))
            for meeting_id in december
            if session.get(Meeting, meeting_id).state == "closed"
        }
    engine.dispose()
    with_written = [c for c in listed.values() if c["written_procedures"]]
    assert len(with_written) == 1
    assert with_written[0]["meeting"]["starts_at"].month == 12
    assert with_written[0]["written_procedures"][0]["reference"] == "KG-2026/06"
    reminded = {
        str(m["To"]) for m in messages if str(m["Subject"]).strip().startswith("Erinnerung: Umlauf")
    }
    assert len(reminded) == 2 and any("vska" in to for to in reminded)


def test_the_demo_can_run_again_into_its_folder_and_in_english(
    demo_year: Path, demo_again: tuple[Path, str]
):
    """A second run refills the folder of a first one (here a copy of the run's demo year,
    which is what a first run leaves), with --lang en as well. (The run is the run's
    ``demo_again``, made with group access, which tests/e2e/test_cli_faults.py reads too.)"""
    out, printed = demo_again
    assert printed.count("Vereinbarung in Kraft") == 1  # the demo tells its story in German
    assert not (out / "documents").exists()
    # Refilled, not added to: as many meetings and mails as after the first run.
    assert _meetings(out) == _meetings(demo_year)
    assert len(list((out / "mail" / "new").iterdir())) == len(
        list((demo_year / "mail" / "new").iterdir())
    )


def _meetings(folder: Path) -> int:
    with closing(sqlite3.connect(f"file:{folder / 'gremium.db'}?mode=ro", uri=True)) as db:
        return int(db.execute("SELECT count(*) FROM meetings").fetchone()[0])


def test_in_the_demo_partners_answer_by_mail(demo_year: Path, demo_year_printed: str):
    """Issue 14.4: a calendar reply becomes Rabenhaus' answer to the June invitation, and
    tjfbg's objection to the March minutes arrives by mail and is confirmed by link.
    (Read from the run's demo year: the same ``gremium demo --no-documents``.)"""
    out, printed = demo_year, demo_year_printed
    assert "Rabenhaus sagt die Einladung zur Sitzung Nr. 2 im Kalender ab" in printed
    assert "Einwendung von tjfbg per Link bestätigt" in printed
    with closing(sqlite3.connect(f"file:{out / 'gremium.db'}?mode=ro", uri=True)) as db:
        calendar = "SELECT answer, via, comment FROM meeting_replies WHERE via = 'calendar'"
        assert db.execute(calendar).fetchall() == [
            ("excused", "calendar", "Wir sind an dem Tag beim Kiezfest.")
        ]
        assert db.execute(
            "SELECT state, objection_id IS NOT NULL FROM mail_objections"
        ).fetchall() == [("confirmed", 1)]
    # The mails that can be answered carry the reply address, the calendar as its ORGANIZER.
    box = mailbox.Maildir(str(out / "mail"), create=False)
    messages = [
        email.message_from_bytes(box.get_bytes(k), policy=email.policy.default)
        for k in box.iterkeys()
    ]
    invitation = next(m for m in messages if str(m["Subject"]).startswith("Einladung"))
    reply_to = invitation["Reply-To"].addresses[0].addr_spec
    assert reply_to.startswith("geschaeftsstelle+") and reply_to.endswith("@ba-tk.example.org")
    calendar = next(p for p in invitation.walk() if p.get_content_type() == "text/calendar")
    assert f"mailto:{reply_to}" in calendar.get_content().replace("\r\n ", "")
    confirm = [m for m in messages if "Bitte bestätigen" in str(m["Subject"])]
    assert len(confirm) == 1 and "/l/" in confirm[0].get_body(("plain",)).get_content()
