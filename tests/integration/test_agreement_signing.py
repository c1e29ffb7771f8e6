"""Signing the cooperation agreement of the Treptow-Köpenick example, end to end
through the services, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.domain.rules import VoteCount
from governance.errors import Conflict, InvalidInput, NotPermitted, TransitionRefused
from governance.examples import treptow_koepenick as tk
from governance.models import (
    AgreementVersion,
    AuditRecord,
    OutboxMessage,
    Signature,
    SigningCeremony,
    Timer,
)
from governance.services import agreements, amendments, directory, timers
from tests.conftest import SYSTEM, audited_as

SECRETARY = tk.SECRETARIAT_EMAIL
ORGS = {spec.short_name: spec for spec in tk.ORGANISATIONS}


def rep(short_name: str) -> str:
    spec = ORGS[short_name]
    return tk.email(spec, spec.representative[2])


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def open_v(app: App, ref: str = "1/1", **kwargs: Any) -> str:
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        version = agreements.version_by_ref(uow.session, ref)
        agreements.open_for_signature(uow, version, **kwargs)
        assert version.text_sha256 is not None
        return version.text_sha256


def sign(app: App, org: str, *, actor: str | None = None, ref: str = "1/1", **kw: Any) -> None:
    with app.unit_of_work(actor or rep(org)) as uow:
        version = agreements.version_by_ref(uow.session, ref)
        agreements.sign(
            uow,
            version,
            organisation=org,
            signatory=kw.pop("signatory", None) or rep(org),
            signed_on=kw.pop("signed_on", uow.today),
            place=kw.pop("place", "Berlin"),
            method=kw.pop("method", "scanned"),
            text_sha256=kw.pop("text_sha256", version.text_sha256),
        )


def adopt(app: App, ref: str) -> None:
    """The committee adopts the amendment *ref* (as its vote or a written procedure would)."""
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        v = agreements.version_by_ref(uow.session, ref)
        agreements.schedule(uow, v)
        assert amendments.decide(
            uow, v, VoteCount(7, 0, 0), decided_on=uow.today, reference="KG-2026/99"
        )


def ceremony(app: App, ref: str = "1/1", orgs: list[str] | None = None) -> None:
    with app.unit_of_work(SECRETARY) as uow:
        version = agreements.version_by_ref(uow.session, ref)
        agreements.record_ceremony(
            uow,
            version,
            held_on=uow.today,
            place="Rathaus Treptow, Neue Krugallee 4",
            signatures=[(o, rep(o), "ink") for o in (orgs or list(ORGS))],
        )


def version(app: App, ref: str = "1/1") -> AgreementVersion:
    with app.db.session() as s:
        v = agreements.version_by_ref(s, ref)
        _ = (v.agreement, [p.organisation for p in v.parties])
        _ = [(sig.organisation, sig.signatory) for sig in v.signatures]
        return v


def snapshot(app: App, ref: str = "1/1") -> tuple[Any, ...]:
    """Everything a refused action must leave as it was."""
    with app.db.session() as s:
        v = agreements.version_by_ref(s, ref)
        count = lambda model: s.scalar(select(func.count()).select_from(model))  # noqa: E731
        return (
            v.state,
            v.version,
            v.text_sha256,
            count(Signature),
            count(SigningCeremony),
            count(OutboxMessage),
            count(Timer),
        )


def messages(app: App, notification: str) -> list[OutboxMessage]:
    with app.db.session() as s:
        return list(
            s.execute(
                select(OutboxMessage)
                .where(OutboxMessage.notification == notification)
                .order_by(OutboxMessage.id)
            ).scalars()
        )


def refusals(app: App) -> list[AuditRecord]:
    with app.db.session() as s:
        return list(
            s.execute(select(AuditRecord).where(AuditRecord.outcome == "refused")).scalars()
        )


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def test_opening_freezes_the_text_with_its_sha256_and_asks_every_party_to_sign(kg: App) -> None:
    digest = open_v(kg)

    v = version(kg)
    assert v.state == "open_for_signature"
    assert digest == sha(tk.AGREEMENT_TEXT)
    assert len(v.parties) == 9
    requested = {m.recipient for m in messages(kg, "signature_request")}
    assert rep("Rabenhaus") in requested and "nachbarschaft@rabenhaus.example.org" in requested
    assert len(requested) == 11  # nine representatives, two deputies
    assert tk.SECRETARIAT_EMAIL not in requested


def test_the_ceremony_of_all_nine_parties_puts_the_agreement_in_force_in_one_transaction(
    kg: App,
) -> None:
    open_v(kg)
    ceremony(kg)

    v = version(kg)
    assert v.state == "in_force"
    assert v.in_force_from == dt.date(2026, 1, 12)
    assert len({s.ceremony_id for s in v.signatures}) == 1
    assert all(s.text_sha256 == v.text_sha256 and s.method == "ink" for s in v.signatures)
    with kg.db.session() as s:
        assert agreements.in_force_version(s, directory.committee_by_ref(s, "KG")).id == v.id
        steps = s.execute(
            select(AuditRecord.action, AuditRecord.at, AuditRecord.actor)
            .where(AuditRecord.entity_type == "agreement_versions", AuditRecord.seq > 0)
            .where(AuditRecord.action.in_(["record_signature", "enter_into_force"]))
        ).all()
    assert [a for a, _, _ in steps].count("record_signature") == 9
    assert [a for a, _, _ in steps][-1] == "enter_into_force"
    assert len({at for _, at, _ in steps}) == 1  # one unit of work
    assert {actor for _, _, actor in steps} == {audited_as(kg, SECRETARY)}
    assert len(messages(kg, "agreement_in_force")) == 11
    with kg.db.session() as s:
        assert s.scalar(select(func.count()).where(Timer.status == "pending")) == 0


def test_a_ceremony_with_one_wrong_signatory_records_nothing(kg: App) -> None:
    open_v(kg)
    before = snapshot(kg)
    with pytest.raises(Conflict) as err, kg.unit_of_work(SECRETARY) as uow:
        v = agreements.version_by_ref(uow.session, "1/1")
        agreements.record_ceremony(
            uow,
            v,
            held_on=uow.today,
            place="Rathaus",
            signatures=[("Rabenhaus", rep("Rabenhaus"), "ink"), ("ajb", rep("VskA"), "ink")],
        )
    assert "referat@vska.example.org" in err.value.message() and "ajb" in err.value.message()
    assert snapshot(kg) == before


def test_a_signature_with_a_stale_hash_is_refused_and_changes_nothing(kg: App) -> None:
    digest = open_v(kg)
    before = snapshot(kg)
    other = sha(tk.AGREEMENT_TEXT + "§ 5 Schlussbestimmung\n")

    with pytest.raises(Conflict) as err:
        sign(kg, "Rabenhaus", text_sha256=other)

    message = err.value.message("de")
    assert "andere Fassung" in message
    assert other[:12] in message and digest[:12] in message
    assert snapshot(kg) == before
    assert refusals(kg)[-1].action == "record_signature"


def test_a_second_signature_by_the_same_party_is_refused(kg: App) -> None:
    open_v(kg)
    sign(kg, "Rabenhaus")
    before = snapshot(kg)

    with pytest.raises(Conflict) as err:
        sign(kg, "Rabenhaus", signatory="nachbarschaft@rabenhaus.example.org")

    assert "bereits unterschrieben" in err.value.message("de")
    assert snapshot(kg) == before
    assert len(version(kg).signatures) == 1


def test_a_partner_signs_for_its_own_organisation_but_not_for_another(kg: App) -> None:
    open_v(kg)
    before = snapshot(kg)

    with pytest.raises(NotPermitted) as err:
        sign(kg, "Offensiv'91", actor=rep("Rabenhaus"), signatory=rep("Offensiv'91"))

    assert "Rabenhaus" in err.value.message("de") and "Offensiv'91" in err.value.message("de")
    assert snapshot(kg) == before
    refused = refusals(kg)[-1]
    assert (refused.actor, refused.action) == (
        audited_as(kg, rep("Rabenhaus")),
        "agreement.sign_own",
    )
    # a deputy signs for their own organisation
    sign(kg, "Rabenhaus", actor="nachbarschaft@rabenhaus.example.org")
    assert [s.organisation.short_name for s in version(kg).signatures] == ["Rabenhaus"]


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"signed_on": dt.date(2026, 1, 13)}, InvalidInput, "Zukunft"),
        ({"signed_on": "13.01.2026"}, InvalidInput, "kein Datum"),
        ({"method": "fax"}, InvalidInput, "ink, scanned, electronic"),
        ({"text_sha256": "abc"}, InvalidInput, "SHA-256"),
        ({"signatory": rep("ajb")}, Conflict, "handelt nicht für Rabenhaus"),
    ],
)
def test_bad_signatures_are_refused_with_a_reason_and_change_nothing(
    kg: App, change: dict[str, Any], error: type[Exception], words: str
) -> None:
    open_v(kg)
    before = snapshot(kg)
    with pytest.raises(error) as err:  # type: ignore[call-overload]
        sign(kg, "Rabenhaus", actor=SECRETARY, **change)
    assert words in err.value.message("de")
    assert snapshot(kg) == before


def test_an_organisation_that_is_not_a_party_cannot_sign(kg: App) -> None:
    open_v(kg)
    with kg.unit_of_work(SYSTEM) as uow:
        org = directory.add_organisation(
            uow, name=tk.APPLICANT.name, short_name=tk.APPLICANT.short_name, kind="association"
        )
        directory.add_person(
            uow, name="Vorstand", email="vorstand@kosmosviertel.example.org", organisation=org
        )
    before = snapshot(kg)
    with pytest.raises(Conflict) as err:
        sign(
            kg,
            "Kosmosviertel",
            actor=SECRETARY,
            signatory="vorstand@kosmosviertel.example.org",
        )
    assert "keine Vertragspartei" in err.value.message("de")
    assert snapshot(kg) == before


@pytest.mark.parametrize("who", [SECRETARY, "gf@rabenhaus.example.org"])
def test_only_the_chair_opens_the_agreement_for_signature(kg: App, who: str) -> None:
    before = snapshot(kg)
    with pytest.raises(NotPermitted) as err, kg.unit_of_work(who) as uow:
        agreements.open_for_signature(uow, agreements.version_by_ref(uow.session, "1"))
    assert "Vorsitz" in err.value.message("de")
    assert snapshot(kg) == before
    assert refusals(kg)[-1].action == "agreement.open"
    open_v(kg)
    assert version(kg).state == "open_for_signature"


def test_with_a_future_effective_date_it_enters_into_force_only_when_the_timer_fires(
    kg: App,
) -> None:
    open_v(kg, effective_from="2026-03-01")
    ceremony(kg)
    assert version(kg).state == "open_for_signature"

    timers.fire_due(kg, berlin(2026, 2, 28, 23, 59))
    assert version(kg).state == "open_for_signature"
    assert messages(kg, "signature_reminder") == []  # nobody is pending

    fired = timers.fire_due(kg, berlin(2026, 3, 1, 0, 1))
    assert [f.outcome for f in fired if f.name == "effective_date"] == ["fired"]
    v = version(kg)
    assert (v.state, v.in_force_from) == ("in_force", dt.date(2026, 3, 1))


def test_weekly_reminders_go_to_pending_parties_only_and_stop_once_in_force(kg: App) -> None:
    open_v(kg)
    ceremony(kg, orgs=[o for o in ORGS if o not in ("VskA", "SenASGIVA")])

    timers.fire_due(kg, berlin(2026, 1, 19, 10, 0))
    first = messages(kg, "signature_reminder")
    assert sorted(m.recipient for m in first) == sorted([rep("VskA"), rep("SenASGIVA")])

    sign(kg, "VskA")
    timers.fire_due(kg, berlin(2026, 1, 26, 10, 0))
    second = messages(kg, "signature_reminder")[len(first) :]
    assert [m.recipient for m in second] == [rep("SenASGIVA")]
    assert second[0].context["pending"] == ["SenASGIVA"]

    sign(kg, "SenASGIVA")
    assert version(kg).state == "in_force"
    timers.fire_due(kg, berlin(2026, 4, 1, 10, 0))
    assert len(messages(kg, "signature_reminder")) == 3
    with kg.db.session() as s:
        assert s.scalar(select(func.count()).where(Timer.status == "pending")) == 0


def test_an_amendment_is_signed_again_while_the_old_version_stays_in_force(kg: App) -> None:
    old_hash = open_v(kg)
    ceremony(kg)
    with kg.unit_of_work(tk.CHAIR_EMAIL) as uow:
        v1 = agreements.version_by_ref(uow.session, "1/1")
        v2 = agreements.amend(uow, v1, text=tk.AGREEMENT_TEXT + "\n§ 5 Evaluation\nJährlich.\n")
        assert v2.number == 2
    with pytest.raises(Conflict) as err, kg.unit_of_work(tk.CHAIR_EMAIL) as uow:
        agreements.amend(uow, agreements.version_by_ref(uow.session, "1/1"), text="Neu")
    assert "1/2" in err.value.message("de")
    adopt(kg, "1/2")

    new_hash = open_v(kg, "1/2")
    assert new_hash != old_hash
    with pytest.raises(Conflict):  # the old wording cannot be signed for the new version
        sign(kg, "Rabenhaus", ref="1/2", text_sha256=old_hash)
    ceremony(kg, "1/2", orgs=[o for o in ORGS if o != "ajb"])
    assert (version(kg, "1/1").state, version(kg, "1/2").state) == (
        "in_force",
        "open_for_signature",
    )
    with kg.db.session() as s:
        assert agreements.in_force_version(s, directory.committee_by_ref(s, "KG")).number == 1

    kg.clock.advance(dt.timedelta(days=3))
    sign(kg, "ajb", ref="1/2")

    v1, v2 = version(kg, "1/1"), version(kg, "1/2")
    assert (v1.state, v2.state) == ("superseded", "in_force")
    assert v1.ended_on == v2.in_force_from == dt.date(2026, 1, 15)
    with kg.db.session() as s:
        assert agreements.in_force_version(s, directory.committee_by_ref(s, "KG")).number == 2


def test_the_chair_terminates_the_agreement_and_it_cannot_be_amended_afterwards(kg: App) -> None:
    open_v(kg)
    ceremony(kg)
    with pytest.raises(NotPermitted), kg.unit_of_work(SECRETARY) as uow:
        agreements.terminate(
            uow, agreements.version_by_ref(uow.session, "1"), on=uow.today, reason="Ende"
        )
    with kg.unit_of_work(tk.CHAIR_EMAIL) as uow:
        v = agreements.version_by_ref(uow.session, "1")
        agreements.terminate(uow, v, on="2026-01-12", reason="Auflösung des Gremiums")

    v = version(kg)
    assert (v.state, v.ended_on) == ("terminated", dt.date(2026, 1, 12))
    with kg.db.session() as s:
        assert agreements.in_force_version(s, directory.committee_by_ref(s, "KG")) is None
        record = s.execute(
            select(AuditRecord).where(AuditRecord.action == "terminate")
        ).scalar_one()
    assert (record.from_state, record.to_state) == ("in_force", "terminated")
    assert record.details["reason"] == "Auflösung des Gremiums"
    with pytest.raises(Conflict) as err, kg.unit_of_work(tk.CHAIR_EMAIL) as uow:
        agreements.amend(uow, agreements.version_by_ref(uow.session, "1"), text="Neu")
    assert "beendet" in err.value.message("de")


def test_a_trigger_not_allowed_now_names_the_state_and_the_allowed_triggers(kg: App) -> None:
    before = snapshot(kg)
    with pytest.raises(TransitionRefused) as err:
        sign(kg, "Rabenhaus", actor=SECRETARY, text_sha256=sha(tk.AGREEMENT_TEXT))

    assert err.value.current_state == "draft"
    assert err.value.allowed_triggers == ["open", "schedule", "terminate"]
    assert err.value.message("de") == (
        "„Unterschrift erfassen“ ist im Zustand „Entwurf“ nicht möglich. "
        "Jetzt möglich: zur Unterzeichnung öffnen (open), "
        "dem Gremium zur Entscheidung vorlegen (schedule), beenden (terminate)."
    )
    assert "state “draft”" in err.value.message("en")
    assert snapshot(kg) == before
    assert refusals(kg)[-1].from_state == "draft"
