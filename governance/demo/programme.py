"""The demo's programme (issue 15): the Gemeinschaftsinitiative with its action
area "Stadtrand Süd", the Treptow-Köpenick committee in it, the district's
coordinator and the Senate's programme office
(governance/examples/gemeinschaftsinitiative.py).

:data:`SECOND_COMMITTEE` is off: with a second committee in the demo's database
every command that names no ``--committee`` ("entfällt, wenn es nur eines gibt")
stops working there: the demo's own closing hint (``meeting list``), about forty
recipes of tests/e2e/test_cli_commands.py, the read-only goldens
(tests/golden/cli/shows.json), tests/e2e/test_demo_language.py and
test_cli_startup.py's listings. Switching it on means giving those
``--committee KG`` and regenerating the goldens once; ``gremium init --example
gemeinschaftsinitiative`` makes both committees already.
"""

from __future__ import annotations

from governance.demo.script import Stage
from governance.examples import gemeinschaftsinitiative as gi
from governance.unit_of_work import Actor

SECOND_COMMITTEE = False
"""Also make the Kosmosviertel's committee KV in the demo (see above)."""


def programme(stage: Stage) -> None:
    stage.act(
        Actor.system(), lambda uow: gi.add_programme(uow, second_committee=SECOND_COMMITTEE)
    )
    committees = f"KG und {gi.SECOND_SHORT}" if SECOND_COMMITTEE else "KG"
    stage.note(
        f"Programm „{gi.PROGRAMME_SHORT}“ angelegt; Handlungsraum „Stadtrand Süd“ mit "
        f"{committees}, koordiniert von {gi.COORDINATOR_EMAIL}"
    )
