"""The written procedure in the browser (``/committees/<cid>/procedures``): the chair
puts a motion, follows the votes, records a vote that came on paper (also the
secretariat) and withdraws an open motion, as ``gremium procedure`` does.
Members vote by the personal links in their mail (governance/web/links.py).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, request
from werkzeug.wrappers import Response

from governance.domain.rules import Majority
from governance.errors import GremiumError
from governance.services import committee_views
from governance.services import written_procedure as wp
from governance.web.front import committee_or_404, reading, redirect_to, refused, render, t, uow

bp = Blueprint("procedures", __name__)

LIST = "web/procedures/list.html"
SHOW = "web/procedures/show.html"


def _labels(work: Any) -> dict[str, str]:
    definition = work.engine.definitions["written_procedure"]
    return {s: definition.label(s, work.lang) for s in definition.states}


def _list_context(cid: int) -> dict[str, Any]:
    with reading() as work:
        committee = committee_or_404(work, cid)
        page = committee_views.committee_page(work, committee)
        rows = [wp.describe(p) for p in wp.procedures(work.session, committee)]
        labels = _labels(work)
        rules = committee.rules
        default_majority = rules.decision_majority.value
        days = rules.written_procedure_days
    return {
        "page": page,
        "procedures": rows,
        "labels": labels,
        "may_start": "written.start" in page.allowed,
        "kinds": [(k.value, t(f"written.kind.{k.value}")) for k in wp.MotionKind],
        "majorities": [(m.value, t(f"web.procedures.majority.{m.value}")) for m in Majority],
        "default_majority": default_majority,
        "days": days,
    }


@bp.get("/committees/<int:cid>/procedures")
def index(cid: int) -> Response:
    return render(LIST, **_list_context(cid))


@bp.post("/committees/<int:cid>/procedures")
def start(cid: int) -> Response:
    form = request.form
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            procedure = wp.start(
                work,
                committee,
                title=form.get("title", ""),
                text=form.get("text", ""),
                kind=form.get("kind", "decision"),
                majority=form.get("majority") or None,
                days=form.get("days") or None,
            )
            pid, members = procedure.id, len(procedure.ballots)
    except GremiumError as exc:
        return refused(exc, LIST, **_list_context(cid))
    done = t("web.procedures.started", number=pid, members=members)
    return redirect_to("procedures.show", cid=cid, pid=pid, done=done)


def _show_context(cid: int, pid: int) -> dict[str, Any]:
    with reading() as work:
        committee = committee_or_404(work, cid)
        page = committee_views.committee_page(work, committee)
        try:
            procedure = wp.procedure_by_ref(work.session, pid, committee)
        except GremiumError:
            abort(404)
        data = wp.describe(procedure)
        labels = _labels(work)
    is_open = data["state"] == "open"
    return {
        "page": page,
        "procedure": data,
        "labels": labels,
        "may_record": is_open and "written.record_paper" in page.allowed,
        "may_withdraw": is_open and "written.withdraw" in page.allowed,
        "pending": [
            (b["organisation"], b["organisation"]) for b in data["ballots"] if not b["choice"]
        ],
        "choices": [(c, t(f"written.choice.{c}")) for c in ("yes", "no", "abstain")],
    }


@bp.get("/committees/<int:cid>/procedures/<int:pid>")
def show(cid: int, pid: int) -> Response:
    return render(SHOW, **_show_context(cid, pid))


@bp.post("/committees/<int:cid>/procedures/<int:pid>/paper")
def paper(cid: int, pid: int) -> Response:
    form = request.form
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            procedure = wp.procedure_by_ref(work.session, pid, committee)
            ballot = wp.record_paper_vote(
                work,
                procedure,
                organisation=form.get("organisation", ""),
                choice=form.get("choice", ""),
            )
            done = t(
                "written.cli.voted_paper",
                organisation=ballot.organisation.short_name,
                choice=t(f"written.choice.{ballot.choice}"),
                number=procedure.id,
                voted=sum(1 for b in procedure.ballots if b.choice),
                members=len(procedure.ballots),
            )
    except GremiumError as exc:
        return refused(exc, SHOW, **_show_context(cid, pid))
    return redirect_to("procedures.show", cid=cid, pid=pid, done=done)


@bp.post("/committees/<int:cid>/procedures/<int:pid>/withdraw")
def withdraw(cid: int, pid: int) -> Response:
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            procedure = wp.procedure_by_ref(work.session, pid, committee)
            wp.withdraw(work, procedure, reason=request.form.get("reason", ""))
    except GremiumError as exc:
        return refused(exc, SHOW, **_show_context(cid, pid))
    done = t("written.cli.withdrawn", number=pid)
    return redirect_to("procedures.show", cid=cid, pid=pid, done=done)
