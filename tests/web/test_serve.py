"""`gremium web` really serves: gunicorn in a process of its own on a free port.

Robust on a loaded machine (the suite runs beside other work): the server's output goes
to a file (a pipe nobody reads could fill and stall it), it has two minutes to start,
and every request waits up to 30 s for its answer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.mail_support import free_port

START_TIMEOUT = 120.0
"""Seconds the server may take to answer /healthz (the interpreter, gunicorn and two workers)."""
REQUEST_TIMEOUT = 30.0


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
        return response.status, response.read().decode("utf-8"), dict(response.headers)


def test_gremium_web_serves_healthz_and_the_sign_in_page(tmp_path: Path, world) -> None:
    port = free_port()
    env = {
        **os.environ,
        "GREMIUM_DB": f"sqlite:///{tmp_path / 'gremium.db'}",
        "GREMIUM_MAIL_MAILDIR": str(tmp_path / "mail"),
    }
    env.pop("GREMIUM_CONFIG", None)
    log_path = tmp_path / "web.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "governance", "web", "--port", str(port), "--workers", "2"],
            cwd=tmp_path,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output() -> str:
        return log_path.read_text(encoding="utf-8", errors="replace")

    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                status, body, _ = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:  # refused, reset or timed out: not listening (yet)
                assert process.poll() is None, output()
                assert time.monotonic() < deadline, (
                    f"gremium web did not answer within {START_TIMEOUT:.0f} s:\n{output()}"
                )
                time.sleep(0.1)
        assert (status, body) == (200, "ok")
        status, html, headers = _get(f"http://127.0.0.1:{port}/sign-in", {"Accept-Language": "en"})
        assert status == 200 and "Send sign-in link" in html
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        # Without [web] trusted_proxies nobody's X-Forwarded-Proto is believed (not
        # gunicorn's either): the form cookie is not marked Secure over plain HTTP.
        _, _, headers = _get(f"http://127.0.0.1:{port}/sign-in", {"X-Forwarded-Proto": "https"})
        assert "gremium_form=" in headers["Set-Cookie"]
        assert "Secure" not in headers["Set-Cookie"]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 0, output()
