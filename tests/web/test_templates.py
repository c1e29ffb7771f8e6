"""Rules every page template keeps (templates/web/, all features): what the
Content-Security-Policy forbids is not written, every changing form carries its
CSRF token, every template compiles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from governance.resources import templates_dir
from governance.web.rendering import web_environment

WEB = Path(templates_dir()) / "web"
TEMPLATES = sorted(p.relative_to(WEB.parent).as_posix() for p in WEB.rglob("*.html"))
FORMS = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)


def source(name: str) -> str:
    return (WEB.parent / name).read_text(encoding="utf-8")


def test_the_layout_and_the_macros_are_there():
    assert {"web/base.html", "web/_macros.html", "web/error.html"} <= set(TEMPLATES)


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_inline_style_or_script(name):
    text = source(name)
    assert not re.search(r"\sstyle\s*=", text, re.I), f"{name}: style= (use gremium.css)"
    assert not re.search(r"<style\b", text, re.I), f"{name}: <style> (use gremium.css)"
    for tag in re.findall(r"<script\b[^>]*>", text, re.I):
        assert "src=" in tag, f"{name}: inline <script> (use a file under static/)"
    assert not re.search(r"\son[a-z]+\s*=", text, re.I), f"{name}: an inline event handler"


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_changing_form_carries_its_csrf_token(name):
    for form in FORMS.findall(source(name)):
        opening = form[: form.index(">") + 1].lower()
        if 'method="post"' in opening:
            assert "csrf_field()" in form, f"{name}: a POST form without {{{{ csrf_field() }}}}"
        else:
            assert 'method="get"' in opening, f"{name}: a form without method=get/post"


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_compiles(name):
    for lang in ("de", "en"):
        web_environment(lang).get_template(name)
