"""The demo's programme (issue 15): the Gemeinschaftsinitiative with its 13 action
areas, the Treptow-Köpenick committee KG and the Kosmosviertel's committee KV in
"Stadtrand Süd", the district's coordinator and the Senate's programme office
(governance/examples/gemeinschaftsinitiative.py).

With two committees in the database a command must say which one it is about: the
demo writes ``[cli] committee = "KG"`` into its folder's gremium.toml (see
governance/demo/run.py), so ``gremium --config demo-output/gremium.toml meeting list``
works on KG as before; ``--committee KV`` reaches the other one.
"""

from __future__ import annotations

from governance.demo.script import PLACE, Stage
from governance.examples import gemeinschaftsinitiative as gi
from governance.services import meetings
from governance.unit_of_work import Actor

KV_MEETING = ("Auftaktsitzung der Kooperationsrunde Kosmosviertel", "2027-02-24 10:00")
"""KV's first meeting, planned when the demo year ends (after KG's meetings: the IDs
of KG's meetings stay what they were with one committee)."""


def programme(stage: Stage) -> None:
    stage.act(Actor.system(), lambda uow: gi.add_programme(uow, second_committee=True))
    stage.note(
        f"Programm „{gi.PROGRAMME_SHORT}“ mit {gi.AREA_COUNT} Handlungsräumen angelegt; "
        f"Handlungsraum „Stadtrand Süd“ mit KG und {gi.SECOND_SHORT}, koordiniert von "
        f"{gi.COORDINATOR_EMAIL}"
    )


def kv_meeting(stage: Stage) -> None:
    """The coordinator, who acts for KV's chair, plans KV's first meeting."""
    title, start = KV_MEETING
    stage.act(
        gi.COORDINATOR_EMAIL,
        lambda uow: meetings.plan(
            uow, gi.SECOND_SHORT, title=title, starts_at=start, location=PLACE
        ),
    )
    stage.note(f"{gi.SECOND_SHORT} plant ihre erste Sitzung: {title}, 24.02.2027 10:00")
