"""Each test's own folder for what the harness places for it: the audit chain's key file.

The application keeps the key next to a SQLite file, else in the working folder
(``Settings.audit_key_path``). Every test of a run shares the working folder, so on
PostgreSQL the harness names a key file in the running test's own folder
(its ``tmp_path``): ``make_app`` (tests/conftest.py) puts it in the settings,
``tests.cli_in_process`` in the command's environment. tests/conftest.py sets the
running test (an autouse fixture) and fails a test after which the working folder
holds a new or changed ``audit.key``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url

KEY_FILE = "audit.key"

_current: list[tuple[Callable[[], Path], Path]] = []
"""The running test's folder (made when first asked for) and the run's working folder;
nothing between tests."""


def enter(folder: Callable[[], Path], working: Path) -> None:
    _current[:] = [(folder, working)]


def leave() -> None:
    _current.clear()


def audit_key_file(url: str) -> str | None:
    """The key file for an installation on *url* in a test: None on a SQLite file (the
    application's default, next to the file, is in the test's folder) or where the test
    changed into a folder of its own (the default, the working folder, is then its own),
    else ``audit.key`` in the running test's own folder."""
    if make_url(url).get_backend_name() == "sqlite":
        return None
    if _current and Path.cwd() != _current[0][1]:
        return None
    if not _current:
        raise RuntimeError(
            f"no running test to keep the audit key of {make_url(url).render_as_string()} for: "
            "outside a test, name audit_key_file in the settings"
        )
    return str(_current[0][0]() / KEY_FILE)
