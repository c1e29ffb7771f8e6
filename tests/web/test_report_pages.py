"""The committee's year on its page (issue 16.4: the annual report's charts, rendered
on the server, with the tables of their numbers and the report's downloads) and the
four lists as CSV downloads (16.5), for those who see the committee only."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

from governance.bootstrap import App
from governance.models import Person
from governance.unit_of_work import Actor
from tests.web.records_support import hold_meeting
from tests.web.support import World


def page(client, path: str, status: int = 200) -> str:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return str(response.get_data(as_text=True))


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_committee_page_shows_the_years_charts_with_their_numbers_and_no_script(
    client, signed_in, world: World, gremium: App
) -> None:
    hold_meeting(gremium, world)
    signed_in(client, world.partners[0])

    html = page(client, f"/committees/{world.committee_id}")

    assert "Jahresbericht 2026" in html
    charts = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(charts) == 2
    assert 'role="img"' in charts[0] and '<title id="attendance-chart-title">' in charts[0]
    assert "<script" not in "".join(charts)
    text = " ".join(re.sub(r"<[^>]+>", " ", unescape(html)).split())
    assert "Anwesenheit 2026 Organisation Sitzungen anwesend vertreten entschuldigt" in text
    assert "Rabenhaus 1 1 0 0 0 100 %" in text
    assert "/documents/annual_report.pdf?ref=TG/2026" in html
    for lists in ("decisions", "attendance", "actions", "members"):
        assert f"/committees/{world.committee_id}/{lists}.csv" in html


def test_the_report_downloads_from_the_committee_page(
    client, signed_in, world: World, gremium: App
) -> None:
    hold_meeting(gremium, world)
    signed_in(client, world.chair)

    response = client.get(
        f"/committees/{world.committee_id}/documents/annual_report.html?ref=TG%2F2026"
    )

    assert response.status_code == 200
    assert "Jahresbericht 2026" in response.get_data(as_text=True)


def test_the_lists_download_as_csv_in_the_readers_language(
    client, signed_in, world: World, gremium: App
) -> None:
    held = hold_meeting(gremium, world)
    signed_in(client, world.partners[0])
    base = f"/committees/{world.committee_id}"

    response = client.get(f"{base}/decisions.csv?year=2026")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="decisions-TG-2026.csv"' in response.headers["Content-Disposition"]
    rows = read_csv(response.get_data())
    assert [r[0] for r in rows[1:]] == list(held.decisions)
    assert rows[1][1] == "21.01.2026" and rows[2][-1] == "abgelehnt"

    attendance = read_csv(client.get(f"{base}/attendance.csv").get_data())
    assert {r[3] for r in attendance[1:]} == {"BA TK", "Rabenhaus", "KungerKiez"}
    actions = read_csv(client.get(f"{base}/actions.csv").get_data())
    assert actions[1][1:4] == ["Plakate drucken", "Rabenhaus", "28.01.2026"]
    members = read_csv(client.get(f"{base}/members.csv").get_data())
    assert "Rabenhaus" in {r[0] for r in members[1:]}

    with gremium.unit_of_work(Actor.system()) as uow:
        person = uow.session.get(Person, world.partners[0])
        assert person is not None
        person.language = "en"
    rows = read_csv(client.get(f"{base}/decisions.csv").get_data())
    assert rows[0][:2] == ["Decision no.", "Date"] and rows[1][1] == "2026-01-21"
    assert rows[2][-1] == "rejected"


def test_a_csv_of_another_committee_or_a_bad_year_is_not_given(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.partners[0])

    assert client.get(f"/committees/{world.other_committee_id}/decisions.csv").status_code == 404
    assert client.get(f"/committees/{world.committee_id}/minutes.csv").status_code == 404
    refused = client.get(f"/committees/{world.committee_id}/decisions.csv?year=26")
    assert refused.status_code == 422
    assert "„26“ ist kein Jahr" in refused.get_data(as_text=True)
    refused = client.get(f"/committees/{world.committee_id}/members.csv?year=2026")
    assert refused.status_code == 422
