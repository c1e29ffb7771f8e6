"""Loading and validating workflow definitions: every problem names the file and the entry."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from governance.models import Membership
from governance.workflow.definition import DefinitionError, load_definitions
from governance.workflow.registry import Registry

ENTITIES = {"membership": Membership}

GOOD = """\
name: sample
entity: membership
initial: active
states: [active, leaving, left]
final: [left]
transitions:
  - trigger: give_notice
    source: active
    dest: leaving
    conditions: [always]
    effects: [note]
  - trigger: complete
    source: leaving
    dest: left
timers:
  - name: completion
    state: leaving
    trigger: complete
    at: ends_on
    time: "00:00"
labels:
  de: {active: aktiv, leaving: ausscheidend, left: ausgeschieden, give_notice: kündigen, complete: abschließen}
  en: {active: active, leaving: leaving, left: left, give_notice: give notice, complete: complete}
"""


def registry() -> Registry:
    r = Registry()
    r.guard("always")(lambda ctx: True)
    r.effect("note")(lambda ctx: None)
    return r


def load(tmp_path: Path, text: str, name: str = "sample.yaml"):
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return load_definitions(tmp_path, registry(), ENTITIES)


def test_a_good_definition_loads(tmp_path):
    definition = load(tmp_path, GOOD)["sample"]
    assert definition.triggers_from("active") == ["give_notice"]
    assert definition.timers_for("leaving")[0].anchor == "ends_on"
    assert definition.label("give_notice", "de") == "kündigen"


@pytest.mark.parametrize(
    ("change", "entry", "problem"),
    [
        (
            ("conditions: [always]", "conditions: [alwys]"),
            "transitions[0] (trigger 'give_notice')",
            "unknown guard 'alwys'",
        ),
        (
            ("effects: [note]", "effects: [nothing]"),
            "transitions[0] (trigger 'give_notice')",
            "unknown effect 'nothing'",
        ),
        (
            ("trigger: complete\n    at", "trigger: finish\n    at"),
            "timers[0] ('completion')",
            "missing trigger 'finish'",
        ),
        (("at: ends_on", "at: ends_at"), "timers[0] ('completion')", "unknown anchor 'ends_at'"),
        (
            ("at: ends_on", "at: ends_on + fortnight"),
            "timers[0] ('completion')",
            "unknown period 'fortnight'",
        ),
        (("    dest: left\n", "    dest: leaving\n"), "states: left", "unreachable"),
        (
            ("source: leaving\n    dest: left", "source: gone\n    dest: left"),
            "transitions[1] (trigger 'complete')",
            "unknown source state 'gone'",
        ),
        (("complete: complete}", "}"), "labels.en", "no label for: complete"),
        (("entity: membership", "entity: meeting"), "entity", "unknown entity 'meeting'"),
    ],
)
def test_problems_name_the_file_and_the_entry(tmp_path, change, entry, problem):
    old, new = change
    assert old in GOOD
    with pytest.raises(DefinitionError) as err:
        load(tmp_path, GOOD.replace(old, new, 1))
    assert err.value.file == "sample.yaml"
    assert err.value.entry == entry
    assert problem in err.value.problem
    assert "sample.yaml" in err.value.message("de") and entry in err.value.message("en")


def test_a_timer_whose_trigger_is_not_possible_in_its_state_is_refused(tmp_path):
    bad = GOOD.replace(
        "    state: leaving\n    trigger: complete", "    state: active\n    trigger: complete"
    )
    with pytest.raises(DefinitionError, match="not possible in state 'active'"):
        load(tmp_path, bad)


def test_broken_yaml_is_reported_with_the_file(tmp_path):
    with pytest.raises(DefinitionError) as err:
        load(tmp_path, "name: [unclosed\n", name="broken.yaml")
    assert err.value.file == "broken.yaml"


def test_the_same_workflow_twice_is_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(DefinitionError, match="defined twice"):
        load(tmp_path, GOOD, name="b.yaml")
