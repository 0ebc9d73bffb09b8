"""What the dataset card says about the corpus's composition: sources, dates, licences, automatic layers.

A corpus mixes publishers, licences and provenance: the seed is the
publisher's text annotated by hand, Wikinews articles are CC BY 2.5 text
annotated automatically. Every sentence here is computed from the build's
tally (``newscorpus.release.tally``), so the card names every part with its
count and every automatic layer the data holds, and cannot claim a date range,
a licence or a gold layer the records do not have. What is open is decided by
``newscorpus.licensing`` alone.
"""

from __future__ import annotations

from newscorpus.licensing import (
    ANNOTATIONS_LICENSE_ID,
    ANNOTATIONS_LICENSE_URL,
    HUB_OTHER,
    OPEN_LICENSES,
    hub_license_id,
    is_open_license,
    license_label,
)
from newscorpus.release.tally import CardTally, most_common

ATTRIBUTION_FILE = "ATTRIBUTION.md"
PUBLISHER_LICENSE_NAME = "publisher-copyright"
_MARKDOWN_SPECIAL = str.maketrans({char: f"\\{char}" for char in "\\`*_[]<>#|"})


def markdown_text(text: str) -> str:
    """``text`` with the characters Markdown would read as markup escaped, so that it shows as written."""
    return text.translate(_MARKDOWN_SPECIAL)


def text_license_ids(tally: CardTally) -> list[str]:
    """The SPDX ids of the text licences in the corpus ("" for text that is not openly licensed), sorted."""
    return sorted({license_id for _, license_id in tally.parts})


def card_licenses(tally: CardTally) -> list[str]:
    """The Hub licence identifiers of the card: each part's text licence, the annotations', ``other`` last."""
    ids = {hub_license_id(license_id) for license_id in text_license_ids(tally)}
    ids.add(hub_license_id(ANNOTATIONS_LICENSE_ID))
    return sorted(ids - {HUB_OTHER}) + ([HUB_OTHER] if HUB_OTHER in ids else [])


def _part_line(publisher: str, license_id: str, count: int) -> str:
    return f"{publisher}: {count} document(s), text {license_label(license_id or None)}"


def license_details(tally: CardTally) -> str:
    """The card's YAML ``license_details``: each part and its licence, in one line."""
    parts = "; ".join(_part_line(publisher, license_id, count) for (publisher, license_id), count in _parts(tally))
    return (
        f"Mixed: {parts}. Annotations {ANNOTATIONS_LICENSE_ID} for every document; code Apache-2.0. "
        f"'other' is the text that belongs to its publisher. Each row's license_id and open_license say "
        f"which part it is in; {ATTRIBUTION_FILE} credits every CC BY article."
    )


def _parts(tally: CardTally) -> list[tuple[tuple[str, str], int]]:
    return most_common(tally.parts)


def composition_rows(tally: CardTally) -> str:
    """Rows of the card's summary table: publishers with counts, publication dates and undated documents."""
    publishers = ", ".join(f"{markdown_text(name)} {count}" for name, count in most_common(tally.publishers))
    dates = f"{tally.first_date} to {tally.last_date}" if tally.first_date else "none established"
    return (
        f"| publishers | {len(tally.publishers)} ({publishers}) |\n"
        f"| publication dates | {dates}; {tally.undated} document(s) undated |"
    )


def sources_paragraph(tally: CardTally) -> str:
    """Publishers with counts, the publication dates and how many documents are undated."""
    listed = "; ".join(f"{name}: {count} article(s)" for name, count in most_common(tally.publishers))
    if tally.first_date:
        span = f"published {tally.first_date}" + (
            f" to {tally.last_date}" if tally.last_date != tally.first_date else ""
        )
        dated = tally.documents - tally.undated
        span += f" ({dated} dated document(s); {tally.undated} undated, their publication date not established)"
    else:
        span = f"no publication date established for any of the {tally.documents} document(s)"
    return f"{len(tally.publishers)} publisher(s), {span}. {listed}."


def automatic_layers(tally: CardTally) -> list[str]:
    """Layers that hold automatic annotation in at least one document, with how many documents."""
    found = []
    for name in tally.layer_order:
        auto = tally.layers[name].documents_by_kind["auto"]
        if auto:
            found.append(f"{name} ({'every document' if auto == tally.documents else f'{auto} of {tally.documents}'})")
    return found


def limitations_paragraph(tally: CardTally) -> str:
    """The card's Limitations: the size caveat, debatable decisions, and every automatic layer by name."""
    automatic = automatic_layers(tally)
    listed = (
        f"Automatic layers, made by tools and not checked by a person, have tool errors (their tool and "
        f"version are in each layer's provenance; use the `gold` items to train and score): {', '.join(automatic)}."
        if automatic
        else "Every layer of every document is gold."
    )
    return (
        f"**Limitations.** {tally.documents} document(s) make a small corpus: figures computed on it say little "
        f"about model quality, above all on the few gold documents. Annotations encode documented but "
        f'debatable decisions (for example metonymy: "the Kremlin" as an organization). {listed}'
    )


def licensing_section(tally: CardTally) -> str:
    """The card's Licensing section: each part with its count and licence, annotations, attribution, filtering."""
    rows = "\n".join(
        f"| {publisher} | {count} | {license_label(license_id or None)} |"
        + (f" <{OPEN_LICENSES[license_id].url}> |" if is_open_license(license_id) else " - |")
        for (publisher, license_id), count in _parts(tally)
    )
    closed = tally.documents - tally.open_documents
    attributed = len(tally.attributions)
    return f"""The corpus has parts under different terms. Every row of every config says which its
article is in: `license_id` (the SPDX identifier of the text's licence, null when the
text is not openly licensed; `source.license_id` in `documents`) and `open_license`
(true when anyone may copy, change and redistribute the text).

| part (publisher) | documents | licence of the text | licence text |
|---|---|---|---|
{rows}

**Article text.** {tally.open_documents} of {tally.documents} documents are openly licensed.
{attributed} are under a licence that requires attribution (CC BY): `{ATTRIBUTION_FILE}`
in this folder credits each of them (title, author, URL, licence) and states the
changes made (the text was normalized and annotated); keep it with any copy.
The text of the other {closed} document(s) belongs to its publisher and is not licensed
by newscorpus; its presence here grants no right to redistribute it, and each
such record's `source.license` says so. To keep only openly licensed text,
filter any config on `open_license`.

**Annotations** (every layer, the metadata, the offsets: all that newscorpus adds)
are released under {ANNOTATIONS_LICENSE_ID} (<{ANNOTATIONS_LICENSE_URL}>) for all
{tally.documents} documents; code under Apache-2.0. See DATASHEET.md in the repository."""


def croissant_licenses(tally: CardTally) -> list[str | dict[str, str]]:
    """Croissant ``license``: the annotations' licence, each open text licence, and the publishers' rights."""
    licenses: list[str | dict[str, str]] = [ANNOTATIONS_LICENSE_URL]
    for license_id in text_license_ids(tally):
        if is_open_license(license_id) and OPEN_LICENSES[license_id].url not in licenses:
            licenses.append(OPEN_LICENSES[license_id].url)
    if any(not is_open_license(license_id) for license_id in text_license_ids(tally)):
        licenses.append(
            {
                "@type": "sc:CreativeWork",
                "name": "Article text not openly licensed: publisher's copyright",
                "description": f"{tally.documents - tally.open_documents} document(s) hold text that belongs to its "
                "publisher and is not licensed by newscorpus (open_license false; source.license says so). "
                f"Annotations are {ANNOTATIONS_LICENSE_ID}; openly licensed text is under the licence in each row's "
                f"license_id, credited in {ATTRIBUTION_FILE}.",
            }
        )
    return licenses


def render_attribution(tally: CardTally) -> str:
    """``ATTRIBUTION.md``: every article whose licence requires attribution, by document id.

    Each entry carries what CC BY asks for (title, author, source URL,
    licence with its link) and the note of the changes made, all from the
    record's ``source.attribution``.
    """
    entries = "\n".join(
        f"- **{markdown_text(attribution['title'])}** by {markdown_text(attribution['author'])}, "
        f"<{attribution['url']}>, licensed under [{attribution['license']}]({attribution['license_url']}). "
        f"{markdown_text(attribution['changes'])} Document id: `{document_id}`."
        for document_id, attribution in tally.attributions
    )
    return f"""# Attribution

The release holds {len(tally.attributions)} article(s) whose licence requires that
each be credited. They are listed below with title, author, where they were
published, their licence and the changes newscorpus made. Keep this file with
any copy of the release or of its article text. The annotations are
{ANNOTATIONS_LICENSE_ID} (newscorpus contributors); see README.md, Licensing.

{entries}
"""
