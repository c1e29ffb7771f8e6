"""``gremium`` run in this process, exactly as from a shell (argv in; exit status and
output out), for fixtures that build a database through the CLI. An interpreter start
per command costs seconds on a loaded machine; this costs the command."""

from __future__ import annotations

import contextlib
import io
import os
import tomllib
from pathlib import Path

from tests import own_folder


def run(*argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``gremium argv`` (GREMIUM_* variables ignored)."""
    import governance.cli as cli_module

    out, err = io.StringIO(), io.StringIO()
    cli_module._current_lang = None  # a previous in-process run must not set the language
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("GREMIUM_")}
    key_file = _audit_key_file(argv)
    if key_file is not None:
        os.environ["GREMIUM_AUDIT_KEY_FILE"] = key_file
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli_module.main(list(argv))
                code = 0
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else (1 if exit_.code else 0)
    finally:
        os.environ.pop("GREMIUM_AUDIT_KEY_FILE", None)
        os.environ.update(saved)
    return code, out.getvalue(), err.getvalue()


def _option(argv: tuple[str, ...], name: str) -> str | None:
    for i, arg in enumerate(argv[:-1]):
        if arg == name:
            return argv[i + 1]
    return next((a.split("=", 1)[1] for a in argv if a.startswith(f"{name}=")), None)


def _audit_key_file(argv: tuple[str, ...]) -> str | None:
    """The running test's own key file for the command's database (tests/own_folder.py),
    unless the command's config file names one (or its database is a SQLite file)."""
    config_file = _option(argv, "--config") or (
        "gremium.toml" if Path("gremium.toml").is_file() else None
    )
    config = tomllib.loads(Path(config_file).read_text("utf-8")) if config_file else {}
    url = _option(argv, "--db") or config.get("database")
    if not url or "audit_key_file" in config:
        return None
    return own_folder.audit_key_file(url)


def ok(*argv: str) -> str:
    """The output of ``gremium argv``; fails (naming the command and its error) unless it exits 0."""
    code, out, err = run(*argv)
    assert code == 0, f"gremium {' '.join(argv)} exited {code}: {err or out}"
    return out
