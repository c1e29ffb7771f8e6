"""``gremium`` run in this process, exactly as from a shell (argv in; exit status and
output out), for fixtures that build a database through the CLI. An interpreter start
per command costs seconds on a loaded machine; this costs the command."""

from __future__ import annotations

import contextlib
import io
import os


def run(*argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``gremium argv`` (GREMIUM_* variables ignored)."""
    import governance.cli as cli_module

    out, err = io.StringIO(), io.StringIO()
    cli_module._current_lang = None  # a previous in-process run must not set the language
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("GREMIUM_")}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli_module.main(list(argv))
                code = 0
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else (1 if exit_.code else 0)
    finally:
        os.environ.update(saved)
    return code, out.getvalue(), err.getvalue()


def ok(*argv: str) -> str:
    """The output of ``gremium argv``; fails (naming the command and its error) unless it exits 0."""
    code, out, err = run(*argv)
    assert code == 0, f"gremium {' '.join(argv)} exited {code}: {err or out}"
    return out
