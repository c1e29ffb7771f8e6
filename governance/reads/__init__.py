"""Read paths on SQLAlchemy Core: what the read-only commands list and show.

A listing needs neither the ORM's mapper configuration nor the models nor the
workflow engine; importing those costs more than ``alembic --help`` takes in
all (issue 11 point 19, ``python -m bench --only startup``). Each function
here takes a :class:`sqlalchemy.Connection` (a session's ``connection()`` from
ORM code) and returns plain dicts with stable keys, for every front. There is
one implementation of each read: where a listing moved here, its ORM version
is gone.
"""
