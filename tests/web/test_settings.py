"""The [web] table: clear errors for bad values, the environment overrides the file."""

from __future__ import annotations

import pytest

from governance.config import load_settings
from governance.errors import ConfigurationError
from governance.web.settings import WebSettings, web_settings


def settings_from(tmp_path, text: str, environ: dict[str, str] | None = None):
    config = tmp_path / "gremium.toml"
    config.write_text(text, encoding="utf-8")
    return load_settings(str(config), environ or {})


def test_the_web_table_is_read_with_its_defaults(tmp_path):
    settings = settings_from(tmp_path, '[web]\nbase_url = "https://gremium.example.org"\n')
    assert web_settings(settings, {}) == WebSettings(base_url="https://gremium.example.org")
    assert web_settings(settings, {}).idle_lifetime.total_seconds() == 7200


def test_the_environment_overrides_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("GREMIUM_WEB_TRUSTED_PROXIES", "2")
    settings = settings_from(tmp_path, "[web]\ntrusted_proxies = 1\n")
    assert web_settings(settings).trusted_proxies == 2


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ('base_url = "gremium.example.org"', "web.base_url muss eine Adresse mit http://"),
        ('base_url = "ftp://gremium.example.org"', "nicht „ftp://gremium.example.org“"),
        ("trusted_proxies = -1", "„web.trusted_proxies“ muss mindestens 0 sein"),
        ('trusted_proxies = "zwei"', "„web.trusted_proxies“ muss eine Zahl sein"),
        ("trusted_proxies = true", "„web.trusted_proxies“ muss eine Zahl sein"),
        ("session_idle_minutes = 0", "„web.session_idle_minutes“ muss mindestens 1 sein"),
        (
            "sesion_hours = 8",
            "unbekannte Einstellung(en) in [web]: sesion_hours; erlaubt: base_url",
        ),
    ],
)
def test_a_bad_value_is_refused_with_what_is_allowed(tmp_path, table, says):
    with pytest.raises(ConfigurationError) as refused:
        settings_from(tmp_path, f"[web]\n{table}\n")
    assert says in refused.value.message("de")
    assert "gremium.toml" in refused.value.message("de")


def test_web_must_be_a_table(tmp_path):
    with pytest.raises(ConfigurationError) as refused:
        settings_from(tmp_path, 'web = "on"\n')
    assert "web" in refused.value.message("en")
