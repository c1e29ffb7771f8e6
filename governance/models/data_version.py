"""The numbers that grow with every committed change of what pages show: one for
everything (``data_version``) and one per committee (``committee_versions``)."""

from __future__ import annotations

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from governance.models.base import Base


class DataVersion(Base):
    """The web's page cache (governance/web/page_cache.py) keys its pages by this
    number: every transaction that writes anything a page can show advances it
    (governance/data_version.py), in the same transaction, so every process
    sharing the database sees the change together with the data."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


class CommitteeVersion(Base):
    """(0023_cachescope) A number per committee that grows with every committed change
    attributed to that committee alone (governance/data_version.py says which); a page
    showing one committee is keyed by it and the :class:`DataVersion`, so a write in
    another committee keeps it. A committee without a row has never been advanced (0).

    No foreign key: the row is bookkeeping of the page cache, written last in a
    transaction; a key check would take a lock on the committee's row as well."""

    __tablename__ = "committee_versions"

    committee_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)
