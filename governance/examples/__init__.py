"""Example committees for ``gremium init --example NAME`` and the demo."""

from governance.examples import gemeinschaftsinitiative, treptow_koepenick

EXAMPLES = {
    "treptow-koepenick": treptow_koepenick,
    "gemeinschaftsinitiative": gemeinschaftsinitiative,  # issue 15: programme and areas
}
