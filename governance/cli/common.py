"""What every command shares: global options, the app, output, errors.

Commands parse input, call one service function inside a unit of work and
print the result; a GremiumError becomes one line on stderr and exit 2.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

from governance.config import Settings, load_settings

if TYPE_CHECKING:  # imported when a command needs them: `gremium --help` stays light
    from pathlib import Path

    from sqlalchemy import Connection

    from governance.bootstrap import App
    from governance.clock import Clock
    from governance.database import Database
    from governance.unit_of_work import Actor, UnitOfWork

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


@dataclasses.dataclass
class CliState:
    settings: Settings
    actor: str | None
    _app: App | None = None
    _db: Database | None = None

    @property
    def lang(self) -> str:
        return self.settings.language

    @property
    def app(self) -> App:
        if self._app is None:
            from governance.bootstrap import build_app

            # One engine per process: on SQLite a second one would wait for the
            # first one's transaction (BEGIN IMMEDIATE) when a read calls into the app.
            self._app = build_app(self.settings, db=self._db)
            self._db = None
        return self._app

    def writer(self) -> App:
        """The app for a command that writes: refused in one line, before anything
        is done, when the audit chain's key is missing."""
        from governance.services.audit_trail import require_key

        require_key(self.app)
        return self.app

    @contextmanager
    def uow(self, actor: Actor | str | None = None) -> Iterator[UnitOfWork]:
        with self.writer().unit_of_work(actor or self.actor) as uow:
            yield uow

    @property
    def db(self) -> Database:
        """The database alone (schema checked): what a read-only command needs.
        Without the workflow engine, whose loading costs more than most listings."""
        if self._app is not None:
            return self._app.db
        if self._db is None:
            from governance.database import Database

            db = Database(self.settings.database, self.settings.audit_key_path())
            try:
                db.require_current_schema()
            except BaseException:
                db.dispose()
                raise
            self._db = db
        return self._db

    @contextmanager
    def read(self) -> Iterator[Any]:
        """A read-only session (no acting person needed)."""
        with self.db.read_session() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read-only Core connection in one transaction (one consistent snapshot),
        for the read paths of governance.reads: no ORM, no workflow engine."""
        with self.db.read_connection() as conn, conn.begin():
            yield conn

    def clock(self, conn: Connection) -> Clock:
        """The installation's clock, read through *conn* without building the app."""
        if self._app is not None:
            return self._app.clock
        from governance.reads.clock import reading_clock

        settings = self.settings
        return reading_clock(conn, settings.clock == "simulated", settings.simulated_start)

    def close(self) -> None:
        if self._app is not None:
            self._app.db.dispose()
        if self._db is not None:
            self._db.dispose()


def make_state(config: str | None, db: str | None, actor: str | None, lang: str | None) -> CliState:
    settings = load_settings(config).with_overrides(database=db, language=lang)
    return CliState(settings=settings, actor=actor or settings.default_actor)


pass_state = click.make_pass_decorator(CliState)


def json_option(fn: F) -> F:
    """Add --json: machine-readable output with stable keys and ISO 8601 dates."""
    return click.option(
        "--json", "as_json", is_flag=True, help="Ausgabe als JSON / output as JSON"
    )(fn)


def to_jsonable(value: Any) -> Any:
    """*value* for ``--json``; every moment in UTC (``2026-03-11T09:00:00+00:00``), the one rule
    for all lists and shows, so scripts compare times without knowing the command."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: only aware moments are written")
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def print_json(data: Any) -> None:
    click.echo(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2, sort_keys=True))


def print_table(
    rows: list[dict[str, Any]], columns: list[tuple[str, str]], lang: str | None = None
) -> None:
    """Print *rows* as an aligned table; *columns* are (key, heading) pairs.

    Cells are written in *lang*, by default the language of the command being
    run (``--lang``): a table's yes/no follows its translated headings.
    """
    if not rows:
        return
    lang = lang or current_language()
    cells = [[_cell(r.get(k), lang) for k, _ in columns] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, (_, h) in enumerate(columns)]
    click.echo("  ".join(h.ljust(w) for (_, h), w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def current_language() -> str:
    """The reader's language of the command being run (German outside a command)."""
    from governance.i18n import DEFAULT_LANGUAGE

    context = click.get_current_context(silent=True)
    state = context.find_object(CliState) if context is not None else None
    return state.lang if state is not None else DEFAULT_LANGUAGE


def _cell(value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        from governance.clock import BERLIN

        return value.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        from governance.i18n import translate

        return translate("cli.yes" if value else "cli.no", lang)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v, lang) for v in value)
    return str(value)


def t(state: CliState, key: str, /, **params: Any) -> str:
    # Positional-only: a message may itself have a {state} (``minutes show`` has).
    from governance.i18n import translate

    return translate(key, state.lang, **params)


def state_label(state: CliState, workflow: str, name: str) -> str:
    """A workflow state (or trigger) as its readers call it ("aktiv", "ausgetreten"),
    never its code name. From the definitions' labels: no workflow engine is built."""
    from governance.workflow.labels import label, workflow_labels

    return label(_quickly(state, workflow_labels)[workflow], name, state.lang)


def workflow_states(state: CliState, workflow: str) -> tuple[str, ...]:
    """The states of *workflow* (e.g. what ``--state`` accepts), without the engine."""
    from governance.workflow.labels import workflow_states as states

    return _quickly(state, lambda folder: states(folder, workflow))


def _quickly(state: CliState, read: Callable[[Path], T]) -> T:
    """*read* of the workflow definitions without the engine; a definition that
    cannot be read so simply is loaded fully, which says what is wrong with it."""
    from governance.workflow.labels import UnreadableDefinition

    folder = workflows_folder(state)
    try:
        return read(folder)
    except UnreadableDefinition:
        from governance.bootstrap import load_workflows

        load_workflows(folder)  # raises the definition's error in the user's terms
        raise


def workflows_folder(state: CliState) -> Path:
    from pathlib import Path

    from governance.resources import workflows_dir

    folder = Path(state.settings.workflows) if state.settings.workflows else workflows_dir()
    return folder.resolve()


def default_committee(ctx: click.Context, _param: Any, value: str | None) -> str | None:
    """*value* (typed with the command), else the installation's default committee
    (``[cli] committee``, ``GREMIUM_COMMITTEE``), else None: the only committee there is."""
    if value is not None:
        return value
    state = ctx.find_object(CliState)
    if state is None or state.settings.committee is None:
        return None
    from governance.reads.committees import DefaultCommittee

    return DefaultCommittee(state.settings.committee, state.settings.committee_from)


def committee_option(fn: F) -> F:
    return click.option(
        "--committee",
        "-c",
        "committee_ref",
        default=None,
        callback=default_committee,
        help="Gremium (Kurzname oder Nummer); entfällt, wenn es nur eines gibt "
        "oder ein Standard eingestellt ist ([cli] committee, GREMIUM_COMMITTEE).",
    )(fn)


def committee_filter_option(fn: F) -> F:
    """--committee of a listing that without it shows every committee's entries (the
    installation's default committee does not narrow it)."""
    return click.option(
        "--committee",
        "-c",
        "committee_ref",
        default=None,
        help="nur dieses Gremium (Kurzname oder Nummer); ohne: alle Gremien.",
    )(fn)
