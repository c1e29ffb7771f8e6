"""What a committee has on record: the decisions register, the action items, the
documents, the audit log (``/committees/<cid>/...``), and the workflow diagrams.

The views parse the request and call the application layer; the register's
and the log's parameters are checked there (a year in range, a short search,
a page number), so a bad query string gets the same message as the CLI.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, g, request
from markupsafe import Markup
from werkzeug.wrappers import Response

from governance.domain.permissions import may
from governance.errors import GremiumError, InvalidInput
from governance.models import ActionItem, Committee
from governance.reads import action_items as action_item_reads
from governance.services import access, action_items, audit_log, decision_register
from governance.services.documents import catalogue
from governance.unit_of_work import UnitOfWork
from governance.web.context import core
from governance.web.front import (
    committee_or_404,
    reading,
    redirect_to,
    refused,
    render,
    t,
    uow,
)
from governance.web.responses import file_response
from governance.workflow import drawing

bp = Blueprint("records", __name__)

DECISIONS = "web/records/decisions.html"
ACTIONS = "web/records/actions.html"
AUDIT = "web/records/audit.html"


# --- the decisions register ---


@bp.get("/committees/<int:cid>/decisions")
def decisions(cid: int) -> Response:
    query = request.args.to_dict()
    with reading() as work:
        committee = committee_or_404(work, cid)
        try:
            found = decision_register.search(
                work.session,
                committee,
                this_year=work.today.year,
                year=query.get("year"),
                text=query.get("q"),
                page=query.get("page"),
            )
        except InvalidInput as exc:
            empty = decision_register.search(work.session, committee, this_year=work.today.year)
            return refused(exc, DECISIONS, form=query, **_register_context(committee, empty))
        return render(DECISIONS, form=query, **_register_context(committee, found))


def _register_context(
    committee: Committee, register: decision_register.RegisterPage
) -> dict[str, Any]:
    years = [("", t("records.decisions.all_years"))] + [(str(y), str(y)) for y in register.years]
    return {
        "committee": committee,
        "register": register,
        "year_options": years,
        "max_search": decision_register.MAX_SEARCH,
    }


# --- action items ---


def _actions_context(work: UnitOfWork, committee: Committee) -> dict[str, Any]:
    person = work.person()
    assert person is not None
    roles = access.roles_of(work.session, person, committee, work.today)
    own = {
        o.short_name for o in access.organisations_of(work.session, person, committee, work.today)
    }
    groups: dict[str, list[dict[str, Any]]] = {"overdue": [], "open": [], "done": []}
    for row in action_item_reads.action_items(work.session.connection(), committee.id):
        # Which forms to offer (the owner, the chair, the secretariat); the service
        # decides again on whatever is sent. E-mail addresses and short names are unique.
        row["may_update"] = row["state"] == "open" and (
            may("action_item.update", roles)
            or row["owner_person"] == person.email
            or row["owner_organisation"] in own
        )
        if row["state"] != "open":
            groups["done"].append(row)
        elif row["due_on"] < work.today:
            groups["overdue"].append(row)
        else:
            groups["open"].append(row)
    return {"committee": committee, "groups": groups, "today": work.today}


def _action_or_404(work: UnitOfWork, committee: Committee, aid: int) -> ActionItem:
    item = work.session.get(ActionItem, aid)
    if item is None or item.committee_id != committee.id:
        abort(404)
    return item


@bp.get("/committees/<int:cid>/actions")
def actions(cid: int) -> Response:
    with reading() as work:
        return render(ACTIONS, **_actions_context(work, committee_or_404(work, cid)))


def _update_action(cid: int, aid: int, how: str) -> Response:
    field = f"{how}-{aid}"
    text = request.form.get(field, "")
    try:
        with uow() as work:
            item = _action_or_404(work, committee_or_404(work, cid), aid)
            if how == "done":
                action_items.complete(work, item, note=text)
            else:
                action_items.drop(work, item, reason=text)
    except GremiumError as exc:
        with reading() as work:
            context = _actions_context(work, committee_or_404(work, cid))
            return refused(exc, ACTIONS, field=field, **context)
    return redirect_to("records.actions", cid=cid, done=t(f"records.actions.{how}_saved"))


@bp.post("/committees/<int:cid>/actions/<int:aid>/done")
def action_done(cid: int, aid: int) -> Response:
    return _update_action(cid, aid, "done")


@bp.post("/committees/<int:cid>/actions/<int:aid>/drop")
def action_drop(cid: int, aid: int) -> Response:
    return _update_action(cid, aid, "drop")


# --- documents ---


@bp.get("/committees/<int:cid>/documents")
def documents(cid: int) -> Response:
    with reading() as work:
        committee = committee_or_404(work, cid)
        groups: dict[str, list[catalogue.Entry]] = {}
        for entry in catalogue.entries(work.session, committee):
            groups.setdefault(entry.kind, []).append(entry)
        return render("web/records/documents.html", committee=committee, groups=groups)


@bp.get("/committees/<int:cid>/documents/<kind>.<fmt>")
def document(cid: int, kind: str, fmt: str) -> Response:
    from governance.services.documents.output import FORMATS, render_document

    ref = request.args.get("ref", "")
    if fmt not in FORMATS:
        abort(404)
    with reading() as work:
        committee = committee_or_404(work, cid)
        # Only what the committee's list shows: another committee's reference is a 404.
        entry = catalogue.entry(work.session, committee, kind, ref)
        rendered = render_document(work.session, entry.kind, entry.ref, g.lang, fmt)
    return file_response(rendered.data, rendered.media_type, rendered.filename)


# --- the audit log ---


def _audit_context(work: UnitOfWork, committee: Committee, page: str | None) -> dict[str, Any]:
    log = audit_log.committee_log(work.session, committee, page=page)
    rows = audit_log.with_labels(log.rows, core().engine.definitions, g.lang)
    return {"committee": committee, "log": log, "rows": rows, "verification": None}


@bp.get("/committees/<int:cid>/audit")
def audit(cid: int) -> Response:
    with reading() as work:
        committee = committee_or_404(work, cid)
        try:
            context = _audit_context(work, committee, request.args.get("page"))
        except InvalidInput as exc:
            context = _audit_context(work, committee, None)
            return refused(exc, AUDIT, form=request.args.to_dict(), **context)
        return render(AUDIT, **context)


@bp.post("/committees/<int:cid>/audit/verify")
def audit_verify(cid: int) -> Response:
    """Verify the chain now (reads only: the result is the page, not a redirect)."""
    with reading() as work:
        committee = committee_or_404(work, cid)
        context = _audit_context(work, committee, None)
        context["verification"] = audit_log.verify_chain(work.session, g.lang)
        return render(AUDIT, **context)


# --- workflow diagrams ---


@bp.get("/workflows")
def workflows() -> Response:
    lang = g.lang
    definitions = sorted(core().engine.definitions.values(), key=lambda d: d.name)
    shown = [
        {
            "name": d.name,
            "description": d.description,
            "initial": d.label(d.initial, lang),
            "final": [d.label(s, lang) for s in d.final_states],
            "states": [d.label(s, lang) for s in d.states],
            # The SVG escapes every label itself (drawing.svg).
            "svg": Markup(drawing.svg(d, lang, title=t("records.workflows.diagram", name=d.name))),
            "transitions": drawing.transitions_table(d, lang),
        }
        for d in definitions
    ]
    return render("web/records/workflows.html", workflows=shown)
