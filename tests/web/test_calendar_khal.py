"""A real calendar program subscribes to a committee's feed: Debian's khal imports it
and shows Berlin wall-clock times on both sides of the daylight-saving changes, a
cancelled meeting as cancelled, and a moved one once, at its new time (SEQUENCE up).

khal is Debian's package (``make test`` installs it as root: ``make calendar-deps``).
Where it is missing the test is skipped saying so; CI sets ``GREMIUM_REQUIRE_KHAL=1``
and fails instead.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from governance.clock import BERLIN
from governance.services import meetings
from tests.web.calendar_support import (
    AFTER_MARCH,
    AFTER_OCTOBER,
    BEFORE_MARCH,
    BEFORE_OCTOBER,
    chair,
    feed_path,
    plan,
)

KHAL = "/usr/bin/khal"
FORMAT = "{start} | {end} | {title} | {cancelled}"


def _require_khal() -> str:
    found = shutil.which("khal") or (KHAL if Path(KHAL).exists() else None)
    if found:
        return found
    why = "khal is not installed (Debian: apt-get install khal; make test installs it as root)"
    if os.environ.get("GREMIUM_REQUIRE_KHAL") == "1":
        pytest.fail(f"GREMIUM_REQUIRE_KHAL=1 but {why}")
    pytest.skip(why)


class Khal:
    """khal with a configuration, a vdir calendar and a cache of its own under *folder*."""

    def __init__(self, program: str, folder: Path, local_timezone: str) -> None:
        self.program = program
        self.folder = folder
        name = local_timezone.replace("/", "-")
        self.config = folder / f"config-{name}"
        (folder / f"calendar-{name}").mkdir(parents=True, exist_ok=True)
        self.config.write_text(
            "[calendars]\n"
            "[[gremium]]\n"
            f"path = {folder / f'calendar-{name}'}\n"
            "type = calendar\n"
            "[locale]\n"
            f"local_timezone = {local_timezone}\n"
            "default_timezone = Europe/Berlin\n"
            "timeformat = %H:%M\n"
            "dateformat = %Y-%m-%d\n"
            "longdateformat = %Y-%m-%d\n"
            "datetimeformat = %Y-%m-%d %H:%M\n"
            "longdatetimeformat = %Y-%m-%d %H:%M\n"
            "[sqlite]\n"
            f"path = {folder / f'cache-{name}.db'}\n",
            encoding="utf-8",
        )

    def run(self, *args: str) -> str:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "LANG": "C.UTF-8",
            "TZ": "UTC",  # the machine's zone is not Berlin: the feed's zone must carry the times
        }
        done = subprocess.run(
            [self.program, "-c", str(self.config), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def import_feed(self, feed: Path) -> None:
        self.run("import", "--batch", "-a", "gremium", str(feed))

    def listing(self) -> list[str]:
        out = self.run(
            "list", "--once", "--day-format", "", "--format", FORMAT, "2026-01-01", "400d"
        )
        return [line.strip() for line in out.splitlines() if line.strip()]


def _at(moment: dt.datetime, zone: dt.tzinfo = BERLIN) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _lines_of(listing: list[str], title: str) -> list[str]:
    return [line for line in listing if f"| {title} |" in line or f"| {title}" in line]


def test_khal_shows_the_committees_feed_in_berlin_time_across_daylight_saving(
    client, signed_in, world, gremium, tmp_path
):
    program = _require_khal()
    for title, start in (
        ("Vor der Sommerzeit", BEFORE_MARCH),
        ("Nach der Sommerzeit", AFTER_MARCH),
        ("Vor der Winterzeit", BEFORE_OCTOBER),
        ("Nach der Winterzeit", AFTER_OCTOBER),
    ):
        plan(gremium, world, title, start)
    moved = plan(gremium, world, "Wird verschoben", dt.datetime(2026, 6, 10, 18, 0, tzinfo=BERLIN))
    cancelled = plan(gremium, world, "Fällt aus", dt.datetime(2026, 9, 9, 18, 0, tzinfo=BERLIN))
    signed_in(client, world.secretary)
    path = feed_path(client, "committee", world.committee_id)
    client.delete_cookie("gremium_session")  # a calendar program has no session

    berlin = Khal(program, tmp_path, "Europe/Berlin")
    utc = Khal(program, tmp_path, "UTC")
    first = tmp_path / "first.ics"
    first.write_bytes(client.get(path).get_data())
    berlin.import_feed(first)
    shown = berlin.listing()
    # 18:00 in Berlin on both sides of 29 March and 25 October
    for title, start in (
        ("Vor der Sommerzeit", BEFORE_MARCH),
        ("Nach der Sommerzeit", AFTER_MARCH),
        ("Vor der Winterzeit", BEFORE_OCTOBER),
        ("Nach der Winterzeit", AFTER_OCTOBER),
    ):
        (line,) = _lines_of(shown, title)
        assert line.startswith(f"{_at(start)} | {_at(start + dt.timedelta(hours=2))} |"), line
        assert start.hour == 18 and " 18:00 | " in line
    # the proposal deadline of the meeting after the March change is before it: 18:00 CET
    (deadline,) = _lines_of(shown, "Antragsfrist – Nach der Sommerzeit")
    assert deadline.startswith("2026-03-11 18:00"), deadline
    # the same calendar in UTC: one hour less in winter, two in summer
    utc.import_feed(first)
    in_utc = utc.listing()
    assert _lines_of(in_utc, "Vor der Sommerzeit")[0].startswith("2026-03-25 17:00")
    assert _lines_of(in_utc, "Nach der Sommerzeit")[0].startswith("2026-04-01 16:00")
    assert _lines_of(in_utc, "Vor der Winterzeit")[0].startswith("2026-10-21 16:00")
    assert _lines_of(in_utc, "Nach der Winterzeit")[0].startswith("2026-10-28 17:00")

    # the chair moves one meeting and cancels another; the calendar fetches the feed again
    with gremium.unit_of_work(chair(world)) as work:
        meetings.move(
            work,
            moved,
            starts_at=dt.datetime(2026, 6, 17, 10, 0, tzinfo=BERLIN),
            reason="Raum belegt",
        )
        meetings.cancel(work, cancelled, reason="Krankheit")
    second = tmp_path / "second.ics"
    second.write_bytes(client.get(path).get_data())
    assert b"SEQUENCE:1" in second.read_bytes()
    berlin.import_feed(second)
    shown = berlin.listing()
    (line,) = _lines_of(shown, "Wird verschoben")
    assert line.startswith("2026-06-17 10:00 | 2026-06-17 12:00 |"), line
    assert not any(entry.startswith("2026-06-10 18:00") for entry in shown)
    (line,) = _lines_of(shown, "Abgesagt: Fällt aus")
    assert line.startswith("2026-09-09 18:00") and line.endswith("CANCELLED"), line
    assert not _lines_of(shown, "Fällt aus")
    assert (
        len(list((tmp_path / "calendar-Europe-Berlin").iterdir())) == 12
    )  # 6 meetings, 6 deadlines


def test_khal_reads_the_demo_committees_feed(demo_year, tmp_path):
    """The demo year writes the committee's feed (calendar/KG.ics); khal shows its
    meetings at 10:00 Berlin time in winter and in summer alike."""
    program = _require_khal()
    feed = demo_year / "calendar" / "KG.ics"
    assert feed.exists(), "the demo wrote no calendar feed"
    berlin = Khal(program, tmp_path, "Europe/Berlin")
    berlin.import_feed(feed)
    shown = berlin.listing()
    meetings_shown = [
        line for line in shown if "Antragsfrist" not in line and "Einwendungsfrist" not in line
    ]
    assert len(meetings_shown) >= 4, shown
    starts = {line.split(" | ")[0] for line in meetings_shown}
    assert any(s.startswith("2026-03-") and s.endswith("10:00") for s in starts), starts
    assert any(s.startswith("2026-06-") and s.endswith("10:00") for s in starts), starts
    assert any("Einwendungsfrist Protokoll" in line for line in shown), shown
