"""How a meeting is held (Sitzungsform): in person, online or hybrid, and its video link.

A meeting held online or hybrid has a video link (Einwahllink). The link is
personal data of the meeting: it goes to those invited only (their mail, the
calendar entry, the invitation document sent to them), never into a public
page, feed or export, because whoever has it can join the meeting.
"""

from __future__ import annotations

import enum
from urllib.parse import urlsplit

from governance.domain.rules import RulesOfProcedure

MAX_VIDEO_URL = 500
"""A video link longer than this is refused (calendar clients and mail fold long lines)."""


class MeetingFormat(enum.StrEnum):
    IN_PERSON = "in_person"
    """Everyone in the room (Präsenzsitzung); no video link."""
    ONLINE = "online"
    """Everyone by video (Online-Sitzung): the video link is required."""
    HYBRID = "hybrid"
    """In the room and by video (hybride Sitzung): the video link is required."""

    @property
    def has_video(self) -> bool:
        return self is not MeetingFormat.IN_PERSON


def video_url_problem(url: str) -> str | None:
    """Why *url* is not a usable video link (a message key's last part), or None.

    Only https links with a host: a video conference link sent to every member
    must not be a local file, a mail address or a script.
    """
    if len(url) > MAX_VIDEO_URL:
        return "too_long"
    if any(c.isspace() for c in url):
        return "not_a_link"
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return "not_a_link"
    return None


def online_counts(rules: RulesOfProcedure) -> bool:
    """Whether those who take part online count as present for the quorum and may vote."""
    return rules.online_counts_for_quorum
