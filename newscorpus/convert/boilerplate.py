"""Split normalized paragraphs into boilerplate and article paragraphs with roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newscorpus.convert.profiles import DatelineSlot, Profile, Rule
from newscorpus.text.normalize import NormalizedParagraph

_HEADER_LINE = re.compile(r"([a-z][a-z0-9_-]*): (.+)")


@dataclass(frozen=True, slots=True)
class BoilerplateBlock:
    """A recognised non-body block, located in the raw capture."""

    kind: str
    rule: str
    paragraph: NormalizedParagraph

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "raw_start": self.paragraph.raw_start,
            "raw_end": self.paragraph.raw_end,
            "text": self.paragraph.text,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class ArticleParts:
    """What a capture is made of: article paragraphs with roles, boilerplate, and the capture header's fields."""

    paragraphs: tuple[NormalizedParagraph, ...]
    roles: tuple[str, ...]
    boilerplate: tuple[BoilerplateBlock, ...]
    header: dict[str, str] = field(default_factory=dict)  # raw values, as the capture holds them

    def text_of(self, role: str) -> str | None:
        return next((p.text for p, r in zip(self.paragraphs, self.roles, strict=True) if r == role), None)


def _first_match(rules: tuple[Rule, ...], paragraph: NormalizedParagraph) -> Rule | None:
    return next((rule for rule in rules if rule.matches(paragraph)), None)


def _header_fields(paragraph: NormalizedParagraph, raw: str) -> dict[str, str] | None:
    """The ``key: value`` lines of a capture header, read from the raw text; None if it is not one."""
    lines = raw[paragraph.raw_start : paragraph.raw_end].split("\n")
    matches = [_HEADER_LINE.fullmatch(line) for line in lines]
    if not all(matches):
        return None
    return {match[1]: match[2] for match in matches if match}


def _split_first_line(paragraph: NormalizedParagraph) -> tuple[NormalizedParagraph, NormalizedParagraph] | None:
    """The paragraph's first line and the rest, as two paragraphs (the line break becomes a paragraph break)."""
    for index, segment in enumerate(paragraph.segments):
        if segment.text == "\n":
            first, rest = paragraph.segments[:index], paragraph.segments[index + 1 :]
            return (
                NormalizedParagraph("".join(s.text for s in first), first),
                NormalizedParagraph("".join(s.text for s in rest), rest),
            )
    return None


def _take_dateline(remaining: list[NormalizedParagraph], at: int, slot: DatelineSlot) -> bool:
    """Whether ``remaining[at]`` is (or, split off its first line, begins with) a dateline; splits it if so."""
    if at >= len(remaining):
        return False
    paragraph = remaining[at]
    if slot.pattern.fullmatch(paragraph.text):
        return True
    if slot.split_line and (parts := _split_first_line(paragraph)) and slot.pattern.fullmatch(parts[0].text):
        remaining[at : at + 1] = list(parts)
        return True
    return False


def split_article(paragraphs: list[NormalizedParagraph], profile: Profile, raw: str = "") -> ArticleParts:
    """Take off the capture header and leading and trailing boilerplate, then give the paragraphs roles.

    The first article paragraph is the headline; notices right after it are
    boilerplate too; then a credit may follow, then a dateline; image captions
    may stand anywhere after the headline.
    """
    remaining = list(paragraphs)
    leading: list[BoilerplateBlock] = []
    trailing: list[BoilerplateBlock] = []
    header: dict[str, str] = {}
    slot = profile.header
    fields = _header_fields(remaining[0], raw) if slot and remaining else None
    if slot and fields is not None and (slot.url_key in fields or slot.date_key in fields):
        header = fields
        leading.append(BoilerplateBlock("header", f"{profile.id}:{slot.name}", remaining.pop(0)))
    while remaining and (rule := _first_match(profile.leading, remaining[0])):
        leading.append(BoilerplateBlock(rule.kind, f"{profile.id}:{rule.name}", remaining.pop(0)))
    while remaining and (rule := _first_match(profile.trailing, remaining[-1])):
        trailing.insert(0, BoilerplateBlock(rule.kind, f"{profile.id}:{rule.name}", remaining.pop()))

    notices: list[BoilerplateBlock] = []
    while len(remaining) > 1 and (rule := _first_match(profile.after_headline, remaining[1])):
        notices.append(BoilerplateBlock(rule.kind, f"{profile.id}:{rule.name}", remaining.pop(1)))
    credits: list[BoilerplateBlock] = []
    next_index = 1
    credit = profile.credit
    if len(remaining) > 1 and credit and credit.matches(remaining[1]):
        credits.append(BoilerplateBlock("credit", f"{profile.id}:{credit.name}", remaining[1]))
        next_index = 2
    dateline_at = None
    if remaining and profile.dateline and _take_dateline(remaining, next_index, profile.dateline):
        dateline_at = next_index
    roles = ["body"] * len(remaining)
    if remaining:
        roles[0] = "headline"
    if credits:
        roles[1] = "credit"
    if dateline_at is not None:
        roles[dateline_at] = "dateline"
    for index in range(1, len(remaining)):
        if roles[index] == "body" and _first_match(profile.captions, remaining[index]):
            roles[index] = "caption"
    return ArticleParts(tuple(remaining), tuple(roles), (*leading, *notices, *credits, *trailing), header)
