"""The [web] table of the configuration, checked when the configuration is loaded.

::

    [web]
    base_url = "https://gremium.ba-tk.example.org"   # links in mails (sign-in, action links) point here
    trusted_proxies = 1          # reverse proxies in front whose X-Forwarded-For/-Proto/-Host
                                 # are believed (0: none, the server faces the clients)
    session_hours = 12           # a session ends this long after signing in, however active
    session_idle_minutes = 120   # … or this long after its last request
    page_cache_mb = 32           # rendered pages kept per server process (0: none)

Every key can also be set as GREMIUM_WEB_<KEY> (e.g. GREMIUM_WEB_BASE_URL).
Links in mails never take the host a request names (a forged Host header
would otherwise send a person's sign-in link to another site): without
``base_url``, ``gremium web`` uses the address it listens on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from typing import Any, NoReturn, Protocol
from urllib.parse import urlsplit

from governance.config_tables import read_table, refuse


class Settings(Protocol):
    """What the web reads of the installation's settings (``governance.config.Settings``),
    named here so that the configuration, which checks [web] with this module when it
    loads, and the web do not import each other."""

    @property
    def web(self) -> Mapping[str, Any]: ...

    @property
    def source(self) -> str: ...


@dataclasses.dataclass(frozen=True)
class WebSettings:
    base_url: str | None = None
    """The site's address as people reach it (scheme, host, optional port and path)."""
    trusted_proxies: int = 0
    """How many reverse proxies in front of the server set X-Forwarded-* headers."""
    session_hours: float = 12.0
    session_idle_minutes: int = 120
    page_cache_mb: int = 32
    """Memory per server process for rendered pages (governance/web/page_cache.py); 0: off."""

    @property
    def session_lifetime(self) -> dt.timedelta:
        return dt.timedelta(hours=self.session_hours)

    @property
    def idle_lifetime(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.session_idle_minutes)


_FIELDS = {f.name: f for f in dataclasses.fields(WebSettings)}


def web_settings(settings: Settings, environ: Mapping[str, str] | None = None) -> WebSettings:
    """The checked [web] table of *settings* (with GREMIUM_WEB_* from *environ*)."""
    environ = os.environ if environ is None else environ
    values = read_table(settings, "web", _FIELDS, environ)
    result = WebSettings(**values)
    if result.base_url is not None:
        parts = urlsplit(result.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
            _refuse(settings, "web_base_url", value=result.base_url)
    if result.trusted_proxies < 0:
        _refuse(settings, "minimum", key="web.trusted_proxies", minimum=0)
    if result.session_hours <= 0:
        _refuse(settings, "minimum", key="web.session_hours", minimum="0.1")
    if result.session_idle_minutes < 1:
        _refuse(settings, "minimum", key="web.session_idle_minutes", minimum=1)
    if result.page_cache_mb < 0:
        _refuse(settings, "minimum", key="web.page_cache_mb", minimum=0)
    return result


def _refuse(settings: Settings, problem: str, **params: Any) -> NoReturn:
    refuse(settings.source, problem, **params)
