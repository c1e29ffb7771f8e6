"""Which errors are the database's passing trouble, not the action's fault.

A timer or a message that meets one of these is tried again later (with a
growing delay); only an error of the effect itself fails it for good.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from governance.errors import ConcurrentChange

# PostgreSQL SQLSTATEs that mean "try again": serialization failure, deadlock,
# lock not available, too many connections, the server shutting down / restarting.
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03", "53300", "57P01", "57P02", "57P03"})


def is_transient(exc: BaseException) -> bool:
    """Whether *exc* (or its cause) is a conflict or a passing database failure."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, StaleDataError | ConcurrentChange | OperationalError):
            return True
        if isinstance(current, DBAPIError):
            if current.connection_invalidated:
                return True
            code = getattr(current.orig, "sqlstate", None) or getattr(current.orig, "pgcode", None)
            if code in _TRANSIENT_SQLSTATES:
                return True
        current = current.__cause__ or current.__context__
    return False
