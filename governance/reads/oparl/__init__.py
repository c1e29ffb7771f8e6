"""The OParl 1.1 objects Gremium publishes, read with SQLAlchemy Core.

One module per concept; the web front (governance/web/oparl.py) uses the names
re-exported here:

- privacy.py: what a committee's ``publication`` lets the interface show, as SQL
  conditions every read below applies (nothing else is read, let alone rendered);
- paging.py: list filters, keyset paging by id, a page's ``links``;
- deleted.py: deleted objects (tombstones) in ``modified_since`` lists and at
  their addresses;
- system.py (System, Body, the empty legislative terms), organization.py
  (committees and partner organisations), membership.py (seats and people's
  representations), person.py, meeting.py (with Location), agenda_item.py,
  file.py (attachments and archived minutes), paper.py, invitation.py (the
  invitation File made from what is public);
- fields.py and urls.py: what every object is made of (type, timestamps, addresses).
"""

from governance.reads.oparl.agenda_item import agenda_item, agenda_items
from governance.reads.oparl.fields import SCHEMA, Json
from governance.reads.oparl.file import file, file_content, files
from governance.reads.oparl.meeting import (
    committee_meetings,
    invitation,
    location,
    meeting,
    meetings,
)
from governance.reads.oparl.membership import membership, representation
from governance.reads.oparl.organization import ORG_SPLIT, committee, organisation, organizations
from governance.reads.oparl.paging import (
    MEETINGS_PER_PAGE,
    MOST_PER_PAGE,
    PAGE_SIZE,
    Filters,
    Page,
    page_links,
)
from governance.reads.oparl.paper import paper, papers
from governance.reads.oparl.person import people, person
from governance.reads.oparl.privacy import NotPublic
from governance.reads.oparl.system import body, legislative_terms, system
from governance.reads.oparl.urls import BODY_ID, Urls

__all__ = [
    "BODY_ID",
    "MEETINGS_PER_PAGE",
    "MOST_PER_PAGE",
    "ORG_SPLIT",
    "PAGE_SIZE",
    "SCHEMA",
    "Filters",
    "Json",
    "NotPublic",
    "Page",
    "Urls",
    "agenda_item",
    "agenda_items",
    "body",
    "committee",
    "committee_meetings",
    "file",
    "file_content",
    "files",
    "invitation",
    "legislative_terms",
    "location",
    "meeting",
    "meetings",
    "membership",
    "organisation",
    "organizations",
    "page_links",
    "paper",
    "papers",
    "people",
    "person",
    "representation",
    "system",
]
