"""The committee's agreement (``/committees/<cid>/agreement``): its versions, the
parties and their signatures, and the agreement document of a version as HTML
and PDF; and a form for every step of its life, each over the service function
the command line calls (``gremium agreement create|amend|schedule|open|sign|
ceremony|remind|terminate``): the chair creates the agreement (text typed in or
uploaded as a UTF-8 file), opens it for signature, puts an amendment to the
committee, terminates a version; chair and secretariat draft amendments, record
signatures given on paper (one, or many at a signing ceremony) and remind the
parties that have not signed yet. Who sees which form follows the permission
table; the service refuses whatever else is sent.
"""

from __future__ import annotations

from typing import Any

from flask import abort, g, request
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from governance.clock import BERLIN
from governance.errors import GremiumError
from governance.models import SignatureMethod
from governance.services import agreement_views, agreements, committee_views
from governance.services.agreement_workflow import OPEN_STATES
from governance.web.committees import bp, refused_here, state_labels
from governance.web.front import (
    committee_or_404,
    reading,
    redirect_to,
    render,
    t,
    uow,
)
from governance.web.responses import file_response

SIGN_FIELDS = ("organisation", "signatory", "signed_on", "place", "method", "text_sha256")
PAGE = "web/committees/agreement.html"


def _context(cid: int, version_ref: str | None, failed: str | None = None) -> dict[str, Any]:
    """The page; *failed*: the form whose refusal it shows (its message stands next to it)."""
    with reading() as work:
        committee = committee_or_404(work, cid)
        page = committee_views.committee_page(work, committee)
        versions, version = agreement_views.agreement_page(work.session, committee, version_ref)
        labels = state_labels(work, "agreement")
        today = work.today
        # the amendment form starts from the wording in force
        version_text = (
            agreement_views.version_by_ref(work.session, version["id"], committee).text
            if version is not None and version["state"] == "in_force"
            else ""
        )
    if version is not None:
        pending = [
            (p["organisation"], f"{p['name']} ({p['organisation']})")
            for p in version["parties"]
            if not p["signed"]
        ]
        version["pending_options"] = pending
        # a partner signs for their own organisation only, today
        version["own_options"] = [o for o in pending if o[0] in page.my_organisations]
    states = {v["state"] for v in versions}
    in_force = "in_force" in states
    unfinished = bool(states & set(OPEN_STATES))
    return {
        "page": page,
        "versions": versions,
        "version": version,
        "state_labels": labels,
        "methods": [(m.value, t(f"signature.method.{m.value}")) for m in SignatureMethod],
        "today": today,
        # which forms the page offers (the services decide; this only spares useless forms)
        "may_create": "agreement.create" in page.allowed and not in_force and not unfinished,
        "may_amend": "agreement.draft" in page.allowed and in_force and not unfinished,
        "in_force": in_force,
        "max_text": agreements.MAX_TEXT,
        "version_text": version_text,
        "failed": failed,
    }


@bp.get("/committees/<int:cid>/agreement")
def agreement(cid: int) -> Response:
    return render(
        "web/committees/agreement.html", **_context(cid, request.args.get("version") or None)
    )


@bp.post("/committees/<int:cid>/agreement/<int:vid>/signatures")
def agreement_sign(cid: int, vid: int) -> Response:
    typed = {name: request.form.get(name, "") for name in SIGN_FIELDS}
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            signature = agreements.sign(work, vid, committee=committee, **typed)
            done = t(
                "web.committee.agreement.signed",
                organisation=signature.organisation.short_name,
                signatory=signature.signatory.name,
            )
    except GremiumError as exc:
        return refused_here(exc, PAGE, **_context(cid, str(vid), failed="sign"))
    return redirect_to("committees.agreement", cid=cid, version=vid, done=done)


def _typed_text() -> str:
    """The agreement's text: the uploaded file if one was chosen (the form says so: the
    amendment's text field starts with the wording in force), else the text typed in."""
    upload: FileStorage | None = request.files.get("text_file")
    if upload is None or not upload.filename:
        return request.form.get("text", "")
    # Read one byte more than a text may have: a longer file is refused without reading it all.
    data = upload.stream.read(agreements.MAX_FILE_BYTES + 1)
    return agreements.text_from_bytes(data, upload.filename)


@bp.post("/committees/<int:cid>/agreement")
def agreement_create(cid: int) -> Response:
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            version = agreements.create_agreement(
                work, committee, title=request.form.get("title", ""), text=_typed_text()
            )
            vid = version.id
            done = t(
                "web.agreement.created",
                ref=agreements.ref_of(version),
                chars=len(version.text),
            )
    except GremiumError as exc:
        return refused_here(exc, PAGE, **_context(cid, None, failed="create"))
    return redirect_to("committees.agreement", cid=cid, version=vid, done=done)


@bp.post("/committees/<int:cid>/agreement/<int:vid>/amend")
def agreement_amend(cid: int, vid: int) -> Response:
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            version = agreements.amend(work, vid, text=_typed_text(), committee=committee)
            new_id = version.id
            done = t("web.agreement.amended", ref=agreements.ref_of(version))
    except GremiumError as exc:
        return refused_here(exc, PAGE, **_context(cid, str(vid), failed="amend"))
    return redirect_to("committees.agreement", cid=cid, version=new_id, done=done)


@bp.post("/committees/<int:cid>/agreement/<int:vid>/schedule")
def agreement_schedule(cid: int, vid: int) -> Response:
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            item = agreements.schedule(work, vid, committee=committee)
            version = agreements.version_by_ref(work.session, vid, committee)
            if item is not None:
                where = t(
                    "agreement.amendment.item",
                    top=item.position,
                    meeting=item.meeting.title,
                    day=item.meeting.starts_at.astimezone(BERLIN).date().isoformat(),
                )
            else:
                where = t("agreement.amendment.no_meeting")
            done = t(
                "web.agreement.scheduled",
                ref=agreements.ref_of(version),
                majority=t(f"majority.{committee.rules.amendment_majority.value}"),
                where=where,
            )
    except GremiumError as exc:
        return refused_here(exc, PAGE, **_context(cid, str(vid), failed="schedule"))
    return redirect_to("committees.agreement", cid=cid, version=vid, done=done)


@bp.post("/committees/<int:cid>/agreement/<int:vid>/open")
def agreement_open(cid: int, vid: int) -> Response:
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            version = agreements.open_for_signature(
                work,
                vid,
                effective_from=request.form.get("effective_from") or None,
                committee=committee,
            )
            done = t(
                "web.agreement.opened",
                ref=agreements.ref_of(version),
                parties=len(version.parties),
            )
    except GremiumError as exc:
        return refused_here(exc, PAGE, **_context(cid, str(vid), failed="open"))
    return redirect_to("committees.agreement", cid=cid, version=vid, done=done)


def _ceremony_signatures(method: str) -> list[tuple[str, str, str]]:
    """The signatures of the ceremony form: a row per pending party, its signatory's
    address; a row left empty is a party that did not sign there."""
    rows = []
    for key, organisation in request.form.items():
        if not key.startswith("party_"):
            continue
        signatory = request.form.get("signatory_" + key.removeprefix("party_"), "").strip()
        if signatory:
            rows.append((organisation, signatory, method))
    return rows


@bp.post("/committees/<int:cid>/agreement/<int:vid>/ceremony")
def agreement_ceremony(cid: int, vid: int) -> Response:
    form = request.form
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            signatures = _ceremony_signatures(
                form.get("ceremony_method") or SignatureMethod.INK.value
            )
            agreements.record_ceremony(
                work,
                vid,
                held_on=form.get("held_on", ""),
                place=form.get("ceremony_place", ""),
                signatures=signatures,
                text_sha256=form.get("text_sha256") or None,
                committee=committee,
            )
            version = agreements.version_by_ref(work.session, vid, committee)
            label = work.engine.definitions["agreement"].label(version.state, work.lang)
            done = t(
                "web.agreement.ceremony_recorded",
                count=len(signatures),
                ref=agreements.ref_of(version),
                state=label,
            )
    except GremiumError as exc:
        return refused_here(exc, PAGE, **_context(cid, str(vid), failed="ceremony"))
    return redirect_to("committees.agreement", cid=cid, version=vid, done=done)


@bp.post("/committees/<int:cid>/agreement/<int:vid>/remind")
def agreement_remind(cid: int, vid: int) -> Response:
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            count = agreements.remind(work, vid, committee=committee)
            done = t("agreement.cli.reminded", count=count)
    except GremiumError as exc:
        return refused_here(exc, PAGE, **_context(cid, str(vid), failed="remind"))
    return redirect_to("committees.agreement", cid=cid, version=vid, done=done)


@bp.post("/committees/<int:cid>/agreement/<int:vid>/terminate")
def agreement_terminate(cid: int, vid: int) -> Response:
    form = request.form
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            version = agreements.terminate(
                work,
                vid,
                on=form.get("ended_on", ""),
                reason=form.get("reason", ""),
                committee=committee,
            )
            done = t(
                "agreement.cli.terminated",
                ref=agreements.ref_of(version),
                date=version.ended_on.isoformat() if version.ended_on else "",
            )
    except GremiumError as exc:
        return refused_here(exc, PAGE, **_context(cid, str(vid), failed="terminate"))
    return redirect_to("committees.agreement", cid=cid, version=vid, done=done)


@bp.get("/committees/<int:cid>/agreement/<int:vid>/document.<kind>")
def agreement_document_view(cid: int, vid: int, kind: str) -> Response:
    """The agreement document of version *vid*: HTML to read, PDF to download."""
    # Imported here: WeasyPrint takes seconds to load, which no other page should wait for.
    from governance.services.documents.output import render_document

    if kind not in ("html", "pdf"):
        abort(404)
    with reading() as work:
        committee = committee_or_404(work, cid)
        committee_views.roles_and_allowed(work, committee)
        version = agreement_views.version_by_ref(work.session, vid, committee)
        document = render_document(work.session, "agreement", str(version.id), g.lang, kind)
    return file_response(
        document.data, document.media_type, document.filename, inline=kind == "html"
    )
