"""The database bench/web.py measures on: prepared once per run, or kept between runs.

Prepared: the example committee's demo year played through the services, the scale data
set beside it (bench/scale.py), and the people of a working day (:func:`seat_day_people`:
chairs of scale committees with planned meetings and agenda items, through the services).

With ``--reuse`` the prepared schema is kept in PostgreSQL under a name that encodes what
it was prepared from (:func:`schema_name`: this module's preparation version, the sizes,
the migration head), with its audit key and a marker in a folder of the same name under
the system's temporary folder; a later run with the same key starts measuring at once, and
schemas of another key (stale) are dropped with their folders.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, select, text

from bench.common import PG_URL, pg_schema
from bench.scale import Sizes

if TYPE_CHECKING:
    from governance.bootstrap import App

PREPARATION = 1
"""Raise when what is prepared changes: a kept schema of an older preparation is stale."""
PREFIX = "bench_web_"
FOLDERS = Path(tempfile.gettempdir()) / "gremium-bench-web"
SEATED = 20
"""Scale committees given a chair, two planned meetings and agenda items for the day."""


@dataclasses.dataclass(frozen=True)
class Prepared:
    url: str
    folder: Path
    demo_s: float | None
    """Seconds the demo year took (None: a kept schema was reused)."""
    load_s: float | None


def schema_name(sizes: Sizes) -> str:
    """The kept schema's name: the preparation, the sizes and the migration head."""
    from governance.database import head_revision

    head = re.sub(r"[^a-z0-9_]", "_", head_revision().lower())
    name = f"{PREFIX}v{PREPARATION}_{sizes.committees}c_{sizes.timers}t_{sizes.audit}a_{head}"
    return name[:63]  # PostgreSQL's identifier limit


def _url(schema: str) -> str:
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def prepared(sizes: Sizes, reuse: bool) -> Iterator[Prepared]:
    """The prepared database and its folder (the audit key, the mail, the servers' logs);
    the working folder is that folder meanwhile (the audit key goes beside the data)."""
    here = Path.cwd()
    if not reuse:
        with pg_schema() as url, tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            os.chdir(folder)
            try:
                demo_s, load_s = _prepare(url, folder, sizes)
                yield Prepared(url, folder, demo_s, load_s)
            finally:
                os.chdir(here)
        return
    schema = schema_name(sizes)
    folder = FOLDERS / schema
    engine = create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            kept = {
                row[0]
                for row in conn.execute(
                    text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :p"),
                    {"p": PREFIX.replace("_", r"\_") + "%"},
                )
            }
            for stale in kept - {schema}:
                conn.execute(text(f'DROP SCHEMA "{stale}" CASCADE'))
                shutil.rmtree(FOLDERS / stale, ignore_errors=True)
            ready = schema in kept and (folder / "ready").exists()
            if not ready:  # half prepared (a run stopped) or not there: afresh
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
                shutil.rmtree(folder, ignore_errors=True)
            else:
                # An earlier run's sign-in requests would count towards this run's limits
                # (3 per address, 10 per client in 15 minutes).
                conn.execute(text(f'DELETE FROM "{schema}".sign_in_requests'))
    finally:
        engine.dispose()
    for other in FOLDERS.glob(f"{PREFIX}*") if FOLDERS.exists() else []:
        if other.name != schema:  # its schema dropped here or by hand
            shutil.rmtree(other, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    for old in ("mail", "demo-mail"):  # an earlier run's sign-in links are not this run's
        shutil.rmtree(folder / old, ignore_errors=True)
    for log in folder.glob("web-*.log"):
        log.unlink()
    url = _url(schema)
    os.chdir(folder)
    try:
        if ready:
            yield Prepared(url, folder, None, None)
            return
        demo_s, load_s = _prepare(url, folder, sizes)
        (folder / "ready").write_text(
            json.dumps({"schema": schema, "sizes": dataclasses.asdict(sizes)}) + "\n"
        )
        yield Prepared(url, folder, demo_s, load_s)
    finally:
        os.chdir(here)


def _prepare(url: str, folder: Path, sizes: Sizes) -> tuple[float, float]:
    from bench import scale
    from bench.web import play_demo_year
    from tests import own_folder

    started = time.perf_counter()
    play_demo_year(url, folder / "demo-mail")
    demo_s = time.perf_counter() - started
    # bench/scale.py builds its app with the tests' make_app, which names the audit key
    # of the running test's folder: here that is this run's folder (the demo year's key).
    own_folder.enter(lambda: folder, folder)
    try:
        load_s, _ = scale.load(url, sizes, committee_id=committee_id(url, "KG"))
    finally:
        own_folder.leave()
    started = time.perf_counter()
    seat_day_people(url, SEATED)
    return demo_s, load_s + time.perf_counter() - started


# --- the application on the prepared database, outside any test ---


@contextlib.contextmanager
def application(url: str) -> Iterator[App]:
    """The app on *url* on the system clock, its audit key in the working folder."""
    from governance.bootstrap import build_app
    from governance.clock import SystemClock
    from governance.config import Settings

    settings = Settings(
        database=url,
        attach_documents=False,
        audit_key_file=str(Path.cwd() / "audit.key"),
    )
    app = build_app(settings, clock=SystemClock(), check_schema=False)
    try:
        yield app
    finally:
        app.db.dispose()


def committee_id(url: str, short_name: str) -> int:
    from governance.models import Committee

    with application(url) as app, app.db.session() as session:
        return int(
            session.execute(
                select(Committee.id).where(Committee.short_name == short_name)
            ).scalar_one()
        )


def seated_email(n: int) -> str:
    return f"vorsitz@g{n}.example.org"


def seat_day_people(url: str, count: int) -> None:
    """Give the scale committees G0 … G<count-1> a chair (an organisation and its
    representative), two planned meetings and two agenda items on each, through the
    services as the demo does. (No decisions: those need a meeting held and voted.)"""
    from governance.models.committee import Role
    from governance.models.organisation import OrganisationKind
    from governance.services import agenda, directory, meetings
    from governance.unit_of_work import Actor

    with application(url) as app:
        for n in range(count):
            email = seated_email(n)
            with app.unit_of_work(Actor.system()) as uow:
                committee = directory.committee_by_ref(uow.session, f"G{n}")
                org = directory.add_organisation(
                    uow,
                    name=f"Träger Gremium {n} e.V.",
                    short_name=f"Träger G{n}",
                    kind=OrganisationKind.ASSOCIATION,
                )
                chair = directory.add_person(
                    uow,
                    name=f"Vorsitz Gremium {n}",
                    email=email,
                    function_title="Vorsitzende",
                    organisation=org,
                )
                directory.create_membership(
                    uow,
                    committee,
                    directory.MembershipSpec(
                        organisation=org, role=Role.CHAIR, representatives=(chair,)
                    ),
                )
            for month, day in ((3, 2), (3, 16)):
                with app.unit_of_work(email) as uow:
                    meeting = meetings.plan(
                        uow,
                        f"G{n}",
                        title=f"Sitzung Gremium {n}, {day:02}.{month:02}.",
                        starts_at=f"2027-{month:02}-{day:02} 10:00",
                        location="Rathaus Treptow, Raum 1",
                    )
                    mid = meeting.id
                for item in (1, 2):
                    with app.unit_of_work(email) as uow:
                        agenda.propose(
                            uow,
                            mid,
                            title=f"Punkt {item}: Bericht aus dem Stadtteil",
                            description="Vorbereitet für den Arbeitstag der Messung.",
                        )
