"""The document kinds Gremium prints, by name.

A kind is a template pair ``templates/documents/<name>.{de,en}.html`` and a
function that builds its context from the database for an ID given on the
command line. To add one: write the context function (a module named after
the concept), add a line here, add both templates and run
``python -m tests.golden.regenerate``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from governance.documents.templates import template_of
from governance.errors import InvalidInput, check_language
from governance.services.documents import (
    accession_declaration,
    agreement,
    annual_report,
    attendance_list,
    decisions_register,
    invitation,
    minutes,
)

Loader = Callable[[Session, str], dict[str, Any]]


@dataclasses.dataclass(frozen=True)
class DocumentKind:
    name: str
    load: Loader
    """Build the context for the ID the user gave; raises NotFound for an unknown ID."""

    def template(self, lang: str) -> str:
        return template_of(self.name, lang)


KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind("agreement", agreement.load),
        DocumentKind("accession_declaration", accession_declaration.load),
        DocumentKind("invitation", invitation.load),
        DocumentKind("minutes", minutes.load),
        DocumentKind("attendance_list", attendance_list.load),
        DocumentKind("decisions_register", decisions_register.load),
        DocumentKind("annual_report", annual_report.load),
    )
}


def kind_by_name(name: str) -> DocumentKind:
    try:
        return KINDS[name]
    except KeyError:
        raise InvalidInput(
            "documents.error.unknown_kind", value=name, allowed=", ".join(sorted(KINDS))
        ) from None


def load_html(session: Session, kind: str, ref: str, lang: str = "de") -> str:
    """Look up *ref* for document *kind* and render it as HTML."""
    from governance.documents.rendering import render_html  # WeasyPrint loads on first use

    document_kind = kind_by_name(kind)
    check_language(lang)
    return render_html(document_kind.name, document_kind.load(session, ref), lang)
