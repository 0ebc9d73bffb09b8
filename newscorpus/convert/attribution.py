"""The attribution an openly licensed article carries, made per article from its profile.

CC BY asks whoever shares the work to give its title, its author, where it was
published, the licence with a link to it, and whether it was changed. The
licence comes from the publisher profile; title and URL from the article.
"""

from __future__ import annotations

from typing import Any

from newscorpus.convert.profiles import Profile

# What convert does to every text it takes in (see docs/formats.md and docs/preannotation.md).
CHANGES = (
    "Text normalized by newscorpus (Unicode NFC, spaces folded, paragraphs separated by one blank line; "
    "source metadata moved out of the text) and annotated (sentences, tokens, entities, coreference, "
    "quotations, temporal expressions)."
)


def attribution_of(profile: Profile, title: str | None, url: str | None) -> dict[str, Any] | None:
    """The record's ``source.attribution``: None when the text has no open licence to attribute under.

    An openly licensed article without a title or URL cannot be attributed
    and gets None too; validation reports it (``source.attribution-missing``).
    """
    if profile.license_id is None or profile.license_url is None or not title or not url:
        return None
    return {
        "title": title,
        "author": profile.attribution_author or profile.publisher or "unknown author",
        "url": url,
        "license": profile.license_id,
        "license_url": profile.license_url,
        "changes": CHANGES,
    }
