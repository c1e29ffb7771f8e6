"""The committee's pages: members and roles (``/committees/<cid>``) and the rules of
procedure (``/committees/<cid>/rules``, the chair edits them).

The agreement, accession and withdrawal pages of the committee are views on
the same blueprint in :mod:`governance.web.committee_agreement` and
:mod:`governance.web.committee_members`. Every view finds the committee with
``committee_or_404``: another committee's pages do not exist for the
signed-in person, whatever they send.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request
from werkzeug.wrappers import Response

from governance.errors import GremiumError, NotPermitted
from governance.services import committee_views, directory_views, rules_of_procedure
from governance.services.documents import annual_report
from governance.web.front import (
    committee_or_404,
    reading,
    redirect_to,
    refused,
    render,
    t,
    uow,
)

bp = Blueprint("committees", __name__)


SHOW_PAGE = "web/committees/show.html"


def show_context(cid: int, failed: str | None = None) -> dict[str, Any]:
    """The committee page; with the forms to add a member (the organisations of the
    directory that are not members yet) and a person to the secretariat, for those
    who may; *failed*: the form whose refusal the page shows."""
    with reading() as work:
        committee = committee_or_404(work, cid)
        page = committee_views.committee_page(work, committee)
        report = annual_report.committee_year(work.session.connection(), committee.id, work.today)
        labels = state_labels(work, "membership")
        candidates = []
        if "membership.edit" in page.allowed:
            members = {m.organisation for m in page.members}
            candidates = [
                (o["short_name"], f"{o['name']} ({o['short_name']})")
                for o in directory_views.list_organisations(work.session)
                if o["short_name"] not in members
            ]
    return {
        "page": page,
        "report": report,
        "membership_states": labels,
        "candidates": candidates,
        "roles": [(r, t(f"role.{r}")) for r in ("member", "advisory", "guest", "chair")],
        "voting_choices": [
            ("", t("web.members.voting.default")),
            ("yes", t("cli.yes")),
            ("no", t("cli.no")),
        ],
        "failed": failed,
    }


@bp.get("/committees/<int:cid>")
def show(cid: int) -> Response:
    return render(SHOW_PAGE, **show_context(cid))


def refused_here(exc: GremiumError, template: str, **context: Any) -> Response:
    """:func:`refused`, but 403 when the person may not take the action at all: the
    forms of the agreement, accession and member pages (a partner sending one of
    them learns it is not theirs; a mistake in what was typed stays 422)."""
    response = refused(exc, template, **context)
    if isinstance(exc, NotPermitted):
        response.status_code = 403
    return response


def state_labels(work: Any, workflow: str, *extra: str) -> dict[str, str]:
    """The states of *workflow* (and the *extra* trigger names) in the reader's words."""
    definition = work.engine.definitions[workflow]
    return {name: definition.label(name, work.lang) for name in (*definition.states, *extra)}


def _rules_context(cid: int) -> dict[str, Any]:
    with reading() as work:
        committee = committee_or_404(work, cid)
        return {
            "page": committee_views.committee_page(work, committee),
            "rules": [_rule(rule) for rule in committee_views.rules_of(work, committee)],
        }


def _rule(rule: committee_views.RuleEntry) -> dict[str, Any]:
    """A rule as the page shows it: its choices with their words, its value in words."""
    if rule.kind == "bool":
        options = [("true", t("cli.yes")), ("false", t("cli.no"))]
    elif rule.kind == "Majority":
        options = [(c, t(f"majority.{c}")) for c in rule.choices]
    else:
        options = [(c, t(f"web.committee.rules.choice.{c}")) for c in rule.choices]
    words = dict(options)
    allowed = {"int": "cli.rules.allowed_int", "Fraction": "cli.rules.allowed_fraction"}
    return {
        "name": rule.name,
        "kind": rule.kind,
        "value": rule.value,
        "options": options,
        "shown": words.get(rule.value, rule.value),
        "allowed": t(allowed[rule.kind]) if rule.kind in allowed else "",
    }


@bp.get("/committees/<int:cid>/rules")
def rules(cid: int) -> Response:
    return render("web/committees/rules.html", **_rules_context(cid))


@bp.post("/committees/<int:cid>/rules")
def rules_post(cid: int) -> Response:
    # Every setting of the form as typed; the service checks names, values and permission.
    settings = {
        name: request.form.get(name, "")
        for name in rules_of_procedure.setting_types()
        if name in request.form
    }
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            rules_of_procedure.change_rules(
                work, committee, settings, seen_version=request.form.get("version") or None
            )
    except GremiumError as exc:
        # The page shows the rules as they are now, the form what was typed (not the old version).
        context = _rules_context(cid)
        form = {**request.form.to_dict(), "version": str(context["page"].version)}
        return refused(exc, "web/committees/rules.html", form=form, **context)
    return redirect_to("committees.rules", cid=cid, done=t("web.committee.rules.saved"))


# The other pages of the committee register their views on this blueprint.
from governance.web import committee_agreement, committee_members  # noqa: E402, F401
