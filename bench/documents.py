"""Documents: the minutes of a 30-item meeting as HTML (versus raw Jinja2 rendering
the same template with the same context) and as PDF/A."""

from __future__ import annotations

import copy
import tempfile
import time

import jinja2

from bench.common import Result, best_of
from governance.documents import html_to_pdf, render_html
from governance.resources import templates_dir
from governance.services.documents.kinds import kind_by_name
from governance.templating.environment import environment
from tests.golden.scenario import complete

ITEMS = 30


def minutes_context(url: str) -> dict:
    scenario = complete(url)
    with scenario.app.db.session() as session:
        context = kind_by_name("minutes").load(session, str(scenario.meeting_id))
    items = context["items"]
    # The example meeting has a handful of TOPs: repeat them to 30, numbered on.
    context["items"] = [copy.deepcopy(items[n % len(items)]) for n in range(ITEMS)]
    for position, item in enumerate(context["items"], start=1):
        if "position" in item:
            item["position"] = position
    scenario.app.db.dispose()
    return context


def run(runs: int = 5) -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        context = minutes_context(f"sqlite:///{folder}/documents.db")
        setup = time.perf_counter() - started
    kind = kind_by_name("minutes")
    name = kind.template("de")
    ours = environment("de")
    raw_env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    raw_env.filters.update(ours.filters)  # the same date and number formatting
    raw_env.globals.update(ours.globals)
    template = raw_env.get_template(name)
    html = render_html("minutes", context, "de")
    assert template.render(**context) == html, "the baseline must render the same document"
    repeat = 20
    raw_s = best_of(runs, lambda: [template.render(**context) for _ in range(repeat)]) / repeat
    ours_s = (
        best_of(runs, lambda: [render_html("minutes", context) for _ in range(repeat)]) / repeat
    )
    html_to_pdf(html)  # warm: fonts
    pdf_s = best_of(max(2, runs // 2), lambda: html_to_pdf(html))
    return [
        Result(
            "documents",
            f"minutes HTML, {ITEMS} items ({len(html) // 1024} KiB)",
            ours_s * 1000,
            "ms",
            raw_s * 1000,
            "raw Jinja2, same template and context",
            "≤ 2×",
            ours_s <= 2 * raw_s,
        ),
        Result(
            "documents",
            f"minutes PDF/A-3a (tagged, PDF/UA-1), {ITEMS} items",
            pdf_s * 1000,
            "ms",
            target="< 1000 ms",
            met=pdf_s < 1.0,
        ),
        Result("documents", "setup: example year up to the minutes", setup * 1000, "ms"),
    ]
