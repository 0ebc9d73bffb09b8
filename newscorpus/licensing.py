"""What counts as openly licensed text, and how each licence is named on the Hugging Face Hub.

Every record says under which licence its text is published (``source.license_id``,
an SPDX identifier, or null when the text is the publisher's and not openly
licensed). This module is the one place that decides what an identifier means
for the release: whether the text may be redistributed and changed by anyone
(``is_open_license``: the release's ``open_license`` column, the card's counts
and the attribution list all ask it), and which Hub licence identifier the
card's YAML declares for it. A licence missing from the table is treated as not
open, so a new identifier is never redistributed as open by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

ANNOTATIONS_LICENSE_ID = "CC-BY-4.0"
ANNOTATIONS_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
# The Hub's identifier for a licence that is not in its list (the publisher's rights).
HUB_OTHER = "other"
_CC = "https://creativecommons.org/licenses"


@dataclass(frozen=True, slots=True)
class OpenLicense:
    """A licence that lets anyone copy, change and redistribute the text, with its Hub identifier."""

    spdx_id: str
    name: str
    url: str
    hub_id: str
    attribution_required: bool = True


# Open in the sense of the Open Definition: no restriction on use or field of endeavour
# (so no NonCommercial or NoDerivatives licence belongs here).
OPEN_LICENSES: dict[str, OpenLicense] = {
    entry.spdx_id: entry
    for entry in (
        OpenLicense(
            "CC0-1.0", "CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/", "cc0-1.0", False
        ),
        OpenLicense("CC-BY-2.0", "Creative Commons Attribution 2.0", f"{_CC}/by/2.0/", "cc-by-2.0"),
        OpenLicense("CC-BY-2.5", "Creative Commons Attribution 2.5", f"{_CC}/by/2.5/", "cc-by-2.5"),
        OpenLicense("CC-BY-3.0", "Creative Commons Attribution 3.0", f"{_CC}/by/3.0/", "cc-by-3.0"),
        OpenLicense("CC-BY-4.0", "Creative Commons Attribution 4.0", f"{_CC}/by/4.0/", "cc-by-4.0"),
        OpenLicense("CC-BY-SA-3.0", "Creative Commons Attribution-ShareAlike 3.0", f"{_CC}/by-sa/3.0/", "cc-by-sa-3.0"),
        OpenLicense("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0", f"{_CC}/by-sa/4.0/", "cc-by-sa-4.0"),
    )
}


def is_open_license(license_id: str | None) -> bool:
    """Whether text under ``license_id`` may be copied, changed and redistributed by anyone."""
    return license_id in OPEN_LICENSES


def needs_attribution(license_id: str | None) -> bool:
    """Whether redistributing text under ``license_id`` requires crediting each work (the CC BY family)."""
    entry = OPEN_LICENSES.get(license_id or "")
    return entry is not None and entry.attribution_required


def hub_license_id(license_id: str | None) -> str:
    """The Hub's identifier for the licence of a part of the corpus; ``other`` for the publishers' rights."""
    entry = OPEN_LICENSES.get(license_id or "")
    return entry.hub_id if entry else HUB_OTHER


def license_label(license_id: str | None) -> str:
    """How the card names the licence of a part: the SPDX id, or the publisher's rights."""
    return license_id if is_open_license(license_id) else "publisher's copyright (not openly licensed)"
