"""The example committee's year, its first quarter as the demo plays it, done by the chair
and the secretariat through the web forms only (the Flask test client over a real
SQLite file): the agreement opened and signed at the ceremony, the meeting series, the
accession reviewed and put on the agenda, the proposals decided and the agenda
finalised, the March meeting held (attendance, guest, opening, a vote by ballots and
one by totals, an action item, items noted, closing), the minutes written,
circulated, an objection resolved and circulated again, and an item proposed for
September.

What the partners and the applicant do (propose, apply, object) and what the runner
does (timers firing) happen through the services, as in the demo. At the end every
endpoint of ``WEB_PATHS`` (test_demo_year_web_paths) has been posted successfully
by the chair or the secretariat: the table is not only read, it is run.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.examples import treptow_koepenick as tk
from governance.models import (
    AccessionApplication,
    AgendaItem,
    AgreementVersion,
    Decision,
    Meeting,
    Minutes,
    MinutesObjection,
)
from governance.services import accession, agenda, directory, timers
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from tests.web.support import post_form
from tests.web.test_demo_year_web_paths import WEB_PATHS

CHAIR, SECRETARIAT = tk.CHAIR_EMAIL, tk.SECRETARIAT_EMAIL
TJFBG = "treptow@tjfbg.example.org"


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


class Year:
    """The site, the clock, and the forms posted (endpoint per successful POST)."""

    def __init__(self, client: FlaskClient, signed_in: Any) -> None:
        self.client = client
        self.signed_in = signed_in
        self.app: App = client.application.extensions["gremium"]
        self.posted: set[str] = set()

    def at(self, moment: dt.datetime) -> None:
        """Let the clock run to *moment*, the timers firing in order as the runner fires
        them (on the simulated clock fire_due ends with the clock at *moment*)."""
        timers.fire_due(self.app, moment)

    def as_(self, email: str) -> FlaskClient:
        # signed in afresh: a session of weeks ago has expired (12 hours at most)
        return self.signed_in(self.client.application.test_client(), email)

    def post(self, email: str, path: str, data: dict[str, Any] | None = None) -> str:
        """Post a form as *email*; it must succeed (303); the page it leads to."""
        client = self.as_(email)
        response = post_form(client, path, data or {})
        text = html.unescape(response.get_data(as_text=True))
        assert response.status_code == 303, f"{path}: {response.status_code}\n{text[-3000:]}"
        endpoint, _ = client.application.url_map.bind("gremium.test").match(path, method="POST")
        self.posted.add(endpoint)
        return html.unescape(client.get(response.headers["Location"]).get_data(as_text=True))

    def get(self, email: str, path: str) -> str:
        return html.unescape(self.as_(email).get(path).get_data(as_text=True))

    def query(self, statement: Any) -> list[Any]:
        with self.app.db.session() as session:
            return list(session.scalars(statement))

    def service(self, actor: str | Actor, fn: Any) -> Any:
        with self.app.unit_of_work(actor) as work:
            return fn(work)


def version_on(text: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', text)
    assert found
    return found.group(1)


def test_the_chair_and_the_secretariat_run_the_first_quarter_in_the_browser(
    example_client, signed_in
):
    year = Year(example_client, signed_in)
    (cid,) = year.query(
        select(directory.Committee.id).where(directory.Committee.short_name == "KG")
    )
    (vid,) = year.query(select(AgreementVersion.id))
    year.at(at(1, 12))

    # January: the chair opens the agreement and sets up the series
    year.post(CHAIR, f"/committees/{cid}/agreement/{vid}/open")
    shown = year.post(
        CHAIR,
        f"/committees/{cid}/series",
        {
            "series_title": "Sitzung des Kooperationsgremiums",
            "series_rrule": "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
            "series_start": "2026-03-11T10:00",
            "series_duration": "120",
            "series_location": "Rathaus Köpenick, Ratssaal",
            "series_horizon": "12",
        },
    )
    assert "Die Sitzungsreihe ist angelegt" in shown
    meetings = year.query(select(Meeting).order_by(Meeting.starts_at))
    first, third = meetings[0].id, meetings[2].id

    # 6 February: the secretariat records the signing ceremony from the agreement page
    year.at(at(2, 6, 15))
    page = year.get(SECRETARIAT, f"/committees/{cid}/agreement")
    parties = dict(re.findall(r'name="party_(\d+)" value="([^"]+)"', page))
    assert len(parties) == len(tk.ORGANISATIONS)
    emails = {o.short_name: tk.email(o, o.representative[2]) for o in tk.ORGANISATIONS}
    emails |= {o.name: emails[o.short_name] for o in tk.ORGANISATIONS}
    ceremony = {f"party_{n}": org for n, org in parties.items()}
    ceremony |= {f"signatory_{n}": emails[org] for n, org in parties.items()}
    ceremony |= {"held_on": "2026-02-06", "ceremony_place": "Rathaus Köpenick, Ratssaal"}
    ceremony["ceremony_method"] = "ink"
    ceremony["text_sha256"] = re.search(r'name="text_sha256" value="(\w+)"', page).group(1)
    year.post(SECRETARIAT, f"/committees/{cid}/agreement/{vid}/ceremony", ceremony)
    assert year.query(select(AgreementVersion.state)) == ["in_force"]

    # 16 February: an application comes in (the applicant); the chair reviews and schedules
    year.at(at(2, 16, 10))
    applicant = tk.APPLICANT
    aid = year.service(
        Actor.system(),
        lambda work: (
            accession.apply(
                work,
                directory.committee_by_ref(work.session, "KG"),
                org_name=applicant.name,
                short_name=applicant.short_name,
                kind=applicant.kind,
                applicant_name=applicant.representative[0],
                applicant_email=tk.email(applicant, applicant.representative[2]),
                function_title=applicant.representative[1],
                motivation="Gemeinwesenarbeit im Kosmosviertel",
            ).id
        ),
    )
    year.post(CHAIR, f"/committees/{cid}/accessions/{aid}/review")
    year.post(CHAIR, f"/committees/{cid}/accessions/{aid}/schedule")

    # 17 February: three partners propose; 19 February: the chair decides, finalises
    year.at(at(2, 17))
    for email, title, kind in (
        ("gf@rabenhaus.example.org", "Stadtteilfest im Kosmosviertel", "decision"),
        ("referat@vska.example.org", "Fortbildungsreihe Gemeinwesenarbeit", "information"),
        ("kontakt@kungerkiez.example.org", "Verkehrsberuhigung im Kungerkiez", "decision"),
    ):
        year.service(
            email,
            lambda work, title=title, kind=kind: agenda.propose(
                work, meeting_service.meeting_by_id(work.session, first), title=title, kind=kind
            ),
        )
    year.at(at(2, 19))
    items = {i.title.split()[0]: i.id for i in year.query(select(AgendaItem))}
    for word, decision, reason in (
        ("Stadtteilfest", "accept", ""),
        ("Fortbildungsreihe", "accept", ""),
        ("Verkehrsberuhigung", "defer", "Stellungnahme des Straßen- und Grünflächenamts abwarten"),
    ):
        version = version_on(year.get(CHAIR, f"/meetings/{first}"))
        year.post(
            CHAIR,
            f"/meetings/{first}/items/{items[word]}",
            {"decision": decision, f"reason_{items[word]}": reason, "version": version},
        )
    version = version_on(year.get(CHAIR, f"/meetings/{first}"))
    assert "Die Tagesordnung ist festgelegt" in year.post(
        CHAIR, f"/meetings/{first}/finalize", {"version": version}
    )

    # 11 March: the meeting (the invitation went out by its timer)
    year.at(at(3, 11, 9, 45))
    present = ["BA Treptow-Köpenick", "Offensiv'91", "tjfbg", "KungerKiez", "SenASGIVA"]
    present += ["Rabenhaus", "Paritätischer Berlin"]
    sheet: dict[str, Any] = {"organisation": [*present, "ajb", "VskA"]}
    sheet |= {f"status:{org}": "present" for org in present}
    sheet |= {"status:ajb": "excused", "status:VskA": "absent"}
    year.post(SECRETARIAT, f"/meetings/{first}/session/attendance", sheet)
    year.post(
        SECRETARIAT,
        f"/meetings/{first}/session/guests",
        {"guest_name": "Bezirksstadträtin", "guest_affiliation": "Bezirksamt Treptow-Köpenick"},
    )
    year.at(at(3, 11, 10))
    shown = year.post(CHAIR, f"/meetings/{first}/session/open")
    assert "beschlussfähig" in shown.lower()
    tops = {
        i.title.split()[0].rstrip(":"): i.position
        for i in year.query(select(AgendaItem).where(AgendaItem.meeting_id == first))
        if i.status == "accepted"
    }
    year.at(at(3, 11, 10, 45))
    voters = [org for org in present if org != "SenASGIVA"]
    ballots: dict[str, Any] = {"method": "ballots", "voter": voters}
    ballots |= {f"ballot:{org}": "yes" for org in voters} | {"ballot:KungerKiez": "abstain"}
    ballots["text"] = "Das Gremium nimmt die Stadtteilarbeit Kosmosviertel e.V. auf."
    year.post(CHAIR, f"/meetings/{first}/session/items/{tops['Beitritt']}/vote", ballots)
    fest = tops["Stadtteilfest"]
    totals = {"method": "totals", "yes": "5", "no": "1", "abstain": "0"}
    totals["text"] = "Das Stadtteilfest im Kosmosviertel findet am 12.09.2026 statt."
    year.post(CHAIR, f"/meetings/{first}/session/items/{fest}/vote", totals)
    year.post(
        SECRETARIAT,
        f"/meetings/{first}/session/items/{fest}/actions",
        {"what": "Raumplanung für das Stadtteilfest", "who": "Rabenhaus", "due": "2026-05-15"},
    )
    rest = [
        i.position
        for i in year.query(select(AgendaItem).where(AgendaItem.meeting_id == first))
        if i.status == "accepted" and i.outcome is None and i.kind != "decision"
    ]
    assert rest
    for top in rest:
        year.post(SECRETARIAT, f"/meetings/{first}/session/items/{top}/mark", {"outcome": "noted"})
    year.at(at(3, 11, 12))
    year.post(CHAIR, f"/meetings/{first}/session/close")
    assert year.query(select(Meeting.state).where(Meeting.id == first)) == ["closed"]
    assert len(year.query(select(Decision))) == 2

    # 16 March: the secretariat writes and circulates the minutes
    year.at(at(3, 16))
    notes = {f"top-{top}": f"Aussprache zu TOP {top}." for top in sorted(tops.values())}
    year.post(SECRETARIAT, f"/meetings/{first}/minutes/notes", notes)
    year.post(SECRETARIAT, f"/meetings/{first}/minutes/circulate")
    # 20 March: tjfbg objects; 23 March: the chair resolves it, the secretariat circulates again
    year.at(at(3, 20, 14))
    year.post(TJFBG, f"/meetings/{first}/minutes/objections", {"objection": "Zu TOP 3: beantragt."})
    year.at(at(3, 23))
    (oid,) = year.query(select(MinutesObjection.id))
    year.post(
        CHAIR,
        f"/meetings/{first}/minutes/objections/{oid}/resolve",
        {f"resolution-{oid}": "In Fassung 2 berichtigt."},
    )
    year.post(SECRETARIAT, f"/meetings/{first}/minutes/notes", {f"top-{fest}": "Berichtigt."})
    assert "versandt" in year.post(SECRETARIAT, f"/meetings/{first}/minutes/circulate")
    (minutes,) = year.query(select(Minutes).where(Minutes.meeting_id == first))
    assert (minutes.revision, minutes.state) == (2, "circulated")
    (objection,) = year.query(select(MinutesObjection))
    assert objection.resolved

    # 1 August: the chair proposes an item for September (accepted at once)
    year.at(at(8, 1))
    version = version_on(year.get(CHAIR, f"/meetings/{third}"))
    year.post(
        CHAIR,
        f"/meetings/{third}/propose",
        {
            "propose_title": "Haushaltsanmeldung 2027",
            "propose_kind": "decision",
            "version": version,
        },
    )

    (application,) = year.query(select(AccessionApplication))
    assert application.state == "accepted"  # by the vote in the meeting
    posted = year.posted - {"minutes.object_to"}  # the partner's
    missing = set(WEB_PATHS.values()) - posted
    assert not missing, f"forms of WEB_PATHS this year did not post: {sorted(missing)}"
