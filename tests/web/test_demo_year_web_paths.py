"""Every action the chair or the secretariat takes in the example year has a form in the
browser (issue 13: "a chair and a secretary can run the example committee's year in the
browser without the command line").

The demo year (governance/demo/) acts through ``stage.act(CHAIR | SECRETARIAT, ...)``.
The test reads those calls from the demo's source, finds the functions of the
application layer each one calls, and requires for each a row of ``WEB_PATHS``: the
web endpoint whose form does it. For every row it then checks that the endpoint is
registered for POST and that its view reaches that very function (following the
calls of the view through the web and service modules). A new chair action in the
demo without a form, a form removed, or a view that stops calling its service: the
test fails and names it. The forms themselves are exercised with the test client in
the page tests (test_meeting_pages, test_session_pages, test_minutes_pages,
test_year_forms, test_agreement_pages, test_accession_pages).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import governance.demo
from governance.unit_of_work import UnitOfWork

DEMO_MODULES = ("script", "year", "autumn", "actions")
ACTORS = {"CHAIR", "SECRETARIAT", "CHAIR_EMAIL", "SECRETARIAT_EMAIL"}
"""How the demo names the chair and the secretariat (``CHAIR``, ``tk.SECRETARIAT_EMAIL``)."""

WEB_PATHS: dict[str, str] = {
    # function of the application layer the demo calls -> endpoint of the form that calls it
    # January/February: the agreement and the schedule (committee pages)
    "agreements.open_for_signature": "committees.agreement_open",
    "agreements.record_ceremony": "committees.agreement_ceremony",
    "accession.review": "committees.accession_action",
    "accession.schedule": "committees.accession_action",
    "meeting_series.add_series": "meetings.add_series",
    # before a meeting: the agenda (meeting page)
    "agenda.propose": "meetings.propose",
    "agenda.accept": "meetings.decide",
    "agenda.defer": "meetings.decide",
    "agenda_order.finalize": "meetings.finalize",
    # the meeting in session
    "attendance.record": "in_session.attendance",
    "attendance.add_guest": "in_session.guest",
    "meetings.open_meeting": "in_session.open_meeting",
    "votes.record_vote": "in_session.vote",
    "action_items.add": "in_session.add_action",
    "agenda.mark": "in_session.mark",
    "meetings.close": "in_session.close",
    # the minutes
    "minutes.record_notes": "minutes.notes",
    "minutes.circulate": "minutes.circulate",
    "minutes.resolve": "minutes.resolve",
}

OTHER_PEOPLE: dict[str, str] = {
    # what the partners and the applicant do in the demo year, and where in the browser
    "minutes.object_to": "minutes.object_to",
    "action_items.complete": "records.action_done",
    "accession_declaration.declare": "committees.accession_action",  # accession.declare
}


# --- what the demo does as the chair or the secretariat ---


def _is_action(fn: Any) -> bool:
    """A function of the application layer that acts: its first parameter is the unit of work."""
    if type(fn) is not types.FunctionType or not fn.__module__.startswith("governance.services."):
        return False
    parameters = list(inspect.signature(fn).parameters.values())
    if not parameters:
        return False
    first = parameters[0]
    return first.name == "uow" or first.annotation in (UnitOfWork, "UnitOfWork")


def _resolve(node: ast.expr, names: dict[str, Any]) -> Any:
    """The module or function ``a`` or ``a.b`` names in a module whose globals are *names*
    (anything else, e.g. Flask's request proxies, is None)."""
    found: Any = None
    if isinstance(node, ast.Name):
        found = names.get(node.id)
    elif isinstance(node, ast.Attribute):
        owner = _resolve(node.value, names)
        if owner is not None:
            found = getattr(owner, node.attr, None)
    # type(), not isinstance(): a request proxy answers isinstance outside a request by failing
    return found if type(found) in (types.ModuleType, types.FunctionType) else None


def _label(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__.removeprefix('governance.services.')}.{fn.__name__}"


def _actor(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _act_calls(function: ast.FunctionDef) -> Iterator[ast.Call]:
    for node in ast.walk(function):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "act"
            and node.args
        ):
            yield node


def _chair_or_secretariat(node: ast.expr) -> bool:
    return _actor(node) in ACTORS


def _a_person(node: ast.expr) -> bool:
    """Anyone but the system (``Actor.system()``): the partners, the applicant too."""
    return not (isinstance(node, ast.Call) and _actor(node.func) == "system")


def demo_actions(
    acting: Callable[[ast.expr], bool] = _chair_or_secretariat,
) -> dict[str, list[str]]:
    """The application layer's actions the demo year takes as the people *acting* picks
    (by default the chair and the secretariat), each with where in the demo (file:line).

    ``stage.act(CHAIR, ...)`` counts, and so does a helper's ``stage.act(actor, ...)``
    where a call passes CHAIR or SECRETARIAT as that *actor* (``propose(stage, CHAIR, ...)``).
    """
    folder = Path(governance.demo.__file__).parent
    parsed = {
        name: (
            importlib.import_module(f"governance.demo.{name}"),
            ast.parse((folder / f"{name}.py").read_text(encoding="utf-8")),
        )
        for name in DEMO_MODULES
    }
    # helpers taking the actor as a parameter: function object -> (position, its act calls)
    helpers: dict[Any, tuple[int, list[ast.Call], Any]] = {}
    for module, tree in parsed.values():
        for function in tree.body:
            if not isinstance(function, ast.FunctionDef):
                continue
            params = [a.arg for a in function.args.args]
            calls = [c for c in _act_calls(function) if _actor(c.args[0]) in params]
            if calls:
                position = params.index(_actor(calls[0].args[0]) or "")
                helpers[getattr(module, function.name)] = (position, calls, module)
    found: dict[str, list[str]] = {}

    def collect(call: ast.Call, local: dict[str, ast.FunctionDef], module: Any, where: str) -> None:
        todo: list[ast.AST] = [*call.args[1:], *(k.value for k in call.keywords)]
        seen: set[str] = set()
        while todo:
            for node in ast.walk(todo.pop()):
                if isinstance(node, ast.Name) and node.id in local and node.id not in seen:
                    seen.add(node.id)  # a function defined beside the call: what it does
                    todo.append(local[node.id])
                target = _resolve(node, vars(module)) if isinstance(node, ast.expr) else None
                if _is_action(target):
                    found.setdefault(_label(target), []).append(where)

    for name, (module, tree) in parsed.items():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            local = {n.name: n for n in ast.walk(function) if isinstance(n, ast.FunctionDef)}
            for call in _act_calls(function):
                params = {a.arg for a in function.args.args}
                passed_in = isinstance(call.args[0], ast.Name) and call.args[0].id in params
                if not passed_in and acting(call.args[0]):
                    collect(call, local, module, f"{name}.py:{call.lineno}")
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                helper = helpers.get(_resolve(node.func, vars(module)))
                if helper is None:
                    continue
                position, calls, home = helper
                if len(node.args) > position and acting(node.args[position]):
                    for call in calls:
                        collect(call, {}, home, f"{name}.py:{node.lineno}")
    return found


# --- what a view reaches ---


def _reaches(fn: Any, target: Any, depth: int = 3, seen: set[int] | None = None) -> bool:
    """Whether *fn* names *target* in its body, or a function of Gremium it names does
    (to *depth* calls deep): the views call services through helpers and lambdas."""
    seen = seen if seen is not None else set()
    if id(fn) in seen or type(fn) is not types.FunctionType:
        return False
    seen.add(id(fn))
    tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    names = {**fn.__globals__, **_closure(fn)}
    further = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Name, ast.Attribute)):
            continue
        found = _resolve(node, names)
        if found is None:
            continue
        if found is target:
            return True
        if (
            type(found) is types.FunctionType
            and found.__module__.startswith(("governance.web.", "governance.services."))
            and depth > 0
        ):
            further.append(found)
    return any(_reaches(f, target, depth - 1, seen) for f in further)


def _closure(fn: types.FunctionType) -> dict[str, Any]:
    if not fn.__closure__:
        return {}
    return {
        name: cell.cell_contents
        for name, cell in zip(fn.__code__.co_freevars, fn.__closure__, strict=True)
    }


def _service(label: str) -> Any:
    module, name = label.rsplit(".", 1)
    return getattr(importlib.import_module(f"governance.services.{module}"), name)


# --- the tests ---


def test_the_scan_finds_what_the_demo_does_as_chair_and_secretariat():
    """The scanner itself: it must see the actions written in the demo, or the table
    below could be checked against nothing."""
    found = demo_actions()
    assert {"agenda.accept", "agenda.defer", "minutes.circulate", "attendance.record"} <= set(found)
    assert {"agreements.open_for_signature", "accession.schedule"} <= set(found)  # in local defs
    assert "accession_declaration.declare" not in found  # the applicant's, not the chair's
    assert "minutes.object_to" not in found  # a partner's
    assert len(found) >= 18, sorted(found)


def test_every_chair_and_secretariat_action_of_the_demo_has_a_web_form():
    found = demo_actions()
    missing = {label: where for label, where in found.items() if label not in WEB_PATHS}
    assert not missing, (
        "actions of the chair or the secretariat in the demo year without a web form "
        f"(add the form and a row in WEB_PATHS): {missing}"
    )
    unused = set(WEB_PATHS) - set(found)
    assert not unused, f"rows of WEB_PATHS the demo no longer uses: {sorted(unused)}"


def test_what_the_partners_and_the_applicant_do_in_the_demo_has_a_web_form_too():
    found = demo_actions(_a_person)
    assert set(WEB_PATHS) < set(found)  # the chair's and the secretariat's among them
    missing = {k: v for k, v in found.items() if k not in WEB_PATHS | OTHER_PEOPLE}
    assert not missing, f"actions of people in the demo year without a web form: {missing}"


@pytest.mark.parametrize(("label", "endpoint"), sorted((WEB_PATHS | OTHER_PEOPLE).items()))
def test_the_form_posts_to_a_view_that_calls_the_service(web_app, label, endpoint):
    view = web_app.view_functions.get(endpoint)
    assert view is not None, f"no web endpoint {endpoint} (for {label})"
    methods = {
        method for rule in web_app.url_map.iter_rules(endpoint) for method in (rule.methods or ())
    }
    assert "POST" in methods, f"{endpoint} takes no form (methods {sorted(methods)})"
    service = _service(label)
    assert _is_action(service), f"{label} is not an action of the application layer"
    assert _reaches(view, service), f"the view {endpoint} does not call {label}"


def test_the_reach_check_can_fail(web_app):
    """A view that does not do a thing is not counted as doing it."""
    assert not _reaches(web_app.view_functions["meetings.finalize"], _service("agenda.accept"))
    assert not _reaches(web_app.view_functions["minutes.circulate"], _service("minutes.resolve"))
