"""The persisted state of Gremium (SQLAlchemy 2.0 typed models)."""

from governance.models.accession import AccessionApplication, AccessionDeclaration
from governance.models.action_item import ActionItem
from governance.models.action_link import ActionLink, ActionLinkToken, MeetingReply  # links
from governance.models.agenda import AgendaItem
from governance.models.agreement import (
    Agreement,
    AgreementParty,
    AgreementVersion,
    Signature,
    SignatureMethod,
    SigningCeremony,
)
from governance.models.audit import AuditHead, AuditRecord
from governance.models.base import Base
from governance.models.calendar_feed import CalendarFeed  # calendar subscriptions
from governance.models.committee import (
    Capacity,
    Committee,
    Membership,
    MembershipPerson,
    Role,
    SecretariatMember,
)
from governance.models.data_version import (  # the page cache's versions
    CommitteeVersion,
    DataVersion,
)
from governance.models.decision import Ballot, Decision, Vote
from governance.models.inbound import InboundMail, MailObjection, ReplyToken  # replies by mail
from governance.models.meeting import Attendance, Meeting, MeetingSeries
from governance.models.meeting_practice import ConflictOfInterest, VoteTransfer  # issue 16
from governance.models.minutes import Minutes, MinutesObjection
from governance.models.organisation import Organisation, OrganisationKind, Person
from governance.models.outbox import OutboxMessage
from governance.models.programme import (  # programmes and action areas
    ActionArea,
    AreaCommittee,
    AreaCoordinator,
    Programme,
    ProgrammeOffice,
)
from governance.models.setting import Setting
from governance.models.stored_document import AgendaAttachment, StoredDocument  # documents
from governance.models.timer import Timer
from governance.models.tombstone import Tombstone  # oparl
from governance.models.web_session import SignInLink, SignInRequest, WebSession  # web sign-in
from governance.models.written_procedure import WrittenBallot, WrittenProcedure  # Umlaufverfahren

__all__ = [
    "AccessionApplication",
    "AccessionDeclaration",
    "ActionArea",
    "ActionItem",
    "ActionLink",
    "ActionLinkToken",
    "AgendaAttachment",
    "AgendaItem",
    "Agreement",
    "AgreementParty",
    "AgreementVersion",
    "AreaCommittee",
    "AreaCoordinator",
    "Attendance",
    "AuditHead",
    "AuditRecord",
    "Ballot",
    "Base",
    "CalendarFeed",
    "Capacity",
    "Committee",
    "CommitteeVersion",
    "ConflictOfInterest",
    "DataVersion",
    "Decision",
    "InboundMail",
    "MailObjection",
    "Meeting",
    "MeetingReply",
    "MeetingSeries",
    "Membership",
    "MembershipPerson",
    "Minutes",
    "MinutesObjection",
    "Organisation",
    "OrganisationKind",
    "OutboxMessage",
    "Person",
    "Programme",
    "ProgrammeOffice",
    "ReplyToken",
    "Role",
    "SecretariatMember",
    "Setting",
    "SignInLink",
    "SignInRequest",
    "Signature",
    "SignatureMethod",
    "SigningCeremony",
    "StoredDocument",
    "Timer",
    "Tombstone",
    "Vote",
    "VoteTransfer",
    "WebSession",
    "WrittenBallot",
    "WrittenProcedure",
]
