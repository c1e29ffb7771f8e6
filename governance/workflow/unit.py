"""What the workflow engine needs of the unit of work it runs in.

The engine fires triggers inside a transaction that somebody else owns: it
reads and writes through that transaction's session, takes the moment of the
action from it, locks the entity there and puts the transition on its audit
trail. It names only these needs (a Protocol), not the application's
``governance.unit_of_work.UnitOfWork``, which carries the engine in turn: so
the workflow package does not import the unit of work, and the two never
form an import circle.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from sqlalchemy.orm import Session


class WorkUnit(Protocol):
    """One transaction of one action (``governance.unit_of_work.UnitOfWork`` is the one in use)."""

    @property
    def session(self) -> Session: ...

    @property
    def now(self) -> dt.datetime: ...

    @property
    def today(self) -> dt.date: ...

    def lock(self, entity: Any) -> None: ...

    def fire(self, entity: Any, trigger: str, **params: Any) -> None: ...

    def audit(
        self,
        *,
        entity_type: str,
        entity_id: int | None,
        action: str,
        committee_id: int | None = None,
        from_state: str | None = None,
        to_state: str | None = None,
        outcome: str = "done",
        details: dict[str, Any] | None = None,
    ) -> None: ...
