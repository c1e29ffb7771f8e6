"""Every message key is written once: in a dict literal a second entry with the same
key silently replaces the first, so a merge or a copy could change a message unseen
(the catalogues are merged across modules with an overlap check; this is the check
within one module)."""

from __future__ import annotations

import ast
import collections
from pathlib import Path

import pytest

import governance.i18n as i18n

CATALOGUES = sorted(Path(i18n.__file__).parent.glob("*.py"))


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_no_message_key_is_written_twice_in_one_catalogue(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    repeated = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            repeated += [k for k, n in collections.Counter(keys).items() if n > 1]
    assert repeated == [], f"{path.name}: keys written more than once: {repeated}"


def test_every_message_has_german_and_english() -> None:
    missing = [key for key, entry in i18n.CATALOGUE.items() if not {"de", "en"} <= set(entry)]
    assert missing == []
