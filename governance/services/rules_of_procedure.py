"""Changing a committee's rules of procedure (Geschäftsordnung), as a user types them.

The command line (``committee rules --set KEY=VALUE``) and the web form send
the same mapping of setting names to typed text; :func:`parse_changes`
refuses an unknown setting or a value of the wrong form in the reader's
language, and :func:`change_rules` applies the whole set (rules across
settings are checked by ``RulesOfProcedure.updated``) with the chair's
permission, audited.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from governance.domain.rules import (
    HolidayPolicy,
    Majority,
    Publication,
    QuorumRule,
    RulesOfProcedure,
)
from governance.domain.rules import _parse_value as parse_setting
from governance.errors import ConcurrentChange, InvalidInput, Text
from governance.models import Committee
from governance.services import access, directory
from governance.unit_of_work import UnitOfWork

# What each kind of setting accepts (a literal list, or a catalogue key).
_ALLOWED: dict[str, Any] = {
    "int": ("cli.rules.allowed_int",),
    "bool": ("cli.rules.allowed_bool",),
    "Fraction": ("cli.rules.allowed_fraction",),
    "Majority": ", ".join(m.value for m in Majority),
    "QuorumRule": ", ".join(m.value for m in QuorumRule),
    "HolidayPolicy": ", ".join(m.value for m in HolidayPolicy),
    "Publication": ", ".join(m.value for m in Publication),
}


def setting_types() -> dict[str, str]:
    """Every setting of the rules of procedure and the kind of value it takes, in order."""
    return {f.name: str(f.type) for f in dataclasses.fields(RulesOfProcedure)}


def choices(kind: str) -> tuple[str, ...]:
    """The values a setting of *kind* may take when it is a choice (else empty)."""
    enum_type = {
        "Majority": Majority,
        "QuorumRule": QuorumRule,
        "HolidayPolicy": HolidayPolicy,
        "Publication": Publication,
    }
    return tuple(m.value for m in enum_type[kind]) if kind in enum_type else ()


def parse_changes(settings: Mapping[str, str]) -> dict[str, str]:
    """Check each setting's name and the form of its value; return them trimmed.

    An unknown name or a value of the wrong form is refused saying what is allowed.
    """
    types = setting_types()
    changes: dict[str, str] = {}
    for raw_name, raw_value in settings.items():
        name, value = raw_name.strip(), str(raw_value).strip()
        if name not in types:
            raise InvalidInput("cli.rules.unknown", setting=name, allowed=", ".join(types))
        try:
            # Only the value's own form is checked here (in the user's language);
            # rules across settings are checked on the whole set.
            parse_setting(name, types[name], value)
        except ValueError:
            allowed = _ALLOWED.get(types[name], "?")
            raise InvalidInput(
                "error.choice",
                what=name,
                value=value,
                allowed=allowed if isinstance(allowed, str) else Text(*allowed),
            ) from None
        changes[name] = value
    return changes


def change_rules(
    uow: UnitOfWork,
    committee: Committee | str | int | None,
    settings: Mapping[str, str],
    *,
    seen_version: int | str | None = None,
) -> RulesOfProcedure:
    """The chair changes the rules of procedure of *committee* (a reference as typed).

    *seen_version*: the committee's version when the person read the rules (a
    form sends every rule; applied to rules someone changed meanwhile, it would
    undo their change unseen). None: act on the rules as recorded now (CLI).
    """
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    # Permission first: someone who may not change the rules learns that, not a typing error.
    access.check(uow, "committee.rules", committee)
    if seen_version is not None:
        uow.lock(committee)  # read anew under the row lock (PostgreSQL)
        if str(seen_version).strip() != str(committee.version):
            raise ConcurrentChange(
                "error.concurrent_change", kind=Text("kind.committee"), ref=committee.short_name
            )
    changes = parse_changes(settings)
    return directory.set_rules(uow, committee, changes)
