"""Messages are rendered when a transition queues them, in the same transaction."""

from __future__ import annotations

import jinja2
import pytest
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.examples import treptow_koepenick as tk
from governance.mail.examples import EXAMPLES
from governance.models import AgreementVersion, Organisation, OutboxMessage, Timer
from governance.services import agreement_workflow, agreements
from tests.mail_support import seed


@pytest.fixture
def kg(any_app: App) -> App:
    seed(any_app)
    return any_app


def open_agreement(app: App) -> None:
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        agreements.open_for_signature(uow, agreements.version_by_ref(uow.session, "1/1"))


def count(app: App, model) -> int:
    with app.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_opening_the_agreement_queues_rendered_mails_in_the_recipients_language(kg):
    open_agreement(kg)
    with kg.db.session() as session:
        messages = session.query(OutboxMessage).order_by(OutboxMessage.id).all()
    assert messages and all(m.status == "queued" for m in messages)
    first = messages[0]
    assert first.subject == "Bitte unterzeichnen: Kooperationsvereinbarung KG, Fassung 1"
    assert first.body_text.startswith("Guten Tag ")
    assert "Seine Prüfsumme (SHA-256) ist " in first.body_text
    assert first.body_html.lstrip().startswith("<!DOCTYPE html>")
    assert first.message_id.endswith("@ba-tk.example.org>")
    assert len({m.thread_id for m in messages}) == 1


def test_a_template_missing_a_value_rolls_the_transition_back_and_queues_nothing(kg, monkeypatch):
    real = agreement_workflow._context

    def without_checksum(*args, **kwargs):
        context = real(*args, **kwargs)
        del context["text_sha256"]
        return context

    monkeypatch.setattr(agreement_workflow, "_context", without_checksum)
    with pytest.raises(jinja2.UndefinedError, match="text_sha256"):
        open_agreement(kg)
    assert count(kg, OutboxMessage) == 0
    assert count(kg, Timer) == 0
    with kg.db.session() as session:
        assert session.query(AgreementVersion).one().state == "draft"


def test_markup_in_a_name_is_escaped_in_html_and_kept_in_text(kg):
    with kg.db.session() as session, session.begin():
        org = session.query(Organisation).filter_by(short_name="Rabenhaus").one()
        org.short_name = "<b>Rabenhaus</b> & Co"
    open_agreement(kg)
    with kg.db.session() as session:
        rows = session.query(OutboxMessage).all()
    mine = [m for m in rows if "Rabenhaus" in m.body_text]
    assert mine
    assert "als Vertretung von <b>Rabenhaus</b> & Co." in mine[0].body_text
    assert "als Vertretung von &lt;b&gt;Rabenhaus&lt;/b&gt; &amp; Co." in mine[0].body_html


def test_replies_go_to_the_secretariat_appointed_earlier_in_the_same_action(any_app):
    # The secretariat contact is looked up once per unit of work (an invitation
    # to fifty members); appointing the first secretary must still show.
    from governance import outbox
    from governance.services import directory
    from tests.conftest import SYSTEM

    with any_app.unit_of_work(SYSTEM) as uow:
        committee = directory.add_committee(
            uow,
            name="Stadtteilkonferenz Altglienicke",
            short_name="STK",
            sender_email="stk@ba.example.org",
        )
        member = directory.add_person(uow, name="Mitglied", email="mitglied@p.example.org")
        secretary = directory.add_person(uow, name="Geschäftsstelle", email="gs@ba.example.org")
        for revision in (1, 2):
            if revision == 2:
                directory.add_secretariat(uow, committee, secretary)
            outbox.queue(
                uow,
                notification="action_item_due",
                recipient=member,
                context=EXAMPLES["action_item_due"],
                committee_id=committee.id,
                revision=revision,
            )
    with any_app.db.session() as session:
        envelopes = [m.envelope for m in session.query(OutboxMessage).order_by(OutboxMessage.id)]
    assert [e["reply_to_email"] for e in envelopes] == [None, "gs@ba.example.org"]
