"""Token features of the statistical NER model: one list of feature strings per token, by sentence.

Features are general, never names: the word and its lowercase form, its
shape ("Xxxx", "dd", "X.X."), affixes, casing, whether it touches its
neighbours without a space (an infix hyphen: "Al-Qaeda" is three tokens),
its neighbours' words and shapes, where it sits (sentence start, paragraph
role: headline, dateline, caption, credit, body), whether the same word
occurs in lowercase or capitalised elsewhere in the article (a sentence's
first word "Police" against a name), the gazetteer's label of a name it is
part of (BIO), the temporal expression rules' type (BIO), and the entity
rules' label (BIO: the model learns when to trust them), and the context
of capitalised runs, acronyms and credit words (``ner_context``). The gazetteer
is whatever the caller passes: the generic shipped lists, plus gold names of
training documents only (``newscorpus.annotate.ner_model``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from newscorpus.annotate.article import Article
from newscorpus.annotate.ner_context import context_features
from newscorpus.annotate.timex import Timex

FEATURES_VERSION = "3"
_WINDOW = (-2, -1, 1, 2)
_TIMEX_TAGS = {"DATE": "DATE", "DURATION": "DURATION", "SET": "SET", "TIME": "TIME"}


@cache
def word_shape(word: str) -> str:
    """Characters as X (upper), x (lower), d (digit), others as themselves; runs longer than 2 cut to 2."""
    shape = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


class NameIndex:
    """Names as token tuples, looked up by first token: the longest name starting at a token wins."""

    def __init__(self, names: Mapping[tuple[str, ...], str]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, label in sorted(names.items(), key=lambda item: (-len(item[0]), item[0])):
            if words:
                self._by_first.setdefault(words[0], []).append((words, label))

    def tags(self, words: Sequence[str]) -> list[str]:
        """BIO tags of ``words`` from the longest names found left to right."""
        tags = ["O"] * len(words)
        index = 0
        while index < len(words):
            for name, label in self._by_first.get(words[index], ()):
                if tuple(words[index : index + len(name)]) == name:
                    tags[index : index + len(name)] = [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)
                    index += len(name) - 1
                    break
            index += 1
        return tags


def _timex_tags(article: Article, timexes: Sequence[Timex]) -> list[str]:
    tags = ["O"] * len(article)
    for timex in timexes:
        kind = "VAGUE" if timex.vague else _TIMEX_TAGS.get(timex.type, timex.type)
        indices = list(article.token_range(timex.start, timex.end))
        for position, index in enumerate(indices):
            tags[index] = f"{'B' if position == 0 else 'I'}-{kind}"
    return tags


def _token_features(word: str) -> list[str]:
    lower = word.lower()
    features = [f"w={lower}", f"shape={word_shape(word)}", f"p2={lower[:2]}", f"p3={lower[:3]}"]
    features += [f"s1={lower[-1:]}", f"s2={lower[-2:]}", f"s3={lower[-3:]}", f"len={min(len(word), 8)}"]
    if word[:1].isupper():
        features.append("title")
    if word.isupper() and any(map(str.isalpha, word)):
        features.append("upper")
    if any(map(str.isdigit, word)):
        features.append("digit")
    return features


def span_tags(article: Article, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO tags of every token from (start, end, label) spans on token boundaries."""
    tags = ["O"] * len(article)
    for start, end, label in spans:
        for position, index in enumerate(article.token_range(start, end)):
            tags[index] = f"{'B' if position == 0 else 'I'}-{label}"
    return tags


def article_features(
    article: Article, names: NameIndex, timexes: Sequence[Timex], rule_spans: Sequence[tuple[int, int, str]] = ()
) -> list[list[list[str]]]:
    """Feature lists of every token, grouped by sentence (the model tags one sentence at a time)."""
    words = article.tokens()
    rules = span_tags(article, rule_spans)
    own = [_token_features(word) for word in words]
    shapes = [word_shape(word) for word in words]
    gazetteer = names.tags(words)
    timex = _timex_tags(article, timexes)
    text = article.text
    first_words = {i for i in range(len(words)) if article.is_sentence_start(i)}
    lowercase_seen = {w for i, w in enumerate(words) if w.islower()}
    capitalised_inside = {w for i, w in enumerate(words) if w[:1].isupper() and i not in first_words}
    context = context_features(article, words)
    sentences = []
    for sentence in range(len(article.sentence_starts)):
        indices = list(article.sentence_tokens(sentence))
        rows = []
        for position, index in enumerate(indices):
            word = words[index]
            start, end = article.token_starts[index], article.token_ends[index]
            row = ["bias", *own[index], f"role={article.role_at(start)}", f"gaz={gazetteer[index]}"]
            row += [f"timex={timex[index]}", f"rule={rules[index]}", *context[index]]
            if index in first_words:
                row.append("sentence_first")
            if position == len(indices) - 1:
                row.append("sentence_last")
            if start > 0 and not text[start - 1].isspace():
                row.append("glued_left")
            if end < len(text) and not text[end].isspace():
                row.append("glued_right")
            if word[:1].isupper():
                if word.lower() in lowercase_seen:
                    row.append("lower_elsewhere")
                if word in capitalised_inside:
                    row.append("capitalised_inside")
                if index not in first_words:
                    row.append("title_mid_sentence")  # capitalised where English does not capitalise
            for offset in _WINDOW:
                other = position + offset
                if 0 <= other < len(indices):
                    neighbour = indices[other]
                    row += [f"{offset}:w={words[neighbour].lower()}", f"{offset}:shape={shapes[neighbour]}"]
                    row.append(f"{offset}:gaz={gazetteer[neighbour]}")
                    if abs(offset) == 1:
                        row += [f"{offset}:timex={timex[neighbour]}", f"{offset}:rule={rules[neighbour]}"]
                else:
                    row.append(f"{offset}:edge")
            rows.append(row)
        sentences.append(rows)
    return sentences
