"""Pieces every document context shares: the committee, an organisation, a person."""

from __future__ import annotations

from typing import Any

from governance.models import Committee, Organisation, Person


def committee_part(committee: Committee) -> dict[str, Any]:
    return {"name": committee.name, "short_name": committee.short_name}


def organisation_part(organisation: Organisation) -> dict[str, Any]:
    return {"name": organisation.name, "short_name": organisation.short_name}


def signatory_part(person: Person) -> dict[str, Any]:
    return {"name": person.name, "function_title": person.function_title}
