"""Replies by mail, end to end: invitation mail → calendar REPLY into a real Dovecot →
`mail fetch` → the RSVP; circulated minutes → reply → pending objection → link → objection.

Dovecot runs on loopback from a configuration of the test's own (tests/dovecot.py);
messages reach it by IMAP APPEND as a mail server would deliver them. The replies
are written as Outlook, Thunderbird, Apple Calendar and Google write them
(tests/itip_replies.py). What is checked is what people see: the answer
recorded, the mailbox's flags, `minutes show`, the link's page.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import html
import mailbox
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from governance.clock import BERLIN
from governance.errors import GremiumError
from governance.mail import inbound as imap
from governance.mail.settings import mail_settings
from governance.models import (
    AuditRecord,
    Capacity,
    InboundMail,
    MailObjection,
    MeetingReply,
    Minutes,
)
from governance.services import directory, meeting_session, rsvp
from governance.services import meetings as meeting_service
from governance.services import minutes as minutes_service
from governance.unit_of_work import Actor
from tests import itip_replies as clients
from tests.cli_in_process import ok
from tests.dovecot import Dovecot, require_or_skip
from tests.web.conftest import web_settings_for
from tests.web.support import World, post_form

PARTNER = World.EMAILS["partner1"]
PARTNER2 = World.EMAILS["partner2"]
DEPUTY = "nachbar@rabenhaus.example.org"


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    require_or_skip()
    # Not under pytest's tmp_path: run as root, Dovecot's unprivileged users must reach it.
    folder = Path(tempfile.mkdtemp(prefix="gremium-dovecot-"))
    folder.chmod(0o755)
    server = Dovecot(folder)
    server.write_password_file()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def web_settings(tmp_path, dovecot):
    return web_settings_for(
        tmp_path, mail={"maildir": str(tmp_path / "mail"), **dovecot.settings()}
    )


def sent_mails(web_settings, gremium) -> list[email.message.EmailMessage]:
    """A pass of the outbox into the Maildir; every mail written so far."""
    from governance.mail.dispatch import dispatch
    from governance.mail.transports import make_transport

    settings = mail_settings(web_settings)
    dispatch(gremium, make_transport(settings), settings)
    box = mailbox.Maildir(settings.maildir, create=False)
    return [
        email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)  # type: ignore[misc]
        for key in box.iterkeys()
    ]


def invite(gremium, world: World) -> int:
    chair = Actor(label=World.EMAILS["chair"], person_id=world.chair)
    with gremium.unit_of_work(chair) as work:
        meeting = meeting_service.plan(
            work,
            world.committee_id,
            title="Sitzung im März",
            starts_at="2026-03-11 10:00",
            location="Rathaus Köpenick",
        )
        work.session.flush()
        mid = meeting.id
    with gremium.unit_of_work(chair) as work:
        meeting_service.convene(work, mid)
    return mid


def invitation_of(mails, person: str) -> tuple[str, str]:
    """(Reply-To, calendar ORGANIZER, UID) of the invitation *person* got."""
    for message in mails:
        if message["To"].addresses[0].addr_spec == person and "Einladung" in message["Subject"]:
            calendar = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
            text = calendar.get_content()
            organizer = re.search(r"ORGANIZER[^:]*:mailto:(\S+)", text.replace("\r\n ", ""))
            uid = re.search(r"UID:(\S+)", text)
            assert organizer and uid
            reply_to = message["Reply-To"].addresses[0].addr_spec
            assert reply_to == organizer.group(1), (reply_to, organizer.group(1))
            return reply_to, uid.group(1)
    raise AssertionError(f"no invitation to {person}")


def fetch(gremium, web_settings, **kwargs) -> imap.FetchReport:
    return imap.fetch(gremium, mail_settings(web_settings), **kwargs)


def answer(gremium, mid: int, org: int) -> MeetingReply | None:
    with gremium.db.session() as session:
        found = session.scalars(
            select(MeetingReply).where(
                MeetingReply.meeting_id == mid, MeetingReply.organisation_id == org
            )
        ).one_or_none()
        if found is not None:
            _ = (found.deputy, found.person)  # loaded for the assertions after the session
        return found


def test_calendar_replies_become_answers_as_each_client_writes_them(
    gremium, world, web_settings, dovecot
):
    mid = invite(gremium, world)
    mails = sent_mails(web_settings, gremium)
    reply_to, uid = invitation_of(mails, PARTNER)
    local, _, domain = reply_to.partition("@")
    assert local.startswith("geschaeftsstelle+") and domain == "ba-tk.example.org"
    other_reply_to, _ = invitation_of(mails, PARTNER2)
    assert other_reply_to != reply_to  # one token per person

    # Outlook: accepted with a comment, ISO-8859-1 body, Windows zone name, base64 calendar.
    dovecot.deliver(
        clients.outlook(
            sender=f"Vorstand Rabenhaus <{PARTNER}>",
            to=f"Clara Vorsitz <{reply_to}>",
            uid=uid,
            attendee=clients.attendee_line(PARTNER, "ACCEPTED", "Vorstand Rabenhaus"),
            comment="Ich komme etwas später, gegen 10:30 Uhr. Bitte halten Sie mir einen Platz frei.",
            message_id="<outlook-1@rabenhaus.example.org>",
        )
    )
    report = fetch(gremium, web_settings)
    assert (report.read, report.rsvp, report.not_understood) == (1, 1, 0)
    got = answer(gremium, mid, world.partner_orgs[0])
    assert got is not None
    assert (got.answer, got.via) == ("attends", "calendar")
    assert got.comment.startswith("Ich komme etwas später, gegen 10:30 Uhr.")

    # Google: declined, its long generated body is no comment; from the other partner.
    dovecot.deliver(
        clients.google(
            sender=PARTNER2,
            to=other_reply_to,
            uid=uid,
            attendee=clients.attendee_line(PARTNER2, "DECLINED"),
            message_id="<google-1@mail.gmail.com>",
        )
    )
    # Thunderbird: the first partner changes to tentative, with a COMMENT folded over lines.
    long_comment = "Vielleicht – ich weiß es erst nach der Vorstandssitzung am Montag davor, " * 2
    dovecot.deliver(
        clients.thunderbird(
            sender=PARTNER,
            to=reply_to,
            uid=uid,
            attendees=[clients.attendee_line(PARTNER, "TENTATIVE", "Vorstand Rabenhaus")],
            comment=long_comment.strip(),
            message_id="<tb-1@rabenhaus.example.org>",
        )
    )
    report = fetch(gremium, web_settings)
    assert (report.read, report.rsvp) == (2, 2)
    second = answer(gremium, mid, world.partner_orgs[1])
    assert second is not None and (second.answer, second.comment) == ("excused", "")
    first = answer(gremium, mid, world.partner_orgs[0])
    # TENTATIVE is its own answer ("vielleicht"), not an "attends" the forecast would count.
    assert first is not None and first.answer == "tentative"
    assert first.comment.startswith("Vielleicht – ich weiß es erst nach der Vorstandssitzung")

    # Apple Calendar: accepted again, as an .ics attachment.
    dovecot.deliver(
        clients.apple(
            sender=PARTNER,
            to=reply_to,
            uid=uid,
            attendee=clients.attendee_line(PARTNER, "ACCEPTED"),
            message_id="<apple-1@rabenhaus.example.org>",
        )
    )
    assert fetch(gremium, web_settings).rsvp == 1
    first = answer(gremium, mid, world.partner_orgs[0])
    assert first is not None and first.answer == "attends"

    # Every message stays in the mailbox, marked as done; none is deleted.
    box = dovecot.mailbox()
    assert len(box) == 4
    assert all({imap.DONE, "\\Seen"} <= flags for _, flags, _ in box)
    # Audited as the person, via mail; the answer says it came from the calendar.
    with gremium.db.session() as session:
        records = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "meeting.rsvp")
        ).all()
        assert [(r.actor_id, r.details["via"], r.details["answer_via"]) for r in records] == [
            (world.partners[0], "mail", "calendar"),
            (world.partners[1], "mail", "calendar"),
            (world.partners[0], "mail", "calendar"),
            (world.partners[0], "mail", "calendar"),
        ]


def test_a_delegated_invitation_names_the_deputy(gremium, world, web_settings, dovecot):
    with gremium.unit_of_work(Actor.system()) as work:
        org = directory.organisation_by_ref(work.session, "Rabenhaus")
        nina = directory.add_person(work, name="Nina Nachbar", email=DEPUTY, organisation=org)
        committee = directory.committee_by_ref(work.session, "TG")
        directory.add_membership_person(work, committee, org, nina, Capacity.DEPUTY)
    mid = invite(gremium, world)
    reply_to, uid = invitation_of(sent_mails(web_settings, gremium), PARTNER)
    # The delegator's calendar: PARTSTAT=DELEGATED with DELEGATED-TO, the delegate listed.
    dovecot.deliver(
        clients.thunderbird(
            sender=PARTNER,
            to=reply_to,
            uid=uid,
            attendees=[
                clients.attendee_line(PARTNER, "DELEGATED", delegated_to=DEPUTY),
                clients.attendee_line(
                    DEPUTY, "NEEDS-ACTION", "Nina Nachbar", delegated_from=PARTNER
                ),
            ],
            message_id="<tb-delegated@rabenhaus.example.org>",
        )
    )
    assert fetch(gremium, web_settings).rsvp == 1
    got = answer(gremium, mid, world.partner_orgs[0])
    assert got is not None and got.answer == "deputy" and got.deputy is not None
    assert got.deputy.email == DEPUTY

    # The delegate's own calendar answers to the delegator's address: DELEGATED-FROM.
    dovecot.deliver(
        clients.outlook(
            sender=DEPUTY,
            to=reply_to,
            uid=uid,
            attendee=clients.attendee_line(DEPUTY, "ACCEPTED", delegated_from=PARTNER),
            message_id="<outlook-delegate@rabenhaus.example.org>",
        )
    )
    assert fetch(gremium, web_settings).rsvp == 1

    # Delegated to someone of another organisation: refused as the link and the CLI
    # refuse it, and the message stays for people, flagged, with the refusal on record.
    dovecot.deliver(
        clients.thunderbird(
            sender=PARTNER,
            to=reply_to,
            uid=uid,
            attendees=[clients.attendee_line(PARTNER, "DELEGATED", delegated_to=PARTNER2)],
            message_id="<tb-delegated-elsewhere@rabenhaus.example.org>",
        )
    )
    report = fetch(gremium, web_settings)
    assert report.not_understood == 1
    [(_, outcome)] = report.outcomes
    assert outcome is not None
    assert outcome.say("de") == (
        f"abgelehnt: {PARTNER2} gehört nicht zu Rabenhaus und kann sie daher nicht vertreten."
    )
    flags = {uid_: f for uid_, f, _ in dovecot.mailbox()}
    assert {imap.FOR_PEOPLE, "\\Flagged"} <= flags[3] and "\\Seen" not in flags[3]


def test_what_is_not_understood_stays_in_the_mailbox_marked(gremium, world, web_settings, dovecot):
    mid = invite(gremium, world)
    reply_to, uid = invitation_of(sent_mails(web_settings, gremium), PARTNER)
    # From the partner's address but to the plain mailbox: a From header proves nothing.
    dovecot.deliver(
        clients.outlook(
            sender=PARTNER,
            to="geschaeftsstelle@ba-tk.example.org",
            uid=uid,
            attendee=clients.attendee_line(PARTNER, "ACCEPTED"),
            message_id="<no-token@rabenhaus.example.org>",
        )
    )
    # A forwarded invitation answered by someone else with the partner's token.
    dovecot.deliver(
        clients.apple(
            sender="fremd@example.org",
            to=reply_to,
            uid=uid,
            attendee=clients.attendee_line("fremd@example.org", "ACCEPTED"),
            message_id="<forwarded@example.org>",
        )
    )
    # An out-of-office reply to the invitation, and plain text without a calendar.
    dovecot.deliver(
        b"From: " + PARTNER.encode() + b"\r\nTo: " + reply_to.encode() + b"\r\n"
        b"Subject: Abwesenheitsnotiz\r\nAuto-Submitted: auto-replied\r\n"
        b"Message-ID: <ooo@rabenhaus.example.org>\r\n\r\nIch bin bis 20. 3. nicht im Haus.\r\n"
    )
    dovecot.deliver(
        b"From: " + PARTNER.encode() + b"\r\nTo: " + reply_to.encode() + b"\r\n"
        b"Subject: Re: Einladung\r\nMessage-ID: <plain@rabenhaus.example.org>\r\n\r\n"
        b"Ich komme!\r\n"
    )
    report = fetch(gremium, web_settings)
    assert (report.read, report.rsvp, report.not_understood) == (4, 0, 4)
    said = [o.say("de") for _, o in report.outcomes if o is not None]
    assert said[0].startswith("an keine Antwortadresse von Gremium gerichtet")
    assert said[1].startswith("die Kalenderantwort stammt nicht von der eingeladenen Person")
    assert said[2].startswith("eine automatische Nachricht")
    assert said[3].startswith("Antwort auf eine Einladung ohne Kalenderantwort")
    assert answer(gremium, mid, world.partner_orgs[0]) is None
    box = dovecot.mailbox()
    assert len(box) == 4
    assert all(
        {imap.FOR_PEOPLE, "\\Flagged"} <= flags and "\\Seen" not in flags for _, flags, _ in box
    )
    # A second pass leaves them alone: they are people's now.
    assert fetch(gremium, web_settings).read == 0


def circulate(gremium, world: World, mid: int) -> None:
    """Hold the meeting (on the simulated clock), close it and circulate its minutes."""
    chair = Actor(label=World.EMAILS["chair"], person_id=world.chair)
    secretary = Actor(label=World.EMAILS["secretary"], person_id=world.secretary)
    gremium.clock.advance_to(dt.datetime(2026, 3, 11, 10, 5, tzinfo=BERLIN))
    with gremium.unit_of_work(secretary) as work:
        for org in ("BA TK", "Rabenhaus", "KungerKiez"):
            meeting_session.attend(work, mid, org)
    with gremium.unit_of_work(chair) as work:
        meeting_session.open_session(work, mid)
    with gremium.unit_of_work(chair) as work:
        meeting_session.close_session(work, mid)
    with gremium.unit_of_work(secretary) as work:
        minutes_service.circulate(work, mid)


def test_a_reply_to_the_minutes_is_an_objection_once_its_sender_confirms_it(
    gremium, world, web_settings, dovecot, client, signed_in, web_app
):
    mid = invite(gremium, world)
    circulate(gremium, world, mid)
    mails = sent_mails(web_settings, gremium)
    circulated = [
        m
        for m in mails
        if m["To"].addresses[0].addr_spec == PARTNER and "Protokoll" in m["Subject"]
    ]
    assert circulated, [m["Subject"] for m in mails]
    reply_to = circulated[0]["Reply-To"].addresses[0].addr_spec
    assert reply_to.startswith("geschaeftsstelle+")

    dovecot.deliver(
        clients.quoted_reply(
            sender=PARTNER,
            to=reply_to,
            text="Unter TOP 2 fehlt, dass der Raum ab Mai nicht mehr zur Verfügung steht.",
            quoted="anbei erhalten Sie den Entwurf des Protokolls.\nEinwendungen bis …",
            message_id="<objection-1@rabenhaus.example.org>",
        )
    )
    report = fetch(gremium, web_settings)
    assert report.objections == 1
    # Not an objection yet: the minutes are still circulated; the secretariat sees it pending.
    with gremium.db.session() as session:
        minutes = session.scalars(select(Minutes).where(Minutes.meeting_id == mid)).one()
        assert minutes.state == "circulated" and minutes.objections == []
        pending = session.scalars(select(MailObjection)).one()
        assert pending.text == (
            "Unter TOP 2 fehlt, dass der Raum ab Mai nicht mehr zur Verfügung steht."
        )
    shown = ok("--db", web_settings.database, "minutes", "show", str(mid))
    assert (
        "Einwendung per E-Mail 1 (Vorstand Rabenhaus, Rabenhaus, Fassung 1, wartet auf "
        "Bestätigung): Unter TOP 2 fehlt" in shown
    )

    # The secretariat sees it on the minutes page, waiting; a member does not.
    secretariat = signed_in(web_app.test_client(), world.secretary)
    page = html.unescape(secretariat.get(f"/meetings/{mid}/minutes").get_data(as_text=True))
    assert "Einwendungen per E-Mail" in page and "wartet auf Bestätigung" in page
    assert "Unter TOP 2 fehlt, dass der Raum ab Mai" in page
    member = signed_in(web_app.test_client(), world.partners[1])
    assert "Einwendungen per E-Mail" not in member.get(f"/meetings/{mid}/minutes").get_data(
        as_text=True
    )

    # The confirmation mail quotes it and carries the link; the link's page asks once.
    confirm = [
        m for m in sent_mails(web_settings, gremium) if "Bitte bestätigen" in str(m["Subject"])
    ]
    assert len(confirm) == 1 and confirm[0]["To"].addresses[0].addr_spec == PARTNER
    text = confirm[0].get_body(("plain",)).get_content()
    assert "Unter TOP 2 fehlt, dass der Raum ab Mai" in text
    link = re.search(r"http://gremium\.test(/l/[A-Za-z0-9_-]+)", text)
    assert link, text
    page = html.unescape(client.get(link.group(1)).get_data(as_text=True))
    assert "Einwendung bestätigen: Protokoll „Sitzung im März“" in page
    done = post_form(client, link.group(1), {})
    assert done.status_code == 200, done.get_data(as_text=True)
    assert "Ihre Einwendung gegen das Protokoll „Sitzung im März“ ist erhoben." in html.unescape(
        done.get_data(as_text=True)
    )
    with gremium.db.session() as session:
        minutes = session.scalars(select(Minutes).where(Minutes.meeting_id == mid)).one()
        assert minutes.state == "drafting"
        [objection] = minutes.objections
        assert objection.person_id == world.partners[0]
        assert objection.text.startswith("Unter TOP 2 fehlt")
    shown = ok("--db", web_settings.database, "minutes", "show", str(mid))
    assert "Einwendung per E-Mail 1 (Vorstand Rabenhaus, Rabenhaus, Fassung 1, bestätigt)" in shown


@pytest.mark.parametrize("kind", ["html_only", "latin1"])
def test_replies_to_the_minutes_in_html_only_or_latin1_keep_only_the_new_words(
    gremium, world, web_settings, dovecot, kind
):
    mid = invite(gremium, world)
    circulate(gremium, world, mid)
    mails = sent_mails(web_settings, gremium)
    reply_to = next(
        m["Reply-To"].addresses[0].addr_spec
        for m in mails
        if m["To"].addresses[0].addr_spec == PARTNER and "Protokoll" in m["Subject"]
    )
    words = "Bitte ergänzen: Frau Müller war ab 10:40 Uhr anwesend (TOP 3 »Straßenfest«)."
    if kind == "html_only":
        raw = clients.html_only_reply(
            sender=PARTNER,
            to=reply_to,
            text=words,
            quoted="Der Entwurf des Protokolls",
            message_id="<h@x>",
        )
    else:
        raw = clients.latin1_reply(sender=PARTNER, to=reply_to, text=words, message_id="<l@x>")
    dovecot.deliver(raw)
    assert fetch(gremium, web_settings).objections == 1
    with gremium.db.session() as session:
        assert session.scalars(select(MailObjection.text)).one() == words


def test_a_message_is_processed_once_even_when_the_runner_dies_half_way(
    gremium, world, web_settings, dovecot, monkeypatch
):
    mid = invite(gremium, world)
    reply_to, uid = invitation_of(sent_mails(web_settings, gremium), PARTNER)
    dovecot.deliver(
        clients.outlook(
            sender=PARTNER,
            to=reply_to,
            uid=uid,
            attendee=clients.attendee_line(PARTNER, "DECLINED"),
            comment="Krank",
            message_id="<once@rabenhaus.example.org>",
        )
    )
    # 1. A runner killed (SIGKILL) after the answer and its record were committed and
    #    before it marked the message: another process, ended by the kernel there.
    now = gremium.clock.now().astimezone(BERLIN).replace(tzinfo=None)
    script = (
        "import datetime, os, sys\n"
        "from governance.bootstrap import build_app\n"
        "from governance.config import Settings\n"
        "from governance.mail.inbound import fetch\n"
        "from governance.mail.settings import mail_settings\n"
        f"settings = Settings(database={web_settings.database!r}, mail={web_settings.mail!r},"
        " web={'base_url': 'http://gremium.test'}, clock='simulated',"
        f" simulated_start={now!r})\n"
        "app = build_app(settings)\n"
        "fetch(app, mail_settings(settings), after_record=lambda uid: os.kill(os.getpid(), 9))\n"
    )
    died = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert died.returncode == -9, died.stderr.decode()
    got = answer(gremium, mid, world.partner_orgs[0])
    assert got is not None and (got.answer, got.comment) == ("excused", "Krank")
    [(_, flags, _)] = dovecot.mailbox()
    assert imap.DONE not in flags  # it died before marking

    # The next pass finds the message recorded: it only marks it, nothing twice.
    report = fetch(gremium, web_settings)
    assert (report.read, report.already, report.rsvp) == (1, 1, 0)
    [(_, flags, _)] = dovecot.mailbox()
    assert imap.DONE in flags
    with gremium.db.session() as session:
        assert session.query(InboundMail).count() == 1
        rsvps = session.scalars(select(AuditRecord).where(AuditRecord.action == "meeting.rsvp"))
        assert len(rsvps.all()) == 1

    # 2. A runner that dies inside the effect, before the commit, leaves no trace.
    dovecot.deliver(
        clients.apple(
            sender=PARTNER,
            to=reply_to,
            uid=uid,
            attendee=clients.attendee_line(PARTNER, "ACCEPTED"),
            message_id="<second@rabenhaus.example.org>",
        )
    )
    real = rsvp.answer_invitation

    def dies(*args, **kwargs):
        real(*args, **kwargs)
        raise KeyboardInterrupt  # the operator's Ctrl+C, or any crash before the commit

    monkeypatch.setattr(rsvp, "answer_invitation", dies)
    with pytest.raises(KeyboardInterrupt):
        fetch(gremium, web_settings)
    got = answer(gremium, mid, world.partner_orgs[0])
    assert got is not None and got.answer == "excused"  # rolled back
    monkeypatch.setattr(rsvp, "answer_invitation", real)
    assert fetch(gremium, web_settings).rsvp == 1
    got = answer(gremium, mid, world.partner_orgs[0])
    assert got is not None and got.answer == "attends"
    assert all(imap.DONE in flags for _, flags, _ in dovecot.mailbox())


def test_a_mailbox_that_refuses_the_login_is_said_in_one_line(
    gremium, world, web_settings, dovecot
):
    (dovecot.folder / "password").write_text("falsch\n", encoding="utf-8")
    with pytest.raises(imap.MailboxUnavailable) as refused:
        fetch(gremium, web_settings)
    assert "login or folder 'INBOX' refused" in str(refused.value)
    assert "falsch" not in str(refused.value)


def test_unknown_mail_keys_are_refused_with_what_is_allowed(tmp_path):
    from governance.config import Settings

    with pytest.raises(GremiumError) as refused:
        mail_settings(Settings(mail={"imap_hots": "x"}))
    assert "imap_hots" in refused.value.message("en") and "imap_host" in refused.value.message("en")
    with pytest.raises(GremiumError) as refused:
        mail_settings(Settings(mail={"imap_host": "x", "imap_user": "u", "reply_address": "a+b@c"}))
    assert "mail.reply_address" in refused.value.message("en")
    with pytest.raises(GremiumError) as refused:
        mail_settings(Settings(mail={"imap_security": "ssl"}))
    assert "tls, starttls, none" in refused.value.message("en")


def test_gremium_run_reads_the_mailbox_after_timers_and_outbox(
    gremium, world, web_settings, dovecot
):
    from governance.runner import Runner

    mid = invite(gremium, world)
    reply_to, uid = invitation_of(sent_mails(web_settings, gremium), PARTNER)
    dovecot.deliver(
        clients.apple(
            sender=PARTNER,
            to=reply_to,
            uid=uid,
            attendee=clients.attendee_line(PARTNER, "ACCEPTED"),
            message_id="<runner@rabenhaus.example.org>",
        )
    )
    runner = Runner(gremium, mail_settings(web_settings))
    report = runner.run_once()
    assert report.inbound is not None and report.inbound.rsvp == 1
    got = answer(gremium, mid, world.partner_orgs[0])
    assert got is not None and got.answer == "attends"
    # Within imap_every_seconds (60) the next pass does not read the mailbox again.
    assert runner.run_once().inbound is None
    # A mailbox that cannot be reached is said, and the pass goes on.
    dovecot.stop()
    runner._mailbox_read_at = None
    later = runner.run_once()
    assert later.inbound is None and later.inbound_unavailable


def test_replies_by_mail_are_in_the_person_export_and_go_with_the_erasure(
    gremium, world, web_settings, dovecot
):
    from governance.retention import Retention
    from governance.services import erasure, personal_data

    mid = invite(gremium, world)
    circulate(gremium, world, mid)
    reply_to = next(
        m["Reply-To"].addresses[0].addr_spec
        for m in sent_mails(web_settings, gremium)
        if m["To"].addresses[0].addr_spec == PARTNER2 and "Protokoll" in m["Subject"]
    )
    dovecot.deliver(
        clients.latin1_reply(
            sender=f"Vorstand KungerKiez <{PARTNER2}>",
            to=reply_to,
            text="TOP 2: bitte den Beschluss wörtlich wiedergeben.",
            message_id="<erase@kungerkiez.example.org>",
        )
    )
    assert fetch(gremium, web_settings).objections == 1
    with gremium.unit_of_work(Actor.system()) as work:
        exported = personal_data.export(work, PARTNER2)
    assert [o["text"] for o in exported["objections_by_mail"]] == [
        "TOP 2: bitte den Beschluss wörtlich wiedergeben."
    ]
    assert exported["mails_read"][0]["sender"] == f"Vorstand KungerKiez <{PARTNER2}>"
    assert {a["purpose"] for a in exported["reply_addresses"]} == {"invitation", "minutes"}

    with gremium.unit_of_work(Actor.system()) as work:
        erasure.erase(work, PARTNER2, Retention())
    with gremium.db.session() as session:
        pending = session.scalars(select(MailObjection)).one()
        assert (pending.text, pending.state) == ("", "lapsed")
        assert session.scalars(select(InboundMail.sender)).one() == ""
    # A reply to the erased person's old address is no longer matched.
    dovecot.deliver(
        clients.latin1_reply(
            sender=PARTNER2, to=reply_to, text="Noch etwas.", message_id="<late@x>"
        )
    )
    [(_, outcome)] = fetch(gremium, web_settings).outcomes
    assert outcome is not None and outcome.reason == "inbound.reason.unknown_token"


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_the_mailbox_is_read_over_tls_and_starttls_trusting_the_configured_ca(
    gremium, world, web_settings, security
):
    from governance.config import Settings

    require_or_skip()
    folder = Path(tempfile.mkdtemp(prefix="gremium-dovecot-"))
    folder.chmod(0o755)
    server = Dovecot(folder, tls=True)
    server.write_password_file()
    try:
        server.deliver(b"From: x@example.org\r\nTo: y@example.org\r\nSubject: Hallo\r\n\r\nHi\r\n")
        keys = {
            **server.settings(),
            "imap_security": security,
            "imap_port": server.tls_port if security == "tls" else server.port,
        }
        # Without the CA the certificate is refused: nothing is read.
        with pytest.raises(imap.MailboxUnavailable) as refused:
            imap.fetch(gremium, mail_settings(Settings(mail=keys)))
        assert "CERTIFICATE_VERIFY_FAILED" in str(refused.value) or "certificate" in str(
            refused.value
        )
        trusted = mail_settings(Settings(mail={**keys, "imap_ca_file": str(server.ca_file)}))
        report = imap.fetch(gremium, trusted)
        assert (report.read, report.not_understood) == (1, 1)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_hostile_replies_are_bounded_and_left_for_people(gremium, world, web_settings, dovecot):
    from governance.config import Settings

    invite(gremium, world)
    reply_to, _uid = invitation_of(sent_mails(web_settings, gremium), PARTNER)
    # A broken calendar part, and a message larger than the limit (not even read).
    dovecot.deliver(
        b"From: x@example.org\r\nTo: " + reply_to.encode() + b"\r\nSubject: kaputt\r\n"
        b"Message-ID: <broken@x>\r\nContent-Type: text/calendar; method=REPLY\r\n\r\n"
        b"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nATTENDEE;PARTSTAT=\r\n"
    )
    dovecot.deliver(
        b"From: x@example.org\r\nTo: " + reply_to.encode() + b"\r\nSubject: gross\r\n"
        b"Message-ID: <large@x>\r\n\r\n" + b"A" * 200_000 + b"\r\n"
    )
    small = mail_settings(Settings(mail={**web_settings.mail, "inbound_max_bytes": 100_000}))
    report = imap.fetch(gremium, small)
    assert (report.read, report.not_understood, report.too_large) == (1, 1, 1)
    [(_, broken), (_, large)] = report.outcomes
    assert broken is not None and broken.say("en").startswith(
        "reply to an invitation without a calendar reply (iTIP REPLY)"
    )
    assert large is None
    assert all(
        {imap.FOR_PEOPLE, "\\Flagged"} <= flags and "\\Seen" not in flags
        for _, flags, _ in dovecot.mailbox()
    )
