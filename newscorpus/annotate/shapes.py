"""Shape rules for entities the gazetteer does not know: numbers, titled names, name runs, credit lines.

Each rule reads the article's tokens and proposes (start, end, label) spans
on token boundaries; the entity annotator keeps those that do not overlap
what stronger evidence (dates, the gazetteer, a trained pipeline) already
found. Rules err on the side of precision: a missed entity costs a
contributor one addition, a wrong one costs a check and a deletion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from newscorpus.annotate.article import Article
from newscorpus.annotate.words import word_list

Proposal = tuple[int, int, str]  # start token, end token (exclusive), label

NUMBER_WORDS = word_list("number_words")
ORDINAL_WORDS = word_list("ordinal_words")
MAGNITUDES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
CURRENCY_SIGNS = frozenset({"$", "\u00a3", "\u20ac", "\u00a5", "\u20bd"})
CURRENCY_WORDS = frozenset({"dollars", "euros", "pounds", "rubles", "roubles", "yuan", "yen", "francs"})
PERCENT_WORDS = frozenset({"%", "percent"})
UNITS = word_list("units")
# "one" is a pronoun, not a number, after these ("no one", "the one") and before "another".
_ONE_AS_PRONOUN_AFTER = frozenset({"no", "any", "every", "some", "each", "the", "this", "that", "which"})

TITLES = word_list("titles")
ORG_HEADS = word_list("org_heads")
PLACE_PREFIXES = {"port": "GPE", "fort": "GPE", "saint": "GPE", "st.": "GPE", "san": "GPE", "santa": "GPE"}
PLACE_PREFIXES |= {"mount": "LOC", "lake": "LOC", "cape": "LOC"}
PLACE_HEADS = {"street": "FAC", "square": "FAC", "airport": "FAC", "bridge": "FAC", "river": "LOC"}
PLACE_HEADS |= {"mountains": "LOC", "sea": "LOC", "island": "LOC", "city": "GPE", "county": "GPE"}
PLACE_HEADS |= {"province": "GPE", "region": "GPE", "district": "GPE", "oblast": "GPE"}
FUNCTION_WORDS = word_list("function_words")
_NAME_TOKEN = re.compile(r"[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)*|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+")


def is_name_token(token: str) -> bool:
    """A capitalised word that can be part of a name (Lukashenko, O'Brien, Jean-Paul, J., McCain)."""
    return bool(_NAME_TOKEN.fullmatch(token)) and token.lower() not in FUNCTION_WORDS


def is_number_token(token: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:[.,]\d+)*", token)) or token.lower() in NUMBER_WORDS


def _numbers(article: Article) -> Iterator[Proposal]:
    tokens = [t.lower() for t in article.tokens()]
    index = 0
    while index < len(tokens):
        word = tokens[index]
        if word in ORDINAL_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)", word):
            yield index, index + 1, "ORDINAL"
        elif is_number_token(word) and not _one_as_pronoun(tokens, index):
            start, end = index, index + 1
            while end < len(tokens) and (tokens[end] in MAGNITUDES or is_number_token(tokens[end])):
                end += 1
            if _joined_by_hyphen(article, end):
                end += 2  # a score or range written as one word: "7-2"
            label = "CARDINAL"
            if start > 0 and tokens[start - 1] in CURRENCY_SIGNS:
                start, label = start - 1, "MONEY"
            elif end < len(tokens) and tokens[end] in CURRENCY_WORDS:
                end, label = end + 1, "MONEY"
            elif end < len(tokens) and tokens[end] in PERCENT_WORDS:
                end, label = end + 1, "PERCENT"
            elif end < len(tokens) and tokens[end] in UNITS:
                end, label = end + 1, "QUANTITY"
            yield start, end, label
            index = end
            continue
        index += 1


def _joined_by_hyphen(article: Article, index: int) -> bool:
    """Whether tokens ``index`` and ``index + 1`` are "-" and a number, glued to what precedes them."""
    if index + 1 >= len(article) or article.token(index) != "-" or not article.token(index + 1).isdigit():
        return False
    return article.token_starts[index] == article.token_ends[index - 1] and (
        article.token_starts[index + 1] == article.token_ends[index]
    )


def _one_as_pronoun(tokens: list[str], index: int) -> bool:
    if tokens[index] != "one":
        return False
    before = tokens[index - 1] if index else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return before in _ONE_AS_PRONOUN_AFTER or after in {"another", "'s", "\u2019s"}


def _name_run(article: Article, first: int, limit: int) -> int:
    """End (exclusive) of the run of name tokens starting at ``first``, within the sentence."""
    end = first
    while end < limit and is_name_token(article.token(end)) and end - first < 4:
        end += 1
    return end


def _titled_names(article: Article) -> Iterator[Proposal]:
    """PERSON after a title: "President Vladimir Putin", "counterpart Alexander Lukashenko", "Mayor Ana Ruiz"."""
    for sentence in range(len(article.sentence_starts)):
        tokens = article.sentence_tokens(sentence)
        for index in tokens:
            if article.token(index).lower() not in TITLES or index + 1 >= tokens.stop:
                continue
            end = _name_run(article, index + 1, tokens.stop)
            if end > index + 1 and article.token(end - 1).lower() not in TITLES | ORG_HEADS:
                first = index + 1
                while first < end and article.token(first).lower() in TITLES:
                    first += 1  # "President Vladimir": skip capitalised title words
                if first < end:
                    yield first, end, "PERSON"


def _name_runs(article: Article, known: Mapping[str, str]) -> Iterator[Proposal]:
    """Runs of two or more capitalised words: an organisation, a place or a person, by their words."""
    for sentence in range(len(article.sentence_starts)):
        tokens = article.sentence_tokens(sentence)
        index = tokens.start
        while index < tokens.stop:
            end = _name_run(article, index, tokens.stop)
            if end - index >= 2:
                yield from _typed_run(article, index, end, tokens.stop, known)
                index = end
            else:
                index += 1


def _typed_run(article: Article, start: int, end: int, limit: int, known: Mapping[str, str]) -> Iterator[Proposal]:
    words = [article.token(i).lower() for i in range(start, end)]
    if any(article.token(i) in known for i in range(start, end)) or all(w in TITLES for w in words):
        return  # part of a known name ("Belarus Unrest"): leave it to the gazetteer
    if end + 1 < limit and article.token(end) == "of" and words[-1] in ORG_HEADS:
        tail = _name_run(article, end + 1, limit)
        if tail > end + 1:
            yield start, tail, "ORG"  # "Ministry of Defence", "Bank of England"
            return
    if words[-1] in ORG_HEADS:
        yield start, end, "ORG"
    elif words[-1] in PLACE_HEADS:
        yield start, end, PLACE_HEADS[words[-1]]
    elif words[0] in PLACE_PREFIXES:
        yield start, end, PLACE_PREFIXES[words[0]]
    elif not any(w in TITLES for w in words):
        yield start, end, "PERSON"


def _definite_names(article: Article, known: Mapping[str, str]) -> Iterator[Proposal]:
    """One capitalised word after "the" names an institution (ORG): "the Kremlin", "the Pentagon"."""
    for index in range(1, len(article) - 1):
        token = article.token(index)
        if (
            article.token(index - 1).lower() == "the"
            and is_name_token(token)
            and token not in known
            and token.lower() not in TITLES | ORG_HEADS
            and not is_name_token(article.token(index + 1))
            and article.token(index + 1) not in {"-", "of"}
        ):
            yield index, index + 1, "ORG"


def _credit_line(article: Article, known: Mapping[str, str]) -> Iterator[Proposal]:
    """The photographer (PERSON) and the agency (ORG) of a credit paragraph: "Sergei Supinsky / AFP"."""
    for start, end, role in zip(article.paragraph_starts, article.paragraph_ends, article.paragraph_roles, strict=True):
        if role != "credit":
            continue
        offset = start
        for part in article.text[start:end].split("/"):
            part_start = offset + len(part) - len(part.lstrip())
            part_end = offset + len(part.rstrip())
            offset += len(part) + 1
            first, last = article.token_starting_at(part_start), article.token_ending_at(part_end)
            if first is None or last is None:
                continue
            name = article.text[part_start:part_end]
            if name in known:
                yield first, last + 1, known[name]
            elif name.isupper() or name.split()[-1].lower() in ORG_HEADS | {"images", "photos"}:
                yield first, last + 1, "ORG"
            elif all(is_name_token(article.token(i)) for i in range(first, last + 1)):
                yield first, last + 1, "PERSON"


def propose_entities(article: Article, known: Mapping[str, str]) -> Iterator[Proposal]:
    """Every shape-rule proposal, strongest rules first; headlines only get numbers (they are title case)."""
    yield from _credit_line(article, known)
    body = (*_titled_names(article), *_name_runs(article, known), *_definite_names(article, known))
    for proposal in body:
        if article.role_at(article.token_starts[proposal[0]]) == "body":
            yield proposal
    yield from _numbers(article)
