"""Who may do what (pure): actions and the committee roles allowed to take them.

The service layer works out the acting person's roles in a committee and
asks :func:`may`; the CLI and any later web front inherit the checks.
"""

from __future__ import annotations

import enum


class CommitteeRole(enum.StrEnum):
    CHAIR = "chair"
    """Acts for the chairing organisation (its representative or deputy)."""
    SECRETARIAT = "secretariat"
    REPRESENTATIVE = "representative"
    """Representative of a member organisation."""
    DEPUTY = "deputy"
    ADVISORY = "advisory"
    GUEST = "guest"
    ADMIN = "admin"
    """Installation administrator (sets committees up; not a committee role as such)."""
    AREA_COORDINATOR = "area_coordinator"
    """Coordinates the action area the committee belongs to (models/programme.py):
    reads the committee, takes no action in it (not a seat)."""
    PROGRAMME_OFFICE = "programme_office"
    """Works in the office of the programme the committee's area belongs to:
    reads every area and committee of the programme (not a seat)."""


C, S, R, D, A, G, ADM, AC, PO = (
    CommitteeRole.CHAIR,
    CommitteeRole.SECRETARIAT,
    CommitteeRole.REPRESENTATIVE,
    CommitteeRole.DEPUTY,
    CommitteeRole.ADVISORY,
    CommitteeRole.GUEST,
    CommitteeRole.ADMIN,
    CommitteeRole.AREA_COORDINATOR,
    CommitteeRole.PROGRAMME_OFFICE,
)

ABOVE_THE_COMMITTEE = frozenset({ADM, AC, PO})
"""Roles that are no seat in the committee: they read it (or set it up) but a mail
to the committee's members is not for them (services/action_links.py)."""

ACTIONS: dict[str, frozenset[CommitteeRole]] = {
    # committee data
    # The installation administrator sets committees up; what a committee decides
    # about itself (its rules, its members, its secretariat, its mail and timers) is
    # the chair's and secretariat's business, as the README and the help say. While a
    # committee has no chair yet, the administrator adds its first members
    # (governance/services/directory.py, add_membership).
    "committee.create": frozenset({ADM}),
    "committee.edit": frozenset({C}),
    "committee.rules": frozenset({C}),
    "membership.edit": frozenset({C, S}),
    "directory.edit": frozenset({C, S, ADM}),
    # ^ organisations and people are shared by all committees of the installation
    "mail.retry": frozenset({C, S}),
    "timer.retry": frozenset({C, S}),
    # ^ fire a failed timer again (e.g. the minutes' archive after a full disk)
    # ^ send a failed or deferred message of the committee again
    "committee.read": frozenset({C, S, R, D, A, G, ADM, AC, PO}),
    # ^ an area coordinator or the programme office reads the committees of their
    #   area or programme (meetings, decisions, action items) and does nothing else
    #   there unless they also hold a seat (chair, secretariat) in the committee
    # programmes and action areas (services/programmes.py); the roles are those of
    # the person in the area or programme (access.area_roles_of)
    "programme.create": frozenset({ADM}),
    # ^ programmes, their areas, which committee is in which area, who coordinates:
    #   set up by the installation's administrator, like committees
    "programme.read": frozenset({PO, ADM}),
    "area.read": frozenset({AC, PO, ADM}),
    "area.rename": frozenset({PO, ADM}),
    # ^ the programme's office names its areas (set up by number, named later)
    # agreement
    "agreement.create": frozenset({C, ADM}),
    # ^ a committee's (first) agreement: its chair, or the administrator who set the committee up
    "agreement.draft": frozenset({C, S}),
    # ^ draft an amendment (a new version)
    "agreement.schedule": frozenset({C}),
    # ^ put an amendment to the committee's decision (an item of the next meeting)
    "agreement.open": frozenset({C}),
    "agreement.sign_own": frozenset({C, R, D, A}),
    # ^ a party's representative or deputy signs for their own organisation
    #   (advisory members are parties of the agreement too)
    "agreement.record_signature": frozenset({C, S}),
    # ^ the chair or secretariat records signatures given on paper, e.g. at a ceremony
    "agreement.terminate": frozenset({C}),
    "agreement.remind": frozenset({C, S}),
    # accession
    "accession.record_application": frozenset({C, S}),
    # ^ enter an application that reached the committee on paper or by mail, for the
    #   applicant (who needs no role to apply: `gremium accession apply`)
    "accession.review": frozenset({C}),
    "accession.schedule": frozenset({C}),
    "accession.decide": frozenset({C}),
    "accession.record_declaration": frozenset({C, S}),
    "accession.record_withdrawal": frozenset({C, S}),
    # ^ the applicant withdraws its own application; the chair or secretariat may record it
    # withdrawal
    "membership.give_notice_own": frozenset({R}),
    "membership.record_notice": frozenset({C, S}),
    # ^ record any member's notice, also one that reached the committee on paper earlier
    # meetings
    "meeting.plan": frozenset({C, S}),
    # ^ plan single meetings and series; the secretariat organises meetings
    "meeting.convene": frozenset({C}),
    "meeting.move": frozenset({C}),
    "meeting.cancel": frozenset({C}),
    "meeting.open": frozenset({C}),
    "meeting.close": frozenset({C}),
    "meeting.vote": frozenset({C}),
    # ^ the chair runs votes and announces the result
    "meeting.attendance": frozenset({C, S}),
    "meeting.rsvp": frozenset({C, R, D, A}),
    # ^ answer an invitation for one's own organisation (attends, excused, deputy)
    "meeting.rsvp_record": frozenset({C, S}),
    # ^ record an answer that came by phone or on paper
    "calendar.subscribe": frozenset({C, S, R, D, A}),
    # ^ a secret address of the committee's calendar feed (services/calendar_feeds.py)
    # (issue 16) meeting practice; a representative or deputy only for their own organisation:
    "meeting.conflict": frozenset({C, S, R, D}),
    # ^ declare a conflict of interest (Befangenheit) in an agenda item
    "meeting.vote_transfer": frozenset({C, S, R, D}),
    # ^ transfer an organisation's vote for one meeting (Stimmrechtsübertragung)
    "meeting.format": frozenset({C, S}),
    # ^ set how a meeting is held (in person, online, hybrid) and its video link
    "link.manage": frozenset({C, S}),
    # ^ list and revoke a committee's action links (links in mails)
    # (meetings) a meeting never opened in the system, after its day:
    "meeting.end": frozenset({C}),
    # ^ record that it did not take place
    "meeting.record_later": frozenset({C, S}),
    # ^ record a session held on paper afterwards: open, attendance, votes, close
    "meeting.minute": frozenset({C, S}),
    # ^ mark items noted or deferred, record notes, raise action items
    # agenda
    "agenda.propose": frozenset({C, S, R, D, A}),
    "agenda.decide": frozenset({C}),
    # ^ accept, reject or defer proposals, order and finalise the agenda, consent to urgent items
    "agenda.attach": frozenset({C, S, R, D, A}),
    # ^ files and links of an item: chair and secretariat any item, members their own proposals
    "agenda.confidential": frozenset({C, S}),
    # ^ mark an item nichtöffentlich (closed session) or public again: what the OParl
    #   interface may publish (services/confidential_items.py)
    "action_item.update": frozenset({C, S}),
    # written procedure (Umlaufverfahren, services/written_procedure.py)
    "written.start": frozenset({C}),
    "written.withdraw": frozenset({C}),
    "written.vote": frozenset({C, R, D}),
    # ^ for one's own voting organisation (its representative or deputy)
    "written.demand_meeting": frozenset({C, R, D}),
    # ^ likewise: a voting member demands that the motion be decided in a meeting
    "written.record_paper": frozenset({C, S}),
    # ^ the chair or secretariat records a vote that came on paper
    # minutes
    "minutes.write": frozenset({C, S}),
    # ^ record notes, circulate the draft
    "minutes.object": frozenset({C, R, D, A}),
    # ^ a member organisation objects to circulated minutes through its people
    "minutes.agree": frozenset({C, R, D, A}),
    # ^ a member organisation agrees with circulated minutes through its people (recorded, no vote)
    "minutes.record_objection": frozenset({C, S}),
    # ^ the chair or secretariat records an objection a member organisation sent on paper or by mail
    "minutes.approve": frozenset({C}),
    # ^ resolve objections; approve where the rules allow it without a vote
}


def may(action: str, roles: set[CommitteeRole] | frozenset[CommitteeRole]) -> bool:
    """Whether someone holding *roles* may take *action*."""
    try:
        allowed = ACTIONS[action]
    except KeyError:
        raise KeyError(f"unknown action {action!r}") from None
    return bool(allowed & set(roles))


def allowed_roles(action: str) -> frozenset[CommitteeRole]:
    return ACTIONS[action]
