"""What the OParl interface shows of a committee: the rule ``publication``.

Privacy by default (OParl 1.1, data protection): a committee publishes
nothing until its rules say so, and each level adds to the one before:

- ``none``: the committee does not exist for the interface;
- ``meetings``: the committee, its member organisations and their seats,
  its meetings and the agenda items on their agendas, except those handled
  in closed session (``agenda_items.confidential``), with their documents;
- ``people``: also the people representing the member organisations, by
  name and role (never an e-mail address unless the person agreed);
- ``minutes``: also the archived minutes (which name who attended) of the
  meetings without an item in closed session.
"""

from __future__ import annotations

from governance.domain.rules import Publication

LEVELS_MEETINGS = (Publication.MEETINGS.value, Publication.PEOPLE.value, Publication.MINUTES.value)
LEVELS_PEOPLE = (Publication.PEOPLE.value, Publication.MINUTES.value)
LEVELS_MINUTES = (Publication.MINUTES.value,)
