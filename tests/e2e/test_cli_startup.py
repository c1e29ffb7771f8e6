"""``gremium --help`` imports no command module: the ORM, the workflow engine,
Jinja2 and WeasyPrint are imported by the commands that use them, when they
run (python -m bench --only startup measures the CPU time against
``alembic --help``). A behavioural check of what is imported, not a timing."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys

import click

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
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


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
