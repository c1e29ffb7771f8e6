"""The two answers to a signature request that its link offers, through the services
(SQLite file and PostgreSQL): the simple electronic signature where the rule
``electronic_signature`` allows it (off by default), and "the signed paper is on
its way", which `agreement show` lists until the signature is recorded."""

from __future__ import annotations

import pytest

from governance.bootstrap import App
from governance.errors import Conflict, InvalidInput, NotPermitted
from governance.examples import treptow_koepenick as tk
from governance.models import Signature
from governance.services import agreements, directory, electronic_signature, paper_signature
from tests.conftest import SYSTEM
from tests.integration.test_agreement_signing import open_v, rep, sign

NAME = "Geschäftsführung Rabenhaus"


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def allow_electronic(app: App, allowed: bool = True) -> None:
    with app.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        committee.rules = committee.rules.updated({"electronic_signature": allowed})


def sign_electronically(app: App, typed: str, actor: str | None = None) -> Signature:
    with app.unit_of_work(actor or rep("Rabenhaus")) as uow:
        version = agreements.version_by_ref(uow.session, "1/1")
        return electronic_signature.sign_electronically(
            uow, version, typed_name=typed, text_sha256=version.text_sha256 or ""
        )


def shown(app: App) -> dict[str, str | None]:
    with app.db.session() as session:
        data = agreements.show(session, agreements.version_by_ref(session, "1/1"))
    return {p["organisation"]: p["paper_on_its_way"] for p in data["parties"]}


def signatures(app: App) -> list[tuple[str, str]]:
    with app.db.session() as session:
        version = agreements.version_by_ref(session, "1/1")
        return [(s.method, s.place) for s in version.signatures]


def test_the_electronic_signature_is_off_by_default_and_refused_saying_what_to_do(kg):
    open_v(kg)
    with pytest.raises(Conflict) as off:
        sign_electronically(kg, NAME)
    assert "sieht keine elektronische Unterschrift vor (Regel electronic_signature)" in (
        off.value.message("de")
    )
    assert signatures(kg) == []


def test_where_allowed_the_typed_name_signs_once_bound_to_the_hash(kg):
    allow_electronic(kg)
    open_v(kg)
    with pytest.raises(InvalidInput) as wrong:
        sign_electronically(kg, "Max Mustermann")
    assert wrong.value.message("en") == (
        "The name typed, “Max Mustermann”, is not your name as the committee knows it: "
        f"type “{NAME}”."
    )
    signature = sign_electronically(kg, "  geschäftsführung   RABENHAUS ")
    assert signature.method == "electronic"
    assert signatures(kg) == [
        ("electronic", "elektronisch, gezeichnet: geschäftsführung RABENHAUS")
    ]
    with pytest.raises(Conflict) as twice:
        sign_electronically(kg, NAME)
    assert "Rabenhaus hat diese Fassung bereits unterschrieben" in twice.value.message("de")


def test_the_secretariat_cannot_sign_electronically_for_a_party(kg):
    allow_electronic(kg)
    open_v(kg)
    with pytest.raises(NotPermitted):
        sign_electronically(kg, "Geschäftsstelle", actor=tk.SECRETARIAT_EMAIL)
    assert signatures(kg) == []


def test_the_paper_on_its_way_is_listed_until_the_signature_is_recorded(kg):
    open_v(kg)
    with kg.unit_of_work(rep("Rabenhaus")) as uow:
        paper_signature.announce_paper(uow, "1/1")
    assert shown(kg)["Rabenhaus"] is not None and shown(kg)["KungerKiez"] is None
    with kg.unit_of_work(rep("Rabenhaus")) as uow, pytest.raises(Conflict) as twice:
        paper_signature.announce_paper(uow, "1/1")
    assert "ist bereits vermerkt, dass die unterschriebene Seite unterwegs ist" in (
        twice.value.message("de")
    )
    sign(kg, "Rabenhaus", actor=tk.SECRETARIAT_EMAIL, method="ink")
    assert shown(kg)["Rabenhaus"] is None
    with kg.unit_of_work(rep("Rabenhaus")) as uow, pytest.raises(Conflict) as signed:
        paper_signature.announce_paper(uow, "1/1")
    assert "hat diese Fassung bereits unterschrieben" in signed.value.message("de")


def test_only_a_party_says_its_paper_is_on_its_way(kg):
    open_v(kg)
    with kg.unit_of_work(tk.SECRETARIAT_EMAIL) as uow, pytest.raises(NotPermitted):
        paper_signature.announce_paper(uow, "1/1")
    assert all(v is None for v in shown(kg).values())
