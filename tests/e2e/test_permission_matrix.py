"""Every action of the permission table, tried as every kind of person through ``gremium``.

One test: each action of ``governance/domain/permissions.py`` is run as the chair, the
secretariat, a member's representative, a member's deputy, another committee's chair, a
person of no committee and the installation administrator, on a copy of a committee
brought to a stage where the action makes sense. What the table allows must not be
refused for permission; what it does not allow must be refused with the permission
message (exit 2, one line), audited as refused under that action, and change nothing
else. What the table allows must go through (but for the few actions whose stage
would cost a year of the committee: they get past the permission check and are then
refused for the state). The table drives the expectation, so a change to the table is
checked here too, and the promises of the README are checked against the table. The
installation's own commands (person export and erase, audit rotate-key) are the
administrator's alone, but for a person exporting their own data.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from governance.domain.permissions import ACTIONS, CommitteeRole, may
from governance.examples import treptow_koepenick as tk
from tests.e2e.gremium_cli import Gremium, isolate

C, S, R, D, ADM = (
    CommitteeRole.CHAIR,
    CommitteeRole.SECRETARIAT,
    CommitteeRole.REPRESENTATIVE,
    CommitteeRole.DEPUTY,
    CommitteeRole.ADMIN,
)
ADMIN = "admin@gremium.example.org"
OTHER_CHAIR = "leitung@quartier.example.org"
NOBODY = "niemand@example.org"
APPLICANT = "vorstand@kosmos.example.org"
PEOPLE: dict[str, tuple[str, frozenset[CommitteeRole]]] = {
    # who: (e-mail, roles in the committee KG)
    "chair": (tk.CHAIR_EMAIL, frozenset({C})),
    "secretariat": (tk.SECRETARIAT_EMAIL, frozenset({S})),
    "representative": ("gf@rabenhaus.example.org", frozenset({R})),
    "deputy": ("nachbarschaft@rabenhaus.example.org", frozenset({D})),
    "other_chair": (OTHER_CHAIR, frozenset()),
    "nobody": (NOBODY, frozenset()),
    "admin": (ADMIN, frozenset({ADM})),
}
ROLES_ANYWHERE = {"other_chair": frozenset({C})}
"""Roles held in some other committee: what counts for installation-wide actions."""


# --- stages of the committee KG, each built once ---


def _base(g: Gremium) -> None:
    """The example committee, an administrator of no committee, a second committee with
    its own chair, a person of no committee, an application, a proposal for meeting 1."""
    g.ok("init", "--example", "treptow-koepenick", "--admin-email", ADMIN, "--admin-name", "Ada")
    # The example's chair is an administrator too; here the administrator stands alone.
    with sqlite3.connect(g.url.removeprefix("sqlite:///")) as db:
        db.execute("UPDATE people SET is_admin = 0 WHERE email != ?", (ADMIN,))
    db.close()
    g.ok("committee", "add", "Handlungsraum Süd", "--short", "HR", "--sender", "hr@q.example.org",
         actor=ADMIN)  # fmt: skip
    g.ok("org", "add", "Quartiersbüro Süd", "--short", "QB", "--kind", "association", actor=ADMIN)
    g.ok("person", "add", "Lea Leitung", "--email", OTHER_CHAIR, "--org", "QB", actor=ADMIN)
    g.ok("member", "add", "--committee", "HR", "--org", "QB", "--role", "chair",
         "--representative", OTHER_CHAIR, actor=ADMIN)  # fmt: skip
    g.ok("person", "add", "Nora Niemand", "--email", NOBODY, actor=ADMIN)
    g.ok("accession", "apply", "--committee", "KG", "--org-name", "Stadtteilarbeit Kosmos e.V.",
         "--short-name", "Kosmos", "--kind", "association", "--applicant-name", "Kim Kosmos",
         "--applicant-email", APPLICANT)  # fmt: skip
    g.ok("meeting", "plan", "--committee", "KG", "--title", "Sitzung", "--start", "2026-03-18 10:00",
         "--location", "Rathaus", actor=tk.CHAIR_EMAIL)  # fmt: skip
    g.ok("agenda", "propose", "1", "--title", "Fest", "--kind", "decision",
         actor="gf@rabenhaus.example.org")  # fmt: skip


def _transfers_allowed(g: Gremium) -> None:
    """The rules allow a vote transfer (issue 16; off by default)."""
    g.ok("committee", "rules", "KG", "--set", "vote_transfer=true", actor=tk.CHAIR_EMAIL)


def _open_agreement(g: Gremium) -> None:
    g.ok("agreement", "open", "1", actor=tk.CHAIR_EMAIL)


def _agenda_settled(g: Gremium) -> None:
    """The proposal decided: only then may the chair convene by hand."""
    g.ok("agenda", "accept", "2", actor=tk.CHAIR_EMAIL)


def _meeting_day(g: Gremium) -> None:
    g.ok("tick", "--until", "2026-03-18 10:05")
    for org in ("BA Treptow-Köpenick", "Rabenhaus", "tjfbg", "KungerKiez", "ajb"):
        g.ok("meeting", "attend", "1", org, actor=tk.SECRETARIAT_EMAIL)


def _in_session(g: Gremium) -> None:
    g.ok("meeting", "open", "1", actor=tk.CHAIR_EMAIL)
    g.ok("actions", "add", "1/1", "--what", "Raum", "--who", "ajb", "--due", "2026-04-30",
         actor=tk.SECRETARIAT_EMAIL)  # fmt: skip


def _closed(g: Gremium) -> None:
    g.ok("agenda", "mark", "1/2", "deferred", actor=tk.SECRETARIAT_EMAIL)
    g.ok("meeting", "close", "1", actor=tk.CHAIR_EMAIL)


def _circulated(g: Gremium) -> None:
    g.ok("minutes", "circulate", "1", actor=tk.SECRETARIAT_EMAIL)


def _objected(g: Gremium) -> None:
    g.ok("minutes", "object", "1", "--text", "TOP 1 fehlt", actor="gf@rabenhaus.example.org")


def _overdue(g: Gremium) -> None:
    """The day after meeting 1, which was never opened."""
    g.ok("tick", "--until", "2026-03-19 12:00")


def _under_review(g: Gremium) -> None:
    g.ok("accession", "review", "1", actor=tk.CHAIR_EMAIL)


def _on_agenda(g: Gremium) -> None:
    g.ok("accession", "schedule", "1", actor=tk.CHAIR_EMAIL)


def _written_open(g: Gremium) -> None:
    """A motion in written procedure, open for votes."""
    g.ok(*WRITTEN, *KG, actor=tk.CHAIR_EMAIL)


STAGES: dict[str, tuple[str | None, Callable[[Gremium], None]]] = {
    "base": (None, _base),
    "open_agreement": ("base", _open_agreement),
    "agenda_settled": ("base", _agenda_settled),
    "meeting_day": ("agenda_settled", _meeting_day),
    "in_session": ("meeting_day", _in_session),
    "overdue": ("meeting_day", _overdue),
    "closed": ("in_session", _closed),
    "circulated": ("closed", _circulated),
    "objected": ("circulated", _objected),
    "under_review": ("base", _under_review),
    "on_agenda": ("under_review", _on_agenda),
    "written_open": ("base", _written_open),
    "transfers_allowed": ("base", _transfers_allowed),
}

KG = ("--committee", "KG")
WRITTEN = ("procedure", "start", "--title", "Kiezfonds", "--text", "Wir unterstützen ihn.")
SIGN = ("--date", "2026-01-12", "--place", "Berlin")
# action -> (stage, argv); the committee KG is named wherever a command takes it.
CASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "committee.create": ("base", ("committee", "add", "Neu", "--short", "NEU", "--sender", "n@q.example.org")),
    "committee.edit": ("base", ("secretariat", "add", NOBODY, *KG)),
    "committee.rules": ("base", ("committee", "rules", "KG", "--set", "reminder_days=3")),
    "membership.edit": ("base", ("member", "add", *KG, "--org", "QB", "--role", "guest",
                                 "--representative", OTHER_CHAIR)),
    "directory.edit": ("base", ("org", "add", "Neue Initiative e.V.", "--short", "NI", "--kind", "association")),
    "mail.retry": ("circulated", ("outbox", "retry", "1")),
    "timer.retry": ("base", ("timers", "retry", "1")),
    "agreement.create": ("base", ("agreement", "create", *KG, "--title", "Neu", "--file", "text.md")),
    "agreement.schedule": ("base", ("agreement", "schedule", "1")),
    "agreement.draft": ("base", ("agreement", "amend", "1", "--text-file", "text.md")),
    "agreement.open": ("base", ("agreement", "open", "1")),
    "agreement.sign_own": ("open_agreement", ("agreement", "sign", "1", "--org", "Rabenhaus",
                                              "--signatory", "gf@rabenhaus.example.org", *SIGN,
                                              "--method", "ink", "--hash", "HASH")),
    "agreement.record_signature": ("open_agreement", ("agreement", "ceremony", "1", *SIGN,
                                                      "--sign", "ajb=gwa@ajb.example.org")),
    "agreement.terminate": ("open_agreement", ("agreement", "terminate", "1", "--date", "2026-01-12",
                                               "--reason", "Ende")),
    "agreement.remind": ("open_agreement", ("agreement", "remind", "1")),
    "accession.review": ("base", ("accession", "review", "1")),
    "accession.schedule": ("under_review", ("accession", "schedule", "1")),
    "accession.decide": ("on_agenda", ("accession", "decide", "1", "--yes", "8", "--no", "0", "--abstain", "0")),
    "accession.record_declaration": ("base", ("accession", "declare", "1", "--signatory", APPLICANT, *SIGN,
                                              "--hash", "0" * 64)),
    "accession.record_withdrawal": ("base", ("accession", "withdraw", "1", "--reason", "zurück")),
    "membership.give_notice_own": ("base", ("withdrawal", "notice", *KG, "--org", "Rabenhaus")),
    "membership.record_notice": ("base", ("withdrawal", "notice", *KG, "--org", "ajb")),
    "meeting.plan": ("base", ("meeting", "plan", *KG, "--title", "x", "--start", "2026-03-25 10:00",
                              "--location", "y")),
    "meeting.convene": ("agenda_settled", ("meeting", "convene", "1")),
    "meeting.move": ("base", ("meeting", "move", "1", "--start", "2026-03-19 10:00", "--reason", "Raum")),
    "meeting.cancel": ("base", ("meeting", "cancel", "1", "--reason", "Raum")),
    "meeting.open": ("meeting_day", ("meeting", "open", "1")),
    "meeting.close": ("in_session", ("meeting", "close", "1")),
    "meeting.vote": ("in_session", ("meeting", "vote", "1", "2", "--yes", "5", "--no", "0",
                                    "--abstain", "0", "--text", "Beschlossen.")),
    "meeting.attendance": ("in_session", ("meeting", "attend", "1", "VskA")),
    "meeting.rsvp": ("base", ("meeting", "rsvp", "1", "attends")),
    "meeting.rsvp_record": ("base", ("meeting", "rsvp", "1", "excused", "--for", "Rabenhaus")),
    "link.manage": ("base", ("links", "list", *KG)),
    "meeting.end": ("overdue", ("meeting", "not-held", "1", "--reason", "Kein Raum")),
    "meeting.record_later": ("overdue", ("meeting", "record-later", "1")),
    "meeting.minute": ("in_session", ("agenda", "mark", "1/1", "noted")),
    "agenda.propose": ("base", ("agenda", "propose", "1", "--title", "Neu", "--kind", "information")),
    "agenda.decide": ("base", ("agenda", "accept", "2")),
    # item 2 is Rabenhaus' proposal: its representative and deputy may attach to it
    "agenda.attach": ("base", ("agenda", "attach", "2", "--url", "https://example.org/fest.pdf")),
    "action_item.update": ("closed", ("actions", "drop", "1", "--reason", "erledigt sich")),
    "minutes.write": ("closed", ("minutes", "note", "1", "--top", "1", "--text", "Bericht")),
    "minutes.object": ("circulated", ("minutes", "object", "1", "--text", "Falsch")),
    "minutes.agree": ("circulated", ("minutes", "agree", "1")),
    "minutes.record_objection": ("circulated", ("minutes", "object", "1", "--text", "Falsch",
                                                "--for", "Rabenhaus")),
    "minutes.approve": ("objected", ("minutes", "resolve", "1", "1", "--note", "korrigiert")),
    "programme.create": ("base", ("programme", "add", "Neues Programm", "--short", "NP")),
    "written.start": ("base", (*WRITTEN, *KG)),
    "written.withdraw": ("written_open", ("procedure", "withdraw", "1", "--reason", "überholt", *KG)),
    "written.vote": ("written_open", ("procedure", "vote", "1", "--choice", "yes", *KG)),
    "written.demand_meeting": ("written_open", ("procedure", "demand-meeting", "1", *KG)),
    "written.record_paper": ("written_open", ("procedure", "vote", "1", "--paper", "--org", "ajb",
                                              "--choice", "no", *KG)),
    "calendar.subscribe": ("base", ("calendar", "url", "committee", "KG")),
    # meeting practice (issue 16): Rabenhaus' representative and deputy act for their own
    "meeting.conflict": ("agenda_settled", ("meeting", "conflict", "1", "#2", "Rabenhaus",
                                            "--reason", "Träger des Festes")),
    "meeting.vote_transfer": ("transfers_allowed", ("meeting", "transfer-vote", "1", "Rabenhaus",
                                                    "ajb")),
    "meeting.format": ("base", ("meeting", "format", "1", "--format", "hybrid", "--video-url",
                                "https://video.example.org/kg")),
    # privacy by default (issue 15.6): mark an item nichtöffentlich
    "agenda.confidential": ("agenda_settled", ("agenda", "confidential", "1", "#2")),
}  # fmt: skip
# What the README and the commands' help promise, independent of the table: the table
# must not grant more (the installation administrator once could change a committee's
# rules of procedure, which only the chair may).
PROMISED = {
    "committee.rules": {C},
    "committee.edit": {C},
    "membership.edit": {C, S},
    "mail.retry": {C, S},
    "timer.retry": {C, S},
    "agreement.open": {C},
    "agreement.terminate": {C},
    "accession.review": {C},
    "accession.decide": {C},
    "membership.record_notice": {C, S},
    "meeting.open": {C},
    "meeting.vote": {C},
    "agenda.decide": {C},
    "minutes.approve": {C},
}
PAST_THE_GATE_ONLY = {
    # allowed here, but then refused for the state of these stages (kept short on purpose)
    "timer.retry": "no timer has failed",
    "agreement.draft": "an amendment needs a version in force",
    "accession.record_declaration": "the application has not been accepted",
    "agreement.create": "the committee KG has its agreement already",
    "agreement.schedule": "the first agreement is opened without a vote",
}
# Installation commands outside the committee table: the administrator's alone (a person
# may export their own data: tried for everyone below).
ADMIN_ONLY: dict[str, tuple[str, ...]] = {
    "person.export": ("person", "export", APPLICANT),
    "person.erase": ("person", "erase", APPLICANT),
    # consent to publishing an address: the person themselves (tests/e2e/test_cli_publication.py)
    "person.email_public": ("person", "email-public", APPLICANT, "--yes"),
    "audit.rotate_key": ("audit", "rotate-key"),
}
NOT_CHECKED = {
    "committee.read": "read commands take no acting person: every list and show is open",
    "programme.read": "likewise on the command line; tests/web/test_area_pages.py tries the web",
    "area.read": "likewise on the command line; tests/web/test_area_pages.py tries the web",
    "area.rename": "a role above the committee (the programme's office), which no one here "
    "holds: tests/e2e/test_cli_programmes.py tries the office, the administrator, the "
    "coordinator and a person of no role",
    "accession.record_application": "the web form only (the command line's `accession apply` "
    "needs no role); tests/web/test_accession_pages.py tries it as every role",
}


def expected(action: str, who: str) -> bool:
    """Whether the table lets *who* take *action* in the committee KG."""
    roles = PEOPLE[who][1]
    if action == "directory.edit":  # organisations and people belong to the installation
        roles = roles | ROLES_ANYWHERE.get(who, frozenset())
    # Acting for Rabenhaus, the representative's and deputy's own organisation, or
    # recording for it: what the chair and secretariat do for any organisation.
    also = {
        "membership.give_notice_own": "membership.record_notice",
        "agreement.sign_own": "agreement.record_signature",
    }
    return may(action, roles) or (action in also and may(also[action], roles))


def audited(action: str, who: str) -> str:
    """The action a refusal is audited under: recording a notice for an organisation
    one does not act for is recording, not giving one's own notice."""
    if action == "membership.give_notice_own" and who not in ("representative", "deputy"):
        return "membership.record_notice"
    return action


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            # the page cache's data versions: the refusal's audit record advances its
            # committee's like any write (governance/data_version.py); nothing of the data
            if r[0] not in ("data_version", "committee_versions")
        ]
        found = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        found["audit done"] = db.execute(
            "SELECT count(*) FROM audit_records WHERE outcome = 'done'"
        ).fetchone()[0]
        found["versions"] = db.execute(
            "SELECT coalesce(sum(version), 0) FROM memberships"
        ).fetchone()[0]
    db.close()
    return found


def refused_records(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT actor, action FROM audit_records WHERE outcome = 'refused' ORDER BY seq"
        ).fetchall()
    db.close()
    return [(a, b) for a, b in rows]


def audited_as(path: Path, email: str) -> str:
    """How the audit trail names the person with *email*: by id, never by address."""
    with sqlite3.connect(path) as db:
        (person_id,) = db.execute("SELECT id FROM people WHERE email = ?", (email,)).fetchone()
    db.close()
    return f"person:{person_id}"


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


@pytest.fixture
def g(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    (tmp_path / "text.md").write_text("# Vereinbarung\n\nNeue Fassung.\n", encoding="utf-8")
    return Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)


def test_every_action_as_every_role_is_allowed_or_refused_as_the_table_says(
    g: Gremium, tmp_path: Path
) -> None:
    assert set(CASES) | set(NOT_CHECKED) == set(ACTIONS), "every action of the table is tried"
    assert {a: set(ACTIONS[a]) for a in PROMISED} == PROMISED
    db = Path(g.url.removeprefix("sqlite:///"))
    built: dict[str, Path] = {}

    def at(stage: str) -> None:
        if stage not in built:
            parent, build = STAGES[stage]
            if parent is not None:
                at(parent)
            build(g)
            built[stage] = tmp_path / f"{stage}.stage"
            _copy(db, built[stage])
        _copy(built[stage], db)

    at("open_agreement")
    agreement_hash = g.json("agreement", "show", "1")["text_sha256"]
    mismatches: list[str] = []
    for action, (stage, argv) in CASES.items():
        argv = tuple(agreement_hash if a == "HASH" else a for a in argv)
        for who, (email, _) in PEOPLE.items():
            at(stage)
            before, refused_before = counts(db), refused_records(db)
            code, out, err = g(*argv, actor=email)
            line = err.strip()
            permission = code == 2 and bool(re.search(r"darf „.*“ nicht ausführen", line))
            allowed = expected(action, who)
            if allowed and code != 0 and not permission and action not in PAST_THE_GATE_ONLY:
                mismatches.append(f"{action} as {who}: allowed, but failed: {line}")
            if allowed and permission:
                mismatches.append(f"{action} as {who}: refused, the table allows it: {line}")
            elif not allowed and not permission:
                mismatches.append(
                    f"{action} as {who}: not refused for permission: {code} {line or out}"
                )
            elif not allowed:
                assert len(line.splitlines()) == 1, line
                new = refused_records(db)[len(refused_before) :]
                if new != [(audited_as(db, email), audited(action, who))]:
                    mismatches.append(f"{action} as {who}: refusal audited as {new}")
                after = counts(db)
                after["audit_records"] -= 1
                if after != before:
                    changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
                    mismatches.append(f"{action} as {who}: the refusal changed {changed}")
    for action, argv in ADMIN_ONLY.items():
        for who, (email, _) in PEOPLE.items():
            at("base")
            before, refused_before = counts(db), refused_records(db)
            code, out, err = g(*argv, actor=email)
            line = err.strip()
            if who == "admin":
                if code != 0:
                    mismatches.append(f"{action} as admin: failed: {line}")
                continue
            if code != 2 or "Administration der Installation" not in line:
                mismatches.append(f"{action} as {who}: not refused for permission: {code} {line}")
                continue
            new = refused_records(db)[len(refused_before) :]
            if new != [(audited_as(db, email), action)]:
                mismatches.append(f"{action} as {who}: refusal audited as {new}")
            after = counts(db)
            after["audit_records"] -= 1
            if after != before:
                mismatches.append(f"{action} as {who}: the refusal changed something")
    for who, (email, _) in PEOPLE.items():
        code, out, err = g("person", "export", email, actor=email)
        if code != 0 or json.loads(out)["person"]["email"] != email:
            mismatches.append(f"person export of one's own data as {who}: {code} {err.strip()}")
    assert not mismatches, "\n".join(mismatches)
