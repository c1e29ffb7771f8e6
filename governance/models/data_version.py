"""One row: a number that grows with every committed change of what pages show."""

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
