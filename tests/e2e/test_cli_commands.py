"""Every command of the README's command table runs, in German and in English,
in its text form and (where it has one) as ``--json``, over a database that
went through the demo year: exit 0, no traceback, text output that is not
empty, JSON that parses.

The commands are read from README.md, so a command added there without a
recipe here fails :func:`test_every_readme_command_has_a_recipe`. A recipe
is the steps that bring the demo's database to where the command can
succeed, then the command itself (the last step).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pytest
from sqlalchemy import create_engine, text

import governance.cli as cli_module
from governance.cli import cli, main

README = Path(__file__).resolve().parents[2] / "README.md"

CHAIR = "spk@ba-tk.example.org"
SEC = "geschaeftsstelle@ba-tk.example.org"
RABENHAUS = "gf@rabenhaus.example.org"
NEW_APPLICANT = "vorstand@nachbarn-adlershof.example.org"
ADMIN = "admin@ba-tk.example.org"
# The demo ends on 2027-01-05 12:00; its next meeting (ID 5) is on 2027-03-10 10:00.
NOW = "2027-01-05 12:00"
NEXT_MEETING = "5"
ADMIN = "admin@ba-tk.example.org"


def readme_commands() -> list[str]:
    """The commands of the README's table, e.g. ``meeting series add``."""
    found = re.findall(r"^\| `gremium ([a-z][a-z -]*)` \|", README.read_text("utf-8"), re.M)
    assert len(found) > 50, "the README's command table was not found"
    return found


Step = tuple[str | None, list[str]] | Callable[["Run"], None]


class Run:
    """One command's run: its own copy of the demo database, steps in order."""

    def __init__(self, folder: Path, url: str, capsys: Any, monkeypatch: Any) -> None:
        self.folder = folder
        self.url = url
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def __call__(self, actor: str | None, args: list[str]) -> tuple[int, str, str]:
        argv = ["--db", self.url, *(["--as", actor] if actor else []), *args]
        self.capsys.readouterr()
        cli_module._current_lang = None
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        out, err = self.capsys.readouterr()
        return int(exit_.value.code or 0), out, err

    def ok(self, actor: str | None, args: list[str]) -> str:
        code, out, err = self(actor, args)
        assert code == 0 and "Traceback" not in err, (args, out, err)
        return out

    def sql(self, statement: str, **params: Any) -> Any:
        engine = create_engine(self.url)
        try:
            with engine.begin() as conn:
                result = conn.execute(text(statement), params)
                return result.fetchall() if result.returns_rows else None
        finally:
            engine.dispose()


def _set_clock(moment: str) -> Callable[[Run], None]:
    """Move the simulated clock without firing timers: the runner was down meanwhile."""

    def step(run: Run) -> None:
        run.sql(
            "UPDATE settings SET value = :v WHERE key = 'simulated_clock'",
            v=f"{moment}:00+01:00",
        )

    return step


def _fail_a_timer(run: Run) -> None:
    run.sql(
        "UPDATE timers SET status = 'failed', last_error = 'disk full' "
        "WHERE id = (SELECT min(id) FROM timers WHERE status = 'pending')"
    )


def _failed_timer(run: Run) -> str:
    return str(run.sql("SELECT max(id) FROM timers WHERE status = 'failed'")[0][0])


def _defer_a_message(run: Run) -> None:
    """A queued message the relay could not take: a port where no server listens."""
    run.monkeypatch.setenv("GREMIUM_MAIL_DELIVERY", "smtp")
    run.monkeypatch.setenv("GREMIUM_MAIL_SMTP_HOST", "127.0.0.1")
    run.monkeypatch.setenv("GREMIUM_MAIL_SMTP_PORT", "9")
    run.monkeypatch.setenv("GREMIUM_MAIL_SMTP_SECURITY", "none")
    run.ok(None, ["outbox", "send"])
    for var in ("DELIVERY", "SMTP_HOST", "SMTP_PORT", "SMTP_SECURITY"):
        run.monkeypatch.delenv(f"GREMIUM_MAIL_{var}")


def _read_a_mailbox(run: Run) -> None:
    """A real Dovecot on loopback (tests/dovecot.py) as the secretariat's mailbox."""
    import atexit
    import tempfile

    from tests.dovecot import Dovecot, require_or_skip

    require_or_skip()
    folder = Path(tempfile.mkdtemp(prefix="gremium-dovecot-"))
    folder.chmod(0o755)
    server = Dovecot(folder)
    server.write_password_file()
    atexit.register(lambda: (server.stop(), shutil.rmtree(folder, ignore_errors=True)))
    for key, value in server.settings().items():
        run.monkeypatch.setenv(f"GREMIUM_MAIL_{key.upper()}", str(value))


PROCEDURE_START = (
    CHAIR,
    ["procedure", "start", "--title", "Kiezfonds", "--text", "Wir unterstützen den Kiezfonds."],
)


def _last_id(table: str) -> Callable[[Run], str]:
    def value(run: Run) -> str:
        return str(run.sql(f"SELECT max(id) FROM {table}")[0][0])

    return value


def _amended_hash(run: Run) -> str:
    return str(run.sql("SELECT text_sha256 FROM agreement_versions WHERE id = 2")[0][0])


def _amendment_top(run: Run) -> str:
    return str(run.sql("SELECT position FROM agenda_items WHERE agreement_version_id = 2")[0][0])


def _in_force_hash(run: Run) -> str:
    return str(run.sql("SELECT text_sha256 FROM agreement_versions WHERE id = 1")[0][0])


# --- shared set-ups ---

APPLY: list[Step] = [
    (
        CHAIR,
        [
            "accession",
            "apply",
            "--org-name",
            "Nachbarschaftsverein Adlershof e.V.",
            "--short-name",
            "Adlershof",
            "--kind",
            "association",
            "--applicant-name",
            "Vorstand Adlershof",
            "--applicant-email",
            NEW_APPLICANT,
        ],
    )
]
ACCEPTED: list[Step] = [
    *APPLY,
    (CHAIR, ["accession", "review", "2"]),
    (CHAIR, ["accession", "schedule", "2"]),
    (CHAIR, ["accession", "decide", "2", "--yes", "8", "--no", "0", "--abstain", "0"]),
]
AMENDED: list[Step] = [(CHAIR, ["agreement", "amend", "1", "--text-file", "fassung-2.txt"])]
PRESENT = ("BA Treptow-Köpenick", "Rabenhaus", "tjfbg", "ajb", "KungerKiez", "VskA", "Offensiv'91")
# An amendment is decided by the committee before it is opened for signature:
# the chair puts it on the next meeting, which votes on it with two thirds.
DECIDED: list[Step] = [
    *AMENDED,
    (CHAIR, ["agreement", "schedule", "2"]),
    (None, ["tick", "--until", "2027-03-10 10:00"]),
    *[(SEC, ["meeting", "attend", NEXT_MEETING, org]) for org in PRESENT],
    (CHAIR, ["meeting", "open", NEXT_MEETING]),
    (
        CHAIR,
        [
            "meeting",
            "vote",
            NEXT_MEETING,
            _amendment_top,
            "--yes",
            "7",
            "--no",
            "0",
            "--abstain",
            "0",
            "--text",
            "Die Fassung 2 der Kooperationsvereinbarung wird beschlossen.",
        ],
    ),
]
OPENED: list[Step] = [*DECIDED, (CHAIR, ["agreement", "open", "2"])]
PROPOSED: list[Step] = [
    (RABENHAUS, ["agenda", "propose", NEXT_MEETING, "--title", "Sommerfest", "--kind", "decision"])
]
IN_SESSION: list[Step] = [
    (CHAIR, ["agenda", "propose", NEXT_MEETING, "--title", "Haushalt 2028", "--kind", "decision"]),
    (None, ["tick", "--until", "2027-03-10 10:00"]),
    *[(SEC, ["meeting", "attend", NEXT_MEETING, org]) for org in PRESENT],
    (CHAIR, ["meeting", "open", NEXT_MEETING]),
]
HELD: list[Step] = [*IN_SESSION, (CHAIR, ["meeting", "close", NEXT_MEETING])]
HYBRID: Step = (
    CHAIR,
    [
        "meeting",
        "format",
        NEXT_MEETING,
        "--format",
        "hybrid",
        "--video-url",
        "https://v.example.org/kg",
    ],
)
NOTED: list[Step] = [
    *HELD,
    (SEC, ["minutes", "note", NEXT_MEETING, "--top", "1", "--text", "Genehmigt."]),
]
CIRCULATED: list[Step] = [*NOTED, (SEC, ["minutes", "circulate", NEXT_MEETING])]
OBJECTED: list[Step] = [
    *CIRCULATED,
    (RABENHAUS, ["minutes", "object", NEXT_MEETING, "--text", "TOP 2 fehlt."]),
]
NEW_ORG: list[Step] = [
    (
        CHAIR,
        [
            "org",
            "add",
            "Nachbarschaftsverein Adlershof e.V.",
            "--short",
            "Adlershof",
            "--kind",
            "association",
        ],
    ),
    (
        CHAIR,
        ["person", "add", "Vorstand Adlershof", "--email", NEW_APPLICANT, "--org", "Adlershof"],
    ),
]


NEW_COMMITTEE: list[Step] = [
    (
        CHAIR,
        [
            "committee",
            "add",
            "Stadtteilrunde Adlershof",
            "--short",
            "SRA",
            "--sender",
            "sra@ba-tk.example.org",
        ],
    ),
]
# An administrator, made the way an installation makes one: `init --admin-email`.
WITH_ADMIN: list[Step] = [
    (None, ["init", "--admin-email", ADMIN, "--admin-name", "IT-Stelle Bezirksamt"])
]
ATTACHED: list[Step] = [
    *PROPOSED,
    lambda run: (run.folder / "kostenplan.pdf").write_bytes(b"%PDF-1.7\n% Kostenplan\n%%EOF\n"),
    (
        RABENHAUS,
        ["agenda", "attach", _last_id("agenda_items"), "--file", "kostenplan.pdf"],
    ),
]
# The meeting's day has passed without it being opened.
AFTER_THE_DAY: list[Step] = [_set_clock("2027-03-11 12:00")]


def _steps(*steps: Step) -> list[Step]:
    return list(steps)


# The command under test is the last step; a value that is a function of the
# run (an ID or hash made by an earlier step) is given as a callable.
RECIPES: dict[str, list[Any]] = {
    "accession apply": APPLY,
    "accession decide": ACCEPTED,
    "accession declare": [
        *ACCEPTED,
        (
            CHAIR,
            [
                "accession",
                "declare",
                "2",
                "--signatory",
                NEW_APPLICANT,
                "--date",
                "2027-01-05",
                "--place",
                "Berlin",
                "--hash",
                _in_force_hash,
            ],
        ),
    ],
    "accession list": [(None, ["accession", "list"])],
    "accession reject": [*APPLY, (CHAIR, ["accession", "reject", "2", "--reason", "Kein Bezug."])],
    "accession review": [*APPLY, (CHAIR, ["accession", "review", "2"])],
    "accession schedule": [
        *APPLY,
        (CHAIR, ["accession", "review", "2"]),
        (CHAIR, ["accession", "schedule", "2"]),
    ],
    "accession show": [(None, ["accession", "show", "1"])],
    "accession withdraw": [*APPLY, (CHAIR, ["accession", "withdraw", "2"])],
    "actions add": [
        *IN_SESSION,
        (
            SEC,
            [
                "actions",
                "add",
                f"{NEXT_MEETING}/2",
                "--what",
                "Bericht",
                "--who",
                "Rabenhaus",
                "--due",
                "2027-04-01",
            ],
        ),
    ],
    "actions done": [(CHAIR, ["actions", "done", "2", "--note", "versandt"])],
    "actions drop": [(CHAIR, ["actions", "drop", "2", "--reason", "entfällt"])],
    "actions list": [(None, ["actions", "list"])],
    "agenda attach": ATTACHED,
    "agenda file-export": [
        *ATTACHED,
        (None, ["agenda", "file-export", _last_id("agenda_attachments"), "--out", "plan.pdf"]),
    ],
    "agenda files": [*ATTACHED, (None, ["agenda", "files", _last_id("agenda_items")])],
    "agenda accept": [*PROPOSED, (CHAIR, ["agenda", "accept", _last_id("agenda_items")])],
    "agenda defer": [
        *PROPOSED,
        (CHAIR, ["agenda", "accept", _last_id("agenda_items")]),
        (CHAIR, ["agenda", "defer", _last_id("agenda_items"), "--reason", "später"]),
    ],
    "agenda finalize": [(CHAIR, ["agenda", "finalize", NEXT_MEETING])],
    "agenda confidential": [(SEC, ["agenda", "confidential", "1", "1"])],
    "agenda public": [
        (SEC, ["agenda", "confidential", "1", "1"]),
        (CHAIR, ["agenda", "public", "1", "1"]),
    ],
    "agenda mark": [*IN_SESSION, (SEC, ["agenda", "mark", "14", "noted", "--notes", "Bericht."])],
    "agenda order": [(CHAIR, ["agenda", "order", NEXT_MEETING, "14", "13"])],
    "agenda propose": PROPOSED,
    "agenda reject": [
        *PROPOSED,
        (CHAIR, ["agenda", "reject", _last_id("agenda_items"), "--reason", "kein Thema"]),
    ],
    "agreement amend": AMENDED,
    "agreement ceremony": [
        *OPENED,
        (
            SEC,
            [
                "agreement",
                "ceremony",
                "2",
                "--date",
                "2027-03-10",
                "--place",
                "Rathaus",
                "--sign",
                f"Rabenhaus={RABENHAUS}",
            ],
        ),
    ],
    "agreement create": [
        *NEW_COMMITTEE,
        (
            CHAIR,
            [
                "agreement",
                "create",
                "-c",
                "SRA",
                "--title",
                "Vereinbarung",
                "--file",
                "fassung-2.txt",
            ],
        ),
    ],
    "agreement list": [(None, ["agreement", "list"])],
    "agreement open": OPENED,
    "agreement remind": [*OPENED, (CHAIR, ["agreement", "remind", "2"])],
    "agreement schedule": [*AMENDED, (CHAIR, ["agreement", "schedule", "2"])],
    "agreement show": [(None, ["agreement", "show", "1"])],
    "agreement sign": [
        *OPENED,
        (
            RABENHAUS,
            [
                "agreement",
                "sign",
                "2",
                "--org",
                "Rabenhaus",
                "--signatory",
                RABENHAUS,
                "--date",
                "2027-03-10",
                "--place",
                "Berlin",
                "--method",
                "ink",
                "--hash",
                _amended_hash,
            ],
        ),
    ],
    "agreement terminate": [
        (CHAIR, ["agreement", "terminate", "1", "--date", "2027-01-05", "--reason", "Ende"])
    ],
    "agreement text": [(None, ["agreement", "text", "1"])],
    "audit log": [(None, ["audit", "log"])],
    "audit rotate-key": [*WITH_ADMIN, (ADMIN, ["audit", "rotate-key"])],
    "audit verify": [(None, ["audit", "verify"])],
    "backup": [(None, ["backup", "--out", "sicherung.zip"])],
    "clock show": [(None, ["clock", "show"])],
    "committee add": NEW_COMMITTEE,
    "committee list": [(None, ["committee", "list"])],
    "committee rules": [(None, ["committee", "rules"])],
    "committee show": [(None, ["committee", "show"])],
    "db current": [(None, ["db", "current"])],
    "db upgrade": [(None, ["db", "upgrade"])],
    "decisions list": [(None, ["decisions", "list"])],
    "documents render": [
        (None, ["documents", "render", "agreement", "1", "--format", "html", "--out", "a.html"])
    ],
    "init": [(None, ["--db", "sqlite:///neu.db", "init", "--example", "treptow-koepenick"])],
    "meeting attend": [
        (None, ["tick", "--until", "2027-03-10 09:30"]),
        (SEC, ["meeting", "attend", NEXT_MEETING, "Rabenhaus"]),
    ],
    "meeting rsvp": [(RABENHAUS, ["meeting", "rsvp", NEXT_MEETING, "attends"])],
    "links list": [(CHAIR, ["meeting", "convene", NEXT_MEETING]), (SEC, ["links", "list"])],
    "links revoke": [
        (CHAIR, ["meeting", "convene", NEXT_MEETING]),
        (SEC, ["links", "revoke", "--person", RABENHAUS]),
    ],
    "meeting cancel": [(CHAIR, ["meeting", "cancel", NEXT_MEETING, "--reason", "Hochwasser"])],
    "meeting close": HELD,
    "meeting convene": [(CHAIR, ["meeting", "convene", NEXT_MEETING])],
    # issue 16: meeting practice (the demo year allows vote transfers)
    "meeting conflict": [
        IN_SESSION[0],
        (
            SEC,
            ["meeting", "conflict", NEXT_MEETING, "3", "Rabenhaus", "--reason", "Trägerin"],
        ),
    ],
    "meeting transfer-vote": [
        (SEC, ["meeting", "transfer-vote", NEXT_MEETING, "Paritätischer Berlin", "tjfbg"])
    ],
    "meeting format": [HYBRID],
    "meeting online": [
        HYBRID,
        *IN_SESSION,
        (SEC, ["meeting", "online", NEXT_MEETING, "Rabenhaus"]),
    ],
    "meeting list": [(None, ["meeting", "list"])],
    "meeting move": [
        (
            CHAIR,
            [
                "meeting",
                "move",
                NEXT_MEETING,
                "--start",
                "2027-03-17 10:00",
                "--reason",
                "Raum belegt",
            ],
        ),
    ],
    "meeting not-held": [
        *AFTER_THE_DAY,
        (CHAIR, ["meeting", "not-held", NEXT_MEETING, "--reason", "Raum nicht zugänglich"]),
    ],
    "meeting open": IN_SESSION,
    "meeting plan": [
        (
            CHAIR,
            [
                "meeting",
                "plan",
                "--title",
                "Sondersitzung",
                "--start",
                "2027-04-21 10:00",
                "--location",
                "Rathaus Köpenick",
            ],
        ),
    ],
    "meeting record-later": [*AFTER_THE_DAY, (CHAIR, ["meeting", "record-later", NEXT_MEETING])],
    "meeting series add": [
        (
            CHAIR,
            [
                "meeting",
                "series",
                "add",
                "--title",
                "AG Stadtteilfeste",
                "--rrule",
                "FREQ=MONTHLY;BYDAY=3TU",
                "--start",
                "2027-02-16 16:00",
                "--location",
                "Rabenhaus",
            ],
        ),
    ],
    "meeting series change": [
        (CHAIR, ["meeting", "series", "change", "1", "--location", "Rathaus Treptow"])
    ],
    "meeting series end": [(CHAIR, ["meeting", "series", "end", "1"])],
    "meeting series list": [(None, ["meeting", "series", "list"])],
    "meeting show": [(None, ["meeting", "show", NEXT_MEETING])],
    "meeting vote": [
        *IN_SESSION,
        (
            CHAIR,
            [
                "meeting",
                "vote",
                NEXT_MEETING,
                "3",
                "--yes",
                "6",
                "--no",
                "1",
                "--abstain",
                "0",
                "--text",
                "Der Haushalt wird angemeldet.",
            ],
        ),
    ],
    "member add": [
        *NEW_ORG,
        (CHAIR, ["member", "add", "--org", "Adlershof", "--representative", NEW_APPLICANT]),
    ],
    "member list": [(None, ["member", "list"])],
    "report annual": [
        (None, ["report", "annual", "--year", "2026", "--format", "html", "--out", "r.html"])
    ],
    "report attendance": [(None, ["report", "attendance", "--year", "2026"])],
    "minutes approve": [
        *CIRCULATED,
        _set_clock("2027-04-30 12:00"),
        (CHAIR, ["minutes", "approve", NEXT_MEETING]),
    ],
    "minutes agree": [*CIRCULATED, (RABENHAUS, ["minutes", "agree", NEXT_MEETING])],
    "minutes circulate": CIRCULATED,
    "minutes export": [(None, ["minutes", "export", "1", "--out", "protokoll.pdf"])],
    "minutes note": NOTED,
    "minutes object": OBJECTED,
    "minutes preview": [
        *NOTED,
        (None, ["minutes", "preview", NEXT_MEETING, "--format", "html", "--out", "p.html"]),
    ],
    "minutes resolve": [
        *OBJECTED,
        (
            CHAIR,
            [
                "minutes",
                "resolve",
                NEXT_MEETING,
                _last_id("minutes_objections"),
                "--note",
                "ergänzt",
            ],
        ),
    ],
    "minutes show": [(None, ["minutes", "show", "1"])],
    "org add": NEW_ORG[:1],
    "org list": [(None, ["org", "list"])],
    "org show": [(None, ["org", "show", "Rabenhaus"])],
    "outbox list": [(None, ["outbox", "list"])],
    "outbox retry": [
        (CHAIR, ["meeting", "convene", NEXT_MEETING]),
        _defer_a_message,
        (SEC, ["outbox", "retry", _last_id("outbox")]),
    ],
    "mail fetch": [_read_a_mailbox, (None, ["mail", "fetch"])],
    "outbox send": [(CHAIR, ["meeting", "convene", NEXT_MEETING]), (None, ["outbox", "send"])],
    "person add": [(CHAIR, ["person", "add", "Neue Person", "--email", "neu@example.org"])],
    "person erase": [
        *WITH_ADMIN,
        (CHAIR, ["person", "add", "Neue Person", "--email", "neu@example.org"]),
        (ADMIN, ["person", "erase", "neu@example.org"]),
    ],
    "person export": [*WITH_ADMIN, (ADMIN, ["person", "export", RABENHAUS])],
    "person email-public": [(RABENHAUS, ["person", "email-public", RABENHAUS, "--yes"])],
    "person list": [(None, ["person", "list"])],
    "person show": [(None, ["person", "show", RABENHAUS])],
    "procedure start": [PROCEDURE_START],
    "procedure vote": [
        PROCEDURE_START,
        (RABENHAUS, ["procedure", "vote", _last_id("written_procedures"), "--choice", "yes"]),
    ],
    "procedure demand-meeting": [
        PROCEDURE_START,
        (RABENHAUS, ["procedure", "demand-meeting", _last_id("written_procedures")]),
    ],
    "procedure withdraw": [
        PROCEDURE_START,
        (CHAIR, ["procedure", "withdraw", _last_id("written_procedures"), "--reason", "Erledigt"]),
    ],
    "procedure show": [
        PROCEDURE_START,
        (None, ["procedure", "show", _last_id("written_procedures")]),
    ],
    "procedure list": [PROCEDURE_START, (None, ["procedure", "list"])],
    "restore": [
        (None, ["backup", "--out", "sicherung.zip"]),
        (None, ["--db", "sqlite:///wieder.db", "restore", "sicherung.zip"]),
    ],
    "calendar list": [(RABENHAUS, ["calendar", "list"])],
    "calendar url": [(RABENHAUS, ["calendar", "url", "committee"])],
    "calendar renew": [
        (RABENHAUS, ["calendar", "url", "person"]),
        (RABENHAUS, ["calendar", "renew", "person"]),
    ],
    # programmes and action areas (the demo's Gemeinschaftsinitiative; the chair is an
    # administrator of the installation)
    "programme add": [(CHAIR, ["programme", "add", "Zweites Programm", "--short", "ZP"])],
    "programme list": [(None, ["programme", "list"])],
    "programme show": [(None, ["programme", "show", "GI"])],
    "programme office": [(CHAIR, ["programme", "office", "GI", RABENHAUS])],
    "programme overview": [(None, ["programme", "overview", "GI"])],
    "area add": [(CHAIR, ["area", "add", "GI", "Nord", "--short", "nord"])],
    "area add-committee": [
        (
            CHAIR,
            ["committee", "add", "Dritte Runde", "--short", "DR", "--sender", "dr@x.example.org"],
        ),
        (CHAIR, ["area", "add-committee", "stadtrand-sued", "DR"]),
    ],
    "area rename": [
        (
            "gemeinschaftsinitiative@sensbw.example.org",  # the programme's office
            ["area", "rename", "handlungsraum-6", "Neuer Name", "--short", "neu"],
        )
    ],
    "area remove-committee": [(CHAIR, ["area", "remove-committee", "stadtrand-sued", "KG"])],
    "area appoint": [(CHAIR, ["area", "appoint", "stadtrand-sued", RABENHAUS])],
    "area dismiss": [
        (CHAIR, ["area", "dismiss", "stadtrand-sued", "koordination@ba-tk.example.org"])
    ],
    "area show": [(None, ["area", "show", "stadtrand-sued"])],
    "area overview": [(None, ["area", "overview", "stadtrand-sued"])],
    "run": [(CHAIR, ["meeting", "convene", NEXT_MEETING]), (None, ["run", "--once"])],
    "secretariat add": [(CHAIR, ["secretariat", "add", RABENHAUS])],
    "tick": [(None, ["tick", "--until", "2027-02-04 12:00"])],
    "timers list": [(None, ["timers", "list"])],
    "timers retry": [_fail_a_timer, (SEC, ["timers", "retry", _failed_timer])],
    "withdrawal list": [(None, ["withdrawal", "list"])],
    "withdrawal notice": [
        (CHAIR, ["withdrawal", "notice", "--org", "Rabenhaus", "--date", "2027-01-05"])
    ],
    "withdrawal revoke": [
        (CHAIR, ["withdrawal", "notice", "--org", "Rabenhaus", "--date", "2027-01-05"]),
        (CHAIR, ["withdrawal", "revoke", "--org", "Rabenhaus"]),
    ],
    "web": [(None, ["web", "--check"])],
    "workflow list": [(None, ["workflow", "list"])],
    "workflow show": [(None, ["workflow", "show", "meeting"])],
}


# Commands whose run (in German and in English) is tested elsewhere, where it is not
# repeated for this table: the demo year costs 47 s of CPU each time.
RUN_ELSEWHERE = {
    "demo": "tests/e2e/test_demo.py (German, and again into its folder with --lang en)",
}


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory, demo_year: Path) -> Path:
    """The demo year's database (``gremium demo --no-documents``, run once per test run:
    ``demo_year``), copied with its key and archive for this process."""
    folder = tmp_path_factory.mktemp("demo") / "demo"
    shutil.copytree(demo_year, folder)
    database = folder / "gremium.db"
    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as conn:  # the command line continues where the demo's clock stopped
        conn.execute(
            # (the demo stores its end moment; this says it in the command line's form)
            text("INSERT OR REPLACE INTO settings (key, value) VALUES ('simulated_clock', :v)"),
            {"v": f"{NOW}:00+01:00"},
        )
    engine.dispose()
    return database


def _command(path: str) -> click.Command:
    command: click.Command = cli
    ctx = click.Context(cli)
    for name in path.split():
        assert isinstance(command, click.Group), path
        found = command.get_command(ctx, name)
        assert found is not None, f"gremium {path}: no such command"
        command = found
    return command


def _has_json(path: str) -> bool:
    return any(p.name == "as_json" for p in _command(path).params)


def _resolved(run: Run, args: list[Any]) -> list[str]:
    return [a(run) if callable(a) else a for a in args]


def test_every_readme_command_has_a_recipe() -> None:
    missing = [c for c in readme_commands() if c not in RECIPES and c not in RUN_ELSEWHERE]
    assert not missing, f"commands in README.md without a recipe here: {missing}"
    stale = [c for c in RECIPES if c not in readme_commands()]
    assert not stale, f"recipes for commands no longer in README.md: {stale}"


def test_every_command_of_the_cli_is_in_the_readme() -> None:
    def walk(group: click.Group, prefix: str) -> list[str]:
        found = []
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None
            path = f"{prefix}{name}"
            if isinstance(command, click.Group):
                found += walk(command, f"{path} ")
            else:
                found.append(path)
        return found

    undocumented = sorted(set(walk(cli, "")) - set(readme_commands()))
    assert not undocumented, f"commands missing from README.md's table: {undocumented}"


def test_the_readme_table_says_what_each_command_says_of_itself() -> None:
    """Each row gives the first paragraph of the command's ``--help``; a note on an
    option may follow after "; " (a row cut off or out of date is what this finds)."""
    rows = re.findall(
        r"^\| `gremium ([a-z][a-z -]*)` \| (.*?) \|\s*$", README.read_text("utf-8"), re.M
    )
    assert len(rows) == len(readme_commands())
    wrong = []
    for name, said in rows:
        first = " ".join((_command(name).help or "").split("\n\n")[0].split())
        if said != first and not said.startswith(first.removesuffix(".") + "; "):
            wrong.append(f"{name}: README „{said}“, --help „{first}“")
    assert not wrong, "\n".join(wrong)


def _cases() -> list[Any]:
    cases = []
    for command in readme_commands():
        if command in RUN_ELSEWHERE:
            continue
        for lang in ("de", "en"):
            cases.append(pytest.param(command, lang, False, id=f"{command}-{lang}"))
            if _has_json(command):
                cases.append(pytest.param(command, lang, True, id=f"{command}-{lang}-json"))
    return cases


@pytest.mark.parametrize(("command", "lang", "as_json"), _cases())
def test_the_command_runs(
    command: str,
    lang: str,
    as_json: bool,
    demo_database: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("GREMIUM_CONFIG", "GREMIUM_DB", "GREMIUM_AS", "GREMIUM_LANG"):
        monkeypatch.delenv(var, raising=False)
    # The demo has two committees (KG, KV): KG is the default, as its gremium.toml says.
    monkeypatch.setenv("GREMIUM_COMMITTEE", "KG")
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    monkeypatch.setenv("GREMIUM_ATTACH_DOCUMENTS", "false")
    monkeypatch.setenv("GREMIUM_ARCHIVE", str(demo_database.parent / "archive"))
    # SQLite's backup, not a file copy: what is still in the demo's write-ahead
    # log (a connection of the demo may keep it from being checkpointed) comes along.
    with sqlite3.connect(demo_database) as source, sqlite3.connect(tmp_path / "gremium.db") as copy:
        source.backup(copy)
    source.close()
    copy.close()
    # The audit chain's key lives next to the database file (never inside it), so a
    # copy of the database is only usable with its key, the way a user's backup has both.
    shutil.copy2(demo_database.parent / "audit.key", tmp_path / "audit.key")
    (tmp_path / "fassung-2.txt").write_text(
        "§ 1 Ziel\nDie Partner:innen arbeiten zusammen.\n\n§ 2 Gremium\nEs tagt vierteljährlich.\n",
        encoding="utf-8",
    )
    run = Run(tmp_path, f"sqlite:///{tmp_path / 'gremium.db'}", capsys, monkeypatch)
    *setup, last = RECIPES[command]
    for step in setup:
        if callable(step):
            step(run)
        else:
            run.ok(step[0], _resolved(run, step[1]))
    assert not callable(last), f"the last step of {command}'s recipe must be the command"
    actor, args = last
    args = ["--lang", lang, *_resolved(run, args), *(["--json"] if as_json else [])]
    code, out, err = run(actor, args)
    assert code == 0, (args, out, err)
    assert "Traceback" not in err, err
    assert out.strip(), f"gremium {command} printed nothing"
    if as_json:
        json.loads(out)
