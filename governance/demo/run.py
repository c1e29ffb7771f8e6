"""Running the demo year and collecting what it produced: database, Maildir, documents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from governance import audit, clock_store
from governance.bootstrap import build_app
from governance.clock import SimulatedClock
from governance.config import Settings
from governance.database import Database
from governance.demo import autumn, calendar_feed, practice, replies, script, year
from governance.demo.annual_report import write_annual_report
from governance.demo.programme import kv_meeting, programme  # issue 15: programme and areas
from governance.demo.written import written_decision
from governance.i18n import translate
from governance.mail.dispatch import dispatch
from governance.mail.settings import MailSettings
from governance.mail.transports import MaildirTransport
from governance.models import Decision, Meeting, Membership, Minutes, OutboxMessage
from governance.services import audit_trail, directory

START = script.at(2026, 1, 12, 9, 0)
END = script.at(2027, 1, 5, 12, 0)


@dataclasses.dataclass
class DemoResult:
    folder: Path
    database: Path
    maildir: Path
    documents: Path
    archive: Path
    events: list[tuple[dt.datetime, str]]
    timers: dict[str, int]
    messages: Counter[str]
    mails_delivered: int
    decisions: list[str]
    meetings: list[str]
    archived_minutes: list[tuple[str, str]]
    audit_records: int
    audit_intact: bool
    members: list[str]


def run(out: Path, *, documents: bool = True) -> DemoResult:
    """Run the year into *out* (emptied first); *documents* off leaves PDFs out (for timing the engine)."""
    out.mkdir(parents=True, exist_ok=True)
    for stale in ("gremium.db", "gremium.db-wal", "gremium.db-shm", "audit.key", CONFIG):
        (out / stale).unlink(missing_ok=True)
    for folder in ("mail", "documents", "archive", "calendar"):
        shutil.rmtree(out / folder, ignore_errors=True)
    db_file = out / "gremium.db"
    url = f"sqlite:///{db_file}"
    Database(url).upgrade()
    clock = SimulatedClock(START)
    settings = Settings(
        database=url,
        clock="simulated",
        archive=str(out / "archive"),
        attach_documents=documents,
        mail={"reply_address": replies.MAILBOX},  # answerable mails carry a reply address
    )
    app = build_app(settings, clock=clock)
    try:
        stage = play_year(app, clock, out / "mail")
        # Kept in the database: `gremium tick` and `gremium web` on the simulated
        # clock (make web) continue where the year ended.
        clock_store.store_forward(app.db, clock.now())
        calendar_feed.write_committee_feed(app, out / "calendar")  # the committee's calendar feed
        write_config(out)
        if documents:
            write_documents(app, out / "documents")
            write_annual_report(app, out / "documents")  # the year ends with its report
        return summary(stage, out, stage.delivered)
    finally:
        app.db.dispose()


CONFIG = "gremium.toml"
"""The demo folder's configuration file (written by :func:`write_config`)."""


def write_config(out: Path) -> Path:
    """*out*/gremium.toml: the demo's database on its simulated clock, and KG as the
    committee of commands that name none (the demo has two committees, KG and KV)."""

    def quoted(text: str) -> str:  # a TOML basic string (JSON's escapes are TOML's)
        return json.dumps(text, ensure_ascii=False)

    path = out / CONFIG
    path.write_text(
        "# Written by `gremium demo`: gremium --config "
        f"{out / CONFIG} meeting list\n"
        f"database = {quoted('sqlite:///' + str((out / 'gremium.db').absolute()))}\n"
        'clock = "simulated"\n'
        f"archive = {quoted(str((out / 'archive').absolute()))}\n"
        "\n[cli]\n"
        'committee = "KG"  # the committee of commands without --committee (KV: the other one)\n',
        encoding="utf-8",
    )
    return path


def play_year(app, clock: SimulatedClock, maildir: Path) -> script.Stage:  # type: ignore[no-untyped-def]
    """The year through the services on *app* (its schema at head), mail delivered to
    *maildir*: the members answer by the links in the mails they got. Also bench/web.py's data."""
    audit_trail.ensure_keyed(app)
    mail = MailSettings(maildir=str(maildir))
    transport = MaildirTransport(mail.maildir)
    stage = script.Stage(app, clock, deliver=lambda: len(dispatch(app, transport, mail).sent))
    stage.mail_folder = maildir
    script.set_up(stage)
    programme(stage)
    stage.at(2026, 1, 20, 12, 0)
    script.ceremony(stage)
    script.accession_applied(stage)
    year.proposals_for_march(stage)
    year.march_meeting(stage)
    year.march_minutes_and_accession(stage)
    year.june_meeting(stage)
    year.july_repeat_meeting(stage)
    practice.prepare(stage)  # issue 16: vote transfer allowed, September hybrid
    autumn.autumn(stage, between=written_decision, september=practice.september)
    stage.at(*END.timetuple()[:5])
    kv_meeting(stage)  # the second committee's first meeting, after all of KG's
    return stage


def write_documents(app, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """What the secretariat files besides the archive: the agreement, the register, attendance lists."""
    from governance.documents import html_to_pdf
    from governance.services.documents.kinds import load_html

    folder.mkdir(parents=True, exist_ok=True)
    with app.db.session() as session:
        held = [
            m
            for m in session.execute(select(Meeting).order_by(Meeting.starts_at)).scalars()
            if m.number is not None
        ]
        wanted = [
            ("agreement", "1", "Kooperationsvereinbarung"),
            ("accession_declaration", "1", "Beitrittserklaerung-Kosmosviertel"),
            ("decisions_register", "KG/2026", "Beschlussregister-2026"),
        ]
        wanted += [
            ("attendance_list", str(m.id), f"Anwesenheitsliste-Sitzung-{m.number}") for m in held
        ]
        wanted += [("invitation", str(m.id), f"Einladung-Sitzung-{m.number}") for m in held]
        for kind, ref, name in wanted:
            html = load_html(session, kind, ref, "de")
            (folder / f"{name}.html").write_text(html, encoding="utf-8")
            (folder / f"{name}.pdf").write_bytes(html_to_pdf(html))


def summary(stage: script.Stage, out: Path, delivered: int) -> DemoResult:
    app = stage.app
    with app.db.session() as session:
        messages = Counter(
            dict(
                session.execute(
                    select(OutboxMessage.notification, func.count()).group_by(
                        OutboxMessage.notification
                    )
                ).all()
            )
        )
        verified = audit.verify(session)
        committee = directory.committee_by_ref(session, "KG")
        members = [
            f"{m.organisation.short_name} ({translate(f'role.{m.role}')}, ab {m.starts_on:%d.%m.%Y})"
            for m in session.execute(
                select(Membership)
                .where(Membership.committee_id == committee.id)
                .order_by(Membership.id)
            ).scalars()
        ]
        decisions = [
            f"{d.reference}  {d.decided_on:%d.%m.%Y}  {'angenommen' if d.carried else 'abgelehnt'}  {d.text}"
            for d in session.execute(
                select(Decision)
                .where(Decision.committee_id == committee.id)
                .order_by(Decision.year, Decision.seq)
            ).scalars()
        ]
        meetings = [
            f"{m.starts_at.astimezone(script.BERLIN):%d.%m.%Y %H:%M}  Nr. {m.number or '—'}  {m.title}  "
            f"({app.engine.definitions['meeting'].label(m.state, 'de')}"
            + (", nicht beschlussfähig" if m.quorate_at_opening is False else "")
            + ")"
            for m in session.execute(select(Meeting).order_by(Meeting.starts_at)).scalars()
        ]
        archived = [
            (Path(m.archive_path).name, m.archive_sha256 or "")
            for m in session.execute(select(Minutes).order_by(Minutes.id)).scalars()
            if m.archive_path
        ]
    return DemoResult(
        folder=out,
        database=out / "gremium.db",
        maildir=out / "mail",
        documents=out / "documents",
        archive=out / "archive",
        events=sorted(stage.events, key=lambda e: e[0]),
        timers=stage.timer_counts,
        messages=messages,
        mails_delivered=delivered,
        decisions=decisions,
        meetings=meetings,
        archived_minutes=archived,
        audit_records=verified.checked,
        audit_intact=verified.ok,
        members=members,
    )
