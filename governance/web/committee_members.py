"""Who joins and who leaves: a member organisation added directly and a person taken
into the secretariat (forms on ``/committees/<cid>``, as ``gremium member add`` and
``gremium secretariat add`` do); accession applications (``/committees/<cid>/accessions``:
record an application that came on paper, review, put on the agenda, reject, record
the committee's decision with its vote counts, record the declaration, record a
withdrawal, as ``gremium accession`` does) and withdrawals (``/committees/<cid>/withdrawals``: record a notice, as
``gremium withdrawal notice`` does, and the list).

Several applications share one page, so each form's fields carry the
application's number (``reason_7``): a refusal shows next to the form that
was sent, with what was typed there.
"""

from __future__ import annotations

from typing import Any

from flask import abort, request
from werkzeug.wrappers import Response

from governance.errors import GremiumError, InvalidInput
from governance.models import OrganisationKind, SignatureMethod
from governance.services import (
    accession,
    agreements,
    committee_views,
    directory,
    members,
    withdrawal,
)
from governance.web.committees import SHOW_PAGE, bp, refused_here, show_context, state_labels
from governance.web.front import (
    committee_or_404,
    reading,
    redirect_to,
    render,
    t,
    uow,
)

ACTIONS = {
    # the trigger of an application's form: the action of domain/permissions.py it needs
    "review": "accession.review",
    "schedule": "accession.schedule",
    "reject": "accession.decide",
    "decide": "accession.decide",
    "join": "accession.record_declaration",
    "withdraw": "accession.record_withdrawal",
}
APPLY_FIELDS = (
    "org_name",
    "short_name",
    "kind",
    "applicant_name",
    "applicant_email",
    "function_title",
    "language",
    "motivation",
)


def _accessions_context(cid: int, failed: int | str | None = None) -> dict[str, Any]:
    """The page; *failed*: the application (its number) or ``"apply"``, whose form's
    refusal the page shows."""
    with reading() as work:
        committee = committee_or_404(work, cid)
        page = committee_views.committee_page(work, committee)
        rows = []
        for application in accession.applications(work.session, committee):
            row = accession.describe(application, work.engine)
            row["actions"] = [
                trigger
                for trigger in row["allowed_triggers"]
                if trigger in ACTIONS and ACTIONS[trigger] in page.allowed
            ]
            rows.append(row)
        in_force = agreements.in_force_version(work.session, committee)
        binding = (
            None
            if in_force is None
            else {"ref": agreements.ref_of(in_force), "sha": in_force.text_sha256}
        )
        labels = state_labels(work, "accession", *ACTIONS)
        today = work.today
    return {
        "page": page,
        "applications": rows,
        "labels": labels,
        "in_force": binding,
        "methods": [(m.value, t(f"signature.method.{m.value}")) for m in SignatureMethod],
        "today": today,
        "failed": failed,
        "kinds": [(k.value, t(f"orgkind.{k.value}")) for k in OrganisationKind],
        "languages": [("de", "Deutsch"), ("en", "English")],
    }


@bp.get("/committees/<int:cid>/accessions")
def accessions(cid: int) -> Response:
    return render("web/committees/accessions.html", **_accessions_context(cid))


@bp.post("/committees/<int:cid>/accessions")
def accession_apply(cid: int) -> Response:
    """An application that reached the committee on paper or by mail, entered for the applicant."""
    typed = {name: request.form.get(name, "") for name in APPLY_FIELDS}
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            application = accession.record_application(work, committee, **typed)
            label = work.engine.definitions["accession"].label(application.state, work.lang)
            done = t(
                "web.accession.applied",
                id=application.id,
                organisation=application.organisation.short_name,
                state=label,
            )
    except GremiumError as exc:
        return refused_here(
            exc, "web/committees/accessions.html", **_accessions_context(cid, failed="apply")
        )
    return redirect_to("committees.accessions", cid=cid, done=done)


@bp.post("/committees/<int:cid>/accessions/<int:aid>/<action>")
def accession_action(cid: int, aid: int, action: str) -> Response:
    form = request.form

    def typed(name: str) -> str:
        return form.get(f"{name}_{aid}", "")

    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            if action == "review":
                accession.review(work, aid, committee=committee)
            elif action == "schedule":
                accession.schedule(work, aid, committee=committee)
            elif action == "reject":
                accession.reject(work, aid, committee=committee, reason=typed("reason"))
            elif action == "decide":
                accession.decide(
                    work,
                    aid,
                    committee=committee,
                    yes=typed("yes"),
                    no=typed("no"),
                    abstain=typed("abstain"),
                    decided_on=typed("decided_on") or None,
                )
            elif action == "withdraw":
                accession.withdraw(work, aid, committee=committee, reason=typed("withdraw_reason"))
            elif action == "join":
                accession.declare(
                    work,
                    aid,
                    committee=committee,
                    signatory_email=typed("signatory"),
                    signed_on=typed("signed_on"),
                    place=typed("place"),
                    text_sha256=typed("text_sha256"),
                    method=typed("method") or SignatureMethod.INK.value,
                    member_from=typed("member_from") or None,
                )
            else:
                abort(404)
            application = accession.application_by_id(work.session, aid, committee)
            label = work.engine.definitions["accession"].label(application.state, work.lang)
            if action == "decide":
                done = t(
                    "web.accession.decided",
                    id=application.id,
                    organisation=application.organisation.short_name,
                    yes=application.votes_yes,
                    no=application.votes_no,
                    abstain=application.votes_abstain,
                    state=label,
                )
            else:
                done = t(
                    "web.committee.accession.changed",
                    organisation=application.organisation.short_name,
                    state=label,
                )
    except GremiumError as exc:
        return refused_here(
            exc, "web/committees/accessions.html", **_accessions_context(cid, failed=aid)
        )
    return redirect_to("committees.accessions", cid=cid, done=done)


# --- withdrawals ---


def _withdrawals_context(cid: int) -> dict[str, Any]:
    with reading() as work:
        committee = committee_or_404(work, cid)
        page = committee_views.committee_page(work, committee)
        rows = [withdrawal.describe(m) for m in withdrawal.withdrawals(work.session, committee)]
        labels = state_labels(work, "membership")
        today = work.today
    members = [
        (m.organisation, f"{m.organisation_name} ({m.organisation})")
        for m in page.members
        if m.role != "chair" and m.state == "active"
    ]
    return {
        "page": page,
        "withdrawals": rows,
        "labels": labels,
        "members": members,
        "today": today,
        "may_record": "membership.record_notice" in page.allowed
        or "membership.give_notice_own" in page.allowed,
    }


@bp.get("/committees/<int:cid>/withdrawals")
def withdrawals(cid: int) -> Response:
    return render("web/committees/withdrawals.html", **_withdrawals_context(cid))


@bp.post("/committees/<int:cid>/withdrawals")
def withdrawal_notice(cid: int) -> Response:
    form = request.form
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            membership = withdrawal.give_notice(
                work,
                committee,
                form.get("organisation", ""),
                given_on=form.get("given_on") or None,
                effective_on=form.get("effective_on") or None,
            )
            done = t(
                "web.committee.withdrawal.noticed",
                organisation=membership.organisation.short_name,
                ends_on=membership.ends_on.isoformat() if membership.ends_on else "—",
            )
    except GremiumError as exc:
        return refused_here(exc, "web/committees/withdrawals.html", **_withdrawals_context(cid))
    return redirect_to("committees.withdrawals", cid=cid, done=done)


@bp.post("/committees/<int:cid>/withdrawals/revoke")
def withdrawal_revoke(cid: int) -> Response:
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            membership = withdrawal.revoke_notice(
                work, committee, request.form.get("organisation", "")
            )
            done = t(
                "web.committee.withdrawal.revoked", organisation=membership.organisation.short_name
            )
    except GremiumError as exc:
        return refused_here(exc, "web/committees/withdrawals.html", **_withdrawals_context(cid))
    return redirect_to("committees.withdrawals", cid=cid, done=done)


# --- members and secretariat ---

VOTING = {"": None, "yes": True, "no": False}


def _addresses(name: str) -> list[str]:
    """The e-mail addresses of a text area: one a line (commas and blanks also part them)."""
    return request.form.get(name, "").replace(",", " ").split()


@bp.post("/committees/<int:cid>/members")
def member_add(cid: int) -> Response:
    form = request.form
    voting = form.get("voting", "")
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            if voting not in VOTING:
                raise InvalidInput("error.choice", what="voting", value=voting, allowed="yes, no")
            membership = members.add_member(
                work,
                committee,
                organisation=form.get("organisation", ""),
                role=form.get("role", "member"),
                voting=VOTING[voting],
                starts_on=form.get("starts_on") or None,
                representatives=_addresses("representatives"),
                deputies=_addresses("deputies"),
            )
            done = t(
                "web.members.added",
                organisation=membership.organisation.short_name,
                committee=committee.short_name,
                role=t(f"role.{membership.role}"),
                starts_on=membership.starts_on.isoformat(),
            )
    except GremiumError as exc:
        return refused_here(exc, SHOW_PAGE, **show_context(cid, failed="member"))
    return redirect_to("committees.show", cid=cid, done=done)


@bp.post("/committees/<int:cid>/secretariat")
def secretariat_add(cid: int) -> Response:
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            member = directory.add_secretariat(work, committee, request.form.get("email", ""))
            done = t(
                "web.secretariat.added", email=member.person.email, committee=committee.short_name
            )
    except GremiumError as exc:
        return refused_here(exc, SHOW_PAGE, **show_context(cid, failed="secretariat"))
    return redirect_to("committees.show", cid=cid, done=done)
