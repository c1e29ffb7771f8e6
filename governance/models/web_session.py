"""Signing in to the web application: sessions, one-time links and the requests for them.

Only SHA-256 digests of the secrets (the session cookie's value, the link's
token) are stored: whoever reads the database cannot sign in with them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base
from governance.models.organisation import Person


class WebSession(Base):
    """A signed-in browser: the cookie carries a random value, this row its digest."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    """Sent back with every form of this session (not a credential on its own)."""
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    """For the idle expiry; written at most once a minute."""
    expires_at: Mapped[dt.datetime]
    """The absolute end, however active the session is."""
    revoked_at: Mapped[dt.datetime | None]
    """Signed out (or ended otherwise) at this moment."""

    person: Mapped[Person] = relationship()


class SignInLink(Base):
    """A one-time sign-in link sent by mail: single use, short-lived."""

    __tablename__ = "sign_in_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    next_path: Mapped[str] = mapped_column(String(500), default="/")
    """Where to go after signing in (a local path, checked when it was requested)."""


class SignInRequest(Base):
    """One request for a link, counted for the limits per address and per client.

    Recorded for every request, known address or not (otherwise the limit
    would tell which addresses are known); both are stored as digests and
    deleted once they no longer count.
    """

    __tablename__ = "sign_in_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    address_sha256: Mapped[str] = mapped_column(String(64), index=True)
    client_sha256: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
