"""Web: the pages a chair opens every day, under 20 concurrent clients, on PostgreSQL
with the scale data set, against the framework's floor.

The database: the example committee's demo year (meetings, agenda items,
votes, decisions, minutes, audit trail) played on a simulated clock through
the services, then the scale data set beside it (bench/scale.py: 10,000
committees, 100,000 pending timers, 1,000,000 audit records; 1/10 with
``--quick``). ``gremium web`` serves it with gthread workers (one per core) on the
system clock, exactly as in production. The chair signs in once, the real
way (link by mail, confirmed), and 20 client threads share that session,
each on a keep-alive connection of its own (http.client).

Measured per endpoint (phases in turn, each repeated, in one server run), "cold" and "warm":
``/healthz`` (a trivial view: the framework, the server and the network
stack, no database — the floor), the overview ``/``, a meeting page
``/meetings/<id>`` and the decisions register ``/committees/<id>/decisions``.
Each page is measured twice, on two servers in turn over the same data: cold
(``[web] page_cache_mb = 0``: every page rendered) and warm (the page cache:
a repeated view, governance/web/page_cache.py); the chair's session, kept in
the database, serves both. Figures: median and 95th percentile of the response
time as a client sees it. Target: p95 <= 50 ms and <= 5x the floor's p95. Beside them, each page
requested by one client alone (one request after the other): the page's own
time without waiting for a worker, which tells queueing from work.

Then a third server run, the working day (bench/web_day.py): 20 different people
signed in the real way (each from a loopback address of their own), each opening their
own overview, their committee's meeting pages and register and ``/healthz`` (the floor,
in the same phase) in a cycle with 0.2-1 s of think time, sending the ETag of their
last copy (the bench's probe: 304 = kept by the page cache, 200 = rendered); first a
quiet half, then a half in which one writer plans a meeting and proposes an agenda item
a second through the web forms (CSRF). Figures per half and page: median, p95, the share
rendered; and the writes' times.

The prepared database (demo year, scale data set, the day's chairs: bench/web_data.py)
takes minutes. ``python -m bench --only web --reuse`` keeps it: the schema
``bench_web_v<preparation>_<committees>c_<timers>t_<audit>a_<migration head>`` in the
PostgreSQL database of ``GREMIUM_TEST_PG_URL``, with its audit key in
``$TMPDIR/gremium-bench-web/<schema>/``; the next ``--reuse`` run with the same sizes and
migration head starts measuring at once (a schema of another key is dropped then). Each
run adds its sign-in sessions and the day's writes to it. To drop it::

    psql -h 127.0.0.1 -U postgres test -c 'DROP SCHEMA bench_web_v1_... CASCADE'
    rm -r /tmp/gremium-bench-web/bench_web_v1_...

(or drop every kept one: the schemas ``bench_web_%`` and ``/tmp/gremium-bench-web``).

The machine is shared (2 cores for the clients, the server workers and
PostgreSQL together): the figures are upper bounds of what a dedicated
server does.
"""

from __future__ import annotations

import contextlib
import dataclasses
import email
import email.policy
import http.client
import os
import re
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from sqlalchemy import func, select

from bench.common import Result, pg_problem
from bench.scale import Sizes
from tests.web_server import WebServer, clean_env, start, write_config

CLIENTS = 20
WORKERS = 2  # one per core: a worker runs Python on one core at a time (see README, production)
TARGET_MS = 50.0
TARGET_RATIO = 5.0
CHAIR = "spk@ba-tk.example.org"


# --- the data ---


def play_demo_year(url: str, maildir: Path) -> None:
    """The example committee's year through the services, on a simulated clock, exactly as
    `gremium demo` plays it (the members answer by the links in the mails delivered to *maildir*)."""
    from governance.bootstrap import build_app
    from governance.clock import SimulatedClock
    from governance.config import Settings
    from governance.demo import replies
    from governance.demo.run import START, play_year
    from tests.conftest import migrate

    clock = SimulatedClock(START)
    settings = Settings(
        database=url,
        clock="simulated",
        attach_documents=False,
        mail={"reply_address": replies.MAILBOX},
    )
    app = build_app(settings, clock=clock, check_schema=False)
    try:
        migrate(app.db)
        play_year(app, clock, maildir)
    finally:
        app.db.dispose()


@dataclasses.dataclass(frozen=True)
class Targets:
    committee_id: int
    meeting_id: int
    meetings: int
    decisions: int


def targets(url: str) -> Targets:
    """The example committee and its meeting with the most agenda items."""
    from bench.web_data import application
    from governance.models import AgendaItem, Committee, Decision, Meeting

    with application(url) as app, app.db.session() as session:
        committee = session.execute(
            select(Committee.id).where(Committee.short_name == "KG")
        ).scalar_one()
        meeting = session.execute(
            select(AgendaItem.meeting_id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(Meeting.committee_id == committee)
            .group_by(AgendaItem.meeting_id)
            .order_by(func.count().desc(), AgendaItem.meeting_id)
            .limit(1)
        ).scalar_one()
        meetings = session.execute(
            select(func.count(Meeting.id)).where(Meeting.committee_id == committee)
        ).scalar_one()
        decisions = session.execute(
            select(func.count(Decision.id)).where(Decision.committee_id == committee)
        ).scalar_one()
    return Targets(int(committee), int(meeting), int(meetings), int(decisions))


# --- a minimal browser: cookies and forms over http.client ---


class Client:
    """One keep-alive connection with a cookie jar (enough for signing in and reading pages)."""

    def __init__(
        self, port: int, cookies: dict[str, str] | None = None, source: str | None = None
    ) -> None:
        self.port = port
        # *source*: the client's own loopback address (127.0.0.0/8), so that each person
        # of the day phase asks for a sign-in link from an address of their own, as from
        # their own computer (the sign-in service limits the requests per client address).
        self.conn = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=30, source_address=(source, 0) if source else None
        )
        self.cookies = dict(cookies or {})

    def request(
        self,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        etag: str | None = None,
    ) -> tuple[int, dict[str, str], str]:
        headers = {"Accept-Language": "de"}
        if etag:  # the day phase's probe: 304 if the page cache kept this very page
            headers["If-None-Match"] = etag
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed an idle keep-alive connection (gunicorn: after 2 s): a
            # browser opens a new one and sends again, and so does this client.
            self.conn.close()
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text

    def close(self) -> None:
        self.conn.close()


def _form_after(html: str, marker: str) -> tuple[str, dict[str, str]]:
    """The action and hidden fields of the first POST form containing *marker*."""
    for match in re.finditer(r"<form\b[^>]*>.*?</form>", html, re.S | re.I):
        form = match.group(0)
        if marker in form and re.search(r'method="post"', form, re.I):
            action = re.search(r'action="([^"]*)"', form)
            hidden = dict(
                re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form)
            )
            return (action.group(1) if action else ""), hidden
    raise AssertionError(f"no POST form with {marker!r} on the page")


def sign_in(
    server: WebServer, maildir: Path, person: str = CHAIR, source: str | None = None
) -> dict[str, str]:
    """Sign *person* (the chair) in as a person does (ask, take the link from the mail,
    confirm), from the loopback address *source*; the cookies."""
    client = Client(server.port, source=source)
    status, _, html = client.request("GET", "/sign-in")
    assert status == 200, status
    action, hidden = _form_after(html, 'type="email"')
    status, _, _ = client.request("POST", action or "/sign-in", {**hidden, "email": person})
    assert status in (200, 302, 303), status
    link = _wait_for_link(maildir, server.base_url, person)
    path = urlsplit(link).path
    status, _, html = client.request("GET", path)
    assert status == 200, (status, html[:300])
    action, hidden = _form_after(html, "csrf_token")
    status, headers, _ = client.request("POST", action or path, hidden)
    assert status in (302, 303), (status, headers)
    client.close()
    return client.cookies


def _wait_for_link(maildir: Path, base_url: str, person: str, timeout: float = 30.0) -> str:
    """The sign-in link in the newest mail to *person* (taken out of the Maildir: used once)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found_files = sorted((maildir / "new").glob("*")) if (maildir / "new").exists() else []
        for file in reversed(found_files):
            message = email.message_from_bytes(file.read_bytes(), policy=email.policy.default)
            if person.lower() not in str(message.get("To", "")).lower():
                continue
            for part in message.walk():
                if part.get_content_maintype() == "text":
                    found = re.search(
                        re.escape(base_url) + r"/sign-in/[A-Za-z0-9_\-]+", str(part.get_content())
                    )
                    if found:
                        file.unlink()
                        return found.group(0)
        time.sleep(0.2)
    raise AssertionError(f"no sign-in mail in {maildir} within {timeout:.0f} s")


# --- load ---


def measure(port: int, cookies: dict[str, str], path: str, per_client: int) -> list[float]:
    """*CLIENTS* threads each GET *path* *per_client* times; every response time in ms."""
    times: list[float] = []
    lock = threading.Lock()
    failures: list[str] = []
    barrier = threading.Barrier(CLIENTS)

    def client() -> None:
        c = Client(port, cookies)
        mine: list[float] = []
        try:
            try:
                c.request("GET", path)  # connection and first request: not measured
            except Exception as exc:
                failures.append(f"{path}: {exc!r}")
                barrier.abort()  # the others must not wait for this client
                raise
            barrier.wait(timeout=600)
            for _ in range(per_client):
                started = time.perf_counter()
                status, _, _ = c.request("GET", path)
                mine.append((time.perf_counter() - started) * 1000)
                if status != 200:
                    failures.append(f"{path}: HTTP {status}")
        finally:
            c.close()
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:5]
    return times


def server_cpu_seconds(server: WebServer) -> float:
    """User and system CPU time of the server's processes so far (the master and its workers):
    a figure the other load on a shared machine does not inflate the way it does wall time."""
    tick = os.sysconf("SC_CLK_TCK")
    pids = [server.process.pid]
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def alone(port: int, cookies: dict[str, str], path: str, count: int) -> list[float]:
    """One client, one request after the other: the page's own time, without queueing."""
    client = Client(port, cookies)
    try:
        client.request("GET", path)
        times = []
        for _ in range(count):
            started = time.perf_counter()
            status, _, _ = client.request("GET", path)
            times.append((time.perf_counter() - started) * 1000)
            assert status == 200, f"{path}: HTTP {status}"
        return times
    finally:
        client.close()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


@contextlib.contextmanager
def serving(url: str, folder: Path, workers: int, page_cache_mb: int = 32) -> Iterator[WebServer]:
    config = write_config(
        folder / "gremium.toml",
        {
            "database": url,
            "clock": "system",
            "language": "de",
            "audit_key_file": str(folder / "audit.key"),
            "attach_documents": False,
        },
        mail={
            "delivery": "maildir",
            "maildir": str(folder / "mail"),
            "sender": "gremium@ba-tk.example.org",
        },
        web={"page_cache_mb": page_cache_mb},
    )
    server = start(config, workers=workers, cwd=folder, env=clean_env())
    try:
        yield server
    finally:
        server.stop()


def run(sizes: Sizes, quick: bool = False, reuse: bool = False) -> list[Result]:
    problem = pg_problem()
    if problem:
        return [Result("web", f"skipped: {problem}", 0, "-")]
    from bench import web_day
    from bench.web_data import prepared

    per_client = 10 if quick else 25
    rounds = 2 if quick else 3
    with prepared(sizes, reuse) as data:
        url, folder = data.url, data.folder
        found = targets(url)
        pages: dict[str, str] = {
            "floor": "/healthz",
            "overview": "/",
            "meeting": f"/meetings/{found.meeting_id}",
            "decisions": f"/committees/{found.committee_id}/decisions",
        }
        cookies: dict[str, str] | None = None
        measured = {}
        # First every page rendered (no page cache: what a first view or a view
        # after a write costs), then a server with the page cache (a repeated view).
        for mode, megabytes in (("cold", 0), ("warm", 32)):
            with serving(url, folder, WORKERS, page_cache_mb=megabytes) as server:
                if cookies is None:  # the session is in the database: both servers know it
                    cookies = sign_in(server, folder / "mail")
                measured[mode] = _phases(server, cookies, pages, per_client, rounds)
        # Then a working day: 20 people on their own pages, with writes, page cache on.
        with serving(url, folder, WORKERS) as server:
            day = web_day.run_day(server, url, folder / "mail", seconds=20 if quick else 90)
    label = (
        f"{CLIENTS} clients, {WORKERS} gthread workers, PostgreSQL with {sizes.committees:,} committees"
        f" + the demo year ({found.meetings} meetings, {found.decisions} decisions)"
    )
    if data.demo_s is None or data.load_s is None:
        results = [Result("web", f"setup: kept schema reused, `--reuse` ({label})", 0, "s")]
    else:
        results = [
            Result("web", f"setup: demo year on PostgreSQL ({label})", data.demo_s, "s"),
            Result("web", "setup: scale data set (COPY) and the day's chairs", data.load_s, "s"),
        ]
    for mode, (times, single, cpu) in measured.items():
        results += _figures(mode, found, times, single, cpu)
    results += web_day.figures(day)
    return results


def _phases(
    server: WebServer,
    cookies: dict[str, str],
    pages: dict[str, str],
    per_client: int,
    rounds: int,
) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[str, float]]:
    times: dict[str, list[float]] = {name: [] for name in pages}
    single: dict[str, list[float]] = {name: [] for name in pages}
    cpu: dict[str, float] = dict.fromkeys(pages, 0.0)
    for _ in range(rounds):  # phases in turn, so drift on the machine hits all alike
        for name, path in pages.items():
            single[name] += alone(server.port, cookies, path, per_client)
            before = server_cpu_seconds(server)
            times[name] += measure(server.port, cookies, path, per_client)
            cpu[name] += server_cpu_seconds(server) - before
    return times, single, cpu


def _figures(
    mode: str,
    found: Targets,
    times: dict[str, list[float]],
    single: dict[str, list[float]],
    cpu: dict[str, float],
) -> list[Result]:
    """The figures of one server run; *mode*: cold (every page rendered) or warm (the
    page cache on: the 20 clients share one session and nothing is written during the run,
    so each worker renders a page once, or again when the clock reaches its horizon, and
    else sends it as kept)."""
    pages = times.keys()
    how = {
        "cold": "no page cache (every page rendered)",
        "warm": "page cache (repeated view)",
    }[mode]
    floor_p95 = p95(times["floor"])
    results = [
        Result(
            "web",
            f"[{mode}] `/healthz` (the floor: framework, server, network; no database), median",
            statistics.median(times["floor"]),
            "ms",
        ),
        Result("web", f"[{mode}] `/healthz` p95", floor_p95, "ms"),
        Result(
            "web",
            f"[{mode}] `/healthz`, 1 client alone, median",
            statistics.median(single["floor"]),
            "ms",
        ),
    ]
    names = {
        "overview": "overview `/` (the chair)",
        "meeting": f"meeting page `/meetings/{found.meeting_id}`",
        "decisions": "decisions register `/committees/<KG>/decisions`",
    }
    names = {name: f"[{mode}] {what}, {how}" for name, what in names.items()}
    cpu_ms = {name: cpu[name] * 1000 / max(len(times[name]), 1) for name in pages}
    results.append(
        Result(
            "web",
            f"[{mode}] `/healthz`, server CPU per request (all workers, under the 20 clients)",
            cpu_ms["floor"],
            "ms",
        )
    )
    for name, what in names.items():
        results.append(
            Result(
                "web",
                f"{what}, server CPU per request (PostgreSQL's own CPU not counted)",
                cpu_ms[name],
                "ms",
                cpu_ms["floor"],
                "`/healthz` CPU",
            )
        )
        results.append(
            Result(
                "web",
                f"{what}, 1 client alone (no queueing), median",
                statistics.median(single[name]),
                "ms",
                statistics.median(single["floor"]),
                "`/healthz` alone",
            )
        )
        values = times[name]
        results.append(Result("web", f"{what}, median", statistics.median(values), "ms"))
        figure = p95(values)
        results.append(
            Result(
                "web",
                f"{what}, p95 ({len(values)} requests)",
                figure,
                "ms",
                floor_p95,
                "`/healthz` p95",
                f"≤ {TARGET_MS:.0f} ms and ≤ {TARGET_RATIO:.0f}× floor",
                figure <= TARGET_MS and figure <= TARGET_RATIO * floor_p95,
            )
        )
    return results
