"""Where the shipped workflow definitions and templates are.

In a wheel they are package data under governance/_data/; in a checkout
(editable install, tests) they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from this installation of gremium")


def workflows_dir() -> Path:
    return _find("workflows")


def templates_dir() -> Path:
    return _find("templates")
