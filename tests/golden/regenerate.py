"""Regenerate the golden documents after an intentional template change:

    python -m tests.golden.regenerate

Then read the diff (``git diff tests/golden``) before committing it: the
golden files are what reviewers agreed a partner gets to read.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from governance import clock_store
from governance.services.documents.kinds import KINDS, load_html
from tests.golden.scenario import Scenario, complete

GOLDEN = Path(__file__).resolve().parent / "documents"
LANGUAGES = ("de", "en")


def references(scenario: Scenario) -> dict[str, str]:
    """The ID of every document kind in the example scenario."""
    return {
        "agreement": scenario.version_ref,
        "accession_declaration": str(scenario.application_id),
        "invitation": str(scenario.meeting_id),
        "minutes": str(scenario.meeting_id),
        "attendance_list": str(scenario.meeting_id),
        "decisions_register": "KG/2026",
        "annual_report": "KG/2026",
    }


def golden_path(kind: str, lang: str) -> Path:
    return GOLDEN / f"{kind}.{lang}.html"


def render_all(scenario: Scenario) -> dict[Path, str]:
    refs = references(scenario)
    missing = set(KINDS) - set(refs)
    if missing:
        raise SystemExit(f"add the example ID of {sorted(missing)} to references() first")
    rendered = {}
    # The annual report of a running year is as of the installation's day: the
    # scenario's simulated clock, stored as `gremium tick` stores it, not the render time.
    clock_store.store_forward(scenario.app.db, scenario.clock.now())
    with scenario.app.db.session() as session:
        for kind in KINDS:
            for lang in LANGUAGES:
                rendered[golden_path(kind, lang)] = load_html(session, kind, refs[kind], lang)
    return rendered


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        scenario = complete(f"sqlite:///{Path(folder) / 'golden.db'}")
        try:
            rendered = render_all(scenario)
        finally:
            scenario.app.db.dispose()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for path, html in sorted(rendered.items()):
        changed = not path.exists() or path.read_text(encoding="utf-8") != html
        path.write_text(html, encoding="utf-8")
        print(f"{'changed' if changed else 'same   '} {path.relative_to(Path.cwd())}")


if __name__ == "__main__":
    main()
