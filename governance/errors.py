"""Errors a user can see. Each carries a catalogue key and its parameters,
so the CLI (and later the web app) says it in the user's language.

Raising one of these inside a unit of work rolls the whole change back.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class GremiumError(Exception):
    """An action was refused or input was wrong; nothing was changed."""

    audited: ClassVar[bool] = False
    """Whether a refusal of this kind is written to the audit trail."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        self.audit_context: dict[str, Any] = {}
        """Entity and action the refusal concerns, for its audit record."""
        super().__init__(self.message("en"))

    def message(self, lang: str = "de") -> str:
        from governance.i18n import translate

        params = {k: (v.render(lang) if isinstance(v, Text) else v) for k, v in self.params.items()}
        return translate(self.key, lang, **params)

    def concerning(
        self, *, entity_type: str, entity_id: int | None, action: str, committee_id: int | None
    ) -> Self:
        """Say which entity and action this refusal concerns, for its audit record."""
        self.audit_context = {
            "entity_type": entity_type,
            "entity_id": entity_id,
            "action": action,
            "committee_id": committee_id,
        }
        return self


class Text:
    """A translatable fragment used as a parameter of another message."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        from governance.i18n import translate

        params = {k: (v.render(lang) if isinstance(v, Text) else v) for k, v in self.params.items()}
        return translate(self.key, lang, **params)

    def __repr__(self) -> str:
        return f"Text({self.key!r}, {self.params!r})"


class Joined(Text):
    """Several translatable fragments joined by a separator."""

    def __init__(self, parts: list[Text | str], sep: str = ", ") -> None:
        self.parts = parts
        self.sep = sep

    def render(self, lang: str) -> str:
        return self.sep.join(p.render(lang) if isinstance(p, Text) else p for p in self.parts)


class InvalidInput(GremiumError):
    """Input that is malformed or out of range."""


class NotFound(GremiumError):
    """A referenced organisation, person, committee, ... does not exist."""


class Conflict(GremiumError):
    """The input is well-formed but contradicts what is recorded (duplicate, stale version)."""

    audited = True


class NotPermitted(GremiumError):
    """The acting person may not do this."""

    audited = True


class TransitionRefused(GremiumError):
    """A workflow trigger is not possible in the current state or its conditions do not hold."""

    audited = True

    def __init__(
        self, key: str, /, *, current_state: str, allowed_triggers: list[str], **params: Any
    ) -> None:
        self.current_state = current_state
        self.allowed_triggers = allowed_triggers
        super().__init__(key, **params)


class ConcurrentChange(GremiumError):
    """Someone else changed the same entity in the meantime (optimistic locking)."""


class ConfigurationError(GremiumError):
    """The configuration, a workflow definition or the database URL is unusable."""


class MailServerRefused(GremiumError):
    """The mail server refused the login or TLS: a configuration problem; messages stay queued."""


class TooManyRequests(GremiumError):
    """A limit on how often something may be asked for (sign-in links) was reached."""
