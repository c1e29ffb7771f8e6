"""The written procedure (Umlaufverfahren): a decision between meetings.

Workflow ``written_procedure`` (workflows/written_procedure.yaml). The chair
puts a motion to every voting member organisation with a deadline; each votes
once (yes / no / abstain) through its representative or deputy, by the
personal link in the mail, the web or the command line, or the chair or the
secretariat records a vote that came on paper. A voting member may demand a
meeting instead; once as many have demanded it as the rules say, the motion
goes on the next meeting's agenda and the procedure ends without a decision.
When every voting member has voted, or at the deadline (a timer), the result
is established: with the participation the quorum rule requires (the share of
voting members that makes a meeting quorate must have voted, abstentions
included), the motion is decided under its majority and takes the next number
of the decisions register; without it, no decision. Every member is told.

One module per part: records (finding, describing, checking what was typed),
opening (the motion), voting (votes, demands, withdrawal; the guards), closing
(the effects that end it) and mail. Importing the package registers the
workflow's guards and effects; its names are those of the parts.
"""

from __future__ import annotations

from governance.services.written_procedure.closing import (
    add_meeting_item,
    attach_waiting,
    move_written_to_meeting,
    record_written_failure,
    record_written_withdrawal,
    register_written_decision,
)
from governance.services.written_procedure.mail import (
    notify_written_reminder,
    notify_written_result,
)
from governance.services.written_procedure.opening import (
    start,
)
from governance.services.written_procedure.records import (
    ENTITY,
    MAX_DAYS,
    MAX_REASON,
    MAX_TEXT,
    MAX_TITLE,
    MotionKind,
    Via,
    deadline_for,
    decided_between,
    demands_needed,
    describe,
    motion_text,
    procedure_by_ref,
    procedures,
)
from governance.services.written_procedure.voting import (
    demand_meeting,
    record_paper_vote,
    vote,
    withdraw,
    written_meeting_demanded,
    written_participation_reached,
    written_voting_open,
    written_voting_over,
)

__all__ = [
    "ENTITY",
    "MAX_DAYS",
    "MAX_REASON",
    "MAX_TEXT",
    "MAX_TITLE",
    "MotionKind",
    "Via",
    "add_meeting_item",
    "attach_waiting",
    "deadline_for",
    "decided_between",
    "demand_meeting",
    "demands_needed",
    "describe",
    "motion_text",
    "move_written_to_meeting",
    "notify_written_reminder",
    "notify_written_result",
    "procedure_by_ref",
    "procedures",
    "record_paper_vote",
    "record_written_failure",
    "record_written_withdrawal",
    "register_written_decision",
    "start",
    "vote",
    "withdraw",
    "written_meeting_demanded",
    "written_participation_reached",
    "written_voting_open",
    "written_voting_over",
]
