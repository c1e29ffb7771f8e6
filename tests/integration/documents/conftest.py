"""The example committee of the golden files, built once per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from tests.golden.scenario import Scenario, complete


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Iterator[Scenario]:
    """Agreement signed by all nine parties at the ceremony, Kosmosviertel joined."""
    folder = tmp_path_factory.mktemp("documents")
    scenario = complete(f"sqlite:///{folder / 'gremium.db'}")
    yield scenario
    scenario.app.db.dispose()


@pytest.fixture
def session(example) -> Iterator[Session]:
    with example.app.db.session() as s:
        yield s
