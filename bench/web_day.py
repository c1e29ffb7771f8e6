"""The "day" phase of bench/web.py: what 20 people do on a working day.

Twenty different people are signed in, each the real way (a link by mail, confirmed)
from a loopback address of their own (127.0.0.10 …; the sign-in service limits the
requests per client address): the demo's people of KG and KV who may sign in
(representatives, deputies, the secretariat, the coordinator) up to :data:`FROM_DEMO`,
then the chairs bench/web_data.py seated in scale committees (G0 …, each with two
planned meetings and agenda items; no decisions). Each person, on a keep-alive
connection of their own, opens in a cycle their overview, up to three meetings of their
committee, its decisions register and ``/healthz`` (the floor, in the same phase), with
a think time of 0.2–1 s before each (random, seeded per person).

Kept or rendered: a client sends the ETag of its last copy of a page (If-None-Match),
and the page cache answers a kept page with that ETag by 304; a rendered page is sent
whole (200). So 304 = kept, 200 = rendered: each person's pages are their own (the
session is part of the cache key) and a page is kept only as it was sent to that
person, so a kept page is always the client's last copy. A browser does not send
If-None-Match here (the pages are ``Cache-Control: no-store``): it would get a kept page
whole, a few dozen kilobytes more on the loopback; the header is the bench's probe, as
the server says nowhere else whether it rendered. (A hook that would spare the probe: an
``X-Page-Cache: kept|rendered`` header from governance/web/page_cache.py.)

The day has two halves of the same length, measured apart. In the first ("quiet")
nobody writes. In the second ("writing") one writer (G0's chair, a session of their own)
makes a real change through the web forms with their CSRF token, one started a second
(back to back when a write takes longer): first plans a meeting, then proposes agenda
items to it (the chair's items go on the agenda at once). Each write advances the data
version, so every kept page of every person is rendered afresh on its next view. No
timer runner writes during the phase: the scale data set's timers are due in a year.
Not written: attendance marks and minutes notes (they need a meeting in session or held;
the seated committees' meetings are planned ones).
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import threading
import time
from pathlib import Path

from sqlalchemy import exists, select

from bench.common import Result
from bench.web import TARGET_MS, TARGET_RATIO, Client, _form_after, p95, server_cpu_seconds, sign_in
from bench.web_data import application, seated_email
from tests.web_server import WebServer

PEOPLE = 20
FROM_DEMO = 12
"""At most this many of the day's people come from the demo (KG, KV); the rest are the
chairs of scale committees (the overview of 20 people of one committee would be 20 times
nearly the same page)."""
THINK_S = (0.2, 1.0)
WRITE_EVERY_S = 1.0
SEED = 20261201
KINDS = ("overview", "meeting", "decisions", "floor")


@dataclasses.dataclass(frozen=True)
class Person:
    email: str
    committee_id: int
    meeting_ids: tuple[int, ...]


HALVES = ("quiet", "writing")
"""The day in two halves of the same length: first nobody writes (what the page cache
keeps when nothing changes), then the writer works (what a write a second costs)."""


@dataclasses.dataclass
class Half:
    seconds: float
    times: dict[str, list[float]]
    rendered: dict[str, int]
    rendered_times: dict[str, list[float]]
    kept_times: dict[str, list[float]]
    cpu_s: float


@dataclasses.dataclass
class Day:
    people: int
    from_demo: int
    halves: dict[str, Half]
    writes: list[float]
    write_kinds: dict[str, int]
    sign_in_s: float
    errors: list[str]
    """Pages answered with neither 200 nor 304 (not timed)."""


def people(url: str) -> list[Person]:
    """The day's people and what each of them opens."""
    from governance.models import AgendaItem, Committee, Meeting, Membership
    from governance.models import Person as PersonRow
    from governance.models.committee import MembershipPerson, SecretariatMember
    from governance.services import sign_in as sign_in_service

    with application(url) as app, app.db.session() as session:
        kg_kv = dict(
            session.execute(
                select(Committee.id, Committee.short_name).where(
                    Committee.short_name.in_(("KG", "KV"))
                )
            ).all()
        )
        seats = list(
            session.execute(
                select(PersonRow, Membership.committee_id)
                .join(MembershipPerson, MembershipPerson.person_id == PersonRow.id)
                .join(Membership, Membership.id == MembershipPerson.membership_id)
                .where(Membership.committee_id.in_(kg_kv))
                .order_by(PersonRow.id)
            ).all()
        )
        seats += session.execute(
            select(PersonRow, SecretariatMember.committee_id)
            .join(SecretariatMember, SecretariatMember.person_id == PersonRow.id)
            .where(SecretariatMember.committee_id.in_(kg_kv))
            .order_by(PersonRow.id)
        ).all()
        chosen: dict[str, int] = {}
        for person, committee in seats:
            if len(chosen) >= FROM_DEMO:
                break
            if (
                person.email
                and person.email not in chosen
                and sign_in_service.has_role(session, person)
            ):
                chosen[person.email] = int(committee)
        from_g = PEOPLE - len(chosen)
        for n in range(from_g):
            committee = session.execute(
                select(Committee.id).where(Committee.short_name == f"G{n}")
            ).scalar_one()
            chosen[seated_email(n)] = int(committee)
        # Not the meeting bench/scale.py seeds for its timers (tests/scale_support.py): its
        # agenda item has the status "handled", which no service sets and the meeting page
        # cannot name (HTTP 500: no message 'agenda.status.handled').
        seeded = exists().where(AgendaItem.meeting_id == Meeting.id, AgendaItem.status == "handled")
        found = []
        for email, committee in chosen.items():
            meetings = session.execute(
                select(Meeting.id)
                .where(Meeting.committee_id == committee, ~seeded)
                .order_by(Meeting.starts_at.desc())
                .limit(3)
            ).scalars()
            found.append(Person(email, committee, tuple(int(m) for m in meetings)))
    return found


def run_day(server: WebServer, url: str, maildir: Path, seconds: float) -> Day:
    """The day: *seconds* without writes, then *seconds* with the writer."""
    crowd = people(url)
    started = time.perf_counter()
    cookies = [
        sign_in(server, maildir, p.email, source=f"127.0.0.{10 + n}") for n, p in enumerate(crowd)
    ]
    writer_cookies = sign_in(server, maildir, seated_email(0), source="127.0.0.9")
    sign_in_s = time.perf_counter() - started
    from_demo = sum(1 for p in crowd if not p.email.startswith("vorsitz@g"))

    samples: list[tuple[str, float, bool, float]] = []  # kind, ms, rendered, when
    writes: list[float] = []
    write_kinds: dict[str, int] = {}
    failures: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    writing = threading.Event()

    def reader(n: int, person: Person) -> None:
        rng = random.Random(SEED + n)
        cycle = [("overview", "/")]
        cycle += [("meeting", f"/meetings/{m}") for m in person.meeting_ids]
        cycle += [
            ("decisions", f"/committees/{person.committee_id}/decisions"),
            ("floor", "/healthz"),
        ]
        client = Client(server.port, cookies[n], source=f"127.0.0.{10 + n}")
        etags: dict[str, str] = {}
        mine: list[tuple[str, float, bool, float]] = []
        try:
            while not stop.is_set():
                for kind, path in cycle:
                    if stop.wait(rng.uniform(*THINK_S)):
                        break
                    begun = time.perf_counter()
                    status, headers, _ = client.request("GET", path, etag=etags.get(path))
                    took = (time.perf_counter() - begun) * 1000
                    if status not in (200, 304):  # counted and shown, not timed
                        with lock:
                            errors.append(f"{path}: HTTP {status}")
                        continue
                    if headers.get("etag"):
                        etags[path] = headers["etag"]
                    mine.append((kind, took, status == 200, begun))
        except Exception as exc:
            with lock:
                failures.append(f"{person.email}: {exc!r}")
        finally:
            client.close()
            with lock:
                samples.extend(mine)

    def writer() -> None:
        if not writing.wait() or stop.is_set():
            return
        client = Client(server.port, writer_cookies, source="127.0.0.9")
        try:
            committee = _committee_of(url, seated_email(0))
            _, _, html = client.request("GET", f"/committees/{committee}/meetings")
            action, hidden = _form_after(html, 'name="title"')
            stamp = time.strftime("%H:%M:%S")
            form = {
                **hidden,
                "title": f"Arbeitstag {stamp}",
                "start": "2027-04-06T10:00",
                "duration": "120",
                "location": "Rathaus Treptow, Raum 2",
            }
            due = time.monotonic()
            begun = time.perf_counter()
            status, headers, _ = client.request("POST", action, form)
            writes.append((time.perf_counter() - begun) * 1000)
            assert status in (302, 303), f"planning a meeting: HTTP {status}"
            write_kinds["meeting planned"] = 1
            meeting_path = "/" + headers["location"].split("://", 1)[-1].split("/", 1)[-1]
            meeting_path = meeting_path.split("?", 1)[0]
            n = 0
            while True:  # one write started a second (at once when behind)
                due += WRITE_EVERY_S
                if stop.wait(max(0.0, due - time.monotonic())):
                    break
                n += 1
                _, _, html = client.request("GET", meeting_path)  # the form's CSRF and version
                action, hidden = _form_after(html, 'name="propose_title"')
                form = {
                    **hidden,
                    "propose_title": f"Punkt {n} des Arbeitstags ({stamp})",
                    "propose_description": "Eingebracht während der Messung.",
                    "propose_kind": "discussion",
                }
                begun = time.perf_counter()
                status, _, _ = client.request("POST", action, form)
                writes.append((time.perf_counter() - begun) * 1000)
                assert status in (302, 303), f"proposing an agenda item: HTTP {status}"
                write_kinds["agenda items proposed"] = n
        except Exception as exc:
            with lock:
                failures.append(f"writer: {exc!r}")
        finally:
            client.close()

    threads = [threading.Thread(target=reader, args=(n, p)) for n, p in enumerate(crowd)]
    threads.append(threading.Thread(target=writer))
    cpu = [server_cpu_seconds(server)]
    moments = [time.perf_counter()]
    for t in threads:
        t.start()
    try:
        time.sleep(seconds)
        cpu.append(server_cpu_seconds(server))
        moments.append(time.perf_counter())
        writing.set()
        time.sleep(seconds)
    finally:
        stop.set()
        writing.set()
        for t in threads:
            t.join()
    cpu.append(server_cpu_seconds(server))
    moments.append(time.perf_counter())
    assert not failures, failures[:5]
    halves = {}
    for number, name in enumerate(HALVES):
        start, end = moments[number], moments[number + 1]
        mine = [s for s in samples if start <= s[3] < end]
        halves[name] = Half(
            end - start,
            {k: [s[1] for s in mine if s[0] == k] for k in KINDS},
            {k: sum(1 for s in mine if s[0] == k and s[2]) for k in KINDS},
            {k: [s[1] for s in mine if s[0] == k and s[2]] for k in KINDS},
            {k: [s[1] for s in mine if s[0] == k and not s[2]] for k in KINDS},
            cpu[number + 1] - cpu[number],
        )
    return Day(len(crowd), from_demo, halves, writes, write_kinds, sign_in_s, errors)


def _committee_of(url: str, email: str) -> int:
    from governance.models import Membership
    from governance.models import Person as PersonRow
    from governance.models.committee import MembershipPerson

    with application(url) as app, app.db.session() as session:
        return int(
            session.execute(
                select(Membership.committee_id)
                .join(MembershipPerson, MembershipPerson.membership_id == Membership.id)
                .join(PersonRow, PersonRow.id == MembershipPerson.person_id)
                .where(PersonRow.email == email)
            ).scalar_one()
        )


def figures(day: Day) -> list[Result]:
    results = [
        Result(
            "web",
            f"[day] {day.people} people ({day.from_demo} of KG/KV, {day.people - day.from_demo}"
            f" chairs of scale committees), think time {THINK_S[0]}–{THINK_S[1]} s, page cache"
            f" on: signing the {day.people + 1} people in (link by mail, one after another)",
            day.sign_in_s,
            "s",
        )
    ]
    for name, half in day.halves.items():
        results += _half_figures(f"day, {name}", half, len(day.writes) if name == "writing" else 0)
    kinds = ", ".join(f"{n} {k}" for k, n in day.write_kinds.items())
    if len(day.writes) >= 2:
        results.append(
            Result(
                "web",
                f"[day, writing] writes through the web forms ({kinds}; one a second planned),"
                " median",
                statistics.median(day.writes),
                "ms",
            )
        )
        results.append(
            Result(
                "web",
                f"[day, writing] writes, p95 ({len(day.writes)} writes)",
                p95(day.writes),
                "ms",
            )
        )
    if day.errors:
        first = sorted(set(day.errors))[:3]
        results.append(
            Result(
                "web",
                f"[day] pages answered with an error (not timed; e.g. {', '.join(first)})",
                len(day.errors),
                "pages",
                target="0",
                met=False,
            )
        )
    return results


def _half_figures(tag: str, half: Half, writes: int) -> list[Result]:
    requests = sum(len(v) for v in half.times.values())
    floor = half.times["floor"]
    floor_p95 = p95(floor) if len(floor) >= 2 else float("nan")
    results = [
        Result(
            "web",
            f"[{tag}] requests per second ({requests} pages in {half.seconds:.0f} s,"
            f" {writes} writes)",
            requests / half.seconds,
            "req/s",
        ),
        Result(
            "web",
            f"[{tag}] server CPU per request (all workers; PostgreSQL's own CPU not counted)",
            half.cpu_s * 1000 / max(requests + writes, 1),
            "ms",
        ),
        Result("web", f"[{tag}] `/healthz` (the floor, same phase), median", _median(floor), "ms"),
        Result("web", f"[{tag}] `/healthz` p95 ({len(floor)} requests)", floor_p95, "ms"),
    ]
    names = {
        "overview": "overview `/` (each their own)",
        "meeting": "meeting pages (their committee's)",
        "decisions": "decisions register (their committee's)",
    }
    for kind, what in names.items():
        values = half.times[kind]
        if len(values) < 2:
            results.append(
                Result("web", f"[{tag}] {what}: fewer than 2 requests", len(values), "-")
            )
            continue
        results.append(
            Result(
                "web",
                f"[{tag}] {what}, rendered (not kept) {half.rendered[kind]} of {len(values)}",
                half.rendered[kind] / len(values) * 100,
                "%",
            )
        )
        results.append(Result("web", f"[{tag}] {what}, median", statistics.median(values), "ms"))
        rendered_ms, kept_ms = half.rendered_times[kind], half.kept_times[kind]
        if rendered_ms and kept_ms:
            results.append(
                Result(
                    "web",
                    f"[{tag}] {what}, median of the rendered ones alone",
                    statistics.median(rendered_ms),
                    "ms",
                    statistics.median(kept_ms),
                    "median of the kept ones",
                )
            )
        figure = p95(values)
        results.append(
            Result(
                "web",
                f"[{tag}] {what}, p95 ({len(values)} requests)",
                figure,
                "ms",
                floor_p95,
                "`/healthz` p95, same phase",
                f"≤ {TARGET_MS:.0f} ms and ≤ {TARGET_RATIO:.0f}× floor",
                figure <= TARGET_MS and figure <= TARGET_RATIO * floor_p95,
            )
        )
    return results


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
