"""Publisher profiles: boilerplate and metadata rules kept as data files, one TOML file per publisher.

Profiles come from two folders: the packaged ``newscorpus/data/profiles/``
and the corpus's own ``corpus/profiles/`` (so that a corpus can add a
publisher without changing the installed package). The format is documented
in docs/profiles.md and checked by ``newscorpus.convert.profile_format``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newscorpus.convert.profile_format import check_profile
from newscorpus.problems.errors import UnusableInputError
from newscorpus.text.normalize import NormalizedParagraph

PROFILE_DIR = Path(__file__).parent.parent / "data" / "profiles"
CORPUS_PROFILES = ("corpus", "profiles")  # under a corpus root
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
class HeaderSlot:
    """A capture header (``key: value`` lines before the title) and the keys that give URL and date."""

    name: str
    url_key: str | None
    date_key: str | None
    url_rewrites: tuple[tuple[re.Pattern[str], str], ...]

    def url_of(self, header: dict[str, str]) -> str | None:
        url = header.get(self.url_key) if self.url_key else None
        if url is None:
            return None
        for pattern, replacement in self.url_rewrites:
            url = pattern.sub(replacement, url)
        return url


@dataclass(frozen=True, slots=True)
class DatelineSlot:
    """The dateline after the headline; its pattern names the groups year, month, day (and weekday)."""

    name: str
    pattern: re.Pattern[str]
    split_line: bool  # a dateline may be the first line of the paragraph after the headline


@dataclass(frozen=True, slots=True)
class Profile:
    """How to take a publisher's capture apart into header, banner, headline, credit, dateline, body, trailer."""

    id: str
    publisher: str | None
    language: str
    license: str
    license_id: str | None  # SPDX id of an open licence of the text, or None
    license_url: str | None
    attribution_author: str | None  # whom the licence's attribution credits, e.g. "Wikinews contributors"
    detect: re.Pattern[str] | None
    leading: tuple[Rule, ...]
    trailing: tuple[Rule, ...]
    credit: Rule | None
    header: HeaderSlot | None = None
    dateline: DatelineSlot | None = None
    captions: tuple[Rule, ...] = ()
    after_headline: tuple[Rule, ...] = ()  # notices between the headline and the article (review templates)


def _rule(data: dict[str, str], kind: str) -> Rule:
    return Rule(data["name"], data.get("kind", kind), re.compile(data["pattern"]))


def _header(data: dict | None) -> HeaderSlot | None:
    if data is None:
        return None
    rewrites = tuple((re.compile(r["pattern"]), r["replacement"]) for r in data.get("url_rewrite", []))
    return HeaderSlot(data["name"], data.get("url"), data.get("published"), rewrites)


def _dateline(data: dict | None) -> DatelineSlot | None:
    if data is None:
        return None
    return DatelineSlot(data["name"], re.compile(data["pattern"]), data.get("split_line", False))


def parse_profile(source: Path, shown: str | None = None) -> Profile:
    """A profile file, checked; ``shown`` is how errors name the file (default: its path)."""
    where = shown or str(source)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UnusableInputError("profile.invalid", where, f"not valid TOML: {error}") from error
    except OSError as error:
        raise UnusableInputError("profile.invalid", where, f"cannot read: {error.strerror}") from error
    check_profile(data, where)
    detect = data.get("detect")
    return Profile(
        id=data["id"],
        publisher=data.get("publisher"),
        language=data.get("language", "en"),
        license=data["license"],
        license_id=data.get("license_id"),
        license_url=data.get("license_url"),
        attribution_author=data.get("attribution_author"),
        detect=re.compile(detect) if detect else None,
        leading=tuple(_rule(rule, "banner") for rule in data.get("leading", [])),
        trailing=tuple(_rule(rule, "trailer") for rule in data.get("trailing", [])),
        credit=_rule(data["credit"], "credit") if "credit" in data else None,
        header=_header(data.get("header")),
        dateline=_dateline(data.get("dateline")),
        captions=tuple(_rule(rule, "caption") for rule in data.get("caption", [])),
        after_headline=tuple(_rule(rule, "banner") for rule in data.get("after_headline", [])),
    )


def profile_files(root: Path | None) -> list[tuple[Path, str]]:
    """Profile files with the name errors give them: packaged first, then the corpus's, each sorted."""
    files = [(path, f"newscorpus/data/profiles/{path.name}") for path in sorted(PROFILE_DIR.glob("*.toml"))]
    if root is not None:
        folder = root.joinpath(*CORPUS_PROFILES)
        files += [(path, "/".join((*CORPUS_PROFILES, path.name))) for path in sorted(folder.glob("*.toml"))]
    return files


def _fingerprint(root: Path | None) -> tuple[tuple[str, int, int], ...]:
    return tuple((shown, p.stat().st_mtime_ns, p.stat().st_size) for p, shown in profile_files(root))


@cache
def _load(root: Path | None, fingerprint: tuple[tuple[str, int, int], ...]) -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    origin: dict[str, str] = {}
    for path, shown in profile_files(root):
        profile = parse_profile(path, shown)
        if profile.id in profiles:
            raise UnusableInputError(
                "profile.duplicate-id",
                f"{shown} [id]",
                f"profile id {profile.id!r} is also the id of {origin[profile.id]}",
                "give each profile its own id (the name of the corpus/raw/ folder it is for)",
            )
        profiles[profile.id] = profile
        origin[profile.id] = shown
    return profiles


def load_profiles(root: Path | None = None) -> dict[str, Profile]:
    """All profiles by id: the packaged ones and, with ``root``, those in its corpus/profiles/ (cached per file set)."""
    resolved = root.resolve() if root is not None else None
    return _load(resolved, _fingerprint(resolved))


def choose_profile(
    publisher_folder: str | None, paragraphs: list[NormalizedParagraph], root: Path | None = None
) -> Profile:
    """The profile named by the raw file's folder, else one whose detect pattern matches, else generic."""
    profiles = load_profiles(root)
    if publisher_folder in profiles:
        return profiles[publisher_folder]
    for profile in profiles.values():
        if profile.detect and any(profile.detect.fullmatch(p.text) for p in paragraphs):
            return profile
    return profiles[GENERIC]
