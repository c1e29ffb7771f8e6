"""Where a document kind's templates are: ``templates/documents/<kind>.<lang>.html``.

Light on purpose (no WeasyPrint): the application layer names its kinds'
templates with it, and the renderer checks a kind against the templates there.
"""

from __future__ import annotations

from pathlib import Path

from governance.errors import InvalidInput
from governance.resources import templates_dir


def documents_dir() -> Path:
    return templates_dir() / "documents"


def template_kinds() -> list[str]:
    """The kinds that have templates (a leading underscore marks a part, not a kind)."""
    return sorted(
        p.name.removesuffix(".de.html")
        for p in documents_dir().glob("*.de.html")
        if not p.name.startswith("_")
    )


def template_of(kind: str, lang: str) -> str:
    """The template of document *kind* in *lang*; an unknown kind is refused with those allowed."""
    if kind not in template_kinds():
        raise InvalidInput(
            "documents.error.unknown_kind", value=kind, allowed=", ".join(template_kinds())
        )
    return f"documents/{kind}.{lang}.html"
