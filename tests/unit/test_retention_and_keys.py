"""Retention rules and the audit key file, without a database."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from governance.audit_keys import Keyring, key_id
from governance.errors import ConfigurationError
from governance.retention import Retention, kept_until, still_kept


def test_retention_defaults_and_settings():
    assert Retention.from_settings({}) == Retention(signatures_years=10, minutes_years=10)
    assert Retention.from_settings({"minutes_years": "30"}).minutes_years == 30


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ({"minutes_year": 3}, "unknown key(s) in [retention]: minutes_year"),
        ({"minutes_years": -1}, "whole number of years"),
        ({"signatures_years": "zehn"}, "whole number of years"),
        ({"signatures_years": True}, "whole number of years"),
    ],
)
def test_bad_retention_settings_say_what_is_allowed(table, words):
    with pytest.raises(ConfigurationError) as err:
        Retention.from_settings(table, "gremium.toml")
    assert words in err.value.message("en") and "gremium.toml" in err.value.message("en")


def test_a_period_runs_to_the_end_of_the_year_n_years_after_its_event():
    assert kept_until(dt.date(2026, 3, 11), 10) == dt.date(2036, 12, 31)
    assert kept_until(None, 10) is None  # not started: kept
    assert still_kept(dt.date(2026, 3, 11), 10, dt.date(2036, 12, 31))
    assert not still_kept(dt.date(2026, 3, 11), 10, dt.date(2037, 1, 1))


def test_the_key_file_is_created_0600_rotated_atomically_and_never_overwritten(tmp_path):
    path = tmp_path / "keys" / "audit.key"
    ring = Keyring.create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = ring.newest
    assert key_id(ring.get(first)) == first
    second = ring.rotate()
    loaded = Keyring.load(path)
    assert loaded is not None and list(loaded.keys) == [first, second]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["audit.key"]  # no temporary left
    with pytest.raises(ConfigurationError):
        Keyring.create(path)
    assert Keyring.load(tmp_path / "missing.key") is None


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_key_file_edited_or_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "audit.key"
    Keyring.create(path)
    path.chmod(0o640)
    with pytest.raises(ConfigurationError) as err:
        Keyring.load(path)
    assert "chmod 600" in err.value.message("en")
    path.chmod(0o600)
    kid, encoded = path.read_text().splitlines()[-1].split()
    path.write_text(f"{kid} {encoded[:-4]}AAA=\n")
    with pytest.raises(ConfigurationError) as err:
        Keyring.load(path)
    assert "line 1" in err.value.message("en")
