"""Action items (Aufgaben, Arbeitsaufträge) raised in a meeting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.agenda import AgendaItem
from governance.models.base import Base, Versioned
from governance.models.committee import Committee
from governance.models.meeting import Meeting
from governance.models.organisation import Organisation, Person


class ActionItem(Versioned, Base):
    """What, who, by when. Workflow ``action_item``: open -> done | dropped;
    a timer reminds the owner when it falls due."""

    __tablename__ = "action_items"
    __workflow__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"))
    what: Mapped[str] = mapped_column(Text)
    owner_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    owner_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    due_on: Mapped[dt.date]
    done_on: Mapped[dt.date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]

    committee: Mapped[Committee] = relationship()
    meeting: Mapped[Meeting] = relationship()
    agenda_item: Mapped[AgendaItem] = relationship()
    owner_organisation: Mapped[Organisation | None] = relationship()
    owner_person: Mapped[Person | None] = relationship()

    @property
    def owner_label(self) -> str:
        from governance.reads.action_items import owner_label

        return owner_label(
            self.owner_person.name if self.owner_person is not None else None,
            self.owner_organisation.short_name if self.owner_organisation else None,
        )
