"""Fan-out: the invitations of a 50-member meeting (HTML, calendar part, agenda PDF)
delivered by the dispatcher to a loopback SMTP server, versus raw smtplib
sending the same prebuilt messages over one connection."""

from __future__ import annotations

import smtplib
import tempfile
import time
from pathlib import Path

from sqlalchemy import select, update

from bench.common import Result, best_of
from governance import outbox
from governance.clock import SimulatedClock
from governance.documents import html_to_pdf
from governance.examples import treptow_koepenick as tk
from governance.mail.dispatch import dispatch, draft_of
from governance.mail.examples import EXAMPLES
from governance.mail.message import Attachment, build_message
from governance.mail.transports import SmtpTransport
from governance.models import Committee, OutboxMessage
from governance.services import directory
from tests.conftest import START, SYSTEM, make_app
from tests.mail_support import invitation_event, smtp_settings, start_server
from tests.scale_support import CountingMailbox

MEMBERS = 50
GOLDEN_INVITATION = (
    Path(__file__).resolve().parents[1] / "tests" / "golden" / "documents" / "invitation.de.html"
)


def run(runs: int = 3) -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(f"sqlite:///{folder}/fanout.db", SimulatedClock(START))
        timed_pdf = time.perf_counter()
        agenda_pdf = html_to_pdf(GOLDEN_INVITATION.read_text(encoding="utf-8"))
        pdf_seconds = time.perf_counter() - timed_pdf
        with app.unit_of_work(SYSTEM) as uow:
            tk.create(uow)
            committee = uow.session.query(Committee).filter_by(short_name=tk.COMMITTEE_SHORT).one()
            people = [
                directory.add_person(uow, name=f"Mitglied {i:02d}", email=f"m{i:02d}@p.example.org")
                for i in range(MEMBERS)
            ]
            uow.session.flush()
            queued_at = time.perf_counter()
            event = invitation_event(people, uow.now)
            for person in people:
                outbox.queue(
                    uow,
                    notification="invitation",
                    recipient=person,
                    context=EXAMPLES["invitation"],
                    committee_id=committee.id,
                    entity=committee,
                    calendar=event,
                    attachments=[Attachment("tagesordnung.pdf", "application/pdf", agenda_pdf)],
                )
            render_seconds = time.perf_counter() - queued_at
        handler = CountingMailbox()
        controller = start_server(handler)
        settings = smtp_settings(controller.port, batch_size=MEMBERS)
        try:
            with app.db.session() as session:
                rows = session.execute(select(OutboxMessage).order_by(OutboxMessage.id)).scalars()
                prebuilt = [
                    (build_message(d), d.sender.email, d.recipient.email)
                    for d in (draft_of(r, settings, session) for r in rows)
                ]
            raw_bytes = [(m.as_bytes(), s, r) for m, s, r in prebuilt]

            def raw() -> None:
                with smtplib.SMTP("127.0.0.1", controller.port) as smtp:
                    for message, sender, recipient in prebuilt:
                        smtp.send_message(message, from_addr=sender, to_addrs=[recipient])

            def raw_flat() -> None:
                with smtplib.SMTP("127.0.0.1", controller.port) as smtp:
                    for data, sender, recipient in raw_bytes:
                        smtp.sendmail(sender, [recipient], data)

            def gremium() -> None:
                with app.db.session() as session, session.begin():
                    session.execute(update(OutboxMessage).values(status="queued", sent_at=None))
                report = dispatch(app, SmtpTransport(settings), settings, owner="bench")
                assert len(report.sent) == MEMBERS, report

            gremium()  # warm: templates, connections
            raw_s = best_of(runs, raw)
            flat_s = best_of(runs, raw_flat)
            ours_s = best_of(runs, gremium)
        finally:
            controller.stop()
            app.db.dispose()
    size = len(raw_bytes[0][0]) // 1024
    return [
        Result(
            "fan-out",
            f"50 invitations sent by the dispatcher (HTML, calendar, agenda PDF; {size} KiB each)",
            MEMBERS / ours_s,
            "msg/s",
            MEMBERS / raw_s,
            "smtplib.send_message, prebuilt messages, one connection",
            "≥ 0.7",
            MEMBERS / ours_s >= 0.7 * MEMBERS / raw_s,
        ),
        Result(
            "fan-out",
            "same, against smtplib.sendmail of pre-flattened bytes",
            MEMBERS / ours_s,
            "msg/s",
            MEMBERS / flat_s,
            "smtplib.sendmail, bytes flattened beforehand",
            "(information)",
            None,
        ),
        Result(
            "fan-out",
            "rendering: queueing 50 invitations (templates, calendar, outbox rows)",
            render_seconds * 1000,
            "ms",
            note="reported apart",
        ),
        Result("fan-out", "rendering: agenda PDF (once per meeting)", pdf_seconds * 1000, "ms"),
    ]
