"""Messages of the documents (rendering, PDF/A archive, ``gremium documents``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "documents.error.unknown_kind": {
        "de": "Dokumentart „{value}“ gibt es nicht; erlaubt: {allowed}.",
        "en": "There is no document kind “{value}”; allowed: {allowed}.",
    },
    "documents.error.not_accepted": {
        "de": "Die Beitrittserklärung zu Antrag {ref} gibt es erst, wenn das Gremium den "
        "Antrag angenommen hat (der Antrag ist „{state}“).",
        "en": "The accession declaration of application {ref} exists only once the committee "
        "has accepted the application (it is “{state}”).",
    },
    "documents.error.no_agreement_in_force": {
        "de": "Im Gremium „{committee}“ ist keine Fassung der Vereinbarung in Kraft, der "
        "beigetreten werden könnte.",
        "en": "No version of the agreement is in force in the committee “{committee}” "
        "that could be acceded to.",
    },
    "documents.error.no_folder": {
        "de": "„{path}“ lässt sich nicht schreiben: den Ordner „{folder}“ gibt es nicht.",
        "en": "Cannot write “{path}”: there is no folder “{folder}”.",
    },
    "documents.error.is_folder": {
        "de": "„{path}“ ist ein Ordner; bitte einen Dateinamen angeben.",
        "en": "“{path}” is a folder; please give a file name.",
    },
    "documents.error.unwritable": {
        "de": "„{path}“ lässt sich nicht schreiben ({problem}).",
        "en": "Cannot write “{path}” ({problem}).",
    },
    "documents.error.archived_differs": {
        "de": "Im Archiv liegt schon eine andere Datei „{path}“ (SHA-256 {sha256}); "
        "archivierte Dateien werden nicht überschrieben.",
        "en": "The archive already holds another file “{path}” (SHA-256 {sha256}); "
        "archived files are never overwritten.",
    },
    "documents.cli.written": {
        "de": "{path} geschrieben ({format}, SHA-256 {sha256}).",
        "en": "Wrote {path} ({format}, SHA-256 {sha256}).",
    },
}
