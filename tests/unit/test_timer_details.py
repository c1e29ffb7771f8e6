"""Why a timer did not fire reaches the user in their language, not as an English phrase."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import governance.services.timers as timers
from governance.cli.operations import _detail
from governance.i18n import CATALOGUE


def test_every_reason_the_timer_service_gives_is_a_catalogue_entry_in_both_languages():
    codes = set(re.findall(r'"(timer\.detail\.[a-z_]+)"', Path(timers.__file__).read_text()))
    assert codes, "the timer service names its reasons by catalogue key"
    for code in codes:
        assert set(CATALOGUE[code]) == {"de", "en"}


def test_the_tick_output_shows_the_reason_in_the_users_language_and_errors_as_recorded():
    assert _detail(SimpleNamespace(lang="de"), "timer.detail.not_pending") == "steht nicht mehr an"
    assert _detail(SimpleNamespace(lang="en"), "timer.detail.not_pending") == "no longer pending"
    assert _detail(SimpleNamespace(lang="de"), "OSError: disk full") == "OSError: disk full"


def test_skip_reasons_are_catalogue_keys_said_with_their_parameters_in_the_readers_language():
    import governance.mail.purpose as mail_purpose
    import governance.services.timer_purpose as timer_purpose
    from governance.reasons import reason

    for module in (timer_purpose, mail_purpose):
        source = Path(module.__file__).read_text()
        keys = set(re.findall(r'reason\(\s*"(skip\.[a-z_]+)"', source))
        assert keys, f"{module.__name__} names its reasons by catalogue key"
        assert not re.search(r'return f?"[a-z][^"]* (now|meanwhile|late|before)', source)
        for key in keys:
            assert set(CATALOGUE[key]) == {"de", "en"}
    recorded = reason("skip.too_late", at="2026-03-11 10:00")
    german = _detail(SimpleNamespace(lang="de"), recorded)
    assert german == "sie hätte vor dem 2026-03-11 10:00 zugestellt werden müssen"
    english = _detail(SimpleNamespace(lang="en"), recorded)
    assert english == "it was to be delivered before 2026-03-11 10:00"
