"""Answers to a meeting's invitation (Rückmeldungen): what a member organisation can
answer, and while when. Shared by the answers themselves (services/rsvp.py) and the
read of the expected attendance (reads/meeting_view.py)."""

from __future__ import annotations

ANSWERS = ("attends", "excused", "deputy")
"""Zusage, Absage, Vertretung benannt."""

OPEN_STATES = ("planned", "convened")
"""The states in which a meeting takes answers to its invitation."""
