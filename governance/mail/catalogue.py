"""The notifications Gremium sends: one folder each under templates/mail/.

Each has ``subject.{de,en}.txt``, ``body.{de,en}.txt`` and
``body.{de,en}.html`` on the shared layouts in ``templates/mail/_base/``.
The context keys each expects are documented in templates/mail/README.md;
:mod:`governance.mail.examples` holds one complete example context per
notification (the tests render every template with it).
"""

from __future__ import annotations

NOTIFICATIONS: dict[str, str] = {
    # agreement (services/agreement_workflow.py)
    "signature_request": "a version of the agreement is open for signature",
    "signature_reminder": "reminder to parties that have not signed yet",
    "agreement_in_force": "all parties signed; the version is in force",
    # accession (services/accession.py, accession_workflow.py)
    "accession_received": "to the chair: a new application for accession",
    "accession_on_agenda": "to the applicant: the application is on the agenda",
    "accession_accepted": "to the applicant: accepted, welcome, next steps",
    "accession_rejected": "to the applicant: rejected, with the reason",
    # withdrawal (services/withdrawal.py)
    "withdrawal_confirmed": "notice of withdrawal received: to its representatives, the chair and the secretariat",
    # delivery (mail/dispatch.py)
    "delivery_failed": "to the chair: a message could not be delivered",
    # meetings (queued by the meetings service)
    "call_for_proposals": "members may propose agenda items until a date",
    "proposals_closed": "to the chair: the proposal deadline passed; proposals still to decide",
    "proposal_decided": "to the proposer: the chair accepted, rejected or deferred a proposal",
    "invitation": "invitation with agenda and calendar entry",
    "agenda_updated": "the agenda of an invited meeting changed",
    "meeting_reminder": "a meeting is coming up",
    "meeting_moved": "a meeting has a new date, time or place",
    "meeting_cancelled": "a meeting is cancelled",
    "action_item_due": "an action item from the minutes is due",
    "minutes_due": "to the secretariat: the minutes of a meeting are due",
    # (meetings) a meeting's end after its day
    "proposal_not_decided": "to the proposer: undecided at the invitation, deferred to the next meeting",
    "meeting_overdue": "to the chair and secretariat: a meeting over but neither opened nor ended",
    # answers to the invitation (services/quorum_forecast.py)
    "quorum_forecast": "to the chair: the answers so far do not assure the quorum; who has not answered",
    "rsvp_reminder": "to members who have not answered the invitation, with their links",
    # minutes (services/minutes_workflow.py)
    "minutes_circulated": "draft minutes with the PDF and the objection deadline",
    "minutes_objection": "to the secretariat and the chair: a member objected to the minutes",
    "minutes_approved": "the minutes are approved and archived, with the file's SHA-256",
    # replies by mail (services/mail_objections.py)
    "objection_confirm": "to a member whose reply to the minutes came by mail: confirm it by link",
    # written procedure (services/written_procedure.py)
    "written_motion": "a motion put to the voting members in writing, with the deadline and how to vote",
    "written_reminder": "to voting members that have not voted: the written procedure's deadline is near",
    "written_result": "to every member: the result of a written procedure (decided, failed, moved, withdrawn)",
    # web (services/sign_in.py)
    "sign_in_link": "a one-time link to sign in to the web application, sent at once",
}

NEVER_REPORTED = frozenset({"delivery_failed"})
"""A failed delivery of these is not reported by mail again (no loops)."""
