"""Where the objects live, and the words (German or English) they are named with."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from governance.i18n import translate

BODY_ID = 1
"""One Body per installation: the district office running Gremium."""


@dataclasses.dataclass(frozen=True)
class Urls:
    """Where the objects live: *base* is the interface's root without the trailing slash."""

    base: str
    lang: str = "de"

    def system(self) -> str:
        return self.base + "/"

    def body(self) -> str:
        return f"{self.base}/body/{BODY_ID}"

    def body_list(self, name: str) -> str:
        return f"{self.body()}/{name}"

    def of(self, kind: str, oid: int | str) -> str:
        return f"{self.base}/{kind}/{oid}"

    def words(self, key: str, **params: Any) -> str:
        if params:
            return translate(key, self.lang, **params)
        return _word(key, self.lang)


@functools.lru_cache(maxsize=512)
def _word(key: str, lang: str) -> str:
    """A message without parameters: the same words for every object of every page (the
    catalogue does not change while the program runs)."""
    return translate(key, lang)
