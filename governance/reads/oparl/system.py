"""OParl System and Body: one Body per installation.

The district office running Gremium is the corporation; committees are its
Organizations of type "Gremium", the partner organisations seated in them
Organizations of type "Institution" (organization.py).
"""

from __future__ import annotations

from governance.reads.oparl.fields import SCHEMA, Json
from governance.reads.oparl.paging import Page
from governance.reads.oparl.urls import Urls


def system(urls: Urls) -> Json:
    return {
        "id": urls.system(),
        "type": SCHEMA + "System",
        "oparlVersion": "https://schema.oparl.org/1.1/",
        "name": urls.words("oparl.system.name"),
        "body": urls.base + "/body",
        "product": "https://gremium.berlin.de/",
        "vendor": "https://gremium.berlin.de/",
    }


def body(urls: Urls) -> Json:
    return {
        "id": urls.body(),
        "type": SCHEMA + "Body",
        "system": urls.system(),
        "name": urls.words("oparl.body.name"),
        "shortName": urls.words("oparl.body.short_name"),
        "organization": urls.body_list("organization"),
        "person": urls.body_list("person"),
        "meeting": urls.body_list("meeting"),
        "paper": urls.body_list("paper"),
        "agendaItem": urls.body_list("agendaItem"),
        "file": urls.body_list("file"),
        "legislativeTermList": urls.body_list("legislativeTerm"),
        "legislativeTerm": [],
        "classification": "Kooperationsgremien",
    }


def legislative_terms() -> Page:
    """Committees of cooperation have no electoral terms: the list is empty."""
    return Page([], None)
