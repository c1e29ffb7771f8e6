"""Reply addresses: ``geschaeftsstelle+<token>@…`` for mails that can be answered.

When Gremium reads the secretariat's mailbox ([mail] ``imap_host`` and
``reply_address``), an invitation and circulated minutes carry, as their
Reply-To (and, for the invitation, as the calendar entry's ORGANIZER, where
calendars send their iTIP REPLY), the mailbox's plus-address with a token
given to that one recipient about that one meeting. A reply is matched only
through it (:mod:`governance.services.inbound`): a From header proves
nothing, a token shows the reply answers the mail one person was sent.

The token is stable for (purpose, person, meeting, revision), so an updated
invitation keeps the ORGANIZER the calendar knows, and lower-case (some
servers fold the local part's case).
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy import select

from governance.models import Meeting, Person, ReplyToken
from governance.unit_of_work import UnitOfWork

PURPOSES = ("invitation", "minutes")
TOKEN_BYTES = 10
"""80 bits, written as 16 base-32 characters: not guessable, short enough for a local part."""
_TOKEN = re.compile(r"\+([a-z2-7]{16})@", re.IGNORECASE)


def new_token() -> str:
    import base64

    return base64.b32encode(secrets.token_bytes(TOKEN_BYTES)).decode("ascii").lower()


def plus_address(address: str, token: str) -> str:
    local, _, domain = address.rpartition("@")
    return f"{local}+{token}@{domain}"


def tokens_in(address: str) -> list[str]:
    """The tokens of the plus-addresses in *address* (lower-case)."""
    return [
        match.lower() for match in _TOKEN.findall(address + "@" if "@" not in address else address)
    ]


def reply_address(
    uow: UnitOfWork, person: Person, meeting: Meeting, purpose: str, revision: int = 0
) -> str | None:
    """The address *person*'s reply about *meeting* goes to; None when no mailbox is read."""
    if not uow.reply_address:
        return None
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {PURPOSES}, not {purpose!r}")
    token = uow.session.execute(
        select(ReplyToken.token).where(
            ReplyToken.purpose == purpose,
            ReplyToken.person_id == person.id,
            ReplyToken.meeting_id == meeting.id,
            ReplyToken.revision == revision,
        )
    ).scalar_one_or_none()
    if token is None:
        token = new_token()
        uow.session.add(
            ReplyToken(
                token=token,
                purpose=purpose,
                person_id=person.id,
                committee_id=meeting.committee_id,
                meeting_id=meeting.id,
                revision=revision,
                created_at=uow.now,
            )
        )
    return plus_address(uow.reply_address, token)
