"""Property-based stateful test of the meeting workflow (hypothesis).

Random sequences of what a chair and a secretariat do in a meeting —
attendance, arrivals and departures, opening, votes by roll call and by
show of hands, items marked, closing, cancelling, moving — never produce a
decision without a quorum, a vote counted twice, or a state or transition
the definition does not allow. The test keeps its own model of who is
present and checks every vote the engine accepts or refuses against it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import func, select

from governance.bootstrap import App, build_app
from governance.clock import BERLIN, SimulatedClock
from governance.config import Settings
from governance.database import Database
from governance.errors import GremiumError
from governance.examples import treptow_koepenick as tk
from governance.models import AgendaItem, AuditRecord, Decision, Meeting, Vote
from governance.services import agenda, attendance, directory, votes
from governance.services import meetings as ms
from governance.workflow.engine import WorkflowEngine
from tests.conftest import SYSTEM

CHAIR, SECRETARIAT = tk.CHAIR_EMAIL, tk.SECRETARIAT_EMAIL
VOTING = [
    "BA Treptow-Köpenick",
    "Rabenhaus",
    "Offensiv'91",
    "tjfbg",
    "KungerKiez",
    "ajb",
    "Paritätischer Berlin",
    "VskA",
]
ORGS = [*VOTING, "SenASGIVA"]
DAY_START = dt.datetime(2026, 3, 11, 9, 0, tzinfo=BERLIN)
PLANNED_START = dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
ITEMS = 4


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A committee with one convened meeting of four decision items, on the morning of the meeting."""
    folder = tmp_path_factory.mktemp("stateful")
    url = f"sqlite:///{folder / 'template.db'}"
    Database(url).upgrade()
    clock = SimulatedClock(dt.datetime(2026, 1, 12, 9, 0, tzinfo=BERLIN))
    app = build_app(Settings(database=url), clock=clock, check_schema=False)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    with app.unit_of_work(CHAIR) as uow:
        meeting = ms.plan(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sitzung",
            starts_at="2026-03-11 10:00",
            location="Rathaus Köpenick",
        )
        for n in range(ITEMS):
            agenda.propose(uow, meeting, title=f"Beschluss {n + 1}", kind="decision")
        ms.convene(uow, meeting)
    app.db.dispose()
    return folder / "template.db"


class MeetingMachine(RuleBasedStateMachine):
    db_file: Path
    engine: WorkflowEngine

    def __init__(self) -> None:
        super().__init__()
        self.clock = SimulatedClock(DAY_START)
        self.app = App(Database(f"sqlite:///{self.db_file}"), self.clock, self.engine)
        self.definition = self.app.engine.definitions["meeting"]
        with self.app.db.session() as s:
            self.meeting_id = s.execute(select(Meeting.id)).scalar_one()
            self.items = [
                i.id
                for i in s.execute(
                    select(AgendaItem).where(AgendaItem.kind == "decision").order_by(AgendaItem.id)
                ).scalars()
            ]
        self.present: dict[str, tuple[dt.datetime | None, dt.datetime | None, str]] = {}
        self.voted: set[int] = set()
        self.last_refusal = ""

    def teardown(self) -> None:
        self.app.db.dispose()

    # --- the model ---

    def state(self) -> str:
        with self.app.db.session() as s:
            return s.get(Meeting, self.meeting_id).state

    def starts_at(self) -> dt.datetime:
        with self.app.db.session() as s:
            return s.get(Meeting, self.meeting_id).starts_at

    def model_present(self) -> set[str]:
        now = self.clock.now()
        return {
            org
            for org, (arrived, departed, status) in self.present.items()
            if org in VOTING
            and status in ("present", "represented")
            and (arrived is None or arrived <= now)
            and (departed is None or now < departed)
        }

    def model_quorate(self) -> bool:
        return len(self.model_present()) > len(VOTING) / 2

    def try_(self, actor: str, fn, *args, **kwargs) -> bool:
        try:
            with self.app.unit_of_work(actor) as uow:
                fn(uow, *args, **kwargs)
            return True
        except GremiumError as exc:
            self.last_refusal = exc.message("en")
            return False

    # --- rules ---

    @initialize(
        orgs=st.permutations(ORGS), how_many=st.integers(0, len(ORGS)), open_at_ten=st.booleans()
    )
    def the_morning_of_the_meeting(self, orgs: list[str], how_many: int, open_at_ten: bool) -> None:
        """Half the runs start as the chair opens the meeting with some members present."""
        for org in orgs[:how_many]:
            self.record_attendance(org=org, status="present", late=False)
        if open_at_ten:
            self.clock.advance_to(PLANNED_START)
            self.open_meeting()

    @rule(minutes=st.integers(1, 45))
    def time_passes(self, minutes: int) -> None:
        self.clock.advance(dt.timedelta(minutes=minutes))

    @rule(
        org=st.sampled_from(ORGS),
        status=st.sampled_from(["present", "represented", "excused", "absent"]),
        late=st.booleans(),
    )
    def record_attendance(self, org: str, status: str, late: bool) -> None:
        arrived = self.clock.now() if late else None

        def record(uow):
            meeting = ms.meeting_by_id(uow.session, self.meeting_id)
            attendance.record(uow, meeting, organisation_ref=org, status=status, arrived=arrived)

        if self.try_(SECRETARIAT, record):
            previous = self.present.get(org, (None, None, status))
            self.present[org] = (arrived if late else previous[0], previous[1], status)

    @rule(orgs=st.lists(st.sampled_from(ORGS), min_size=3, max_size=len(ORGS), unique=True))
    def record_attendance_list(self, orgs: list[str]) -> None:
        """The secretariat enters the signed attendance list at the start."""
        for org in orgs:
            self.record_attendance(org=org, status="present", late=False)

    @rule(org=st.sampled_from(ORGS))
    def leave_early(self, org: str) -> None:
        if org not in self.present:
            return
        departed = self.clock.now() + dt.timedelta(minutes=1)
        arrived, _, status = self.present[org]
        if arrived is not None and departed <= arrived:
            return

        def record(uow):
            meeting = ms.meeting_by_id(uow.session, self.meeting_id)
            attendance.record(uow, meeting, organisation_ref=org, status=status, departed=departed)

        if self.try_(SECRETARIAT, record):
            self.present[org] = (arrived, departed, status)

    @rule()
    def open_meeting(self) -> None:
        before = self.state()
        day = self.starts_at().astimezone(BERLIN).date()
        opened = self.try_(
            CHAIR, lambda uow: ms.open_meeting(uow, ms.meeting_by_id(uow.session, self.meeting_id))
        )
        assert opened == (
            before == "convened" and self.clock.now().astimezone(BERLIN).date() >= day
        )

    @rule(index=st.integers(0, ITEMS - 1), data=st.data())
    def vote(self, index: int, data: st.DataObject) -> None:
        item_id = self.items[index]
        state = self.state()
        quorate = self.model_quorate()
        present = sorted(self.model_present())
        with self.app.db.session() as s:
            handled = s.get(AgendaItem, item_id).outcome is not None  # voted or deferred already
        # Mostly ballots of members present (a valid vote), sometimes anyone's.
        honest = bool(present) and data.draw(st.booleans(), label="only those present")
        if data.draw(st.booleans(), label="roll call"):
            pool = present if honest else ORGS
            voters = data.draw(
                st.lists(st.sampled_from(pool), max_size=6, unique=True), label="voters"
            )
            ballots = {o: data.draw(st.sampled_from(["yes", "no", "abstain"])) for o in voters}
            valid_ballots = bool(voters) and set(voters) <= set(present)
            kwargs = {"ballots": ballots}
        else:
            top = len(present) if honest else 6
            yes, no, abstain = (data.draw(st.integers(0, top)) for _ in range(3))
            valid_ballots = 0 < yes + no + abstain <= len(present)
            kwargs = {"totals": (yes, no, abstain)}
        accepted = self.try_(
            CHAIR,
            lambda uow: votes.record_vote(
                uow, agenda.item_by_ref(uow.session, item_id), text="Beschluss", **kwargs
            ),
        )
        expected = state == "in_session" and quorate and valid_ballots and not handled
        assert accepted == expected, (state, quorate, present, kwargs, self.last_refusal)
        event("vote " + ("accepted" if accepted else f"refused in {state}, quorate={quorate}"))
        if accepted:
            self.voted.add(item_id)

    @rule(index=st.integers(0, ITEMS - 1))
    def defer_item(self, index: int) -> None:
        self.try_(
            SECRETARIAT,
            lambda uow: agenda.mark(
                uow, agenda.item_by_ref(uow.session, self.items[index]), "deferred"
            ),
        )

    @rule()
    def close(self) -> None:
        before = self.state()
        closed = self.try_(
            CHAIR, lambda uow: ms.close(uow, ms.meeting_by_id(uow.session, self.meeting_id))
        )
        assert closed == (before == "in_session")

    @rule()
    def cancel(self) -> None:
        before = self.state()
        starts_at = self.starts_at()
        done = self.try_(
            CHAIR,
            lambda uow: ms.cancel(
                uow, ms.meeting_by_id(uow.session, self.meeting_id), reason="Absage"
            ),
        )
        assert done == (before in ("planned", "convened") and self.clock.now() < starts_at)

    @rule(hours=st.integers(1, 72))
    def move(self, hours: int) -> None:
        before = self.state()
        target = self.clock.now() + dt.timedelta(hours=hours)
        start = target.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")
        starts_at = self.starts_at()
        moved = self.try_(
            CHAIR,
            lambda uow: ms.move(
                uow,
                ms.meeting_by_id(uow.session, self.meeting_id),
                starts_at=start,
                reason="verlegt",
            ),
        )
        assert moved == (before in ("planned", "convened") and self.clock.now() < starts_at)

    # --- invariants ---

    @invariant()
    def state_is_one_the_definition_allows(self) -> None:
        assert self.state() in self.definition.states

    @invariant()
    def no_vote_counted_twice_and_every_decision_had_a_quorum(self) -> None:
        with self.app.db.session() as s:
            per_item = s.execute(
                select(Vote.agenda_item_id, func.count()).group_by(Vote.agenda_item_id)
            ).all()
            assert all(n == 1 for _, n in per_item)
            assert {i for i, _ in per_item} == self.voted
            for v in s.execute(select(Vote)).scalars():
                assert v.present > v.voting_members / 2
                assert v.yes + v.no + v.abstain <= v.present
            assert s.scalar(select(func.count()).select_from(Decision)) == len(self.voted)

    @invariant()
    def every_recorded_transition_is_one_of_the_definition(self) -> None:
        allowed = {
            (s, t.trigger, t.dest or s) for t in self.definition.transitions for s in t.sources
        }
        with self.app.db.session() as s:
            rows = s.execute(
                select(AuditRecord.from_state, AuditRecord.action, AuditRecord.to_state).where(
                    AuditRecord.entity_type == "meetings",
                    AuditRecord.outcome == "done",
                    AuditRecord.from_state.is_not(None),
                )
            ).all()
        for from_state, action, to_state in rows:
            assert (from_state, action, to_state) in allowed, (from_state, action, to_state)


def test_random_meetings_never_decide_without_quorum_count_a_vote_twice_or_leave_the_definition(
    template: Path, tmp_path: Path
) -> None:
    counter = iter(range(10_000))

    engine = build_app(Settings(database=f"sqlite:///{template}"), check_schema=False).engine

    class Run(MeetingMachine):
        def __init__(self) -> None:
            self.engine = engine
            self.db_file = tmp_path / f"run-{next(counter)}.db"
            # The backup API copies a consistent database, WAL content included.
            with sqlite3.connect(template) as source, sqlite3.connect(self.db_file) as target:
                source.backup(target)
            super().__init__()

    Run.TestCase.settings = settings(
        max_examples=30,
        stateful_step_count=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    Run.TestCase().runTest()
