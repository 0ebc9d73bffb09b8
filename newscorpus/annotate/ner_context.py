"""Context features of the NER model that look past a token's neighbours: capitalised runs and acronyms.

The error classes they serve (issue 16, measured on independent news):

- **a multi-word capitalised run defaults to PERSON** (a space centre, a
  tournament, a browser, a religious order). Every token of a run of
  capitalised words gets the run's head word (the last capitalised word
  before an "of" tail: "Ministry" in "Greek Ministry of Culture"), its last
  word and its first word, its length and the token's place in it. The
  model learns from the gold which head words make which type ("Centre",
  "Cup", "Order", "Ministry", "Browser", "Agency" ...): nothing here lists them.
- **a nationality adjective swallows the organisation it names** ("the Greek
  Ministry of ..."): "Greek" carries the run's head ("ministry"), so the
  model sees that it opens an organisation's name rather than standing alone.
- **acronyms not in the gazetteer are never tagged**: an acronym (two or more
  capitals) is marked, and when the article spells it out (the initials of a
  capitalised run elsewhere in the article: "Environmental Protection Agency"
  and "EPA"), it gets that run's head word, so it takes the type the long
  name would get.
- **photo-credit words leak into names** ("... Image"): a capitalised word
  glued to a colon ("Image:", "Photo:") is a credit word; it is marked, so
  is the token after it, and runs are cut before it.

Headlines are title case: their runs say nothing, so headline tokens get no run features.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newscorpus.annotate.article import Article

# Lowercase words that stay inside a capitalised name between two capitalised words.
CONNECTORS = frozenset({"of", "for", "and", "the", "de", "du", "da", "del", "der", "van", "von", "la", "le", "&"})
# Words that open a prepositional tail: a run's head is the last capitalised word before one.
TAIL_OPENERS = frozenset({"of", "for", "and", "&"})
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*s?")
_WORD = re.compile(r"[A-Z][a-z]+")


@dataclass(frozen=True, slots=True)
class Run:
    """A run of capitalised tokens (with connectors inside), as token indices ``[first, stop)``."""

    first: int
    stop: int
    head: str
    last: str


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(map(str.isupper, word)))


def is_acronym(word: str) -> bool:
    """Two or more capitals, possibly with periods, digits or "&" ("NASA", "U.S.", "AT&T", "G7"): not "I"."""
    return len(word) >= 2 and bool(_ACRONYM.fullmatch(word))


def _glued(article: Article, left: int) -> bool:
    """Whether tokens ``left`` and ``left + 1`` touch without a space."""
    return article.token_ends[left] == article.token_starts[left + 1]


def capitalised_runs(article: Article, words: Sequence[str], credit_words: frozenset[int]) -> list[Run]:
    """Runs of capitalised words within each sentence; connectors and glued hyphens inside, credit words outside."""
    runs = []
    for sentence in range(len(article.sentence_starts)):
        tokens = article.sentence_tokens(sentence)
        index = tokens.start
        while index < tokens.stop:
            if not is_capitalised(words[index]) or index in credit_words:
                index += 1
                continue
            stop = index + 1
            while stop < tokens.stop:
                word = words[stop]
                if is_capitalised(word) and stop not in credit_words:
                    stop += 1
                elif (word in CONNECTORS or (word == "-" and _glued(article, stop - 1))) and (
                    stop + 1 < tokens.stop and is_capitalised(words[stop + 1]) and stop + 1 not in credit_words
                ):
                    stop += 2
                else:
                    break
            runs.append(_run(words, index, stop))
            index = stop
    return runs


def _run(words: Sequence[str], first: int, stop: int) -> Run:
    head_stop = next((i for i in range(first + 1, stop) if words[i].lower() in TAIL_OPENERS), stop)
    return Run(first, stop, words[head_stop - 1].lower(), words[stop - 1].lower())


def credit_word_tokens(article: Article, words: Sequence[str]) -> frozenset[int]:
    """Capitalised words glued to a colon that opens what follows ("Image:", "Photo:", "Source:").

    They introduce a credit or a label, never end a name: "Mark Seidenberg Image: AIP".
    """
    return frozenset(
        index
        for index in range(len(words) - 1)
        if words[index + 1] == ":" and _glued(article, index) and _WORD.fullmatch(words[index])
    )


def _acronym_heads(words: Sequence[str], runs: Sequence[Run]) -> dict[str, str]:
    """Acronym -> head word of a run of the article whose initials spell it ("EPA" -> "agency").

    Any tail of the run may be spelled out ("the former Central Intelligence
    Agency" gives "CIA"), its connectors counted or not ("DOJ", "DJ").
    """
    heads: dict[str, str] = {}
    for run in runs:
        parts = [w for w in words[run.first : run.stop] if w != "-"]
        for first in range(len(parts) - 1):
            tail = parts[first:]
            if not is_capitalised(tail[0]):
                continue
            for initials in (
                "".join(w[0] for w in tail if is_capitalised(w)),
                "".join(w[0] for w in tail if w.lower() not in {"the", "and", "&"}),
            ):
                if len(initials) >= 2:
                    heads.setdefault(initials.upper(), run.head)
    return heads


def context_features(article: Article, words: Sequence[str]) -> list[list[str]]:
    """Run, acronym and credit features of every token of ``article`` (empty lists where none apply)."""
    features: list[list[str]] = [[] for _ in words]
    credit = credit_word_tokens(article, words)
    for index in credit:
        features[index].append("credit_word")
        if index + 1 < len(words):
            features[index + 1].append("after_credit_word")
        if index + 2 < len(words) and words[index + 1] == ":":
            features[index + 2].append("after_credit_word")
    runs = capitalised_runs(article, words, credit)
    for run in runs:
        if article.role_at(article.token_starts[run.first]) == "headline":
            continue
        length = run.stop - run.first
        first_word = words[run.first].lower()
        for index in range(run.first, run.stop):
            place = "U" if length == 1 else "B" if index == run.first else "L" if index == run.stop - 1 else "I"
            row = features[index]
            row += [f"run_place={place}", f"run_len={min(length, 5)}"]
            if length > 1:
                row += [f"run_head={run.head}", f"run_last={run.last}", f"run_first={first_word}"]
                row.append(f"run_head_s3={run.head[-3:]}")
    acronym_heads = _acronym_heads(words, [run for run in runs if run.stop - run.first > 1])
    for index, word in enumerate(words):
        if is_acronym(word):
            features[index].append("acronym")
            letters = word.replace(".", "")
            head = acronym_heads.get(letters[:-1] if letters.endswith("s") else letters)  # "NGOs": "NGO"
            if head is not None:
                features[index] += ["acronym_spelled_out", f"acronym_head={head}"]
    return features
