"""Every message exists in German and English with the same placeholders, and
every guard the shipped workflows use can be named to a user."""

from __future__ import annotations

import string

import pytest

from governance.bootstrap import load_workflows
from governance.i18n import CATALOGUE, translate
from governance.workflow.registry import REGISTRY


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(entry) == {"de", "en"}, key
    assert placeholders(entry["de"]) == placeholders(entry["en"]), key


def test_every_guard_of_the_shipped_workflows_has_a_label():
    definitions = load_workflows()
    used = {g for d in definitions.values() for t in d.transitions for g in t.conditions}
    negated = {g for d in definitions.values() for t in d.transitions for g in t.unless}
    missing = [f"guard.{g}" for g in used if f"guard.{g}" not in CATALOGUE]
    missing += [f"guard.not.{g}" for g in negated if f"guard.not.{g}" not in CATALOGUE]
    assert not missing
    assert used | negated <= set(REGISTRY.guards)


def test_german_is_the_default():
    assert translate("role.chair") == "Vorsitz"
    assert translate("role.chair", "en") == "chair"
