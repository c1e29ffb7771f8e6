"""Every timer and every kind of message declares what it is for: a new one
without a declared purpose is caught here, before it can fire or be sent
when its purpose has lapsed (issue 12, point 1)."""

from __future__ import annotations

from governance.bootstrap import load_workflows
from governance.mail import purpose
from governance.mail.catalogue import NOTIFICATIONS
from governance.services import timer_purpose


def test_every_timer_of_every_workflow_has_a_purpose_check() -> None:
    missing = [
        f"{definition.name}/{spec.name}"
        for definition in load_workflows().values()
        for spec in definition.timers
        if not timer_purpose.known(definition.name, spec.name)
    ]
    assert missing == []


def test_every_notification_has_a_purpose_rule_or_never_lapses() -> None:
    ruled = set(purpose._RULES) | purpose.ALWAYS
    assert sorted(set(NOTIFICATIONS) - ruled) == []
    assert sorted(ruled - set(NOTIFICATIONS)) == []
    assert not set(purpose._RULES) & purpose.ALWAYS
