"""The protected tables of the audit trail are light Core clauses (``audit verify``
reads without the ORM); each must name exactly the model's columns, but the
optimistic-locking counter, with the same kind of type: a column added to a
protected model and forgotten here would go unprotected."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Date, Integer, String

from governance.audit_digests import PROTECTED
from governance.column_types import UTCDateTime
from governance.models import Base
from governance.reads import tables

KINDS = (UTCDateTime, JSON, Boolean, Date, Integer, String)


def _kind(column_type: object) -> type:
    return next(k for k in KINDS if isinstance(column_type, k))


def test_each_protected_clause_names_every_column_of_its_model_but_the_version_counter():
    for name, clause in PROTECTED.items():
        model = Base.metadata.tables[name]
        wanted = {c.name: _kind(c.type) for c in model.columns if c.name != "version"}
        assert {c.name: _kind(c.type) for c in clause.columns} == wanted, name


def test_the_protected_tables_are_those_of_the_records_the_trail_speaks_about():
    assert set(PROTECTED) == {
        "decisions",
        "votes",
        "ballots",
        "signatures",
        "accession_declarations",
        "agreement_versions",
        "minutes",
        "agenda_items",
        "memberships",
    }


def test_the_protected_clauses_are_the_read_tables_defined_once():
    for name, clause in PROTECTED.items():
        assert clause is getattr(tables, name), name
