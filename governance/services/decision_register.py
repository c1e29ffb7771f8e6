"""Reading the decisions register of a committee: one year, a search in the
text, a page at a time (newest first).

The parameters come as the user typed them (a query string, a command-line
option) and are checked here, so every front refuses the same input with
the same message.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from sqlalchemy.orm import Session

from governance.errors import InvalidInput
from governance.models import Committee
from governance.reads import decisions

FIRST_YEAR = 1990
"""No committee of Gremium decided anything before (the register starts with its first decision)."""
YEARS_AHEAD = 1
MAX_SEARCH = 100
"""A search is a few words; more is a pasted text or an attack on the query."""
PER_PAGE = 25
MAX_PAGE = 10_000


@dataclasses.dataclass(frozen=True)
class RegisterPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int
    years: list[int]
    """The years with a decision, newest first (for the filter)."""
    year: int | None
    search: str


def register_year(value: str | int | None, this_year: int) -> int | None:
    """The year the user asked for, or None for every year."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    if not (text.isdigit() and len(text) == 4):
        raise InvalidInput("decision.error.year", value=text)
    year = int(text)
    latest = this_year + YEARS_AHEAD
    if not FIRST_YEAR <= year <= latest:
        raise InvalidInput("register.error.year_range", value=year, first=FIRST_YEAR, last=latest)
    return year


def search_text(value: str | None) -> str:
    text = " ".join((value or "").split())
    if len(text) > MAX_SEARCH:
        raise InvalidInput("register.error.search_long", max=MAX_SEARCH, length=len(text))
    if any(ord(ch) < 32 for ch in text):
        raise InvalidInput("register.error.search_control")
    return text


def page_number(value: str | int | None) -> int:
    text = str(value).strip() if value is not None else ""
    if not text:
        return 1
    if not text.isdigit() or not 1 <= int(text) <= MAX_PAGE:
        raise InvalidInput("register.error.page", value=text[:20], max=MAX_PAGE)
    return int(text)


def search(
    session: Session,
    committee: Committee,
    *,
    this_year: int,
    year: str | int | None = None,
    text: str | None = None,
    page: str | int | None = None,
    per_page: int = PER_PAGE,
) -> RegisterPage:
    """One page of the register of *committee*: decisions of *year* whose text or
    item title contains *text* (case-insensitive), newest first."""
    wanted_year = register_year(year, this_year)
    wanted_text = search_text(text)
    number = page_number(page)
    # Lowered here as well as in SQL: SQLite's lower() knows only ASCII, so "BÄNKE"
    # must arrive as "bänke" to find "Bänke" (PostgreSQL lowers all of Unicode).
    needle = wanted_text.lower() if wanted_text else None
    session.flush()  # the register reads through Core
    conn = session.connection()
    # The years first: they tell whether there are decisions in writing to read at all.
    years, written_years = decisions.years_by_kind(conn, committee.id)
    rows, total = decisions.search(
        conn,
        committee.id,
        year=wanted_year,
        needle=needle,
        offset=(number - 1) * per_page,
        limit=per_page,
        written_years=written_years,
    )
    pages = max(1, math.ceil(total / per_page))
    return RegisterPage(rows, total, number, pages, years, wanted_year, wanted_text)
