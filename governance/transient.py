"""Which errors are the database's passing trouble, not the action's fault.

A timer or a message that meets one of these is tried again later (with a
growing delay); only an error of the effect itself fails it for good.
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from governance.errors import ConcurrentChange, ConfigurationError

# PostgreSQL SQLSTATEs that mean "try again": serialization failure, deadlock,
# lock not available, too many connections, the server shutting down / restarting.
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03", "53300", "57P01", "57P02", "57P03"})


def is_transient(exc: BaseException) -> bool:
    """Whether *exc* (or its cause) is a conflict or a passing database failure.

    A fault of the installation (:func:`installation_fault`) is not one of
    these: retrying it in seconds only writes the same failure again.
    """
    if installation_fault(exc) is not None:
        return False
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


# SQLSTATEs of a fault of the installation: disk full, out of memory, read-only transaction
# (a standby, default_transaction_read_only), insufficient privilege.
_INSTALLATION_SQLSTATES = frozenset({"53100", "53200", "25006", "42501"})
_INSTALLATION_SAID = (
    "database or disk is full",
    "no space left",
    "could not extend file",
    "readonly database",
    "read-only",
    "disk i/o error",
    "unable to open database file",
)
_INSTALLATION_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}
)


def installation_fault(exc: BaseException) -> BaseException | None:
    """The fault of the installation behind *exc*, if it is one; None for any other error.

    A full disk, a read-only database or file system, a missing or unreadable
    audit key: no timer or message is to blame, and none may be failed for it
    (it would be failed for good, and its failure could not even be written).
    The work stays pending, its claim is given back at once, and the fault is
    reported once, in one line, by whoever runs the pass.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ConfigurationError):
            return current  # audit key missing or unreadable, audit head gone, no database
        if isinstance(current, OSError) and current.errno in _INSTALLATION_ERRNOS:
            return current
        if isinstance(current, DBAPIError):
            orig = current.orig
            code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
            said = str(orig).lower()
            if code in _INSTALLATION_SQLSTATES or any(s in said for s in _INSTALLATION_SAID):
                return current
        current = current.__cause__ or current.__context__
    return None
