"""The committee's agreement (``/committees/<cid>/agreement``): its versions, the
parties and their signatures, recording a signature given on paper (chair,
secretariat: what ``gremium agreement sign`` does), and the agreement document
of a version as HTML and PDF.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import abort, g, request
from werkzeug.wrappers import Response

from governance.errors import GremiumError
from governance.models import SignatureMethod
from governance.services import agreement_views, agreements, committee_views
from governance.templating import format_date_long
from governance.web.committees import bp, state_labels
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

SIGN_FIELDS = ("organisation", "signatory", "signed_on", "place", "method", "text_sha256")


def _context(cid: int, version_ref: str | None) -> dict[str, Any]:
    with reading() as work:
        committee = committee_or_404(work, cid)
        page = committee_views.committee_page(work, committee)
        versions, version = agreement_views.agreement_page(work.session, committee, version_ref)
        labels = state_labels(work, "agreement")
        today = work.today
    if version is not None:
        for party in version["parties"]:
            # The party said (by its link) that the signed page is on its way.
            sent = party.get("paper_on_its_way")
            party["paper_note"] = (
                t(
                    "signature.web.paper_on_its_way",
                    at=format_date_long(dt.datetime.fromisoformat(sent), g.lang),
                )
                if sent
                else None
            )
        pending = [
            (p["organisation"], f"{p['name']} ({p['organisation']})")
            for p in version["parties"]
            if not p["signed"]
        ]
        version["pending_options"] = pending
        # a partner signs for their own organisation only, today
        version["own_options"] = [o for o in pending if o[0] in page.my_organisations]
    return {
        "page": page,
        "versions": versions,
        "version": version,
        "state_labels": labels,
        "methods": [(m.value, t(f"signature.method.{m.value}")) for m in SignatureMethod],
        "today": today,
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
        return refused(exc, "web/committees/agreement.html", **_context(cid, str(vid)))
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
