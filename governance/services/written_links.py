"""The personal links a member's mail about a written procedure carries.

Until the action links of issue 14 are merged this returns no links and the
mails say how else to vote (reply, the web, or on paper via the secretariat).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from governance.models import Person, WrittenProcedure
    from governance.unit_of_work import UnitOfWork


def links_for(uow: UnitOfWork, procedure: WrittenProcedure, person: Person) -> dict[str, str]:
    """{"vote": url, "demand_meeting": url} for *person*, or {} without action links."""
    return {}
