"""First-person plurals in a quotation: "we", "us", "our" join the organisation the speaker speaks for.

Guidelines 7.14: "we", "us", "our" inside a quotation join the group the
speaker speaks for when the text names it, and are left out otherwise. The
group is named in two ways news writes again and again:

* the speaker is the organisation itself ("PG&E said: '... our system'");
* the speaker is a person the text ties to an organisation in the noun
  phrase that introduces them: the organisation before the person's role
  and name ("Sea-Eye spokesperson Carlotta Weibl", "PG&E President and CEO
  Andy Vesey") or in an apposition after the name ("Alexis Boon, the head of
  the Metropolitan Police Counter Terrorism Command,").

A person named with no organisation in view (a witness, a relative) gives
no group, so their "we" stays out, as the guidelines ask.
"""

from __future__ import annotations

from collections.abc import Sequence

from newscorpus.annotate.clusters import Clusters
from newscorpus.annotate.interviews import interview_turns
from newscorpus.annotate.mentions import Mention, MentionFinder
from newscorpus.annotate.shapes import TITLES

FIRST_PERSON_PLURAL = {"we": "pronoun", "us": "pronoun", "ourselves": "pronoun", "our": "possessive"}
FIRST_PERSON_PLURAL |= {"ours": "possessive"}
GROUP_LABELS = frozenset({"ORG"})
# Words that may stand between an organisation and the name of the person it employs ("PG&E President and CEO").
_ROLE_JOINERS = frozenset({"and", "&", "'s", "\u2019s", "-"})
_MAX_ROLE_WORDS = 5
# An apposition after a name that ties it to an organisation: ", the head of ...", ", a spokesman for ...".
_APPOSITION_OPENERS = frozenset({"the", "a", "an"})
_AFFILIATION_WORDS = frozenset({"of", "for", "at", "from"})
_MAX_APPOSITION_WORDS = 6

# A quotation: its content (character span), its source, and whether a cue frames it.
Quotation = tuple[tuple[int, int], Mention, bool]


def _role_word(finder: MentionFinder, index: int) -> bool:
    """A word of a role between an organisation and a name: "spokesperson", "President", "chief executive"."""
    token = finder.article.token(index)
    return token.isalpha() and (token.islower() or finder.word(index) in TITLES)


def _organisation_before(finder: MentionFinder, name: Mention) -> Mention | None:
    """The organisation right before a person's role and name: "Sea-Eye spokesperson Carlotta Weibl"."""
    index = name.first - 1
    words = 0
    while index >= 0 and words < _MAX_ROLE_WORDS:
        if _role_word(finder, index) or finder.word(index) in _ROLE_JOINERS:
            index -= 1
            words += 1
            continue
        break
    if words == 0 or index < 0:
        return None
    return next((n for n in finder.names() if n.end == index + 1 and n.label in GROUP_LABELS), None)


def _organisation_after(finder: MentionFinder, name: Mention) -> Mention | None:
    """The organisation in an apposition after a name: "Alexis Boon, the head of the ... Command,"."""
    article = finder.article
    index = name.end
    if index + 2 >= len(article) or finder.word(index) != "," or finder.word(index + 1) not in _APPOSITION_OPENERS:
        return None
    index += 2
    stop = min(len(article), index + _MAX_APPOSITION_WORDS)
    while index < stop and finder.word(index) not in _AFFILIATION_WORDS:
        if not _role_word(finder, index):
            return None
        index += 1
    if index >= stop:
        return None
    index += 1
    if index < len(article) and finder.word(index) == "the":
        index += 1
    organisation = finder.name_at(index)
    return organisation if organisation is not None and organisation.label in GROUP_LABELS else None


def speakers_group(finder: MentionFinder, clusters: Clusters, source: Mention) -> int | None:
    """The cluster of the organisation ``source`` speaks for: itself, or the one its introduction names."""
    speaker = clusters.of(source)
    if speaker is None:
        return None
    if clusters.label.get(speaker) in GROUP_LABELS:
        return speaker
    if clusters.label.get(speaker) != "PERSON":
        return None
    names = [m for span, m in sorted(clusters.mentions.items()) if clusters.cluster_of[span] == speaker]
    for name in names:
        if name.kind != "name":
            continue
        organisation = _organisation_before(finder, name) or _organisation_after(finder, name)
        if organisation is not None and clusters.of(organisation) is not None:
            return clusters.of(organisation)
    return None


def add_group_pronouns(finder: MentionFinder, clusters: Clusters, quotations: Sequence[Quotation]) -> None:
    """ "we", "us", "our" in a quotation join the cluster of the organisation its speaker speaks for.

    Interview turns are left out: there an interviewer's "we" is the
    publication or the reader, and an interviewee's the lab or the family as
    often as a named group. A "we" that was only a nested quotation's source
    ("we'd be in for a battle" inside the coach's quote), alone in its
    cluster, moves into the group.
    """
    article = finder.article
    turns = {content for content, _ in interview_turns(article)}
    for content, source, _ in quotations:
        if content in turns:
            continue
        group = speakers_group(finder, clusters, source)
        if group is None:
            continue
        for index in article.token_range(*content):
            kind = FIRST_PERSON_PLURAL.get(finder.word(index))
            if kind is not None:
                clusters.join_alone(Mention(index, index + 1, kind), group)
