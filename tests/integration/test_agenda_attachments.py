"""Attachments of agenda items on a real database (SQLite file and PostgreSQL):
files kept with their SHA-256 and versions, links, the limits, who may attach
and until when, what the invitation mail carries, and carry-over."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import pytest
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.errors import Conflict, InvalidInput, NotPermitted
from governance.examples import treptow_koepenick as tk
from governance.models import AgendaAttachment, AuditRecord, StoredDocument
from governance.services import agenda, agenda_attachments
from governance.services import meetings as ms
from tests.conftest import SYSTEM
from tests.integration.test_meetings import (
    CHAIR,
    RABENHAUS,
    SECRETARIAT,
    VOTING,
    act,
    add_series,
    attend,
    berlin,
    meetings,
    messages,
    propose,
    show,
    tick,
)

PLAN = b"Posten;Betrag\nBuehne;1200\n"
PLAN_2 = b"Posten;Betrag\nBuehne;1200\nTechnik;800\n"


def attach(app: App, actor: str, item_id: int, **kwargs: Any) -> dict[str, Any]:
    fn = agenda_attachments.attach_file if "data" in kwargs else agenda_attachments.attach_link
    with app.unit_of_work(actor) as uow:
        return agenda_attachments.describe(
            fn(uow, agenda.item_by_ref(uow.session, item_id), **kwargs)
        )


def listed(app: App, item_id: int, every: bool = False) -> list[dict[str, Any]]:
    with app.db.session() as s:
        item = agenda.item_by_ref(s, item_id)
        rows = (
            agenda_attachments.all_versions(s, item)
            if every
            else agenda_attachments.current_versions(s, [item_id]).get(item_id, [])
        )
        return [agenda_attachments.describe(a) for a in rows]


def content(app: App, attachment_id: int) -> bytes:
    with app.db.session() as s:
        return agenda_attachments.file_content(
            s, agenda_attachments.attachment_by_id(s, attachment_id)
        )[1]


def stored_rows(app: App) -> tuple[int, int, int]:
    with app.db.session() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (AgendaAttachment, StoredDocument, AuditRecord)
        )


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


@pytest.fixture
def item(kg: App) -> int:
    add_series(kg)
    return propose(kg, CHAIR, meetings(kg)[0].id, "Stadtteilfest 2026", kind="decision")


def test_a_new_version_of_a_file_keeps_the_old_one_and_both_are_exported(kg, item):
    first = attach(kg, CHAIR, item, name="kostenplan.csv", data=PLAN, title="Kostenplan")
    assert (first["version"], first["size"], first["media_type"]) == (1, len(PLAN), "text/csv")
    assert first["sha256"] == hashlib.sha256(PLAN).hexdigest()
    # The same file again is no new version.
    assert attach(kg, CHAIR, item, name="kostenplan.csv", data=PLAN, title="Kostenplan") == first
    second = attach(kg, SECRETARIAT, item, name="kostenplan.csv", data=PLAN_2, title="Kostenplan")
    assert second["version"] == 2 and second["id"] != first["id"]
    assert [a["version"] for a in listed(kg, item)] == [2]
    assert [a["version"] for a in listed(kg, item, every=True)] == [1, 2]
    assert content(kg, first["id"]) == PLAN and content(kg, second["id"]) == PLAN_2
    link = attach(kg, CHAIR, item, url="https://www.berlin.de/ba-treptow-koepenick/")
    assert (link["kind"], link["title"], link["sha256"]) == (
        "link",
        "https://www.berlin.de/ba-treptow-koepenick/",
        None,
    )
    with pytest.raises(Conflict) as refused:
        content(kg, link["id"])
    assert "keine gespeicherte Datei" in refused.value.message("de")
    [shown] = [i["attachments"] for i in show(kg, meetings(kg)[0].id)["agenda"] if i["id"] == item]
    assert [(a["kind"], a["version"]) for a in shown] == [("file", 2), ("link", 1)]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.org/plan.pdf",
        "https://",
        "http://exa mple.org/",
        "mailto:spk@ba-tk.example.org",
        "Kostenplan.pdf",
    ],
)
def test_only_http_and_https_addresses_are_linked(kg, item, url):
    before = stored_rows(kg)
    with pytest.raises(InvalidInput) as refused:
        attach(kg, CHAIR, item, url=url)
    assert "erlaubt sind http:// und https://" in refused.value.message("de")
    assert "allowed are http:// and https://" in refused.value.message("en")
    assert stored_rows(kg) == before


def test_files_are_bounded_per_file_and_per_meeting(kg, item):
    kg.settings = kg.settings.with_overrides(attachment_max_mb=1, meeting_attachments_max_mb=2)
    before = stored_rows(kg)
    with pytest.raises(InvalidInput) as refused:
        attach(kg, CHAIR, item, name="gross.pdf", data=b"%" * 1_000_001)
    assert refused.value.message("de") == (
        "Die Datei „gross.pdf“ ist 1,0 MB groß; erlaubt sind höchstens 1,0 MB je Datei "
        "(Einstellung attachment_max_mb)."
    )
    assert "at most 1.0 MB per file" in refused.value.message("en")
    assert stored_rows(kg) == before
    attach(kg, CHAIR, item, name="a.pdf", data=b"%" * 900_000)
    attach(kg, CHAIR, item, name="b.pdf", data=b"%" * 900_000)
    with pytest.raises(InvalidInput) as refused:
        attach(kg, CHAIR, item, name="c.pdf", data=b"%" * 300_000)
    assert refused.value.message("de") == (
        f"„c.pdf“ (300 kB) passt nicht mehr: die Anlagen der Sitzung {meetings(kg)[0].id} "
        "haben schon 1,8 MB, erlaubt sind höchstens 2,0 MB je Sitzung (Einstellung "
        "meeting_attachments_max_mb)."
    )
    with pytest.raises(InvalidInput):
        attach(kg, CHAIR, item, name="leer.txt", data=b"")


def test_members_attach_to_their_own_proposals_only(kg, item):
    own = propose(kg, RABENHAUS, meetings(kg)[0].id, "Raumnutzung")
    attach(kg, RABENHAUS, own, url="https://rabenhaus.example.org/raeume")
    before = stored_rows(kg)
    with pytest.raises(NotPermitted) as refused:
        attach(kg, RABENHAUS, item, url="https://rabenhaus.example.org/raeume")
    assert "oder die Organisation, die den TOP vorgeschlagen hat" in refused.value.message("de")
    after = stored_rows(kg)
    assert after[:2] == before[:2] and after[2] == before[2] + 1  # the refusal is on record


def test_a_closed_meeting_takes_no_attachments(kg, item):
    meeting = meetings(kg)[0].id
    tick(kg, 2026, 3, 11, 9, 30)
    attend(kg, meeting, VOTING[:5])
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(kg, CHAIR, ms.open_meeting, meeting)
    # In session the chair may still hand out a paper (it is in the minutes' list).
    attach(kg, CHAIR, item, name="tischvorlage.txt", data=b"Tischvorlage")
    kg.clock.advance_to(berlin(2026, 3, 11, 12, 0))
    act(kg, CHAIR, ms.close, meeting)
    with pytest.raises(Conflict) as refused:
        attach(kg, CHAIR, item, name="spaet.txt", data=b"zu spaet")
    assert "nur bis zum Schluss der Sitzung" in refused.value.message("de")


def mail_files(message: Any) -> dict[str, bytes]:
    return {a["filename"]: base64.b64decode(a["data"]) for a in message.attachments or []}


def test_the_invitation_carries_the_files_and_a_later_one_is_announced_with_its_file(
    kg,
    item,
):
    kg.settings = kg.settings.with_overrides(attach_documents=True)
    attach(kg, CHAIR, item, name="kostenplan.csv", data=PLAN)
    attach(kg, CHAIR, item, url="https://example.org/fest")
    tick(kg, 2026, 2, 25, 10, 1)
    [invitation, *_] = messages(kg, "invitation")
    [top] = [i["top"] for i in show(kg, meetings(kg)[0].id)["agenda"] if i["id"] == item]
    files = mail_files(invitation)
    assert files[f"TOP-{top}-kostenplan.csv"] == PLAN
    assert any(name.startswith("Einladung-Tagesordnung") for name in files)
    revision = show(kg, meetings(kg)[0].id)["agenda_revision"]
    attach(kg, SECRETARIAT, item, name="kostenplan.csv", data=PLAN_2)
    assert show(kg, meetings(kg)[0].id)["agenda_revision"] == revision + 1
    [update, *_] = messages(kg, "agenda_updated")
    assert update.context["reason"] == "neue Anlage: kostenplan.csv"
    assert mail_files(update)[f"TOP-{top}-kostenplan.csv"] == PLAN_2


def test_files_over_the_mail_limit_stay_out_of_the_invitation(kg, item):
    kg.settings = kg.settings.with_overrides(attach_documents=True, mail_attachments_max_mb=1)
    attach(kg, CHAIR, item, name="plan.pdf", data=b"%" * 1_200_000)
    tick(kg, 2026, 2, 25, 10, 1)
    [invitation, *_] = messages(kg, "invitation")
    assert [n for n in mail_files(invitation) if n.startswith("TOP-")] == []


def test_a_deferred_item_keeps_its_attachments_at_the_next_meeting(kg, item):
    attach(kg, CHAIR, item, name="kostenplan.csv", data=PLAN)
    with kg.unit_of_work(CHAIR) as uow:
        successor = agenda.defer(uow, agenda.item_by_ref(uow.session, item)).id
    [moved] = listed(kg, successor)
    assert (moved["name"], moved["sha256"]) == ("kostenplan.csv", hashlib.sha256(PLAN).hexdigest())
    assert content(kg, moved["id"]) == PLAN
