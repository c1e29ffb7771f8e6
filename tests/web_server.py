"""`gremium web` as a real server process, for the browser tests and bench/web.py.

The server is started exactly as an operator starts it (``gremium --config
FILE web --host --port --workers``) and is ready when ``/healthz`` answers.
Its output goes to a log file whose tail is shown when it fails to start.
"""

from __future__ import annotations

import dataclasses
import http.client
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.mail_support import free_port

REPO = Path(__file__).resolve().parents[1]


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def write_config(
    path: Path, settings: Mapping[str, Any], **tables: Mapping[str, Any] | None
) -> Path:
    """A gremium.toml with *settings* at the top level and each of *tables* (mail=..., web=...)
    as a table of its own."""
    lines = [f"{key} = {toml_value(value)}" for key, value in settings.items()]
    for name, table in tables.items():
        if table:
            lines += ["", f"[{name}]"] + [f"{k} = {toml_value(v)}" for k, v in table.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without any GREMIUM_* setting of the caller (the config file rules)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")}
    env["PYTHONPATH"] = str(REPO)
    env.update(extra)
    return env


@dataclasses.dataclass
class WebServer:
    process: subprocess.Popen[bytes]
    base_url: str
    port: int
    log: Path

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def healthy(port: int, timeout: float = 1.0) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("GET", "/healthz")
        status = conn.getresponse().status
        conn.close()
        return status == 200
    except OSError:
        return False


def start(
    config: Path,
    *,
    workers: int = 1,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
) -> WebServer:
    """Start ``gremium web`` on a free loopback port; return once /healthz answers 200."""
    port = free_port()
    log = cwd / f"web-{port}.log"
    handle = log.open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "governance",
            "--config",
            str(config),
            "web",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        cwd=cwd,
        env=dict(env) if env is not None else clean_env(),
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    handle.close()
    server = WebServer(process, f"http://127.0.0.1:{port}", port, log)
    deadline = time.monotonic() + timeout
    while not healthy(port):
        if process.poll() is not None:
            raise RuntimeError(
                f"gremium web exited with {process.returncode} before answering /healthz:\n"
                + server.log_tail()
            )
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(
                f"gremium web did not answer /healthz within {timeout:.0f} s:\n" + server.log_tail()
            )
        time.sleep(0.1)
    return server
