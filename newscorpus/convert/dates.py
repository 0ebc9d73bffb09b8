"""The publication date a conversion can establish: from the capture header, checked against the dateline.

Without either, the text's own opening lines are the witness (a date line
under the headline, ``newscorpus.annotate.publication``).

The header's date is the source's own published date (for Wikinews, the
page's "published" mark); the dateline is what the article says. When both
are there and disagree, the date is still the header's, and the evidence and
a convert notice say so: a disagreement is reported, never hidden. The value
is automatic (tool and version), never gold.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from newscorpus import __version__
from newscorpus.annotate.publication import date_in_opening_lines, named_date
from newscorpus.record.provenance import auto

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
NOT_ESTABLISHED = {"value": None, "evidence": "not established", "provenance": None}


@dataclass(frozen=True, slots=True)
class Notice:
    """Something convert reports without refusing the capture (printed by convert and build)."""

    code: str
    location: str
    message: str

    def render(self) -> str:
        return f"{self.location}: notice [{self.code}] {self.message}"


def dateline_date(match: re.Match[str]) -> tuple[date | None, str]:
    """The calendar date a dateline match names, or None, with what is wrong with it ('' when nothing)."""
    groups = match.groupdict()
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    try:
        year, day = int(groups["year"]), int(groups["day"])
    except (TypeError, ValueError):
        return None, f"{match[0]!r} is not a calendar date"
    named, problem = named_date(year, month or 0, day, groups.get("weekday"))
    if named is None:
        return None, f"{match[0]!r} is not a calendar date"
    return named, problem


def _header_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


def publication_date(
    header_key: str | None, header_value: str | None, dateline: re.Match[str] | None, location: str
) -> tuple[dict[str, Any], list[Notice]]:
    """``metadata.publication_date`` from the header's date and the dateline, and the notices it gives."""
    notices: list[Notice] = []
    said, problem = dateline_date(dateline) if dateline else (None, "")
    said_text = f"the dateline {dateline[0]!r}" if dateline else ""
    published = _header_date(header_value) if header_value is not None else None
    if header_value is not None and published is None:
        notices.append(Notice("date.header-invalid", location, f"header {header_key}: {header_value!r} is no date"))
    if published is not None:
        evidence = f"capture header '{header_key}: {header_value}' (the source's published date)"
        if dateline is None:
            evidence += "; no dateline to check it against"
        elif said == published and not problem:
            evidence += f"; {said_text} agrees"
        else:
            disagreement = problem or f"it names {said.isoformat() if said else None}"
            evidence += f"; DISAGREES with {said_text}: {disagreement}"
            notices.append(
                Notice("date.dateline-disagrees", location, f"published {published} but {said_text}: {disagreement}")
            )
        value = published
    elif said is not None and not problem:
        evidence, value = f"{said_text} (no date in a capture header)", said
    else:
        if dateline is not None:
            notices.append(Notice("date.dateline-disagrees", location, f"{said_text}: {problem}"))
        return dict(NOT_ESTABLISHED), notices
    provenance = auto("newscorpus.convert", __version__)
    return {"value": value.isoformat(), "evidence": evidence, "provenance": provenance}, notices


def publication_date_from_text(text: str) -> dict[str, Any] | None:
    """``metadata.publication_date`` from the text's opening lines, for a capture whose metadata gives none."""
    found = date_in_opening_lines(text)
    if found is None:
        return None
    evidence = f"{found.evidence} (no date in a capture header or a dateline the profile knows)"
    provenance = auto("newscorpus.convert", __version__)
    return {"value": found.value.isoformat(), "evidence": evidence, "provenance": provenance}
