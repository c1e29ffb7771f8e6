"""The columns the read paths select, as light Core table clauses.

No MetaData, no mapper: ``sqlalchemy.table()`` names what a query reads.
The types convert as the models do (moments are aware UTC, dates are dates,
JSON is parsed). tests/unit/test_read_tables.py checks every column here
against the models' schema, so a renamed or retyped column fails there.

The tables the audit trail protects (governance/audit_digests.py) are these
clauses too, so they name every column of their model (but ``version``): a
read selects the columns it needs rather than a whole protected table.
"""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Boolean, Date, Integer, LargeBinary, String, column, table

from governance.column_types import UTCDateTime

_moment = UTCDateTime()

committees = table(
    "committees",
    column("id", Integer),
    column("name", String),
    column("short_name", String),
    column("sender_email", String),
    column("rules_data", JSON),
    column("created_at", _moment),
    column("modified_at", _moment),
    column("publication", String),
)

organisations = table(
    "organisations",
    column("id", Integer),
    column("name", String),
    column("short_name", String),
    column("created_at", _moment),
    column("modified_at", _moment),
)

people = table(
    "people",
    column("id", Integer),
    column("name", String),
    column("email", String),
    column("organisation_id", Integer),
    column("email_public", Boolean),
    column("created_at", _moment),
    column("modified_at", _moment),
    column("erased_at", _moment),
)

memberships = table(
    "memberships",
    column("id", Integer),
    column("committee_id", Integer),
    column("organisation_id", Integer),
    column("role", String),
    column("voting", Boolean),
    column("starts_on", Date),
    column("ends_on", Date),
    column("notice_given_on", Date),
    column("state", String),
    column("notice_recorded_on", Date),
    column("modified_at", _moment),  # 0016_oparl
)

membership_people = table(
    "membership_people",
    column("id", Integer),
    column("membership_id", Integer),
    column("person_id", Integer),
    column("capacity", String),
)

secretariat_members = table(
    "secretariat_members",
    column("committee_id", Integer),
    column("person_id", Integer),
)

settings = table("settings", column("key", String), column("value", String))

agenda_items = table(
    "agenda_items",
    column("id", Integer),
    column("meeting_id", Integer),
    column("position", Integer),
    column("title", String),
    column("description", String),
    column("kind", String),
    column("majority", String),
    column("standing", String),
    column("proposer_id", Integer),
    column("proposer_organisation_id", Integer),
    column("urgent", Boolean),
    column("status", String),
    column("outcome", String),
    column("reason", String),
    column("notes", String),
    column("decision_text", String),
    column("accession_application_id", Integer),
    column("agreement_version_id", Integer),
    column("minutes_id", Integer),
    column("carried_over_from_id", Integer),
    column("carried_over_to_id", Integer),
    column("created_at", _moment),
    column("modified_at", _moment),  # 0016_oparl
    column("confidential", Boolean),  # 0016_oparl
)

agenda_attachments = table(
    "agenda_attachments",
    column("id", Integer),
    column("agenda_item_id", Integer),
    column("kind", String),
    column("title", String),
    column("version", Integer),
    column("url", String),
    column("document_id", Integer),
    column("created_at", _moment),
    column("created_by_id", Integer),
)

attendance = table(
    "attendance",
    column("id", Integer),
    column("meeting_id", Integer),
    column("organisation_id", Integer),
    column("person_id", Integer),
    column("guest_name", String),
    column("role", String),
    column("voting", Boolean),
    column("status", String),
    column("arrived_at", _moment),
    column("departed_at", _moment),
    column("online", Boolean),  # took part by video (issue 16)
)

decisions = table(
    "decisions",
    column("id", Integer),
    column("committee_id", Integer),
    column("year", Integer),
    column("seq", Integer),
    column("reference", String),
    column("meeting_id", Integer),
    column("agenda_item_id", Integer),
    column("vote_id", Integer),
    column("text", String),
    column("carried", Boolean),
    column("decided_on", Date),
)

votes = table(
    "votes",
    column("id", Integer),
    column("agenda_item_id", Integer),
    column("meeting_id", Integer),
    column("method", String),
    column("yes", Integer),
    column("no", Integer),
    column("abstain", Integer),
    column("majority", String),
    column("carried", Boolean),
    column("voting_members", Integer),
    column("present", Integer),
    column("taken_at", _moment),
    column("transferred", Integer),
    column("conflicted", Integer),
)

ballots = table(
    "ballots",
    column("id", Integer),
    column("vote_id", Integer),
    column("organisation_id", Integer),
    column("choice", String),
    column("cast_by_id", Integer),  # cast under a vote transfer by this organisation
)

action_items = table(
    "action_items",
    column("id", Integer),
    column("committee_id", Integer),
    column("meeting_id", Integer),
    column("agenda_item_id", Integer),
    column("what", String),
    column("owner_organisation_id", Integer),
    column("owner_person_id", Integer),
    column("due_on", Date),
    column("done_on", Date),
    column("note", String),
    column("state", String),
    column("created_at", _moment),
)

outbox = table(
    "outbox",
    column("id", Integer),
    column("status", String),
    column("notification", String),
    column("recipient", String),
    column("subject", String),
    column("message_id", String),
    column("created_at", _moment),
    column("next_attempt_at", _moment),
    column("sent_at", _moment),
    column("attempts", Integer),
    column("last_error", String),
    column("purpose", JSON),
    column("skip_reason", String),
)

audit_records = table(
    "audit_records",
    column("id", BigInteger),
    column("seq", BigInteger),
    column("at", _moment),
    column("actor_id", Integer),
    column("actor", String),
    column("committee_id", Integer),
    column("entity_type", String),
    column("entity_id", Integer),
    column("action", String),
    column("from_state", String),
    column("to_state", String),
    column("outcome", String),
    column("details", JSON),
    column("prev_hash", String),
    column("hash", String),
    column("key_id", String),
    column("digests", JSON),
)

data_version = table("data_version", column("id", Integer), column("version", BigInteger))

committee_versions = table(
    "committee_versions", column("committee_id", Integer), column("version", BigInteger)
)

audit_head = table(
    "audit_head",
    column("id", Integer),
    column("seq", BigInteger),
    column("hash", String),
    column("key_id", String),
)

timers = table(
    "timers",
    column("id", Integer),
    column("committee_id", Integer),
    column("workflow", String),
    column("entity_type", String),
    column("entity_id", Integer),
    column("name", String),
    column("trigger", String),
    column("state", String),
    column("due_at", _moment),
    column("status", String),
    column("fired_at", _moment),
    column("attempts", Integer),
    column("last_error", String),
    column("skip_reason", String),
)

meetings = table(
    "meetings",
    column("id", Integer),
    column("committee_id", Integer),
    column("number", Integer),
    column("title", String),
    column("state", String),
    column("starts_at", _moment),
    column("ends_at", _moment),
    column("location", String),
    column("series_id", Integer),
    column("schedule_note", String),
    column("repeat_of_id", Integer),
    column("call_for_proposals_at", _moment),
    column("proposal_deadline_at", _moment),
    column("invitation_at", _moment),
    column("reminder_at", _moment),
    column("minutes_due_at", _moment),
    column("agenda_final", Boolean),
    column("agenda_revision", Integer),
    column("sequence", Integer),
    column("reason", String),
    column("convened_at", _moment),
    column("opened_at", _moment),
    column("closed_at", _moment),
    column("recorded_later_at", _moment),
    column("recorded_later_by", String),
    column("quorate_at_opening", Boolean),
    column("created_at", _moment),
    column("modified_at", _moment),
    column("format", String),  # in_person, online, hybrid (issue 16)
    # NOT here on purpose: meetings.video_url, the video link. It is personal to those
    # invited (mails, calendar, invitation document) and must stay out of every read
    # path that feeds public pages, OParl or exports.
)

meeting_series = table(
    "meeting_series",
    column("id", Integer),
    column("title", String),
    column("rrule", String),
    column("state", String),
)

agreements = table(
    "agreements",
    column("id", Integer),
    column("committee_id", Integer),
    column("title", String),
)

agreement_versions = table(
    "agreement_versions",
    column("id", Integer),
    column("agreement_id", Integer),
    column("number", Integer),
    column("text", String),
    column("text_sha256", String),
    column("effective_from", Date),
    column("in_force_from", Date),
    column("ended_on", Date),
    column("state", String),
    column("created_at", _moment),
    column("opened_at", _moment),
    column("decided_on", Date),
    column("votes_yes", Integer),
    column("votes_no", Integer),
    column("votes_abstain", Integer),
    column("decision_reference", String),
)

agreement_parties = table(
    "agreement_parties",
    column("id", Integer),
    column("version_id", Integer),
    column("organisation_id", Integer),
)

signatures = table(
    "signatures",
    column("id", Integer),
    column("version_id", Integer),
    column("organisation_id", Integer),
    column("signatory_id", Integer),
    column("text_sha256", String),
    column("signed_on", Date),
    column("place", String),
    column("method", String),
    column("ceremony_id", Integer),
    column("recorded_by_id", Integer),
    column("recorded_at", _moment),
    column("recorded_later", Boolean),
)

accession_declarations = table(
    "accession_declarations",
    column("id", Integer),
    column("application_id", Integer),
    column("agreement_version_id", Integer),
    column("text_sha256", String),
    column("signatory_id", Integer),
    column("signed_on", Date),
    column("place", String),
    column("method", String),
    column("recorded_at", _moment),
)

signing_ceremonies = table(
    "signing_ceremonies",
    column("id", Integer),
    column("version_id", Integer),
    column("held_on", Date),
    column("place", String),
)

minutes = table(
    "minutes",
    column("id", Integer),
    column("committee_id", Integer),
    column("meeting_id", Integer),
    column("revision", Integer),
    column("minute_taker_id", Integer),
    column("circulated_at", _moment),
    column("objection_deadline_at", _moment),
    column("referred_at", _moment),
    column("approved_at", _moment),
    column("approved_by", String),
    column("approval_decision", String),
    column("frozen", Boolean),
    column("archive_path", String),
    column("archive_sha256", String),
    column("archive_document_id", Integer),
    column("state", String),
    column("created_at", _moment),
)

minutes_objections = table(
    "minutes_objections",
    column("id", Integer),
    column("minutes_id", Integer),
    column("revision", Integer),
    column("person_id", Integer),
    column("organisation_id", Integer),
    column("text", String),
    column("raised_at", _moment),
    column("resolved", Boolean),
    column("resolution", String),
    column("resolved_at", _moment),
)

stored_documents = table(
    "stored_documents",
    column("id", Integer),
    column("name", String),
    column("size", Integer),
    column("sha256", String),
    column("media_type", String),
    column("data", LargeBinary),
    column("note", String),
    column("sha512", String),
    column("created_at", _moment),
)

directory_organisations = table(
    "organisations",
    column("id", Integer),
    column("name", String),
    column("short_name", String),
    column("kind", String),
    column("created_at", _moment),
)

directory_people = table(
    "people",
    column("id", Integer),
    column("name", String),
    column("email", String),
    column("function_title", String),
    column("language", String),
    column("organisation_id", Integer),
    column("is_admin", Boolean),
    column("created_at", _moment),
)

meeting_replies = table(
    "meeting_replies",
    column("id", Integer),
    column("meeting_id", Integer),
    column("organisation_id", Integer),
    column("person_id", Integer),
    column("answer", String),
    column("deputy_person_id", Integer),
    column("comment", String),
    column("via", String),
    column("answered_at", _moment),
)

mail_objections = table(
    "mail_objections",
    column("id", Integer),
    column("minutes_id", Integer),
    column("revision", Integer),
    column("person_id", Integer),
    column("text", String),
    column("state", String),
    column("received_at", _moment),
    column("confirmed_at", _moment),
)

written_procedures = table(
    "written_procedures",
    column("id", Integer),
    column("committee_id", Integer),
    column("title", String),
    column("text", String),
    column("majority", String),
    column("state", String),
    column("ended_at", _moment),
    column("yes", Integer),
    column("no", Integer),
    column("abstain", Integer),
    column("carried", Boolean),
    column("year", Integer),
    column("seq", Integer),
    column("reference", String),
)

written_ballots = table(
    "written_ballots",
    column("id", Integer),
    column("procedure_id", Integer),
    column("organisation_id", Integer),
    column("choice", String),
)

accession_applications = table(
    "accession_applications",
    column("id", Integer),
    column("committee_id", Integer),
    column("organisation_id", Integer),
    column("submitted_on", Date),
    column("decided_on", Date),
    column("member_from", Date),
    column("state", String),
)

# programmes and action areas (models/programme.py)
programmes = table(
    "programmes",
    column("id", Integer),
    column("name", String),
    column("short_name", String),
    column("description", String),
    column("created_at", _moment),
)

action_areas = table(
    "action_areas",
    column("id", Integer),
    column("programme_id", Integer),
    column("name", String),
    column("short_name", String),
    column("position", Integer),
    column("created_at", _moment),
)

area_committees = table(
    "area_committees",
    column("id", Integer),
    column("area_id", Integer),
    column("committee_id", Integer),
    column("added_at", _moment),
)

area_coordinators = table(
    "area_coordinators",
    column("id", Integer),
    column("area_id", Integer),
    column("person_id", Integer),
    column("appointed_at", _moment),
)

programme_offices = table(
    "programme_offices",
    column("id", Integer),
    column("programme_id", Integer),
    column("person_id", Integer),
    column("appointed_at", _moment),
)

tombstones = table(
    "tombstones",
    column("id", Integer),
    column("kind", String),
    column("object_id", Integer),
    column("committee_id", Integer),
    column("created_at", _moment),
    column("deleted_at", _moment),
)


# meeting practice (issue 16; models/meeting_practice.py)
conflicts_of_interest = table(
    "conflicts_of_interest",
    column("id", Integer),
    column("meeting_id", Integer),
    column("agenda_item_id", Integer),
    column("organisation_id", Integer),
    column("reason", String),
    column("declared_by_id", Integer),
    column("via", String),
    column("declared_at", _moment),
    column("withdrawn_at", _moment),  # 0022_withdrawals
    column("withdrawn_by_id", Integer),
)

vote_transfers = table(
    "vote_transfers",
    column("id", Integer),
    column("meeting_id", Integer),
    column("from_organisation_id", Integer),
    column("to_organisation_id", Integer),
    column("recorded_by_id", Integer),
    column("via", String),
    column("recorded_at", _moment),
    column("withdrawn_at", _moment),  # 0022_withdrawals
    column("withdrawn_by_id", Integer),
)
