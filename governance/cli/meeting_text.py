"""``gremium meeting show`` as text: what a chair reads before and after a meeting."""

from __future__ import annotations

from typing import Any

from governance.cli.common import CliState, _quickly, state_label, t
from governance.cli.output import berlin
from governance.domain.attachments import human_size


def workflow_label(state: CliState, workflow: str, name: str) -> str:
    """A state or trigger of *workflow* by its label in the user's language."""
    return state_label(state, workflow, name)


def allowed(state: CliState, meeting_state: str) -> list[str]:
    """The triggers of a meeting in *meeting_state*, from the definition's YAML
    (as the engine gives them, without building it)."""
    from governance.workflow.labels import triggers_from

    return _quickly(state, lambda folder: triggers_from(folder, "meeting", meeting_state))


def schedule_note(state: CliState, note: str) -> str:
    """Why a meeting of a series is not where its rule puts it, in the user's language."""
    if note.startswith("holiday:"):
        _, day, name = note.split(":", 2)
        return t(state, "meeting.cli.moved_holiday", day=day, name=name)
    if note == "dst_gap":
        return t(state, "meeting.cli.moved_dst")
    return note


def quorum_line(
    state: CliState, quorate: bool, present: int, members: int, needed: int, repeat: bool
) -> str:
    """The quorum as the chair announces it; a repeat meeting is quorate whoever came."""
    key = (
        "meeting.cli.quorate_repeat"
        if repeat
        else ("meeting.cli.quorate" if quorate else "meeting.cli.not_quorate")
    )
    return t(state, key, present=present, members=members, needed=needed)


def show_text(state: CliState, data: dict[str, Any]) -> str:
    label = lambda name: workflow_label(state, "meeting", name)  # noqa: E731
    lines = [
        t(
            state,
            "meeting.cli.show_head",
            id=data["id"],
            title=data["title"],
            number=data["number"] or "—",
            status=label(data["state"]),
        ),
        t(
            state,
            "meeting.cli.show_when",
            starts_at=berlin(data["starts_at"]),
            ends_at=berlin(data["ends_at"]),
            location=data["location"],
        ),
    ]
    if data.get("format", "in_person") != "in_person":  # the video link is never shown here
        lines.append(
            t(state, "meeting.cli.show_format", format=t(state, f"format.{data['format']}"))
        )
    if data["schedule_note"]:
        lines.append(f"  {schedule_note(state, data['schedule_note'])}")
    if data["reason"]:
        lines.append(t(state, "meeting.cli.show_reason", reason=data["reason"]))
    if data.get("recorded_later"):
        later = data["recorded_later"]
        lines.append(
            t(state, "meeting.cli.show_recorded_later", at=berlin(later["at"]), by=later["by"])
        )
    lines.append(t(state, "meeting.cli.show_deadlines"))
    for key, when in data["deadlines"].items():
        lines.append(f"  {t(state, f'deadline.{key}'):<28} {berlin(when)}")
    lines.append(
        t(
            state,
            "meeting.cli.show_agenda",
            revision=data["agenda_revision"],
            final=t(state, "cli.yes" if data["agenda_final"] else "cli.no"),
        )
    )
    for item in data["agenda"]:
        top = t(state, "agenda.top", number=item["top"]) if item["top"] else f"#{item['id']}"
        flags = [t(state, f"agenda.kind.{item['kind']}")]
        if item["majority"]:
            flags.append(t(state, f"majority.{item['majority']}"))
        if item["urgent"]:
            flags.append(t(state, "agenda.urgent"))
        if item.get("confidential"):
            flags.append(t(state, "agenda.confidential"))
        if item["status"] != "accepted":
            flags.append(t(state, f"agenda.status.{item['status']}"))
        if item["outcome"]:
            flags.append(t(state, f"agenda.outcome.{item['outcome']}"))
        lines.append(f"  {top:<7} {item['title']}  [{', '.join(flags)}]  (#{item['id']})")
        for attachment in item["attachments"]:
            lines.append("          " + attachment_line(state, attachment))
        for conflict in item.get("conflicts", []):
            lines.append("          " + t(state, "meeting.cli.show_conflict", **conflict))
        if item["vote"]:
            v = item["vote"]
            lines.append(
                "          "
                + t(
                    state,
                    "meeting.cli.show_vote",
                    yes=v["yes"],
                    no=v["no"],
                    abstain=v["abstain"],
                    reference=item["decision"]["reference"],
                    result=t(state, "vote.carried" if v["carried"] else "vote.rejected"),
                )
            )
            for giver, taker in v.get("transferred", {}).items():
                lines.append(
                    "          "
                    + t(state, "meeting.cli.show_transferred", giver=giver, taker=taker)
                )
    quorum = data["quorum_at_opening"]
    if quorum:
        lines.append(
            quorum_line(
                state,
                quorum["quorate"],
                quorum["present"],
                quorum["voting_members"],
                quorum["needed"],
                quorum["repeat_meeting"],
            )
        )
    if data["attendance"]:
        lines.append(t(state, "meeting.cli.show_attendance"))
        for a in data["attendance"]:
            who = a["organisation"] or a["guest"]
            extra = []
            if a["arrived_at"]:
                extra.append(t(state, "attendance.arrived", at=berlin(a["arrived_at"])[-5:]))
            if a["departed_at"]:
                extra.append(t(state, "attendance.departed", at=berlin(a["departed_at"])[-5:]))
            if a.get("online"):
                extra.append(t(state, "attendance.online_extra"))
            if not a["voting"]:
                extra.append(t(state, "attendance.no_vote"))
            person = f" ({a['person']})" if a["person"] else ""
            lines.append(
                f"  {who}{person}: {t(state, 'attendance.' + a['status'])}"
                + (f" — {', '.join(extra)}" if extra else "")
            )
    if data.get("vote_transfers"):
        lines.append(t(state, "meeting.cli.show_transfers"))
        for transfer in data["vote_transfers"]:
            lines.append(
                t(state, "meeting.cli.show_transfer", giver=transfer["from"], taker=transfer["to"])
            )
    lines += expected_lines(state, data.get("expected_attendance"))
    if data["action_items"]:
        lines.append(t(state, "meeting.cli.show_actions"))
        for a in data["action_items"]:
            lines.append(
                f"  #{a['id']} {a['what']} — {a['who']}, {a['due_on'].isoformat()}"
                f" ({t(state, 'action.state.' + a['state'])})"
            )
    if data["timers"]:
        lines.append(t(state, "meeting.cli.show_timers"))
        for timer in data["timers"]:
            lines.append(f"  {berlin(timer['due_at'])}  {label(timer['trigger'])}")
    allowed = ", ".join(f"{label(n)} ({n})" for n in data["allowed_triggers"]) or t(
        state, "error.nothing_allowed"
    )
    lines.append(t(state, "meeting.cli.show_allowed", allowed=allowed))
    return "\n".join(lines)


def expected_lines(state: CliState, expected: dict[str, Any] | None) -> list[str]:
    """The answers to the invitation and the expected quorum (issue 14.3)."""
    if not expected:
        return []
    lines = [t(state, "rsvp.cli.show_heading")]
    for row in expected["organisations"]:
        said = t(state, f"rsvp.answer.{row['answer']}")
        if row["answer"] == "deputy" and row["person"]:
            said = t(state, "rsvp.cli.deputy_named", person=row["person"])
        extra = [] if row["voting"] else [t(state, "attendance.no_vote")]
        if row["comment"]:
            extra.append(f"„{row['comment']}“" if state.lang == "de" else f"“{row['comment']}”")
        lines.append(
            f"  {row['organisation']}: {said}" + (f" — {', '.join(extra)}" if extra else "")
        )
    q = expected["quorum"]
    if q["repeat_meeting"]:
        key = "rsvp.cli.quorum_repeat"
    elif q["quorate"]:
        key = "rsvp.cli.quorum_assured"
    elif q["reachable"]:
        key = "rsvp.cli.quorum_open"
    else:
        key = "rsvp.cli.quorum_lost"
    lines.append(
        "  "
        + t(
            state,
            key,
            expected=q["expected"],
            voting=q["voting_members"],
            needed=q["needed"],
            open=expected["counts"]["none"],
        )
    )
    tentative = expected["counts"].get("tentative", 0)
    if tentative:
        lines.append("  " + t(state, "rsvp.cli.tentative_not_counted", tentative=tentative))
    return lines


def attachment_line(state: CliState, a: dict[str, Any]) -> str:
    """``Anlage 7: Kostenplan – kostenplan.csv, Version 2, 38 B`` (or the link)."""
    if a["kind"] == "file":
        what = t(
            state,
            "attachments.cli.file",
            name=a["name"],
            version=a["version"],
            size=human_size(a["size"], state.lang),
        )
    else:
        what = a["url"] or t(state, f"attachments.kind.{a['kind']}")
    return t(state, "attachments.cli.line", id=a["id"], title=a["title"], what=what)
