"""Answers to a meeting's invitation (Rückmeldungen): what a member organisation can
answer, and while when. Shared by the answers themselves (services/rsvp.py) and the
read of the expected attendance (reads/meeting_view.py)."""

from __future__ import annotations

ANSWERS = ("attends", "excused", "deputy", "tentative")
"""Zusage, Absage, Vertretung benannt, vielleicht (unsicher)."""

LINK_ANSWERS = ("attends", "excused", "deputy")
"""The answers Gremium itself offers (the invitation's links, the meeting page): the
chair asks for a decision, so there is no "maybe" button. "tentative" comes from a
calendar's TENTATIVE (and what the secretariat records when a partner says so)."""

ASSURED = ("attends", "deputy")
"""The answers that count towards the expected quorum (someone comes)."""

UNSURE = ("tentative", "none")
"""The answers of organisations that may still come: the best case counts them, the
forecast does not; the reminder asks them to decide."""

OPEN_STATES = ("planned", "convened")
"""The states in which a meeting takes answers to its invitation."""
