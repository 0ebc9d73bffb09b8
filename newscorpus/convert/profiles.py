"""Publisher profiles: boilerplate rules kept as data files, one TOML file per publisher."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newscorpus.problems.errors import UnusableInputError
from newscorpus.text.normalize import NormalizedParagraph

PROFILE_DIR = Path(__file__).parent.parent / "data" / "profiles"
GENERIC = "generic"


@dataclass(frozen=True, slots=True)
class Rule:
    """A paragraph pattern: ``kind`` of block it recognises, and its name for provenance."""

    name: str
    kind: str
    pattern: re.Pattern[str]

    def matches(self, paragraph: NormalizedParagraph) -> bool:
        return self.pattern.fullmatch(paragraph.text) is not None


@dataclass(frozen=True, slots=True)
class Profile:
    """How to take a publisher's capture apart into banner, headline, credit, body, trailer."""

    id: str
    publisher: str | None
    language: str
    license: str
    detect: re.Pattern[str] | None
    leading: tuple[Rule, ...]
    trailing: tuple[Rule, ...]
    credit: Rule | None


def _rule(data: dict[str, str], kind: str, source: Path) -> Rule:
    try:
        return Rule(data["name"], data.get("kind", kind), re.compile(data["pattern"]))
    except (KeyError, re.error) as error:
        raise UnusableInputError(
            "profile.invalid",
            str(source),
            f"bad rule {data!r}: {error}",
            "each rule needs a name and a valid Python regular expression as pattern",
        ) from error


def parse_profile(source: Path) -> Profile:
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UnusableInputError("profile.invalid", str(source), f"not valid TOML: {error}") from error
    detect = data.get("detect")
    credit = data.get("credit")
    return Profile(
        id=data["id"],
        publisher=data.get("publisher"),
        language=data.get("language", "en"),
        license=data["license"],
        detect=re.compile(detect) if detect else None,
        leading=tuple(_rule(rule, "banner", source) for rule in data.get("leading", [])),
        trailing=tuple(_rule(rule, "trailer", source) for rule in data.get("trailing", [])),
        credit=_rule(credit, "credit", source) if credit else None,
    )


@cache
def load_profiles() -> dict[str, Profile]:
    """All profiles shipped with the package, by id."""
    profiles = {}
    for path in sorted(PROFILE_DIR.glob("*.toml")):
        profile = parse_profile(path)
        profiles[profile.id] = profile
    return profiles


def choose_profile(publisher_folder: str | None, paragraphs: list[NormalizedParagraph]) -> Profile:
    """The profile named by the raw file's folder, else one whose detect pattern matches, else generic."""
    profiles = load_profiles()
    if publisher_folder in profiles:
        return profiles[publisher_folder]
    for profile in profiles.values():
        if profile.detect and any(profile.detect.fullmatch(p.text) for p in paragraphs):
            return profile
    return profiles[GENERIC]
