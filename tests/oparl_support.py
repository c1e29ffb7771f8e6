"""Checking the OParl interface: the official schemas, and a walk that follows every link.

The schemas are OParl's own (repository OParl/spec, folder ``schema/``), kept
beside the project in ``../shared/oparl-1.1-schema/`` as in CI; the variable
``GREMIUM_OPARL_SCHEMA`` names another folder. Where none is found the tests
that need it are skipped saying so, and fail in CI
(``GREMIUM_REQUIRE_OPARL_SCHEMA=1``): never passed silently.

The schemas name embedded objects with their own keyword ``"schema":
"File.json"`` (not ``$ref``); the validator here treats that keyword as a
``$ref`` resolved in a registry of all the schemas, so an embedded File or
AgendaItem is checked against its schema as well.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient
from jsonschema import Draft7Validator, FormatChecker, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_URL = "https://schema.oparl.org/1.1/"
PREFIX = "/oparl/v1.1"


def schema_folder() -> Path | None:
    named = os.environ.get("GREMIUM_OPARL_SCHEMA")
    candidates = [Path(named)] if named else []
    candidates.append(ROOT.parent / "shared" / "oparl-1.1-schema")
    for folder in candidates:
        if (folder / "System.json").is_file():
            return folder
    return None


def require_schemas() -> Path:
    folder = schema_folder()
    if folder is None:
        why = (
            "the OParl 1.1 schemas are missing: expected ../shared/oparl-1.1-schema/ beside "
            f"the project ({ROOT.parent / 'shared'}) or GREMIUM_OPARL_SCHEMA naming the folder"
        )
        if os.environ.get("GREMIUM_REQUIRE_OPARL_SCHEMA") == "1":
            pytest.fail(f"GREMIUM_REQUIRE_OPARL_SCHEMA=1 but {why}")
        pytest.skip(why)
    return folder


_checker = FormatChecker()


@_checker.checks("date-time")
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    moment = dt.datetime.fromisoformat(value)
    return moment.tzinfo is not None and "T" in value


@_checker.checks("date")
def _date(value: object) -> bool:
    return not isinstance(value, str) or bool(dt.date.fromisoformat(value))


@_checker.checks("url")
def _url(value: object) -> bool:
    return not isinstance(value, str) or urlsplit(value).scheme in ("http", "https")


def _embedded(validator: Any, name: str, instance: Any, schema: Any) -> Iterator[Any]:
    yield from validator.descend(instance, {"$ref": name})


OParlValidator = validators.extend(Draft7Validator, {"schema": _embedded})


class Schemas:
    def __init__(self, folder: Path) -> None:
        resources = []
        self.by_type: dict[str, dict[str, Any]] = {}
        for path in sorted(folder.glob("*.json")):
            schema = json.loads(path.read_text())
            resources.append((path.name, Resource(schema, DRAFT7)))
            self.by_type[path.stem] = schema
        self.registry: Registry[Any] = Registry().with_resources(resources)

    def errors(self, obj: dict[str, Any]) -> list[str]:
        kind = str(obj.get("type", "")).removeprefix(SCHEMA_URL)
        schema = self.by_type.get(kind)
        if schema is None:
            return [f"{obj.get('id')}: unknown type {obj.get('type')!r}"]
        if obj.get("deleted") is True:
            # OParl, "Gelöschte Objekte": a deleted (or depublished) object keeps id, type
            # and created and may drop every other property, also those its schema requires.
            schema = {**schema, "required": ["id", "type"]}
        validator = OParlValidator(schema, registry=self.registry, format_checker=_checker)
        return [
            f"{obj.get('id')}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(obj)
        ]


_LIST_PROPERTIES = {
    ("Body", "organization"),
    ("Body", "person"),
    ("Body", "meeting"),
    ("Body", "paper"),
    ("Body", "agendaItem"),
    ("Body", "file"),
    ("Body", "legislativeTermList"),
    ("System", "body"),
    ("Organization", "meeting"),
}
"""Properties whose URL is an external object list (else a URL names one object)."""


class Walk:
    """Everything the interface answers from the System object on, by following links."""

    def __init__(self, client: FlaskClient, schemas: Schemas | None, limit: int = 7) -> None:
        self.client = client
        self.schemas = schemas
        self.limit = limit
        self.objects: dict[str, dict[str, Any]] = {}
        self.bodies: list[str] = []
        """Every response body (JSON and files), to search for what must not appear."""
        self.problems: list[str] = []
        self.pages = 0

    def get(self, url: str) -> Any:
        path = urlsplit(url)
        response = self.client.get(path.path + (f"?{path.query}" if path.query else ""))
        text = response.get_data().decode(errors="replace")  # files may be PDF
        self.bodies.append(text)
        if response.status_code != 200:
            self.problems.append(f"{url}: {response.status_code} {text[:200]}")
            return None
        cors = response.headers.get("Access-Control-Allow-Origin")
        if cors != "*" and response.mimetype == "application/json":
            self.problems.append(f"{url}: no CORS header")
        return response.get_json() if response.mimetype == "application/json" else text

    def run(self) -> Walk:
        system = self.get(f"http://localhost{PREFIX}/")
        queue: deque[tuple[str, str, str | None]] = deque()
        self._object(system, queue, expected="System")
        while queue:
            url, mode, expected = queue.popleft()
            if mode == "list":
                self._list(url, queue, expected)
            elif mode == "file":
                self.get(url)
            elif url not in self.objects:
                obj = self.get(url)
                if obj is not None:
                    self._object(obj, queue, expected)
        return self

    def _list(
        self, url: str, queue: deque[tuple[str, str, str | None]], expected: str | None
    ) -> None:
        seen: set[str] = set()
        page_url: str | None = url + ("&" if "?" in url else "?") + f"limit={self.limit}"
        while page_url is not None:
            page = self.get(page_url)
            self.pages += 1
            if page is None:
                return
            for key in ("data", "pagination", "links"):
                if key not in page:
                    self.problems.append(f"{page_url}: no {key}")
            for obj in page.get("data", []):
                if obj["id"] in seen:
                    self.problems.append(f"{page_url}: {obj['id']} twice (order not stable)")
                seen.add(obj["id"])
                self._object(obj, queue, expected)
                queue.append((obj["id"], "object", obj["type"].removeprefix(SCHEMA_URL)))
            page_url = page.get("links", {}).get("next")
            if len(seen) > 100_000:
                self.problems.append(f"{url}: the list does not end")
                return

    def _object(
        self, obj: Any, queue: deque[tuple[str, str, str | None]], expected: str | None
    ) -> None:
        if not isinstance(obj, dict):
            return
        kind = str(obj.get("type", "")).removeprefix(SCHEMA_URL)
        if expected is not None and kind != expected:
            self.problems.append(f"{obj.get('id')}: type {kind}, expected {expected}")
        if self.schemas is not None:
            self.problems += self.schemas.errors(obj)
        self.objects.setdefault(obj["id"], obj)
        for name, value in obj.items():
            self._follow(kind, name, value, queue)

    def _follow(
        self, kind: str, name: str, value: Any, queue: deque[tuple[str, str, str | None]]
    ) -> None:
        if name in ("id", "type", "web", "license", "oparlVersion", "product", "vendor"):
            return
        if isinstance(value, str) and value.startswith("http://localhost"):
            if name in ("accessUrl", "downloadUrl"):
                queue.append((value, "file", None))
            elif (kind, name) in _LIST_PROPERTIES:
                expected = _LIST_TYPES.get(name)
                queue.append((value, "list", expected))
            else:
                queue.append((value, "object", _REFERENCE_TYPES.get(name)))
        elif isinstance(value, dict) and "type" in value:
            self._object(value, queue, None)
            queue.append((value["id"], "object", value["type"].removeprefix(SCHEMA_URL)))
        elif isinstance(value, list):
            for entry in value:
                self._follow(kind, name, entry, queue)


_LIST_TYPES = {
    "organization": "Organization",
    "person": "Person",
    "meeting": "Meeting",
    "paper": "Paper",
    "agendaItem": "AgendaItem",
    "file": "File",
    "legislativeTermList": "LegislativeTerm",
    "body": "Body",
}
_REFERENCE_TYPES = {
    "body": "Body",
    "system": "System",
    "organization": "Organization",
    "onBehalfOf": "Organization",
    "person": "Person",
    "meeting": "Meeting",
    "agendaItem": "AgendaItem",
    "membership": "Membership",
}


def words_in(text: str) -> str:
    """*text* with JSON's escapes undone, for searching."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
