"""Each workflow file parsed once per test process instead of once per app.

Every app a test builds (``make_app``, ``create_app``, each in-process ``gremium`` command)
loads the workflow definitions: eight YAML files parsed and validated, 40 ms of CPU each
time, thousands of times a run. The definitions are frozen values made only from the
file's text, the registry and the entities, so :func:`share` keeps what
``parse_definition`` returned for the same text, registry and entities and gives it again:
the same definitions the parse would make, without making them again. A file whose text
changed, another registry (tests of the definitions make their own) or a file that does
not parse is parsed as before (what raises is never kept).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

_kept: dict[tuple[str, str, int, int], tuple[Any, Any, Any]] = {}


def share() -> None:
    from governance.workflow import definition

    parse = definition.parse_definition
    if getattr(parse, "shared", False):
        return

    def parse_once(path: Path, registry: Any, entities: Mapping[str, type]) -> Any:
        text = path.read_text(encoding="utf-8")
        key = (path.name, text, id(registry), id(entities))
        kept = _kept.get(key)
        # The registry and entities themselves are kept with the definition: an id is only
        # unique while its object lives, and a registry may gain actions (then it is another
        # registry here only by identity, but a definition valid before stays valid).
        if kept is not None and kept[0] is registry and kept[1] is entities:
            return kept[2]
        made = parse(path, registry, entities)
        _kept[key] = (registry, entities, made)
        return made

    parse_once.shared = True  # type: ignore[attr-defined]
    definition.parse_definition = parse_once  # type: ignore[assignment]
