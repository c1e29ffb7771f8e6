"""Example committees for ``gremium init --example NAME`` and the demo."""

from governance.examples import treptow_koepenick

EXAMPLES = {"treptow-koepenick": treptow_koepenick}
