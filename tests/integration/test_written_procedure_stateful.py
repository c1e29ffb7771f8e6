"""Property-based stateful test of the written procedure (hypothesis).

Random sequences of what members, the secretariat, the chair and the clock
do to one written procedure — votes of each member (by themselves or on
paper through the secretariat), second votes, demands for a meeting, time
passing with its timers (reminder, deadline), a withdrawal — never produce a
decision without the participation the quorum rule requires, a vote counted
twice, or a decision after enough members demanded a meeting. The test keeps
its own model of the votes and demands and checks every action the service
accepts or refuses against it, and the stored procedure after every step.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import func, select

from governance.bootstrap import App, build_app
from governance.clock import BERLIN, SimulatedClock
from governance.config import Settings
from governance.database import Database
from governance.errors import GremiumError
from governance.examples import treptow_koepenick as tk
from governance.models import WrittenBallot, WrittenProcedure
from governance.services import directory, timers
from governance.services import meetings as ms
from governance.services import written_procedure as wp
from governance.workflow.engine import WorkflowEngine
from tests.conftest import SYSTEM

CHAIR, SECRETARIAT = tk.CHAIR_EMAIL, tk.SECRETARIAT_EMAIL
VOTERS = {
    "BA Treptow-Köpenick": CHAIR,
    "Rabenhaus": "gf@rabenhaus.example.org",
    "Offensiv'91": "vorstand@offensiv91.example.org",
    "tjfbg": "treptow@tjfbg.example.org",
    "KungerKiez": "kontakt@kungerkiez.example.org",
    "ajb": "gwa@ajb.example.org",
    "Paritätischer Berlin": "bezirk-tk@paritaet-berlin.example.org",
    "VskA": "referat@vska.example.org",
}
NEEDED = 5  # more than half of the eight voting members
START = dt.datetime(2026, 9, 1, 9, 0, tzinfo=BERLIN)
DEADLINE = dt.datetime(2026, 9, 8, 23, 59, tzinfo=BERLIN)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The example committee with a planned meeting (for a motion moved to it)."""
    folder = tmp_path_factory.mktemp("written_stateful")
    url = f"sqlite:///{folder / 'template.db'}"
    Database(url).upgrade()
    clock = SimulatedClock(START)
    app = build_app(Settings(database=url), clock=clock, check_schema=False)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    with app.unit_of_work(CHAIR) as uow:
        ms.plan(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sitzung",
            starts_at="2026-11-11 10:00",
            location="Rathaus Köpenick",
        )
    app.db.dispose()
    return folder / "template.db"


class WrittenMachine(RuleBasedStateMachine):
    db_file: Path
    engine: WorkflowEngine

    def __init__(self) -> None:
        super().__init__()
        self.clock = SimulatedClock(START)
        self.app = App(Database(f"sqlite:///{self.db_file}"), self.clock, self.engine)
        self.votes: dict[str, str] = {}
        self.demands: set[str] = set()
        self.demands_needed = 1
        self.withdrawn = False
        self.number = 0

    def teardown(self) -> None:
        self.app.db.dispose()

    def try_(self, actor: str, fn, **kwargs) -> bool:
        try:
            with self.app.unit_of_work(actor) as uow:
                fn(uow, wp.procedure_by_ref(uow.session, self.number), **kwargs)
            return True
        except GremiumError:
            return False

    def stored(self) -> WrittenProcedure:
        with self.app.db.session() as s:
            procedure = s.get(WrittenProcedure, self.number)
            assert procedure is not None
            s.expunge(procedure)
            return procedure

    # --- the model ---

    def expected_state(self) -> str:
        """What the procedure must be now, from the votes, demands and the clock alone."""
        if self.withdrawn:
            return "withdrawn"
        if len(self.demands) >= self.demands_needed:
            return "moved_to_meeting"
        if len(self.votes) == len(VOTERS) or self.clock.now() >= DEADLINE:
            return "decided" if len(self.votes) >= NEEDED else "failed"
        return "open"

    def is_open(self) -> bool:
        return self.expected_state() == "open"

    # --- rules ---

    @initialize(
        demands=st.sampled_from([1, 1, 2, 3]),
        majority=st.sampled_from(["simple", "two_thirds", "unanimity"]),
    )
    def the_chair_puts_a_motion(self, demands: int, majority: str) -> None:
        with self.app.unit_of_work(CHAIR) as uow:
            committee = directory.committee_by_ref(uow.session, "KG")
            directory.set_rules(uow, committee, {"written_procedure_meeting_demands": str(demands)})
            self.number = wp.start(
                uow, committee, title="Antrag", text="Der Antrag.", majority=majority
            ).id
        self.demands_needed = demands

    @rule(
        org=st.sampled_from(list(VOTERS)),
        choice=st.sampled_from(["yes", "no", "abstain"]),
        paper=st.booleans(),
    )
    def a_member_votes(self, org: str, choice: str, paper: bool) -> None:
        may = self.is_open() and org not in self.votes
        if paper:
            done = self.try_(SECRETARIAT, wp.record_paper_vote, organisation=org, choice=choice)
        else:
            done = self.try_(VOTERS[org], wp.vote, choice=choice)
        assert done == may, (org, self.votes, self.expected_state())
        if done:
            self.votes[org] = choice

    @rule(org=st.sampled_from(list(VOTERS)))
    def a_member_demands_a_meeting(self, org: str) -> None:
        may = self.is_open() and org not in self.demands
        done = self.try_(VOTERS[org], wp.demand_meeting)
        assert done == may
        if done:
            self.demands.add(org)

    @rule(hours=st.integers(1, 80))
    def time_passes(self, hours: int) -> None:
        timers.fire_due(self.app, self.clock.now() + dt.timedelta(hours=hours))

    @rule()
    def the_chair_withdraws(self) -> None:
        may = self.is_open()
        done = self.try_(CHAIR, wp.withdraw, reason="Überholt")
        assert done == may
        if done:
            self.withdrawn = True

    # --- what must always hold ---

    @invariant()
    def the_state_follows_from_votes_demands_and_the_clock(self) -> None:
        if not self.number:
            return
        # A deadline that passed is only seen once its timer fired: fire what is due.
        timers.fire_due(self.app, self.clock.now())
        assert self.stored().state == self.expected_state()

    @invariant()
    def no_decision_without_participation_and_none_after_a_demand(self) -> None:
        if not self.number:
            return
        procedure = self.stored()
        with self.app.db.session() as s:
            cast = s.scalar(
                select(func.count(WrittenBallot.id)).where(
                    WrittenBallot.procedure_id == self.number, WrittenBallot.choice.is_not(None)
                )
            )
        if procedure.reference is not None:
            assert procedure.state == "decided"
            assert cast is not None and cast >= NEEDED
            assert len(self.demands) < self.demands_needed
        if procedure.state != "decided":
            assert procedure.reference is None and procedure.carried is None

    @invariant()
    def every_vote_counts_once(self) -> None:
        if not self.number:
            return
        with self.app.db.session() as s:
            stored = dict(
                s.execute(
                    select(WrittenBallot.organisation_id, WrittenBallot.choice).where(
                        WrittenBallot.procedure_id == self.number
                    )
                ).all()
            )
        assert len(stored) == len(VOTERS)  # one ballot per voting member, ever
        assert sorted(c for c in stored.values() if c) == sorted(self.votes.values())
        procedure = self.stored()
        if procedure.state in ("decided", "failed"):
            counted = (procedure.yes or 0) + (procedure.no or 0) + (procedure.abstain or 0)
            assert counted == len(self.votes)


def test_random_written_procedures_never_decide_without_participation_or_count_twice(
    template: Path, tmp_path: Path
) -> None:
    counter = iter(range(10_000))
    engine = build_app(Settings(database=f"sqlite:///{template}"), check_schema=False).engine

    class Run(WrittenMachine):
        def __init__(self) -> None:
            self.engine = engine
            self.db_file = tmp_path / f"run-{next(counter)}.db"
            with sqlite3.connect(template) as source, sqlite3.connect(self.db_file) as target:
                source.backup(target)
            super().__init__()

    Run.TestCase.settings = settings(
        max_examples=10,
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    Run.TestCase().runTest()
