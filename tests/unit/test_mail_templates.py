"""Every notification has its six templates, renders in German and English
with its documented context, and has a one-line subject."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from governance.mail.catalogue import NOTIFICATIONS
from governance.mail.examples import EXAMPLES, example
from governance.mail.rendering import render_notification
from governance.resources import templates_dir

MAIL = templates_dir() / "mail"
FILES = ("subject.{}.txt", "body.{}.txt", "body.{}.html")


def test_the_catalogue_the_template_folders_and_the_examples_name_the_same_notifications():
    folders = {p.name for p in MAIL.iterdir() if p.is_dir() and not p.name.startswith("_")}
    assert folders == set(NOTIFICATIONS) == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(NOTIFICATIONS))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_notification_renders_with_a_one_line_subject(name, lang):
    for file in FILES:
        assert (MAIL / name / file.format(lang)).is_file()
    raw_subject = (MAIL / name / f"subject.{lang}.txt").read_text(encoding="utf-8")
    assert len(raw_subject.strip().splitlines()) == 1
    rendered = render_notification(name, example(name), lang)
    assert rendered.subject and "\n" not in rendered.subject
    assert rendered.text.startswith(
        "Guten Tag Anna Müller," if lang == "de" else "Dear Anna Müller,"
    )
    assert "Kooperationsgremium Stadtteil-" in rendered.html
    assert "{{" not in rendered.text + rendered.html


def test_a_missing_value_raises_instead_of_mailing_a_blank():
    context = example("signature_request")
    del context["organisation"]
    with pytest.raises(jinja2.UndefinedError, match="organisation"):
        render_notification("signature_request", context, "de")


def test_user_text_is_escaped_in_html_and_plain_in_text():
    context = example("accession_received")
    context["motivation"] = "<script>alert('x')</script> & <b>mehr</b>"
    rendered = render_notification("accession_received", context, "de")
    assert (
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;mehr&lt;/b&gt;"
        in rendered.html
    )
    assert "<script>" not in rendered.html
    assert "<script>alert('x')</script> & <b>mehr</b>" in rendered.text


def test_a_subject_with_a_line_break_in_user_data_stays_one_line():
    context = example("accession_received")
    context["organisation"] = "Kiez e. V.\r\nBcc: alle@example.org"
    subject = render_notification("accession_received", context, "de").subject
    assert subject == "Neuer Beitrittsantrag: Kiez e. V. Bcc: alle@example.org"


def test_dates_in_the_context_are_shown_the_german_way():
    text = render_notification("invitation", example("invitation"), "de").text
    assert "Beginn:   Mittwoch, 11. März 2026, 10:00 Uhr" in text
    assert "TOP 3  Beitritt NBH Am Fluss (Beschluss) – Dringlichkeitsantrag" in text


def test_the_readme_documents_every_notification():
    readme = (Path(MAIL) / "README.md").read_text(encoding="utf-8")
    for name in NOTIFICATIONS:
        assert f"`{name}`" in readme


def test_an_absent_optional_paragraph_leaves_no_gap():
    context = example("meeting_cancelled")
    context["reason"] = None
    text = render_notification("meeting_cancelled", context, "de").text
    assert "findet nicht statt.\n\nDer Kalendereintrag ist storniert." in text


def test_a_tag_ending_a_line_of_text_keeps_the_line_break_and_a_tag_line_of_its_own_vanishes():
    from governance.templating.standalone_tags import keep_line_breaks_after_inline_tags

    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    source = keep_line_breaks_after_inline_tags(
        "A: {{ a }}{% if n %} ({{ n }}){% endif %}\nB: {{ b }}\n{% if c %}\nC: {{ c }}\n{% endif %}\nD\n"
    )
    assert env.from_string(source).render(a=1, n=None, b=2, c=3) == "A: 1\nB: 2\nC: 3\nD\n"
    assert env.from_string(source).render(a=1, n=5, b=2, c=None) == "A: 1 (5)\nB: 2\nD\n"
