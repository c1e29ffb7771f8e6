"""Serving the web application with gunicorn: ``gremium web``.

gunicorn's ``gthread`` workers: each worker process serves several requests
at once in threads (the unit of work is synchronous, like SQLAlchemy's
sessions; a thread per request in flight). The workers build the app
after the fork (:meth:`GremiumServer.load`), so each has its own database
connections; the master only checks the configuration and the schema
first, so a mistake is one line before any worker starts.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped, unused-ignore]

from governance.config import Settings


@dataclasses.dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    threads: int = 4
    """Requests one worker serves at once."""
    timeout: int = 60
    """A request running longer than this (seconds) gets its worker restarted."""


class GremiumServer(BaseApplication):  # type: ignore[misc, unused-ignore]
    """gunicorn configured in code (no gunicorn.conf.py, no WSGI module path)."""

    def __init__(self, settings: Settings, options: ServeOptions) -> None:
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        o = self.options
        values: dict[str, Any] = {
            "bind": [f"[{o.host}]:{o.port}" if ":" in o.host else f"{o.host}:{o.port}"],
            "workers": o.workers,
            "worker_class": "gthread",
            "threads": o.threads,
            "timeout": o.timeout,
            "graceful_timeout": 20,
            "preload_app": False,
            # No access log: the path of a sign-in link is its secret.
            "accesslog": None,
            "errorlog": "-",
            "proc_name": "gremium-web",
            # Forwarded headers are believed by ProxyFix alone, as far as [web]
            # trusted_proxies says: gunicorn itself would take X-Forwarded-Proto from
            # any client on 127.0.0.1.
            "forwarded_allow_ips": "",
        }
        for key, value in values.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        # In the worker, after the fork: its own engine, connections and clock.
        from governance.web.app import create_app

        return create_app(self.settings)


def serve(settings: Settings, options: ServeOptions) -> None:
    """Run gunicorn until it is stopped (Ctrl+C, SIGTERM)."""
    GremiumServer(settings, options).run()
