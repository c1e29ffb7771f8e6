"""``gremium web``: the web application for the chair, the secretariat and the partners."""

from __future__ import annotations

import click

from governance.cli.common import CliState


@click.command("web")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Adresse, auf der der Dienst lauscht"
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port")
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker-Prozesse (je 4 Threads)",
)
@click.option(
    "--check",
    is_flag=True,
    help="Nur prüfen (Konfiguration, Datenbank, Anwendung) und beenden",
)
@click.pass_obj
def web(state: CliState, host: str, port: int, workers: int, check: bool) -> None:
    """Weboberfläche bereitstellen (gunicorn mit gthread-Workern).

    Läuft, bis er beendet wird (Strg+C). Links in E-Mails zeigen auf
    ``[web] base_url`` der Konfiguration, ohne sie auf http://HOST:PORT.
    Hinter einem Reverse Proxy: ``[web] trusted_proxies`` (siehe README).
    """
    from governance.i18n import translate
    from governance.web.server import ServeOptions, serve
    from governance.web_settings import web_settings

    settings = state.settings
    # Checked here, once, so that a mistake is one line before any worker starts.
    state.db.require_current_schema()
    state.db.dispose()  # the workers open their own connections after the fork
    if web_settings(settings).base_url is None:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        shown = f"[{shown}]" if ":" in shown else shown
        settings = settings.with_overrides(
            web={**settings.web, "base_url": f"http://{shown}:{port}"}
        )
    base = web_settings(settings).base_url
    if check:
        from governance.web.app import create_app

        create_app(settings).extensions["gremium"].db.dispose()
        click.echo(
            translate("web.cli.ready", state.lang, url=f"http://{host}:{port}/", base_url=base)
        )
        return
    click.echo(
        translate(
            "web.cli.serving",
            state.lang,
            url=f"http://{host}:{port}/",
            workers=workers,
            base_url=base,
        ),
        err=True,
    )
    serve(settings, ServeOptions(host=host, port=port, workers=workers))


COMMANDS = [web]
