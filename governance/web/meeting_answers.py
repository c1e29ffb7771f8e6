"""A signed-in member answers the invitation on the meeting page (issue 14.3).

``POST /meetings/<mid>/answer`` parses the form and calls
:func:`governance.services.rsvp.answer_invitation` with ``via="web"``: the same
function the invitation's links and the calendar replies call, with the same
refusals (the meeting has begun, a deputy of another organisation). The form
itself is part of the meeting page (``web/meetings/_answer.html``, its data
from :func:`governance.services.rsvp.own_answer`).
"""

from __future__ import annotations

from flask import Blueprint, request
from werkzeug.wrappers import Response

from governance.services import rsvp
from governance.web.meetings import _act as act_on_meeting  # one way to act on a meeting

bp = Blueprint("meeting_answers", __name__)


@bp.post("/meetings/<int:mid>/answer")
def answer(mid: int) -> Response:
    form = request.form
    return act_on_meeting(
        mid,
        "answer",
        "rsvp.web.own.done",
        lambda work, meeting: rsvp.answer_invitation(
            work,
            meeting,
            form.get("answer_choice", ""),
            deputy=form.get("answer_deputy") or None,
            comment=form.get("answer_comment") or None,
            via="web",
        ),
    )
