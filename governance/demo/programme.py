"""The demo's programme (issue 15): the Gemeinschaftsinitiative with its action
area "Stadtrand Süd", the Treptow-Köpenick committee and the Kosmosviertel's
committee in it, the district's coordinator and the Senate's programme office
(governance/examples/gemeinschaftsinitiative.py)."""

from __future__ import annotations

from governance.demo.script import Stage
from governance.examples import gemeinschaftsinitiative as gi
from governance.unit_of_work import Actor


def programme(stage: Stage) -> None:
    stage.act(Actor.system(), gi.add_programme)
    stage.note(
        f"Programm „{gi.PROGRAMME_SHORT}“ angelegt; Handlungsraum „Stadtrand Süd“ mit den "
        f"Gremien KG und {gi.SECOND_SHORT}, koordiniert von {gi.COORDINATOR_EMAIL}"
    )
