"""How a party's signature of the agreement was given (no I/O; the CLI's choices need
it without importing the models)."""

from __future__ import annotations

import enum


class SignatureMethod(enum.StrEnum):
    INK = "ink"
    """Signed in ink, e.g. at a signing ceremony."""
    SCANNED = "scanned"
    """A signed paper copy was scanned and sent in."""
    ELECTRONIC = "electronic"
    """An electronic signature."""
