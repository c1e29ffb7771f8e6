"""Guards and effects by name: the definitions in workflows/ refer to these.

A guard is a predicate ``(ctx) -> bool`` that must hold for a transition.
An effect is ``(ctx) -> None`` run after the state changed, inside the same
database transaction (it may add rows, queue messages, fire other triggers);
an exception in an effect rolls the whole change back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from governance.workflow.engine import TransitionContext

# Any unit of work: Gremium's own guards and effects take the application's
# (governance.unit_of_work.TransitionContext).
Guard = Callable[["TransitionContext[Any]"], bool]
Effect = Callable[["TransitionContext[Any]"], None]
G = TypeVar("G", bound=Guard)
E = TypeVar("E", bound=Effect)


class Registry:
    def __init__(self) -> None:
        self.guards: dict[str, Guard] = {}
        self.effects: dict[str, Effect] = {}

    def guard(self, name: str) -> Callable[[G], G]:
        def register(fn: G) -> G:
            if name in self.guards:
                raise RuntimeError(f"guard {name!r} registered twice")
            self.guards[name] = fn
            return fn

        return register

    def effect(self, name: str) -> Callable[[E], E]:
        def register(fn: E) -> E:
            if name in self.effects:
                raise RuntimeError(f"effect {name!r} registered twice")
            self.effects[name] = fn
            return fn

        return register


# The one registry the shipped workflows use; modules under governance.services
# register their guards and effects on import (see governance.bootstrap).
REGISTRY = Registry()
guard = REGISTRY.guard
effect = REGISTRY.effect
