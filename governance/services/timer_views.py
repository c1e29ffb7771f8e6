"""The timers an operator lists: pending, failed or skipped, of one committee or all."""

from __future__ import annotations

from governance.bootstrap import App
from governance.errors import InvalidInput
from governance.models import Timer
from governance.services.directory import committee_by_ref
from governance.services.timers import failed, pending, skipped


def listed(
    app: App,
    *,
    committee_ref: str | None = None,
    failed_only: bool = False,
    skipped_only: bool = False,
) -> list[Timer]:
    """Pending timers by due time; or the failed ones (with their error), or the
    skipped ones (with their reason), newest first. Not both at once."""
    if failed_only and skipped_only:
        raise InvalidInput("cli.timers.failed_or_skipped")
    committee_id = None
    if committee_ref is not None:
        with app.db.read_session() as session:
            committee_id = committee_by_ref(session, committee_ref).id
    if skipped_only:
        return skipped(app, committee_id)
    return failed(app, committee_id) if failed_only else pending(app, committee_id)
