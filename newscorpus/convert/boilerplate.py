"""Split normalized paragraphs into boilerplate and article paragraphs with roles."""

from __future__ import annotations

from dataclasses import dataclass

from newscorpus.convert.profiles import Profile, Rule
from newscorpus.text.normalize import NormalizedParagraph


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
    """What a capture is made of: article paragraphs with roles, and boilerplate."""

    paragraphs: tuple[NormalizedParagraph, ...]
    roles: tuple[str, ...]
    boilerplate: tuple[BoilerplateBlock, ...]

    def text_of(self, role: str) -> str | None:
        return next((p.text for p, r in zip(self.paragraphs, self.roles, strict=True) if r == role), None)


def _first_match(rules: tuple[Rule, ...], paragraph: NormalizedParagraph) -> Rule | None:
    return next((rule for rule in rules if rule.matches(paragraph)), None)


def split_article(paragraphs: list[NormalizedParagraph], profile: Profile) -> ArticleParts:
    """Peel leading and trailing boilerplate, then take headline and credit from the top."""
    remaining = list(paragraphs)
    leading: list[BoilerplateBlock] = []
    trailing: list[BoilerplateBlock] = []
    while remaining and (rule := _first_match(profile.leading, remaining[0])):
        leading.append(BoilerplateBlock(rule.kind, f"{profile.id}:{rule.name}", remaining.pop(0)))
    while remaining and (rule := _first_match(profile.trailing, remaining[-1])):
        trailing.insert(0, BoilerplateBlock(rule.kind, f"{profile.id}:{rule.name}", remaining.pop()))

    roles = ["body"] * len(remaining)
    credits: list[BoilerplateBlock] = []
    if remaining:
        roles[0] = "headline"
    credit = profile.credit
    if len(remaining) > 1 and credit and credit.matches(remaining[1]):
        roles[1] = "credit"
        credits.append(BoilerplateBlock("credit", f"{profile.id}:{credit.name}", remaining[1]))
    return ArticleParts(tuple(remaining), tuple(roles), (*leading, *credits, *trailing))
