"""Issue 14.1: the action links of calls for proposals, circulated minutes,
signature requests, accession applications and action items, and what they
do (agreeing with minutes, the simple electronic signature, the signed paper
on its way)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- agreeing with circulated minutes ---
    "action.minutes.agree": {
        "de": "dem versandten Protokoll zustimmen",
        "en": "agree with the circulated minutes",
    },
    "minutes.error.not_out_for_agreement": {
        "de": "Das Protokoll der Sitzung {meeting} ist nicht versandt (Stand: {state}); "
        "zustimmen kann man nur einem versandten Protokoll, bis zum Ende der Einwendungsfrist.",
        "en": "The minutes of meeting {meeting} are not circulated (state: {state}); "
        "one can agree only with circulated minutes, until the objection period ends.",
    },
    "minutes.error.period_over": {
        "de": "Die Einwendungsfrist für das Protokoll der Sitzung {meeting} endete am {deadline}.",
        "en": "The objection period of the minutes of meeting {meeting} ended on {deadline}.",
    },
    "minutes.error.already_agreed": {
        "de": "{organisation} hat der Fassung {revision} dieses Protokolls bereits zugestimmt "
        "({person}, {at}).",
        "en": "{organisation} has agreed with revision {revision} of these minutes already "
        "({person}, {at}).",
    },
    "minutes.cli.agreed": {
        "de": "{organisation} stimmt der Fassung {revision} des Protokolls der Sitzung {meeting} zu.",
        "en": "{organisation} agrees with revision {revision} of the minutes of meeting {meeting}.",
    },
    "minutes.cli.agreement_line": {
        "de": "Zustimmung: {organisation} ({person}), Fassung {revision}, {at}",
        "en": "Agreed: {organisation} ({person}), revision {revision}, {at}",
    },
    # --- the simple electronic signature; the signed paper on its way ---
    "rule.electronic_signature": {
        "de": "einfache elektronische Unterschrift über den Link der Unterschriftsanfrage erlaubt",
        "en": "simple electronic signature through the signature request's link allowed",
    },
    "signature.error.electronic_off": {
        "de": "Die Geschäftsordnung von {committee} sieht keine elektronische Unterschrift vor "
        "(Regel electronic_signature). Unterschreiben Sie auf Papier und senden Sie die Seite "
        "an die Geschäftsstelle.",
        "en": "The rules of procedure of {committee} allow no electronic signature "
        "(rule electronic_signature). Sign on paper and send the page to the secretariat.",
    },
    "signature.error.typed_name": {
        "de": "Der eingegebene Name „{typed}“ ist nicht Ihr Name, wie ihn das Gremium kennt: "
        "Geben Sie „{name}“ ein.",
        "en": "The name typed, “{typed}”, is not your name as the committee knows it: "
        "type “{name}”.",
    },
    "signature.error.not_open": {
        "de": "Die Fassung {ref} liegt nicht zur Unterschrift aus.",
        "en": "Version {ref} is not open for signature.",
    },
    "signature.error.already_announced": {
        "de": "Für {organisation} ist bereits vermerkt, dass die unterschriebene Seite unterwegs ist "
        "({person}, {at}).",
        "en": "It is recorded already that the signed page of {organisation} is on its way "
        "({person}, {at}).",
    },
    "signature.cli.paper_on_its_way": {
        "de": "nein (Papier unterwegs seit {at})",
        "en": "no (paper on its way since {at})",
    },
}
