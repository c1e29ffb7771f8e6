"""The packages keep their layers: no import circle, a domain without I/O.

The contracts themselves are in pyproject.toml ([tool.importlinter]); this
runs them with every test run, and lists every remaining circle between the
modules and packages directly under ``governance`` so that no new one slips in.
Imports under TYPE_CHECKING count: they are knowledge of the other side too.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]

# Circles between top-level parts of governance that are still there, with why
# they are not broken yet. Remove a line when its circle is gone (the test says so).
KNOWN_CIRCLES = {
    (
        "governance.bootstrap",
        "governance.services",
    ): "the app finds its actor with directory.person_by_email; timers take the App",
    (
        "governance.mail",
        "governance.outbox",
    ): "the outbox renders mails; failure notices queue mails",
    (
        "governance.mail",
        "governance.services",
    ): "mail composition reads services; effects build mails",
    ("governance.outbox", "governance.services"): "queueing checks access; services queue mails",
}


@functools.cache
def _circles() -> frozenset[tuple[str, str]]:
    graph = grimp.build_graph("governance", cache_dir=None)  # a stale cache would hide a circle
    edges: set[tuple[str, str]] = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = ".".join(module.split(".")[:2]), ".".join(imported.split(".")[:2])
            if a != b:
                edges.add((a, b))
    tops = sorted({a for a, _ in edges} | {b for _, b in edges})
    return {
        (a, b) for a, b in itertools.combinations(tops, 2) if (a, b) in edges and (b, a) in edges
    }


def test_the_package_contracts_of_pyproject_hold(capsys):
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert code == 0, capsys.readouterr().out


def test_documents_and_services_and_the_engine_and_the_unit_of_work_form_no_circle():
    circles = _circles()
    assert ("governance.documents", "governance.services") not in circles
    assert ("governance.unit_of_work", "governance.workflow") not in circles


def test_no_new_import_circle_appears_between_the_parts_of_governance():
    circles = _circles()
    new = sorted(circles - set(KNOWN_CIRCLES))
    gone = sorted(set(KNOWN_CIRCLES) - circles)
    assert not new, f"new import circle(s) between packages: {new}"
    assert not gone, f"circle(s) broken, remove them from KNOWN_CIRCLES: {gone}"
