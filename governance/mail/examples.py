"""One complete example context per notification: the executable form of
templates/mail/README.md. Tests render every template with these, and a
new notification without an example fails them."""

from __future__ import annotations

from typing import Any

MAIL = {
    "committee_name": "Kooperationsgremium Stadtteil-, Bezirks- und Selbsthilfearbeit Treptow-Köpenick",
    "committee_short": "KG SBS TK",
    "recipient_name": "Anna Müller",
    "reply_to": "geschaeftsstelle@ba-tk.example.org",
}
"""Added by :func:`governance.outbox.queue` to every context as ``mail``."""

_AGREEMENT = {
    "committee": "KG SBS TK",
    "committee_name": MAIL["committee_name"],
    "agreement_id": 1,
    "version_id": 1,
    "number": 1,
    "ref": "1/1",
    "text_sha256": "9f2c" * 16,
    "effective_from": "2026-03-01",
    "organisation": "Rabenhaus",
}
_APPLICATION = {
    "application_id": 4,
    "committee": MAIL["committee_name"],
    "committee_short": "KG SBS TK",
    "organisation": "Nachbarschaftshaus Am Fluss e. V.",
    "organisation_short": "NBH Am Fluss",
    "applicant": "Jana Schmidt",
    "applicant_email": "js@nbh.example.org",
    "submitted_on": "2026-02-02",
    "motivation": "Wir arbeiten seit 2019 im Bezirk.",
}
_DECISION = {
    **_APPLICATION,
    "state": "accepted",
    "decided_on": "2026-03-11",
    "votes": {"yes": 7, "no": 0, "abstain": 1},
    "reason": None,
}
MEETING = {
    "id": 3,
    "title": "3. Sitzung 2026",
    "number": 3,
    "starts_at": "2026-03-11T10:00:00+01:00",
    "ends_at": "2026-03-11T12:30:00+01:00",
    "location": "Rathaus Treptow, Raum 201, Neue Krugallee 4, 12435 Berlin",
    "agenda": [
        {
            "number": "1",
            "title": "Begrüßung und Beschluss der Tagesordnung",
            "kind": "decision",
            "urgent": False,
        },
        {
            "number": "2",
            "title": "Bericht der Geschäftsstelle",
            "kind": "information",
            "urgent": False,
        },
        {"number": "3", "title": "Beitritt NBH Am Fluss", "kind": "decision", "urgent": True},
    ],
    "agenda_revision": 2,
    "sequence": 0,
}
_MEETING = {"committee": MAIL["committee_name"], "meeting": MEETING}
MINUTES = {
    "id": 1,
    "meeting_id": 3,
    "revision": 1,
    "state": "circulated",
    "circulated_at": "2026-03-25T09:00:00+01:00",
    "objection_deadline_at": "2026-04-08T23:59:00+02:00",
    "approved_at": None,
    "approved_by": None,
    "approval_decision": None,
    "archive_file": "",
    "archive_sha256": None,
    "document": {"kind": "minutes", "ref": "3"},
}

EXAMPLES: dict[str, dict[str, Any]] = {
    "signature_request": {
        **_AGREEMENT,
        "document": "Kooperationsvereinbarung-Fassung-1-2.pdf",
        "links": {
            "electronic": "https://gremium.ba-tk.example.org/l/Ey7uT4rE1wQ8aZ5sX2dC9fV6gB3hN0jM7kL4pO1iU8",
            "paper": "https://gremium.ba-tk.example.org/l/Pp2oI5uY8tR1eW4qA7sD0fG3hJ6kL9zX2cV5bN8mQ1",
        },
    },
    "signature_reminder": {
        **_AGREEMENT,
        "pending": ["Rabenhaus", "STZ"],
        "document": None,
        # the rules allow no electronic signature: only the paper's link
        "links": {
            "paper": "https://gremium.ba-tk.example.org/l/Rr4tY7uI0oP3aS6dF9gH2jK5lZ8xC1vB4nM7qW0eE3"
        },
    },
    "agreement_in_force": {**_AGREEMENT, "in_force_from": "2026-03-01"},
    "accession_received": _APPLICATION,
    "accession_on_agenda": {
        **_DECISION,
        "state": "on_agenda",
        "decided_on": None,
        "votes": None,
        "links": {
            "state": "https://gremium.ba-tk.example.org/l/Ss5dF8gH1jK4lZ7xC0vB3nM6qW9eR2tY5uI8oP1aA4"
        },
    },
    "accession_accepted": _DECISION,
    "accession_rejected": {**_DECISION, "state": "rejected", "reason": "Kein Sitz im Bezirk."},
    "withdrawal_confirmed": {
        "committee": MAIL["committee_name"],
        "committee_short": "KG SBS TK",
        "organisation": "Rabenhaus e. V.",
        "organisation_short": "Rabenhaus",
        "notice_given_on": "2026-02-02",
        "ends_on": "2026-05-31",
        "for_party": True,
    },
    "delivery_failed": {
        "reported_on": "2026-03-02",
        "failures": [
            {
                "kind": "delivery",
                "ref": 17,
                "what": "invitation",
                "subject": "Einladung: 3. Sitzung 2026 am 11.03.2026",
                "recipient": "gf@rabenhaus.example.org",
                "recipient_name": "Gero Fischer",
                "error": "550 5.1.1 mailbox unavailable",
            },
            {
                "kind": "timer",
                "ref": 42,
                "what": "minutes_archive",
                "subject": "minutes:3 archive",
                "recipient": "",
                "recipient_name": "",
                "error": "OSError: [Errno 28] No space left on device",
            },
        ],
        "more": 0,
    },
    "call_for_proposals": {
        **_MEETING,
        "proposals_due_at": "2026-02-18T10:00:00+01:00",
        "links": {
            "propose": "https://gremium.ba-tk.example.org/l/Tt6fG9hJ2kL5zX8cV1bN4mQ7wE0rT3yU6iO9pA2sS5"
        },
    },
    "proposals_closed": {
        **_MEETING,
        "pending_proposals": [{"id": 12, "title": "Stadtteilfest im Kosmosviertel"}],
        "invitation_at": "2026-02-25T10:00:00+01:00",
    },
    "proposal_decided": {
        **_MEETING,
        "proposal": {
            "title": "Verkehrsberuhigung im Kungerkiez",
            "decision": "deferred",
            "reason": "Stellungnahme des Straßen- und Grünflächenamts abwarten",
            "next_meeting_at": "2026-06-10T10:00:00+02:00",
        },
    },
    "invitation": {
        **_MEETING,
        "links": {
            "attends": "https://gremium.ba-tk.example.org/l/Zx3kP9qLm2Vb7nR4tW8yC1dF6hJ0sA5gE2uI9oK3xQ",
            "excused": "https://gremium.ba-tk.example.org/l/Qa8wE3rT6yU1iO4pA7sD0fG2hJ5kL9zX3cV6bN8mM1",
            "deputy": "https://gremium.ba-tk.example.org/l/Mn5bV2cX8zL4kJ7hG0fD3sA6pO9iU1yT4rE7wQ2aZ5",
        },
    },
    "quorum_forecast": {
        **_MEETING,
        "forecast": {
            "expected": 3,
            "needed": 5,
            "voting_members": 9,
            "reachable": True,
            "attends": 2,
            "deputy": 1,
            "excused": 2,
            "unanswered": [
                {"organisation": "Rabenhaus e. V.", "people": ["Gero Fischer", "Nadja Nachbar"]},
                {"organisation": "KungerKiez Initiative e. V.", "people": ["Kai Kunger"]},
            ],
            "tentative": [{"organisation": "tjfbg gGmbH", "people": ["Tina Jugend"]}],
        },
    },
    "rsvp_reminder": {
        **_MEETING,
        "links": {
            "attends": "https://gremium.ba-tk.example.org/l/Zx3kP9qLm2Vb7nR4tW8yC1dF6hJ0sA5gE2uI9oK3xQ",
            "excused": "https://gremium.ba-tk.example.org/l/Qa8wE3rT6yU1iO4pA7sD0fG2hJ5kL9zX3cV6bN8mM1",
            "deputy": "https://gremium.ba-tk.example.org/l/Mn5bV2cX8zL4kJ7hG0fD3sA6pO9iU1yT4rE7wQ2aZ5",
        },
    },
    "agenda_updated": {**_MEETING, "reason": "Dringlichkeitsantrag zu TOP 3"},
    "meeting_reminder": _MEETING,
    "meeting_moved": {
        **_MEETING,
        "previous_starts_at": "2026-03-04T10:00:00+01:00",
        "reason": "Raum nicht verfügbar",
    },
    "meeting_cancelled": {**_MEETING, "reason": "Beschlussunfähigkeit absehbar"},
    "minutes_due": {**_MEETING, "minutes_due_at": "2026-03-25T12:30:00+01:00"},
    "meeting_overdue": {**_MEETING, "state": "convened"},
    "proposal_not_decided": {
        **_MEETING,
        "proposal": {
            "title": "Verkehrsberuhigung im Kungerkiez",
            "decision": "not_decided",
            "reason": None,
            "next_meeting_at": "2026-06-10T10:00:00+02:00",
        },
    },
    "minutes_circulated": {
        **_MEETING,
        "minutes": MINUTES,
        "links": {
            "agree": "https://gremium.ba-tk.example.org/l/Uu7gH0jK3lZ6xC9vB2nM5qW8eR1tY4uI7oP0aS3dD6",
            "object": "https://gremium.ba-tk.example.org/l/Vv8hJ1kL4zX7cV0bN3mQ6wE9rT2yU5iO8pA1sD4fF7",
        },
    },
    "minutes_objection": {
        **_MEETING,
        "minutes": {**MINUTES, "state": "drafting"},
        "objection": {
            "id": 4,
            "organisation": "Rabenhaus",
            "person": "Geschäftsführung Rabenhaus",
            "text": "Unter TOP 3 fehlt der Hinweis auf den Raumbedarf.",
            "raised_at": "2026-04-01T15:20:00+02:00",
            "revision": 1,
        },
    },
    "objection_confirm": {
        "committee": MAIL["committee_name"],
        "meeting": {"title": "3. Sitzung 2026", "starts_at": "2026-03-11T10:00:00+01:00"},
        "objection": {
            "text": "Unter TOP 3 fehlt der Hinweis auf den Raumbedarf.",
            "cut": False,
            "revision": 1,
            "deadline_at": "2026-04-08T23:59:59+02:00",
            "received_at": "2026-04-01T15:20:00+02:00",
        },
        "link": "https://gremium.ba-tk.example.org/l/k3Jq9vR2xW8yT5uN1mB7cE4hL6pZ0aSd",
    },
    "minutes_approved": {
        **_MEETING,
        "minutes": {
            **MINUTES,
            "state": "archived",
            "approved_at": "2026-04-09T00:00:00+02:00",
            "approved_by": "tacit",
            "archive_file": "protokoll-KG-sitzung-3-r1.pdf",
            "archive_sha256": "3f" * 32,
        },
        "audit_head": {"seq": 187, "hash": "9c" * 32},
    },
    "action_item_due": {
        "committee": MAIL["committee_name"],
        "action_item": {
            "title": "Entwurf der Geschäftsordnung an alle senden",
            "due_on": "2026-03-25",
            "owner": "Geschäftsstelle",
            "meeting_title": "3. Sitzung 2026",
            "meeting_on": "2026-03-11",
        },
        "links": {
            "done": "https://gremium.ba-tk.example.org/l/Ww9jK2lZ5xC8vB1nM4qW7eR0tY3uI6oP9aS2dF5gG8"
        },
    },
    "written_motion": {
        "committee": MAIL["committee_name"],
        "procedure": {
            "id": 3,
            "title": "Stellungnahme zum Kiezfonds 2027",
            "text": "Das Gremium unterstützt den Antrag des Bezirks auf Verlängerung des Kiezfonds.\n\nDie Geschäftsstelle leitet die Stellungnahme weiter.",
            "kind": "statement",
            "majority": "simple",
            "deadline_at": "2026-10-14T21:59:00+00:00",
            "voting_members": 9,
            "participation_needed": 5,
            "meeting_demands_needed": 1,
        },
        "links": {
            "yes": "https://gremium.ba-tk.example.org/l/v7Kq2mX9pR4tW1yZ",
            "no": "https://gremium.ba-tk.example.org/l/n4Pw6sT1aK8dE2uQ",
            "abstain": "https://gremium.ba-tk.example.org/l/a9Lm3cV7bN5xR0hY",
            "demand_meeting": "https://gremium.ba-tk.example.org/l/d3Hn8bQ5cL0sF6gJ",
        },
    },
    "written_reminder": {
        "committee": MAIL["committee_name"],
        "procedure": {
            "id": 3,
            "title": "Stellungnahme zum Kiezfonds 2027",
            "text": "Das Gremium unterstützt den Antrag des Bezirks auf Verlängerung des Kiezfonds.",
            "kind": "statement",
            "majority": "simple",
            "deadline_at": "2026-10-14T21:59:00+00:00",
            "voting_members": 9,
            "participation_needed": 5,
            "meeting_demands_needed": 1,
        },
        "links": {
            "yes": "https://gremium.ba-tk.example.org/l/v7Kq2mX9pR4tW1yZ",
            "no": "https://gremium.ba-tk.example.org/l/n4Pw6sT1aK8dE2uQ",
            "abstain": "https://gremium.ba-tk.example.org/l/a9Lm3cV7bN5xR0hY",
        },
    },
    "written_result": {
        "committee": MAIL["committee_name"],
        "procedure": {
            "id": 3,
            "title": "Stellungnahme zum Kiezfonds 2027",
            "text": "Das Gremium unterstützt den Antrag des Bezirks auf Verlängerung des Kiezfonds.",
            "kind": "statement",
            "majority": "simple",
            "deadline_at": "2026-10-14T21:59:00+00:00",
            "voting_members": 9,
            "participation_needed": 5,
            "meeting_demands_needed": 1,
        },
        "outcome": {
            "state": "decided",
            "reference": "KG-2026/08",
            "carried": True,
            "yes": 6,
            "no": 1,
            "abstain": 1,
            "voted": 8,
            "reason": "",
            "meeting_title": None,
            "meeting_on": None,
            "demanded_by": [],
        },
    },
    "sign_in_link": {
        "link": "https://gremium.ba-tk.example.org/sign-in/k3Jq9vR2xW8yT5uN1mB7cE4hL6pZ0aSd",
        "valid_until": "2026-03-11T10:15:00+01:00",
        "minutes": 15,
    },
}


def example(name: str) -> dict[str, Any]:
    """The example context of *name*, with the ``mail`` part the outbox adds."""
    return {**EXAMPLES[name], "mail": MAIL}
