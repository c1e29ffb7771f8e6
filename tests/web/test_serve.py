"""`gremium web` really serves: gunicorn in a process of its own on a free port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.mail_support import free_port


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, response.read().decode("utf-8"), dict(response.headers)


def test_gremium_web_serves_healthz_and_the_sign_in_page(tmp_path: Path, world) -> None:
    port = free_port()
    env = {
        **os.environ,
        "GREMIUM_DB": f"sqlite:///{tmp_path / 'gremium.db'}",
        "GREMIUM_MAIL_MAILDIR": str(tmp_path / "mail"),
    }
    env.pop("GREMIUM_CONFIG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "governance", "web", "--port", str(port), "--workers", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body, _ = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "gremium web did not answer within 60 s"
                time.sleep(0.2)
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
    assert process.returncode == 0, process.stderr.read().decode()  # type: ignore[union-attr]
