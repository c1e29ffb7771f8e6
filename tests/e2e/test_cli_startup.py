"""``gremium --help`` imports no command module: the ORM, the workflow engine,
Jinja2 and WeasyPrint are imported by the commands that use them, when they
run (python -m bench --only startup measures the CPU time against
``alembic --help``). A behavioural check of what is imported, not a timing."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.utils import make_default_short_help

import governance.cli as cli_package
from governance.cli import LAZY_COMMANDS, cli, load_command

HEAVY = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "alembic",
    "weasyprint",
    "jinja2",
    "transitions",
    "babel",
    "apscheduler",
    "governance.models",
    "governance.services",
    "governance.bootstrap",
)

PROBE = """
import json, sys
from governance.cli import main
code = 0
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _run(*args: str) -> tuple[int, set[str]]:
    """Exit status and the modules imported by ``gremium *args`` in a fresh interpreter."""
    # The demo has two committees (KG, KV): KG is its default, as its gremium.toml says.
    env = {**os.environ, "GREMIUM_COMMITTEE": "KG"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120, env=env
    )
    probe = json.loads(result.stderr.strip().splitlines()[-1])
    return probe["code"], set(probe["modules"])


def _imported(*args: str) -> set[str]:
    return _run(*args)[1]


def test_gremium_help_imports_no_command_module_nor_a_heavy_library():
    imported = _imported("--help")
    assert not {name for name in HEAVY if name in imported}
    assert not {
        m for m in imported if m.startswith("governance.cli.") and m != "governance.cli.common"
    }


def test_a_command_imports_its_own_module_only():
    imported = _imported("workflow", "--help")
    assert "governance.cli.workflow" in imported
    assert "governance.cli.meeting" not in imported and "weasyprint" not in imported


def test_meeting_loads_its_series_and_answer_subcommands_only_when_they_are_used():
    imported = _imported("meeting", "--help")
    assert "governance.cli.meeting" in imported
    assert not {"governance.cli.meeting_series", "governance.cli.rsvp"} & imported


def test_meeting_help_lists_its_lazy_subcommands_as_click_lists_loaded_ones():
    from governance.cli.meeting import SUBCOMMANDS, meeting_group

    ctx = click.Context(meeting_group)
    for name, (module, attribute, help_text) in SUBCOMMANDS.items():
        command = getattr(importlib.import_module(module), attribute)
        assert make_default_short_help(help_text, 200) == (command.get_short_help_str(200)), name
        assert meeting_group.get_command(ctx, name) is command


def test_the_listing_of_gremium_help_says_what_each_command_says_of_itself():
    ctx = click.Context(cli)
    for name, (module, short_help) in LAZY_COMMANDS.items():
        assert load_command(name, module).get_short_help_str(limit=60) == short_help, name
    assert cli.list_commands(ctx) == sorted(LAZY_COMMANDS)


def test_every_command_of_every_cli_module_is_reachable():
    """A command added to a module's COMMANDS but not to LAZY_COMMANDS would be lost."""
    for info in pkgutil.iter_modules(cli_package.__path__):
        module = importlib.import_module(f"governance.cli.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            assert command.name in LAZY_COMMANDS, f"{info.name}: {command.name}"


# Read-only listings (issue 11 point 19): what renders mails and documents,
# builds calendars or moves meetings off holidays is imported by the commands
# that do that, not by one that lists or shows what is stored.
RENDERING = ("weasyprint", "jinja2", "markdown_it", "icalendar", "holidays")
READ_ONLY: dict[tuple[str, ...], tuple[str, ...]] = {}

# Read through SQLAlchemy Core (governance/reads): neither the ORM (its mapper
# configuration and our models cost more than `alembic --help` in all) nor the
# workflow engine; state labels come from the definitions' YAML, not from
# `transitions` machines. In text and in --json.
WITHOUT_ORM = ("sqlalchemy.orm", "governance.models", "transitions", "governance.workflow.engine")
CORE_READS = [
    ("org", "list"),
    ("person", "list"),
    ("person", "list", "--org", "Rabenhaus"),
    ("committee", "list"),
    ("committee", "show"),
    ("meeting", "list"),
    ("decisions", "list"),
    ("actions", "list"),
    ("agreement", "list"),
    ("audit", "log"),
    ("timers", "list"),
    ("timers", "list", "--skipped"),
    ("outbox", "list"),
    ("clock", "show"),
    ("meeting", "show", "1"),
    ("agreement", "show", "1"),
    ("minutes", "show", "1"),
    ("audit", "verify"),
    ("programme", "list"),
    ("programme", "show", "GI"),
    ("programme", "overview", "GI"),
    ("area", "show", "stadtrand-sued"),
    ("area", "overview", "stadtrand-sued"),
]
for _args in CORE_READS:
    READ_ONLY[_args] = (*WITHOUT_ORM, "babel")
    if _args != ("audit", "verify"):  # a finding or none: no table to give as JSON
        READ_ONLY[(*_args, "--json")] = (*WITHOUT_ORM, "babel")


# meeting show writes counts ("1 Enthaltung") with governance.counts: without
# Jinja2 (RENDERING), and without Babel for counts below a thousand.
SHOWN_WITH_FORMATTING = ("meeting", "show", "1")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_year: Path) -> Path:
    """The demo year (meetings, minutes, decisions, timers, mails) to list: a copy of the
    run's ``gremium demo --no-documents`` (tests/conftest.py), with its audit key."""
    folder = tmp_path_factory.mktemp("startup") / "demo"
    shutil.copytree(demo_year, folder)
    return folder / "gremium.db"


@pytest.mark.parametrize("args", list(READ_ONLY), ids=" ".join)
def test_a_read_only_command_does_not_import_what_renders_mails_and_documents(
    demo_db: Path, args: tuple[str, ...]
):
    code, imported = _run("--db", f"sqlite:///{demo_db}", *args)
    # audit verify answers 1 when it has a finding: the listing still ran.
    assert code in ((0, 1) if args == ("audit", "verify") else (0,)), code
    assert not {name for name in (*RENDERING, *READ_ONLY[args]) if name in imported}


@pytest.mark.parametrize("args", CORE_READS, ids=" ".join)
def test_a_listing_read_through_core_builds_no_orm_mapper_and_no_workflow_machine(
    demo_db: Path, args: tuple[str, ...]
):
    code, imported = _run("--db", f"sqlite:///{demo_db}", "--lang", "en", *args)
    assert code == 0
    assert "sqlalchemy.orm" not in imported and "transitions" not in imported
    assert "weasyprint" not in imported


def test_showing_a_meeting_builds_no_calendar_and_renders_no_pdf(demo_db: Path):
    code, imported = _run("--db", f"sqlite:///{demo_db}", *SHOWN_WITH_FORMATTING)
    assert code == 0
    assert not {name for name in ("weasyprint", "icalendar", "holidays") if name in imported}
