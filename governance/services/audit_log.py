"""Reading the audit trail of one committee, a page at a time, and verifying
the whole chain as ``gremium audit verify`` does.

Records name people by id (``person:<id>``); who that is comes from the
directory at the time of reading, so an erased person shows as erased.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance import audit
from governance.models import AuditRecord, Committee, Person
from governance.models.base import Base
from governance.services.decision_register import page_number
from governance.workflow.definition import WorkflowDefinition

PER_PAGE = 50


@dataclasses.dataclass(frozen=True)
class AuditPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int


def committee_log(
    session: Session,
    committee: Committee,
    *,
    page: str | int | None = None,
    per_page: int = PER_PAGE,
) -> AuditPage:
    """The records about *committee*, newest first; ``actor`` is the person's name
    (None for the system: a timer or the engine acting on its own)."""
    number = page_number(page)
    where = AuditRecord.committee_id == committee.id
    total = int(session.scalar(select(func.count(AuditRecord.id)).where(where)) or 0)
    pages = max(1, math.ceil(total / per_page))
    records = list(
        session.execute(
            select(AuditRecord)
            .where(where)
            .order_by(AuditRecord.seq.desc())
            .offset((number - 1) * per_page)
            .limit(per_page)
        ).scalars()
    )
    ids = {r.actor_id for r in records if r.actor_id is not None}
    names = (
        dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all())
        if ids
        else {}
    )
    rows = [
        {
            "seq": r.seq,
            "at": r.at,
            "actor": names.get(r.actor_id) if r.actor_id is not None else None,
            "system": r.actor == audit.SYSTEM,
            "actor_label": r.actor,
            "entity_type": r.entity_type,
            "entity_id": r.entity_id,
            "action": r.action,
            "from_state": r.from_state,
            "to_state": r.to_state,
            "outcome": r.outcome,
        }
        for r in records
    ]
    return AuditPage(rows, total, number, pages)


def with_labels(
    rows: list[dict[str, Any]], definitions: Mapping[str, WorkflowDefinition], lang: str
) -> list[dict[str, Any]]:
    """*rows* with ``what`` (a workflow step by its label, e.g. "schließen" for
    ``close`` of a meeting; other actions by their code) and the states by label."""
    # The workflow of each table, as the models name it (``__workflow__``).
    by_table = {
        str(getattr(mapper.class_, "__tablename__", "")): definitions[mapper.class_.__workflow__]
        for mapper in Base.registry.mappers
        if getattr(mapper.class_, "__workflow__", None) in definitions
    }
    labelled = []
    for row in rows:
        definition = by_table.get(row["entity_type"])
        if definition is None:
            labelled.append({**row, "what": row["action"]})
            continue

        def label(name: str | None, d: WorkflowDefinition = definition) -> str | None:
            return d.label(name, lang) if name else name

        known = row["action"] in definition.triggers
        labelled.append(
            {
                **row,
                "what": label(row["action"]) if known else row["action"],
                "from_state": label(row["from_state"]),
                "to_state": label(row["to_state"]),
            }
        )
    return labelled


@dataclasses.dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    entities: int
    findings: list[str]
    seconds: float


def verify_chain(session: Session, lang: str) -> Verification:
    """``gremium audit verify`` without witnesses: the chain and the protected rows."""
    started = time.perf_counter()
    result = audit.verify(session)
    return Verification(
        ok=result.ok,
        checked=result.checked,
        entities=result.entities_checked,
        findings=result.describe_all(lang),
        seconds=time.perf_counter() - started,
    )
