"""The key that signs the form cookie: one per installation, kept in the database.

Every worker and every machine serving the installation reads the same key
(a key per process would refuse a form posted to another worker). It signs
only the short-lived form cookie (messages after a redirect, the sign-in
form's token); sessions do not depend on it.
"""

from __future__ import annotations

import secrets

from sqlalchemy.exc import IntegrityError

from governance.database import Database
from governance.models import Setting

KEY = "web_secret_key"


def secret_key(db: Database) -> str:
    """The installation's key, created on first use."""
    for _ in range(3):
        with db.session() as session, session.begin():
            row = session.get(Setting, KEY)
            if row is not None:
                return row.value
            try:
                with session.begin_nested():
                    value = secrets.token_urlsafe(48)
                    session.add(Setting(key=KEY, value=value))
            except IntegrityError:  # another worker created it just now: read it
                continue
            return value
    raise RuntimeError("the web key could not be stored")  # pragma: no cover
