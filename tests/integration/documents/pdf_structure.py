"""What a tagged PDF/A carries, read back with pypdf (no validator runs here:
veraPDF and PAC are not installed and there is no network; these structural
checks are what the tests can assert)."""

from __future__ import annotations

import dataclasses
import io
import xml.etree.ElementTree as ET

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


@dataclasses.dataclass
class Structure:
    pdfa_part: str | None
    pdfa_conformance: str | None
    pdfua_part: str | None
    marked: bool
    lang: str | None
    display_doc_title: bool
    title: str | None
    tags: list[str]
    """Structure element types in reading order (depth first), e.g. ["Document", "H1", ...]."""
    unembedded_fonts: list[str]


def structure(data: bytes) -> Structure:
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    packet = root["/Metadata"].get_object().get_data()
    rdf = ET.fromstring(packet[packet.index(b"<x:xmpmeta") : packet.index(b"</x:xmpmeta>") + 12])
    ids: dict[str, str] = {}
    for description in rdf.iter(f"{RDF}Description"):
        for key, value in description.attrib.items():
            ids[key] = value
        for child in description:
            if child.text and child.tag.startswith((PDFAID, PDFUAID)):
                ids[child.tag] = child.text.strip()
    tags: list[str] = []
    if "/StructTreeRoot" in root:
        _walk(root["/StructTreeRoot"].get_object(), tags)
    mark_info = root.get("/MarkInfo")
    prefs = root.get("/ViewerPreferences")
    return Structure(
        pdfa_part=ids.get(f"{PDFAID}part"),
        pdfa_conformance=ids.get(f"{PDFAID}conformance"),
        pdfua_part=ids.get(f"{PDFUAID}part"),
        marked=bool(mark_info and mark_info.get_object().get("/Marked")),
        lang=str(root["/Lang"]) if "/Lang" in root else None,
        display_doc_title=bool(prefs and prefs.get_object().get("/DisplayDocTitle")),
        title=reader.metadata.title if reader.metadata else None,
        tags=tags,
        unembedded_fonts=_unembedded_fonts(reader),
    )


def _walk(node: DictionaryObject, out: list[str]) -> None:
    kind = node.get("/S")
    if kind is not None:
        out.append(str(kind).lstrip("/"))
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        child = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(child, DictionaryObject) and child.get("/Type") not in ("/MCR", "/OBJR"):
            _walk(child, out)


def _unembedded_fonts(reader: PdfReader) -> list[str]:
    missing = []
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for font in fonts.get_object().values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            for candidate in [font, *(d.get_object() for d in descendants or [])]:
                descriptor = candidate.get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(str(candidate.get("/BaseFont")))
    return missing


def assert_accessible_pdfa(data: bytes, lang: str, *, tables: bool = True) -> Structure:
    """PDF/A-3a and PDF/UA-1 claimed; tagged with headings (and tables); language;
    title shown; every font embedded."""
    found = structure(data)
    assert (found.pdfa_part, found.pdfa_conformance) == ("3", "A"), found
    assert found.pdfua_part == "1", found
    assert found.marked, "catalog /MarkInfo /Marked is not true"
    assert found.lang == lang
    assert found.display_doc_title and found.title
    assert found.tags[:1] == ["Document"]
    assert "H1" in found.tags, found.tags
    if tables:
        assert "Table" in found.tags and "TH" in found.tags and "TD" in found.tags, found.tags
    assert found.unembedded_fonts == []
    return found
